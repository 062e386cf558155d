#!/usr/bin/env bash
# Interleaved A/B of two `forma` binaries on the validate corpus, for before/after figures on
# a shared machine: the runs alternate A, B, A, B… so load from other work hits both alike.
#
#   Benchmarks/validate/ab.sh /tmp/forma-before .build/release/forma     # --jobs 1 and 2, 21 rounds
#   ROUNDS=31 JOBS="2" COUNT=100000 Benchmarks/validate/ab.sh A B
#
# Prints, per binary and thread count, the median and minimum wall time and the median CPU
# time (user + system) of `forma validate --format-assertion --jobs N`. The corpus is the one
# run.sh generates (Benchmarks/.corpus/invoices-COUNT.jsonl).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
a="$1"; b="$2"
rounds="${ROUNDS:-21}"
count="${COUNT:-100000}"
corpus="$root/Benchmarks/.corpus/invoices-$count.jsonl"
schema="$here/invoice.schema.json"
[ -f "$corpus" ] || python3 "$here/generate.py" "$corpus" --count "$count" >&2
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
for jobs in ${JOBS:-1 2}; do
    : > "$scratch/a"; : > "$scratch/b"
    for _ in $(seq "$rounds"); do
        for side in a b; do
            bin="$a"; [ "$side" = b ] && bin="$b"
            /usr/bin/time -f "%e %U %S" -o "$scratch/t" "$bin" validate --format-assertion --jobs "$jobs" \
                --schema "$schema" "$corpus" >/dev/null 2>&1 || true
            tail -n 1 "$scratch/t" >> "$scratch/$side"
        done
    done
    for side in a b; do
        bin="$a"; [ "$side" = b ] && bin="$b"
        wall=$(awk '{ print $1 }' "$scratch/$side" | median)
        low=$(awk '{ print $1 }' "$scratch/$side" | sort -g | head -n 1)
        cpu=$(awk '{ print $2 + $3 }' "$scratch/$side" | median)
        printf '%-40s --jobs %s  wall median %5.2f s (min %5.2f)  cpu median %5.2f s\n' "$bin" "$jobs" "$wall" "$low" "$cpu"
    done
done
