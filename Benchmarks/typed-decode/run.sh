#!/usr/bin/env bash
# Typed decode benchmark: Forma's per-reply pipeline (strip, parse, validate, decode) against
# pydantic 2's model_validate_json on the same replies, per example type.
# usage: Benchmarks/typed-decode/run.sh [REPLIES_PER_TYPE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2000}"
RUNS="${2:-7}"
SCRATCH="${SCRATCH:-.build-bench}"
REPLIES="$(mktemp -t typed-decode.XXXXXX.jsonl)"
trap 'rm -f "$REPLIES"' EXIT

python3 Benchmarks/typed-decode/pydantic_bench.py generate "$REPLIES" "$N"
swift build -c release --scratch-path "$SCRATCH" --product TypedDecodeBenchmark >&2
FORMA="$("$SCRATCH/release/TypedDecodeBenchmark" "$REPLIES" "$RUNS")"
PYDANTIC="$(python3 Benchmarks/typed-decode/pydantic_bench.py bench "$REPLIES" "$RUNS")"

python3 - "$FORMA" "$PYDANTIC" "$N" "$RUNS" <<'PY'
import json, sys
forma, pydantic, n, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
print(f"typed decode, {n} replies per type, median of {runs} runs (replies/s)")
print(f"{'type':<26}{'Forma':>12}{'pydantic':>12}{'ratio':>8}")
for name in pydantic:
    f, p = forma.get(name, 0.0), pydantic[name]
    print(f"{name:<26}{f:>12,.0f}{p:>12,.0f}{f / p:>7.2f}x")
PY
