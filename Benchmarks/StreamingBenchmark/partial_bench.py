"""Peer for StreamingBenchmark: partial-json-parser (PyPI), the parser instructor-style
streaming uses, parsing the received prefix after every chunk (it has no incremental mode).
usage: partial_bench.py RUNS"""
import statistics
import sys
import time

import partial_json_parser


def reply(size):
    items, total, index = [], 12, 0
    while total < size:
        item = '{"id":%d,"name":"item number %d of the catalog","tags":["alpha","beta"]}' % (index, index)
        items.append(item)
        total += len(item) + 1
        index += 1
    return '{"items":[' + ",".join(items) + "]}"


runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
medians = []
for size, chunks in ((100_000, 1_000), (1_000_000, 10_000)):
    text = reply(size)
    step = max(1, len(text) // chunks)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for end in range(step, len(text) + step, step):
            partial_json_parser.loads(text[:end])
        times.append(time.perf_counter() - start)
    medians.append(statistics.median(times))
    print("partial-json-parser %7d bytes, parse after each of %5d chunks: median %8.1f ms" % (len(text), -(-len(text) // step), medians[-1] * 1000))
print("partial-json-parser ratio 1 MB / 100 KB: %.1fx" % (medians[1] / medians[0]))
