"""The Python side of Benchmarks/extract: the same job as `forma extract` with instructor.

Reads JSONL rows, extracts a Person from each row's text with instructor over AsyncOpenAI
at a fixed concurrency (an asyncio.Semaphore), and writes one JSON line per row, in input
order, with the same fields forma writes.

    python3 instructor_bench.py --input rows.jsonl --output out.jsonl --base-url URL --concurrency 64
"""
import argparse
import asyncio
import json
import sys
import time

import instructor
from openai import AsyncOpenAI
from pydantic import BaseModel, Field


class Person(BaseModel):
    name: str
    email: str
    age: int = Field(ge=0)


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--model", default="bench-model")
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()

    with open(args.input) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    client = instructor.from_openai(
        AsyncOpenAI(base_url=args.base_url, api_key="unused", max_retries=5),
        mode=instructor.Mode.JSON_SCHEMA,
    )
    gate = asyncio.Semaphore(args.concurrency)

    async def one(row):
        async with gate:
            started = time.monotonic()
            try:
                person, completion = await client.chat.completions.create_with_completion(
                    model=args.model,
                    response_model=Person,
                    max_retries=2,
                    messages=[
                        {"role": "system", "content": "Extract the requested information from the user's text."},
                        {"role": "user", "content": row["text"]},
                    ],
                )
                usage = completion.usage
                return {"id": row["id"], "ok": True, "value": person.model_dump(), "attempts": 1,
                        "usage": {"prompt": usage.prompt_tokens, "completion": usage.completion_tokens,
                                  "total": usage.total_tokens},
                        "model": args.model, "latencyMs": int((time.monotonic() - started) * 1000)}
            except Exception as error:  # one record per row, as forma does
                return {"id": row["id"], "ok": False, "error": {"kind": "api", "message": str(error)[:200]}}

    records = await asyncio.gather(*(one(row) for row in rows))
    with open(args.output, "w") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
    failed = sum(1 for r in records if not r["ok"])
    print(f"instructor: {len(records)} rows, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
