"""The same work as ClientBenchmark through openai-python's AsyncOpenAI; prints one JSON line.

usage: python3 openai_bench.py JSON_BASE_URL SSE_BASE_URL [REQUESTS] [CONCURRENCY]
"""
import asyncio
import json
import resource
import sys
import time

from openai import AsyncOpenAI


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def main():
    json_url, sse_url = sys.argv[1], sys.argv[2]
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else 64
    messages = [{"role": "user", "content": "Say hello"}]
    client = AsyncOpenAI(base_url=json_url, api_key="bench-key", max_retries=0)
    await client.chat.completions.create(model="bench", messages=messages)
    semaphore = asyncio.Semaphore(concurrency)

    async def one():
        async with semaphore:
            reply = await client.chat.completions.create(model="bench", messages=messages)
            return len(reply.choices[0].message.content or "")

    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    await asyncio.gather(*(one() for _ in range(requests)))
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0

    stream_client = AsyncOpenAI(base_url=sse_url, api_key="bench-key", max_retries=0)
    scpu0, swall0 = cpu_seconds(), time.perf_counter()
    chunks = 0
    stream = await stream_client.chat.completions.create(model="bench", messages=messages, stream=True)
    async for _ in stream:
        chunks += 1
    swall, scpu = time.perf_counter() - swall0, cpu_seconds() - scpu0
    print(json.dumps({
        "client": "openai-python", "requests": requests, "concurrency": concurrency,
        "requests_per_second": requests / wall, "cpu_seconds_per_request": cpu / requests,
        "stream_chunks": chunks, "stream_seconds": swall, "stream_cpu_seconds": scpu,
    }))


asyncio.run(main())
