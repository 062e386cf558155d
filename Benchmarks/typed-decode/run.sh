#!/usr/bin/env bash
# Typed decode benchmark: Forma's per-reply pipeline (strip, parse, validate, decode) against
# pydantic 2's model_validate_json on the same replies, per example type.
# usage: Benchmarks/typed-decode/run.sh [REPLIES_PER_TYPE] [RUNS] [ROUNDS]
#
# The machine is shared and its speed drifts, so the two sides alternate: each of ROUNDS
# rounds runs Forma (median of RUNS passes) and then pydantic (median of RUNS passes), and
# the ratio is taken within the round. Reported: the median rate of each side over the
# rounds and the median of the per-round ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2000}"
RUNS="${2:-5}"
ROUNDS="${3:-5}"
SCRATCH="${SCRATCH:-.build-bench}"
REPLIES="$(mktemp -t typed-decode.XXXXXX.jsonl)"
RESULTS="$(mktemp -t typed-decode-results.XXXXXX)"
trap 'rm -f "$REPLIES" "$RESULTS"' EXIT

python3 Benchmarks/typed-decode/pydantic_bench.py generate "$REPLIES" "$N"
swift build -c release --scratch-path "$SCRATCH" --product TypedDecodeBenchmark >&2
for _ in $(seq "$ROUNDS"); do
    echo "forma $("$SCRATCH/release/TypedDecodeBenchmark" "$REPLIES" "$RUNS")" >> "$RESULTS"
    echo "pydantic $(python3 Benchmarks/typed-decode/pydantic_bench.py bench "$REPLIES" "$RUNS")" >> "$RESULTS"
done

python3 - "$RESULTS" "$N" "$RUNS" "$ROUNDS" <<'PY'
import json, statistics, sys
path, n, runs, rounds = sys.argv[1:]
forma, pydantic = [], []
for line in open(path):
    side, _, payload = line.partition(" ")
    (forma if side == "forma" else pydantic).append(json.loads(payload))
print(f"typed decode, {n} replies per type; {rounds} alternating rounds, each the median of {runs} passes (replies/s)")
print(f"{'type':<26}{'Forma':>12}{'pydantic':>12}{'ratio':>8}{'  per-round ratios'}")
for name in pydantic[0]:
    f = [r.get(name, 0.0) for r in forma]
    p = [r[name] for r in pydantic]
    ratios = [a / b for a, b in zip(f, p)]
    spread = " ".join(f"{r:.2f}" for r in ratios)
    print(f"{name:<26}{statistics.median(f):>12,.0f}{statistics.median(p):>12,.0f}{statistics.median(ratios):>7.2f}x  {spread}")
PY
