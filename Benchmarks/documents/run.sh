#!/usr/bin/env bash
# YAML and TOML side by side: `forma validate` against check-jsonschema and jsonschema-rs
# with a YAML/TOML loader, on ~2,000 generated CI-workflow-shaped YAML files and ~2,000
# pyproject-shaped TOML files (about 5 % invalid).
#
#   Benchmarks/documents/run.sh                     # 2,000 files each, 3 runs per tool
#   COUNT=500 RUNS=1 Benchmarks/documents/run.sh
#   FORMA_BIN=path/to/release/forma Benchmarks/documents/run.sh   # skip the build
#
# Every tool reads every file, parses it, validates it with format assertion and reports
# the invalid ones; the invalid counts are printed so the verdicts can be compared. Times are
# medians of wall time for the whole set in one process per tool (as a CI step would run).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${COUNT:-2000}"
runs="${RUNS:-3}"
scratch="${SCRATCH_PATH:-$root/.build}"
corpus="$root/Benchmarks/.corpus/documents-$count"

if ! command -v check-jsonschema >/dev/null || ! python3 -c "import jsonschema_rs, ruamel.yaml" 2>/dev/null; then
    echo "installing the Python peers" >&2
    python3 -m pip install --quiet check-jsonschema jsonschema-rs pyyaml
fi
if [ -n "${FORMA_BIN:-}" ]; then
    forma="$FORMA_BIN"
else
    (cd "$root" && swift build -c release --scratch-path "$scratch" --product forma >&2)
    forma="$scratch/release/forma"
fi
if [ ! -d "$corpus" ]; then
    python3 "$here/generate.py" "$corpus" --count "$count" >&2
fi

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

bench() {  # kind, schema, extension
    local kind="$1" schema="$2" ext="$3" dir="$corpus/$1"
    local files=("$dir"/*."$ext")
    local forma_times=() check_times=() rs_times=()
    local forma_invalid check_invalid rs_invalid
    for _ in $(seq "$runs"); do
        local t0; t0=$(now)
        set +e
        "$forma" validate --format-assertion --schema "$schema" --output json "$dir" >"$corpus/forma.out" 2>/dev/null
        set -e
        forma_times+=("$(echo "$(now) - $t0" | bc)")
        forma_invalid=$(grep -c '"valid":false' "$corpus/forma.out" || true)

        t0=$(now)
        set +e
        check-jsonschema --schemafile "$schema" -o json "${files[@]}" >"$corpus/check.out" 2>/dev/null
        set -e
        check_times+=("$(echo "$(now) - $t0" | bc)")
        check_invalid=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len({e['filename'] for e in d.get('errors', [])}))" "$corpus/check.out")

        local line; line=$(python3 "$here/peers.py" "$schema" "$dir" "$kind")
        local t1; t1=$(now)
        rs_times+=("$(echo "$line" | cut -d' ' -f1)")
        rs_invalid=$(echo "$line" | cut -d' ' -f3)
    done
    local f c r
    f=$(printf '%s\n' "${forma_times[@]}" | median)
    c=$(printf '%s\n' "${check_times[@]}" | median)
    r=$(printf '%s\n' "${rs_times[@]}" | median)
    printf '%-5s %5d files | forma %6.2f s (%d invalid) | check-jsonschema %6.2f s (%d invalid) %5.1fx | jsonschema-rs+loader %6.2f s in-process (%d invalid) %5.1fx\n' \
        "$kind" "${#files[@]}" "$f" "$forma_invalid" "$c" "$check_invalid" "$(echo "$c / $f" | bc -l)" \
        "$r" "$rs_invalid" "$(echo "$r / $f" | bc -l)"
}

echo "forma: $forma; $(nproc) processors; $runs runs each (median wall time)"
bench yaml "$here/workflow.schema.json" yml
bench toml "$here/pyproject.schema.json" toml
