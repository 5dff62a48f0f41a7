#!/usr/bin/env bash
# Builds the VS Code extension: factlint-VERSION.vsix in this folder.
# Installs the locked dependencies (npm ci), then packs the extension with the locked
# @vscode/vsce, runtime dependencies (vscode-languageclient) included: extension.js
# loads them at run time, and there is no bundler.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
version=$(node -p 'require("./package.json").version')
# --skip-license: the licence is the repository's (package.json "license"); there is
# no LICENSE file in this folder. --allow-missing-repository: factlint's own
# repository URL is not fixed yet.
npx --no-install vsce package --skip-license --allow-missing-repository \
  --out "factlint-$version.vsix"
echo "editors/vscode/factlint-$version.vsix"
