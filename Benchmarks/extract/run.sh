#!/usr/bin/env bash
# forma extract vs instructor (AsyncOpenAI) on the same job: 5,000 rows, concurrency 64,
# against nginx returning a fixed valid chat completion (never the bottleneck).
# Prints wall time, CPU seconds (user + system) and peak memory (max RSS) side by side,
# the median of RUNS runs each.
#
#   Benchmarks/extract/run.sh            # builds forma in release first
#   ROWS=5000 CONCURRENCY=64 RUNS=3 FORMA=/path/to/forma Benchmarks/extract/run.sh
#
# Needs: nginx (apt-get install nginx-light), python3 with instructor and openai
# (pip install instructor openai), /usr/bin/time (GNU time).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROWS="${ROWS:-5000}"
CONCURRENCY="${CONCURRENCY:-64}"
RUNS="${RUNS:-3}"
PORT=18431
WORK="$(mktemp -d /tmp/forma-extract-bench.XXXXXX)"
NGINX_PID=""
cleanup() { [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${FORMA:-}" ]; then
    (cd "$ROOT" && swift build -c release --product forma >&2)
    FORMA="$ROOT/.build/release/forma"
fi

nginx -p "$WORK" -c "$HERE/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$PORT/v1/chat/completions" && break; sleep 0.1; done

python3 - "$ROWS" > "$WORK/rows.jsonl" <<'PY'
import json, sys
for i in range(1, int(sys.argv[1]) + 1):
    print(json.dumps({"id": f"p{i}", "text": f"Ada Lovelace, ada@example.com, aged 36. Note {i}."}))
PY

# measure NAME COMMAND... → appends "wall cpu rss_kb" to $WORK/NAME.txt
measure() {
    local name="$1"; shift
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/$name.stderr" || {
        echo "$name failed:" >&2; tail -5 "$WORK/$name.stderr" >&2; exit 1; }
    read -r wall user sys rss < "$WORK/time"
    echo "$wall $(echo "$user + $sys" | bc) $rss" >> "$WORK/$name.txt"
}

for run in $(seq "$RUNS"); do
    measure forma "$FORMA" extract --schema "$HERE/schema.json" --input "$WORK/rows.jsonl" \
        --output "$WORK/forma.out" --provider llamacpp --base-url "http://127.0.0.1:$PORT/v1" \
        --model bench-model --concurrency "$CONCURRENCY" --quiet
    [ "$(grep -c '"ok":true' "$WORK/forma.out")" = "$ROWS" ] || { echo "forma: not every row ok" >&2; exit 1; }
    measure instructor python3 "$HERE/instructor_bench.py" --input "$WORK/rows.jsonl" \
        --output "$WORK/instructor.out" --base-url "http://127.0.0.1:$PORT/v1" --concurrency "$CONCURRENCY"
    [ "$(grep -c '"ok": true' "$WORK/instructor.out")" = "$ROWS" ] || { echo "instructor: not every row ok" >&2; exit 1; }
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
col() { awk -v c="$2" '{ print $c }' "$WORK/$1.txt" | median; }
printf '%s rows, concurrency %s, median of %s runs\n' "$ROWS" "$CONCURRENCY" "$RUNS"
printf '%-12s %10s %10s %12s\n' "" "wall s" "CPU s" "peak MiB"
for name in forma instructor; do
    printf '%-12s %10s %10s %12.1f\n' "$name" "$(col $name 1)" "$(col $name 2)" "$(echo "$(col $name 3) / 1024" | bc -l)"
done
awk -v fw="$(col forma 1)" -v iw="$(col instructor 1)" -v fc="$(col forma 2)" -v ic="$(col instructor 2)" \
    -v fm="$(col forma 3)" -v im="$(col instructor 3)" 'BEGIN {
    printf "ratios (instructor / forma): wall %.1fx, CPU %.1fx, memory %.1fx\n", iw / fw, ic / (fc > 0 ? fc : 0.01), im / fm }'
