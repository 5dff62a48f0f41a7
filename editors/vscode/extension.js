// factlint for VS Code: starts `factlint lsp` over standard input and output for
// Markdown (and MDX) documents. Plain JavaScript, no build step.
'use strict';

const path = require('path');
const vscode = require('vscode');

/** @type {import('vscode-languageclient/node').LanguageClient | undefined} */
let client;

/** The documents factlint checks: Markdown and MDX, saved or not. */
const DOCUMENTS = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'file', language: 'mdx' },
  { scheme: 'untitled', language: 'mdx' },
];

/**
 * The command and the initialization options from the `factlint.*` settings.
 * Relative fact paths are taken from the first workspace folder.
 */
function settings() {
  const cfg = vscode.workspace.getConfiguration('factlint');
  const folders = vscode.workspace.workspaceFolders || [];
  const root = folders.length > 0 ? folders[0].uri.fsPath : undefined;
  const command = (cfg.get('path') || 'factlint').trim() || 'factlint';
  const facts = (cfg.get('facts') || [])
    .filter((p) => typeof p === 'string' && p.trim() !== '')
    .map((p) => (root && !path.isAbsolute(p) ? path.join(root, p) : p));
  const date = (cfg.get('defaultDate') || '').trim();
  const ruleDocs = (cfg.get('ruleDocs') || '').trim();
  // The server's settings (docs/editors.md, "Settings"); empty ones are left out.
  const initializationOptions = { facts, defaultFacts: cfg.get('defaultFacts') !== false };
  if (date !== '') {
    initializationOptions.defaultDate = date;
  }
  if (ruleDocs !== '') {
    initializationOptions.ruleDocs = ruleDocs;
  }
  return { command, cwd: root, initializationOptions };
}

async function start(context) {
  const { LanguageClient } = require('vscode-languageclient/node');
  const s = settings();
  // No `transport`: the client would add `--stdio` to the arguments, which
  // `factlint lsp` does not take; without one it talks over stdio all the same.
  const serverOptions = {
    command: s.command,
    args: ['lsp'],
    options: s.cwd ? { cwd: s.cwd } : {},
  };
  const clientOptions = {
    documentSelector: DOCUMENTS,
    initializationOptions: s.initializationOptions,
  };
  client = new LanguageClient('factlint', 'factlint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err && err.message ? err.message : String(err);
    vscode.window.showErrorMessage(
      `factlint: could not start \`${s.command} lsp\` (${message}). ` +
        'Install factlint (cargo install) or set `factlint.path`.'
    );
    client = undefined;
  }
  return client;
}

async function stop() {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('factlint.restart', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('factlint')) {
        await stop();
        await start(context);
      }
    }),
    { dispose: () => stop() }
  );
  await start(context);
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, settings };
