#!/usr/bin/env bash
# Streaming benchmark: Forma's extractStream and its partial parser over a 100 KB reply in
# 1,000 chunks and a 1 MB reply in 10,000 chunks, beside partial-json-parser (PyPI) parsing
# each prefix. Prints medians and the 1 MB / 100 KB ratio of each (linear: about 10×).
# usage: Benchmarks/StreamingBenchmark/run.sh [RUNS]
#   the peer needs `pip install partial-json-parser`; its 1 MB run takes minutes (it is
#   quadratic), so PEER_RUNS defaults to 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
swift build -c release --product StreamingBenchmark >&2
"$(swift build -c release --show-bin-path)/StreamingBenchmark" "$RUNS"
if python3 -c "import partial_json_parser" 2>/dev/null; then
    python3 Benchmarks/StreamingBenchmark/partial_bench.py "${PEER_RUNS:-1}"
else
    echo "(peer skipped: pip install partial-json-parser)" >&2
fi
