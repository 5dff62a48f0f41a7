#!/bin/sh
# Every whole-process measurement of BENCHMARKS.md, in one session, so that each ratio
# compares commands run on the same machine under the same load. Not run by
# `cargo bench` or CI; takes about 30 minutes on 2 cores.
#
#   benches/measure.sh DIR > DIR/measure.log
#
# DIR holds the corpora and fact bases made by the commands of BENCHMARKS.md
# (c1M c10M c100M c200M c1G f100 f10k, each with md/ and names.txt; optionally d100M,
# made with `corpus --disagree`; facts-100.toml facts-1000.toml facts-10000.toml). Needs ripgrep and hyperfine
# (`apt-get install ripgrep hyperfine`). Optional: MDL, the markdownlint-cli2 binary
# (`npm install markdownlint-cli2`); BEFORE, a factlint binary to compare with.
# FACTLINT defaults to the repository's target/release/factlint; FLOOR, to its
# target/release/examples/floor (the stages' floor is measured when it is built);
# GEN, to its target/release/examples/gencorpus (the worst shapes of draft are
# measured when it is built).
set -u
dir=${1:?usage: benches/measure.sh DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
F=${FACTLINT:-$root/target/release/factlint}
if [ ! -x "$F" ]; then
    echo "no factlint binary at $F: cargo build --release" >&2
    exit 2
fi
cd "$dir" || exit 2
export NO_COLOR=1
# factlint exits 1 when it reports findings: that is a successful run here (-i).
hf() { hyperfine -N -i --style basic "$@" 2>&1 | grep -v -e '^ *Warning' -e 'non-zero exit code'; }
rss() { # label, command...: wall, user and peak memory of one run
    label=$1
    shift
    /usr/bin/time -f "$label: %e s wall, %U s user, max RSS %M KB" "$@" > /dev/null 2> time.out
    tail -n 1 time.out
}
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
# paired N LABEL_A CMD_A LABEL_B CMD_B: A and B run alternately N times (A first in odd
# pairs, B first in even ones); prints each pair's wall times and the median of the
# B/A ratios. hyperfine runs every run of A before any of B, and on a shared machine
# the load drifts between the two; a ratio within a pair does not see that drift.
paired() {
    n=$1 la=$2 ca=$3 lb=$4 cb=$5
    one() {
        /usr/bin/time -o time.out -f %e sh -c "$1" > /dev/null 2>&1
        tail -n 1 time.out
    }
    ratios=""
    i=0
    while [ $i -lt "$n" ]; do
        if [ $((i % 2)) -eq 0 ]; then
            ta=$(one "$ca")
            tb=$(one "$cb")
        else
            tb=$(one "$cb")
            ta=$(one "$ca")
        fi
        r=$(echo "$tb $ta" | awk '{ printf "%.2f", $1 / $2 }')
        echo "  pair $((i + 1)): $la $ta s, $lb $tb s, $lb/$la $r"
        ratios="$ratios $r"
        i=$((i + 1))
    done
    echo "  median $lb/$la: $(echo $ratios | tr ' ' '\n' | sort -n |
        awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')"
}

printf '[rules]\ncorpus-contradiction = "off"\n' > cc-off.toml
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $($F --version), $(rg --version | head -n 1), $(hyperfine --version)"
for c in c1M c10M c100M c200M c1G f100 f10k; do
    echo "$c: $(du -sb $c/md | cut -f1) bytes, $(find $c/md -name '*.md' | wc -l) files, $(wc -l < $c/names.txt) names"
done

echo "== 200 MB: factlint against the rg floor, 2 threads and 1; $(load)"
hf --warmup 1 --runs 5 \
    -n rg "rg --count-matches -F -f c200M/names.txt c200M/md" \
    -n factlint "$F check c200M/md --format short" \
    -n 'rg -j1' "rg -j1 --count-matches -F -f c200M/names.txt c200M/md" \
    -n 'factlint, 1 thread' "env RAYON_NUM_THREADS=1 $F check c200M/md --format short"

if [ -n "${BEFORE:-}" ]; then
    echo "== 200 MB: before and now; $(load)"
    hf --warmup 1 --runs 3 -n before "$BEFORE check c200M/md --format short" -n now "$F check c200M/md --format short"
    rss "before, --format human" "$BEFORE" check c200M/md
fi

echo "== peak memory, 200 MB; $(load)"
for fmt in human short json sarif; do rss "--format $fmt" "$F" check c200M/md --format $fmt; done

if [ -n "${MDL:-}" ]; then
    echo "== markdownlint-cli2, 10 MB; $(load)"
    hf --runs 3 -n markdownlint-cli2 "$MDL c10M/md/**/*.md" -n factlint "$F check c10M/md --format short" \
        -n rg "rg --count-matches -F -f c10M/names.txt c10M/md"
    echo "== markdownlint-cli2, 200 MB (one run each); $(load)"
    hf --runs 1 -n markdownlint-cli2 "$MDL c200M/md/**/*.md" -n factlint "$F check c200M/md --format short"
    rss markdownlint-cli2 "$MDL" "c200M/md/**/*.md"
fi

echo "== sizes; $(load)"
for s in 1M 10M 100M; do
    hf --warmup 1 --runs 5 -n "factlint $s" "$F check c$s/md --format short" \
        -n "rg $s" "rg --count-matches -F -f c$s/names.txt c$s/md"
done
hf --runs 2 -n "factlint 1G" "$F check c1G/md --format short" -n "rg 1G" "rg --count-matches -F -f c1G/names.txt c1G/md"
rss "1 GB, --format human" "$F" check c1G/md
rss "1 GB, corpus-contradiction off" "$F" check --config cc-off.toml c1G/md --format short
# 100 MB where a third of the drafts disagree with the others on one claim: the
# drafts of each finding are read again, and must not stay in memory.
if [ -d d100M/md ]; then
    rss "100 MB, a third of the drafts disagree" "$F" check d100M/md --format short
    if [ -n "${BEFORE:-}" ]; then rss "before, the same" "$BEFORE" check d100M/md --format short; fi
fi

echo "== facts: the built-in base plus 100, 1,000 and 10,000 generated facts; $(load)"
for corpus in f100 f10k; do
    hf --warmup 1 --runs 3 \
        -n "$corpus +100" "$F check --facts facts-100.toml $corpus/md --format short" \
        -n "$corpus +1000" "$F check --facts facts-1000.toml $corpus/md --format short" \
        -n "$corpus +10000" "$F check --facts facts-10000.toml $corpus/md --format short"
    rss "$corpus +100" "$F" check --facts facts-100.toml $corpus/md --format short
    rss "$corpus +10000" "$F" check --facts facts-10000.toml $corpus/md --format short
done
hf --warmup 1 --runs 5 -n 'load +100' "$F facts check --facts facts-100.toml" \
    -n 'load +10000' "$F facts check --facts facts-10000.toml"
# A pre-commit hook's run: one draft, and five, with each base (loading the base is
# most of such a run).
one=$(find f10k/md -name '*.md' | sort | head -n 1)
five=$(find f10k/md -name '*.md' | sort | head -n 5 | tr '\n' ' ')
for drafts in "$one" "$five"; do
    hf --warmup 2 --runs 10 -n "built-in: $drafts" "$F check $drafts --format short" \
        -n "+100" "$F check --facts facts-100.toml $drafts --format short" \
        -n "+1000" "$F check --facts facts-1000.toml $drafts --format short" \
        -n "+10000" "$F check --facts facts-10000.toml $drafts --format short"
done
rss "one draft +10000" "$F" check --facts facts-10000.toml $one --format short
if [ -n "${BEFORE:-}" ]; then
    paired 11 now "$F check --facts facts-10000.toml $one --format short" \
        before "$BEFORE check --facts facts-10000.toml $one --format short"
fi
echo "== paired runs (alternating; the ratios BENCHMARKS.md gives); $(load)"
paired 5 rg "rg --count-matches -F -f c200M/names.txt c200M/md" factlint "$F check c200M/md --format short"
if [ -n "${BEFORE:-}" ]; then
    paired 5 now "$F check c200M/md --format short" before "$BEFORE check c200M/md --format short"
fi
if [ -n "${MDL:-}" ]; then
    paired 5 factlint "$F check c10M/md --format short" markdownlint-cli2 "$MDL 'c10M/md/**/*.md'"
fi
# The floor of the stages: the first stages of a run as whole processes of their own
# (examples/floor.rs; `cargo build --release --examples`), each against rg.
FLOOR=${FLOOR:-$root/target/release/examples/floor}
if [ -x "$FLOOR" ]; then
    echo "== the floor of the stages, 200 MB; $(load)"
    for stage in pulldown scan names sentences values; do
        paired 5 rg "rg --count-matches -F -f c200M/names.txt c200M/md" "$stage" "$FLOOR $stage c200M/md"
    done
fi
# The cache (`check --cache-dir`): a run that fills it against a run without it, a run
# that finds every draft in it against rg, and the peak memory of both.
echo "== the cache, 200 MB; $(load)"
cache=$(mktemp -d)
paired 5 plain "$F check c200M/md --format short" filling "rm -rf $cache/c && $F check --cache-dir $cache/c c200M/md --format short"
$F check --cache-dir "$cache/c" c200M/md --format short > /dev/null 2>&1
paired 5 rg "rg --count-matches -F -f c200M/names.txt c200M/md" cached "$F check --cache-dir $cache/c c200M/md --format short"
echo "  cache file: $(wc -c < "$cache/c/cache.jsonl") bytes"
rss "cached" "$F" check --cache-dir "$cache/c" c200M/md --format short
rm -rf "$cache/c"
rss "filling" "$F" check --cache-dir "$cache/c" c200M/md --format short
rm -rf "$cache"
# The worst shapes of draft (examples/gencorpus `worst`): each at 1 MB and 4 MB, the
# fastest of 3 runs, the ratio of the two (4 for a linear pass; 16 for a quadratic
# one) and the peak memory at 4 MB.
GEN=${GEN:-$root/target/release/examples/gencorpus}
if [ -x "$GEN" ]; then
    echo "== the worst shapes, 1 MB and 4 MB; $(load)"
    worst=$(mktemp -d)
    "$GEN" worst "$worst/1M" --size 1M 2> /dev/null
    "$GEN" worst "$worst/4M" --size 4M 2> /dev/null
    best3() {
        for k in 1 2 3; do
            /usr/bin/time -o time.out -f %e "$@" > /dev/null 2>&1
            tail -n 1 time.out
        done | sort -n | head -n 1
    }
    for f in "$worst"/1M/*.md; do
        n=$(basename "$f" .md)
        a=$(best3 "$F" check "$f" --format short)
        b=$(best3 "$F" check "$worst/4M/$n.md" --format short)
        /usr/bin/time -o time.out -f %M "$F" check "$worst/4M/$n.md" --format short > /dev/null 2>&1
        echo "$n $a $b $(tail -n 1 time.out)" |
            awk '{ printf "  %-22s %6.2f s  %6.2f s  4 MB / 1 MB %5.1f  %5.0f MB at 4 MB\n", $1, $2, $3, ($2 > 0 ? $3 / $2 : 0), $4 / 1024 }'
    done
    rm -rf "$worst"
fi
echo "== end $(date -u +%H:%MZ); $(load)"
