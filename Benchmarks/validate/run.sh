#!/usr/bin/env bash
# Side-by-side benchmark of `forma validate` against Python validators on the same corpus.
#
#   Benchmarks/validate/run.sh            # 200,000 invoices, 5 forma runs, 3 peer runs
#   COUNT=100000 RUNS=3 Benchmarks/validate/run.sh
#   FORMA_BIN=path/to/release/forma Benchmarks/validate/run.sh   # skip the build
#
# Builds forma in release, generates the corpus under Benchmarks/.corpus/ if it is missing,
# then times `forma validate --format-assertion` (median wall time, instances/s, MB/s, peak
# RSS) with all processors and with one (--jobs 1), and runs peers.py (jsonschema-rs with
# orjson and with json, fastjsonschema, jsonschema on a subset). Every tool does the same
# work: read the file, parse each line, validate it, count the invalid ones; the invalid
# counts are printed so they can be compared.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${COUNT:-200000}"
runs="${RUNS:-5}"
peer_runs="${PEER_RUNS:-3}"
scratch="${SCRATCH_PATH:-$root/.build}"
schema="$here/invoice.schema.json"
corpus="$root/Benchmarks/.corpus/invoices-$count.jsonl"

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time" >&2
    sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq time >/dev/null
fi
if ! python3 -c "import jsonschema_rs, orjson, fastjsonschema, jsonschema" 2>/dev/null; then
    echo "installing the Python peers" >&2
    python3 -m pip install --quiet jsonschema-rs orjson fastjsonschema jsonschema
fi

if [ -n "${FORMA_BIN:-}" ]; then
    forma="$FORMA_BIN"  # a prebuilt release binary; skips the build
else
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product forma >&2)
    forma="$scratch/release/forma"
fi

if [ ! -f "$corpus" ]; then
    mkdir -p "$(dirname "$corpus")"
    python3 "$here/generate.py" "$corpus" --count "$count" >&2
fi
instances=$(grep -c . "$corpus")
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($instances instances, $((bytes / 1000000)) MB); $(nproc) processors"
echo

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

time_forma() {  # label, extra arguments...
    local label="$1"; shift
    local log; log="$(mktemp)"
    local walls=() rss=() invalid=""
    for _ in $(seq "$runs"); do
        set +e
        /usr/bin/time -f "%e %M" -o "$log.time" "$forma" validate --format-assertion "$@" \
            --schema "$schema" "$corpus" >/dev/null 2>"$log"
        set -e
        read -r wall kb < <(tail -n 1 "$log.time")
        walls+=("$wall"); rss+=("$kb")
        invalid=$(sed -n 's/.* valid, \([0-9]*\) invalid.*/\1/p' "$log")
    done
    rm -f "$log" "$log.time"
    local wall; wall=$(printf '%s\n' "${walls[@]}" | median)
    local peak; peak=$(printf '%s\n' "${rss[@]}" | median)
    awk -v l="$label" -v n="$instances" -v b="$bytes" -v w="$wall" -v r="$peak" -v i="$invalid" 'BEGIN {
        printf "%-28s %10d %8d %12.0f %8.1f MB/s %7.2f s %7.1f MB peak RSS\n", l, n, i, n / w, b / w / 1e6, w, r / 1024 }'
    FORMA_RATE=$(awk -v n="$instances" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
}

echo "medians of $runs runs (forma) and $peer_runs runs (peers)"
printf '%-28s %10s %8s %12s\n' "tool" "instances" "invalid" "inst/s"
time_forma "forma (--jobs 1)" --jobs 1
time_forma "forma (all processors)"
echo
python3 "$here/peers.py" "$schema" "$corpus" --runs "$peer_runs" --forma-rate "$FORMA_RATE"
