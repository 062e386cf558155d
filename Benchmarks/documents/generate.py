#!/usr/bin/env python3
"""Generates the YAML and TOML benchmark corpora: CI-workflow-shaped YAML files and
pyproject-shaped TOML files, about 5 % of each invalid against its schema.

    generate.py OUT_DIR [--count N] [--seed S]

Writes OUT_DIR/yaml/wf-NNNN.yml and OUT_DIR/toml/proj-NNNN.toml. Deterministic for a seed.
No dates or datetimes are generated, so every peer's loader yields plain JSON values.
"""
import argparse, os, random

RUNNERS = ["ubuntu-latest", "macos-14", "windows-latest", "ubuntu-22.04"]
ACTIONS = ["actions/checkout@v4", "actions/setup-python@v5", "actions/cache@v4", "actions/upload-artifact@v4"]
EVENTS = ["push", "pull_request", "workflow_dispatch", "schedule"]


def workflow(rng, invalid):
    lines = [f"name: CI {rng.randint(1, 9999)}", "on:"]
    for event in rng.sample(EVENTS, rng.randint(1, 3)):
        if event == "schedule":
            lines += ["  schedule:", f"    - cron: '{rng.randint(0, 59)} {rng.randint(0, 23)} * * *'"]
        elif event == "workflow_dispatch":
            lines += ["  workflow_dispatch: {}"]
        else:
            lines += [f"  {event}:", "    branches: [main, 'release/**']"]
    lines += ["permissions:", "  contents: read", "jobs:"]
    bad_job = rng.randrange(3) if invalid else -1
    for j in range(rng.randint(1, 4)):
        lines += [f"  job{j}:", f"    runs-on: {rng.choice(RUNNERS)}"]
        if j == bad_job:
            lines += [f"    timeout-minutes: {rng.choice(['soon', -5])}"]
        else:
            lines += [f"    timeout-minutes: {rng.randint(5, 120)}"]
        if rng.random() < 0.5:
            lines += ["    strategy:", "      matrix:", f"        python: ['3.{rng.randint(9, 13)}', '3.{rng.randint(9, 13)}']"]
        lines += ["    env:", f"      LEVEL: \"{rng.randint(1, 5)}\"", "    steps:"]
        for s in range(rng.randint(2, 8)):
            if rng.random() < 0.4:
                lines += [f"      - uses: {rng.choice(ACTIONS)}", "        with:", f"          key: k-{rng.randint(0, 999)}"]
            else:
                lines += [f"      - name: step {s}", f"        run: make target{rng.randint(0, 50)} && echo done"]
    return "\n".join(lines) + "\n"


def pyproject(rng, invalid):
    name = f"pkg-{rng.randint(0, 99999)}"
    version = "oops" if invalid and rng.random() < 0.5 else f"{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
    deps = ", ".join(f'"dep{rng.randint(0, 300)}>={rng.randint(1, 9)}.0"' for _ in range(rng.randint(0, 8)))
    lines = [
        "[build-system]", 'requires = ["setuptools>=61"]', 'build-backend = "setuptools.build_meta"', "",
        "[project]", f'name = "{name}"', f'version = "{version}"', f'description = "Package {name}"',
        f'requires-python = ">=3.{rng.randint(8, 12)}"', f"dependencies = [{deps}]",
        f'authors = [{{ name = "Author {rng.randint(0, 99)}", email = "a{rng.randint(0, 99)}@example.com" }}]', "",
        "[project.optional-dependencies]", 'test = ["pytest>=7", "coverage"]', "",
        "[tool.ruff]", f"line-length = {rng.randint(80, 120)}",
    ]
    if invalid and version != "oops":
        lines += ["[tool.ruff.lint]", "select = 12"]
    else:
        lines += ["[tool.ruff.lint]", 'select = ["E", "F", "I"]']
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for kind in ("yaml", "toml"):
        os.makedirs(os.path.join(args.out, kind), exist_ok=True)
    for i in range(args.count):
        with open(os.path.join(args.out, "yaml", f"wf-{i:04}.yml"), "w") as f:
            f.write(workflow(rng, rng.random() < 0.05))
        with open(os.path.join(args.out, "toml", f"proj-{i:04}.toml"), "w") as f:
            f.write(pyproject(rng, rng.random() < 0.05))


if __name__ == "__main__":
    main()
