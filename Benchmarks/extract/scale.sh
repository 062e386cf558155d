#!/usr/bin/env bash
# forma extract at scale: 1,000,000 rows (~300 MB of JSONL) online at concurrency 64 against
# nginx's fixed reply, and through --batch against a loopback Batch API; prints wall time,
# CPU, peak RSS, rows/s and CPU per row, beside a 5,000-row online run of the same build
# (the per-row cost the small benchmark measures).
#
#   Benchmarks/extract/scale.sh                 # builds forma and BatchServer in release
#   ROWS=200000 FORMA=path/forma BATCH_SERVER=path/BatchServer Benchmarks/extract/scale.sh
#
# Needs nginx (apt-get install nginx-light) and GNU time.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${ROWS:-1000000}"
CONCURRENCY="${CONCURRENCY:-64}"
PORT=18431
WORK="$(mktemp -d /tmp/forma-extract-scale.XXXXXX)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${FORMA:-}" ] || [ -z "${BATCH_SERVER:-}" ]; then
    (cd "$ROOT" && swift build -c release --product forma >&2 && swift build -c release --product BatchServer >&2)
    FORMA="${FORMA:-$ROOT/.build/release/forma}"
    BATCH_SERVER="${BATCH_SERVER:-$ROOT/.build/release/BatchServer}"
fi

nginx -p "$WORK" -c "$HERE/nginx.conf" &
PIDS+=($!)
for _ in $(seq 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT/v1/chat/completions" && break; sleep 0.1; done

generate() {  # ROWS FILE: rows of ~300 bytes
    python3 - "$1" > "$2" <<'PY'
import json, sys
pad = "Lovelace wrote the first published algorithm for the Analytical Engine. " * 3
for i in range(1, int(sys.argv[1]) + 1):
    print(json.dumps({"id": f"p{i}", "text": f"Ada Lovelace, ada@example.com, aged 36. Note {i}. {pad}"}))
PY
}
generate "$ROWS" "$WORK/rows.jsonl"
generate 5000 "$WORK/small.jsonl"
echo "input: $ROWS rows, $(( $(stat -c %s "$WORK/rows.jsonl") / 1000000 )) MB; concurrency $CONCURRENCY; $(nproc) processors"

measure() {  # NAME ROWS COMMAND...
    local name="$1" rows="$2"; shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/$name.stderr" || {
        echo "$name failed:" >&2; tail -5 "$WORK/$name.stderr" >&2; exit 1; }
    read -r wall user sys rss < "$WORK/time"
    awk -v n="$name" -v r="$rows" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" 'BEGIN {
        printf "%-22s %10d rows %8.1f s wall %8.1f CPU-s %8.1f MiB peak %10.0f rows/s %7.1f µs CPU/row\n",
            n, r, w, u + s, m / 1024, r / w, (u + s) * 1e6 / r }'
}
common=(--schema "$HERE/schema.json" --model bench-model --concurrency "$CONCURRENCY" --quiet)

measure "online, 5,000 rows" 5000 "$FORMA" extract "${common[@]}" --input "$WORK/small.jsonl" \
    --output "$WORK/small.out" --provider llamacpp --base-url "http://127.0.0.1:$PORT/v1"
measure "online" "$ROWS" "$FORMA" extract "${common[@]}" --input "$WORK/rows.jsonl" \
    --output "$WORK/online.out" --provider llamacpp --base-url "http://127.0.0.1:$PORT/v1"
[ "$(grep -c '"ok":true' "$WORK/online.out")" = "$ROWS" ] || { echo "online: not every row ok" >&2; exit 1; }
rm -f "$WORK/online.out"

"$BATCH_SERVER" together > "$WORK/batch-url" &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$WORK/batch-url" ] && break; sleep 0.1; done
measure "--batch (Together API)" "$ROWS" env TOGETHER_API_KEY=bench "$FORMA" extract "${common[@]}" \
    --input "$WORK/rows.jsonl" --output "$WORK/batch.out" --batch --poll-interval 0.2 \
    --provider together --base-url "$(cat "$WORK/batch-url")"
[ "$(grep -c '"ok":true' "$WORK/batch.out")" = "$ROWS" ] || { echo "batch: not every row ok" >&2; exit 1; }
