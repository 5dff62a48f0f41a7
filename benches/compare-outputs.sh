#!/bin/sh
# Compares what two factlint binaries print, byte for byte: every command a user or a CI
# step runs, on the fixtures, on a dated copy of the seed article (when ../shared/seed
# is there), and on the generated corpora given as further arguments. Used to show that
# a change of structure changed no output.
#
#   benches/compare-outputs.sh OLD_BINARY NEW_BINARY [CORPUS_DIR...]
#
# A corpus folder is one made by `gencorpus corpus DIR --size 10M` (its drafts in DIR,
# or in DIR/md when there is one). Each case's standard output, standard error and exit code are compared;
# the script prints one line per case and exits 1 when any differs.
set -u
old=${1:?usage: benches/compare-outputs.sh OLD NEW [CORPUS...]}
new=${2:?usage: benches/compare-outputs.sh OLD NEW [CORPUS...]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
cases=0
differ=0
stdin=/dev/null

# run LABEL ARGS...: runs both binaries in the repository root with the same arguments.
run() {
    label=$1
    shift
    for which in old new; do
        if [ "$which" = old ]; then bin=$old; else bin=$new; fi
        (cd "$root" && "$bin" "$@" > "$work/$which.out" 2> "$work/$which.err" < "$stdin")
        echo $? > "$work/$which.rc"
    done
    cases=$((cases + 1))
    if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err" \
        && cmp -s "$work/old.rc" "$work/new.rc"; then
        echo "same     $label ($(wc -c < "$work/new.out") bytes, exit $(cat "$work/new.rc"))"
    else
        differ=$((differ + 1))
        echo "DIFFERS  $label"
        diff "$work/old.out" "$work/new.out" | head -n 10
        diff "$work/old.err" "$work/new.err" | head -n 10
    fi
}

# fix_case LABEL DIR: --fix on a copy of DIR for each binary; compares the files after.
fix_case() {
    label=$1
    src=$2
    for which in old new; do
        if [ "$which" = old ]; then bin=$old; else bin=$new; fi
        rm -rf "$work/fix-$which"
        cp -r "$src" "$work/fix-$which"
        (cd "$work/fix-$which" && "$bin" check --no-config --fix . > /dev/null 2>&1)
    done
    cases=$((cases + 1))
    if diff -r "$work/fix-old" "$work/fix-new" > /dev/null; then
        echo "same     $label"
    else
        differ=$((differ + 1))
        echo "DIFFERS  $label"
        diff -r "$work/fix-old" "$work/fix-new" | head -n 10
    fi
}

targets="fixtures fixtures/drafts fixtures/corpus"
seed="$root/../shared/seed/amazon-anthropic-article.txt"
if [ -f "$seed" ]; then
    { printf -- '---\ndate: 2024-11-22\n---\n\n'; cat "$seed"; } > "$work/seed.md"
    targets="$targets $work/seed.md"
fi
for c in "$@"; do
    if [ -d "$c/md" ]; then targets="$targets $c/md"; else targets="$targets $c"; fi
done
for t in $targets; do
    for f in human short json sarif github; do
        run "check --format $f $t" check --no-config --format "$f" "$t"
    done
    run "check --diff $t" check --no-config --diff "$t"
    run "check --fail-on never --report-unused-suppressions $t" \
        check --no-config --fail-on never --report-unused-suppressions "$t"
done
for d in fixtures/drafts/*.md; do
    stdin=$root/$d
    run "check --fix - < $d" check --no-config --fix --stdin-filename "$d" -
done
stdin=/dev/null
fix_case "--fix fixtures/drafts" "$root/fixtures/drafts"
run "facts check" facts check
run "facts list" facts list
run "rules" rules
for r in $(cd "$root" && "$new" rules | cut -d' ' -f1); do
    run "rule $r" rule "$r"
done
run "schema" schema
run "config fixtures" config fixtures
echo "$cases cases, $differ differ"
[ "$differ" -eq 0 ]
