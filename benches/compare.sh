#!/bin/sh
# Whole-process comparisons for BENCHMARKS.md: factlint against the rg floor and
# against markdownlint-cli2 on the same generated files, with hyperfine; peak memory
# with /usr/bin/time. Not run by `cargo bench` or CI.
#
#   benches/compare.sh DIR [RUNS]
#
# DIR holds a corpus made by `cargo run --release --example gencorpus -- corpus
# DIR/md --size 200M` (and its DIR/names.txt). Needs ripgrep and hyperfine (`apt-get
# install ripgrep hyperfine`); markdownlint-cli2 (`npm install markdownlint-cli2`) is
# used when MDL points at its binary. FACTLINT defaults to the repository's
# target/release/factlint.
set -eu
dir=${1:?usage: benches/compare.sh DIR [RUNS]}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
factlint=${FACTLINT:-$root/target/release/factlint}
if [ ! -x "$factlint" ]; then
    echo "no factlint binary at $factlint: cargo build --release" >&2
    exit 2
fi
export NO_COLOR=1

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(du -sb "$dir/md" | cut -f1) bytes in $(find "$dir/md" -name '*.md' | wc -l) files"

# factlint exits 1 when it reports findings: that is a successful run here.
hyperfine --warmup 1 --runs "$runs" -i \
    --export-markdown "$dir/compare.md" \
    -n rg "rg --count-matches -F -f $dir/names.txt $dir/md" \
    -n factlint "$factlint check $dir/md --format short" \
    -n 'factlint (1 thread)' "RAYON_NUM_THREADS=1 $factlint check $dir/md --format short" \
    -n 'rg (1 thread)' "rg -j1 --count-matches -F -f $dir/names.txt $dir/md"

if [ -n "${MDL:-}" ]; then
    hyperfine --runs 1 -i --export-markdown "$dir/compare-mdl.md" \
        -n markdownlint-cli2 "$MDL '$dir/md/**/*.md'"
fi

for format in human short json; do
    /usr/bin/time -f "factlint --format $format: %e s, %U s user, %S s sys, max RSS %M KB" \
        "$factlint" check "$dir/md" --format "$format" > /dev/null 2> "$dir/time.$format" || true
    tail -n 1 "$dir/time.$format"
done
