#!/bin/sh
# Instructions, branch misses, cache misses and an estimate of cycles of one factlint
# run on one thread (valgrind's callgrind with its branch and cache simulation): a
# measure that does not move with a shared host's load, for comparing two builds.
# Not run by `cargo bench` or CI; about 3 minutes on 10 MB.
#
#   benches/instructions.sh CORPUS [FACTLINT] [OUT]
#
# CORPUS is a directory of Markdown (BENCHMARKS.md's c10M/md, say); FACTLINT defaults
# to the repository's target/release/factlint; OUT, the callgrind profile, to
# ./callgrind.factlint (read it with `callgrind_annotate OUT`). Needs valgrind and
# python3. The estimate counts 10 cycles per mispredicted branch and per L1 miss and
# 100 per last-level miss on top of the instructions: a rough model, which ranks two
# builds of the same code much as wall time does on an idle machine.
set -u
corpus=${1:?usage: benches/instructions.sh CORPUS [FACTLINT] [OUT]}
root=$(cd "$(dirname "$0")/.." && pwd)
F=${2:-$root/target/release/factlint}
out=${3:-callgrind.factlint}
if [ ! -x "$F" ]; then
    echo "no factlint binary at $F: cargo build --release" >&2
    exit 2
fi
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --branch-sim=yes --cache-sim=yes \
    --callgrind-out-file="$out" "$F" check "$corpus" --format short > /dev/null 2> "$out.err"
python3 - "$out" <<'PY'
import re, subprocess, sys
text = subprocess.run(["callgrind_annotate", sys.argv[1]], capture_output=True, text=True).stdout
events, totals = None, None
for line in text.splitlines():
    if line.startswith("Events shown:"):
        events = line.split(":", 1)[1].split()
    if "PROGRAM TOTALS" in line:
        totals = [int(x.replace(",", "")) for x in line.split("PROGRAM")[0].split()
                  if re.fullmatch(r"[\d,]+", x)]
        break
if not events or not totals:
    sys.exit("no totals in the callgrind profile")
d = dict(zip(events, totals))
g = lambda *ks: sum(d.get(k, 0) for k in ks)
cycles = (d["Ir"] + 10 * g("Bcm", "Bim") + 10 * g("I1mr", "D1mr", "D1mw")
          + 100 * g("ILmr", "DLmr", "DLmw"))
print(f"instructions {d['Ir'] / 1e6:.0f} M, mispredicted branches {g('Bcm', 'Bim') / 1e6:.1f} M, "
      f"L1 misses {g('I1mr', 'D1mr', 'D1mw') / 1e6:.1f} M, LL misses {g('ILmr', 'DLmr', 'DLmw') / 1e6:.2f} M, "
      f"estimated cycles {cycles / 1e6:.0f} M")
PY
