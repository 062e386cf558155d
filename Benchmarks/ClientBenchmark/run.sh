#!/usr/bin/env bash
# Client overhead: forma's ChatClient vs openai-python's AsyncOpenAI against nginx serving a
# fixed chat completion and a 10,000-chunk SSE stream. Needs nginx (apt: nginx-light) and
# the openai Python package. Usage: Benchmarks/ClientBenchmark/run.sh [REQUESTS] [CONCURRENCY]
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-5000}
CONCURRENCY=${2:-64}
PORT=${FORMA_BENCH_PORT:-18734}
WORK=$(mktemp -d)
trap 'nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT

mkdir -p "$WORK/logs" "$WORK/sse/v1/chat"
REPLY='{"id":"bench","object":"chat.completion","created":1,"model":"bench","prompt":[],"choices":[{"index":0,"finish_reason":"stop","logprobs":null,"message":{"role":"assistant","content":"Hello! How can I help you today?","tool_calls":[]}}],"usage":{"prompt_tokens":10,"completion_tokens":9,"total_tokens":19}}'
python3 - "$WORK/sse/v1/chat/completions" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for i in range(10000):
        chunk = {"id": "bench", "object": "chat.completion.chunk", "created": 1, "model": "bench", "usage": None,
                 "choices": [{"index": 0, "text": "tok", "logprobs": None, "finish_reason": None, "seed": None,
                              "delta": {"token_id": i, "role": "assistant", "content": "tok%d " % i}}]}
        if i == 9999:
            chunk["choices"][0]["finish_reason"] = "stop"
        out.write("data: " + json.dumps(chunk) + "\n\n")
    out.write("data: [DONE]\n\n")
PY
chmod -R a+rX "$WORK"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/body;
    server {
        listen 127.0.0.1:$PORT;
        location /json/ { default_type application/json; return 200 '$REPLY'; }
        location /sse/ { root $WORK; default_type "text/event-stream"; error_page 405 =200 \$uri; }
    }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf"

BIN=${FORMA_CLIENT_BENCH_BIN:-}
if [ -z "$BIN" ]; then
    swift build -c release --product ClientBenchmark >/dev/null
    BIN=.build/release/ClientBenchmark
fi
JSON_URL="http://127.0.0.1:$PORT/json/v1"
SSE_URL="http://127.0.0.1:$PORT/sse/v1"
FORMA=$("$BIN" "$JSON_URL" "$SSE_URL" "$REQUESTS" "$CONCURRENCY")
OPENAI=$(python3 Benchmarks/ClientBenchmark/openai_bench.py "$JSON_URL" "$SSE_URL" "$REQUESTS" "$CONCURRENCY")
echo "$FORMA"
echo "$OPENAI"
python3 - "$FORMA" "$OPENAI" <<'PY'
import json, sys
f, o = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"requests/s: forma {f['requests_per_second']:.0f}, openai-python {o['requests_per_second']:.0f} "
      f"({f['requests_per_second'] / o['requests_per_second']:.1f}x)")
print(f"CPU µs/request: forma {f['cpu_seconds_per_request'] * 1e6:.0f}, openai-python {o['cpu_seconds_per_request'] * 1e6:.0f} "
      f"({o['cpu_seconds_per_request'] / f['cpu_seconds_per_request']:.1f}x less for forma; goal >= 5x)")
print(f"10,000-chunk stream: forma {f['stream_seconds'] * 1000:.0f} ms ({f['stream_cpu_seconds'] * 1000:.0f} ms CPU), "
      f"openai-python {o['stream_seconds'] * 1000:.0f} ms ({o['stream_cpu_seconds'] * 1000:.0f} ms CPU) "
      f"({o['stream_seconds'] / f['stream_seconds']:.1f}x)")
PY
