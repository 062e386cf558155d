#!/usr/bin/env python3
"""Validates the benchmark corpus with Python peers, doing the same work as `forma validate`:
read the file, parse every line, check it against the schema (is_valid), count invalid.

    peers.py SCHEMA CORPUS [--runs N] [--subset N] [--forma-rate R ...]

Prints, per peer, the median instances/s, the number of invalid instances (which must
agree with forma's), and the ratio forma/peer for each --forma-rate (instances/s) given
(run.sh passes forma's rate with --jobs 1, then with --jobs 2).
Format assertion is on for every peer, as with `forma validate --format-assertion`.
"""
import argparse, json, statistics, sys, time


def read_lines(path, limit=None):
    with open(path, "rb") as f:
        lines = [line for line in f if line.strip()]
    return lines[:limit] if limit else lines


def run(check, loads, path, limit):
    """One timed pass: read + parse + validate every line. Returns (seconds, count, invalid)."""
    start = time.perf_counter()
    count = invalid = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            count += 1
            try:
                ok = check(loads(line))
            except ValueError:
                ok = False
            if not ok:
                invalid += 1
            if limit and count >= limit:
                break
    return time.perf_counter() - start, count, invalid


def peers(schema):
    out = []
    try:
        import jsonschema_rs
        v = jsonschema_rs.validator_for(schema, validate_formats=True)
        try:
            import orjson
            out.append(("jsonschema-rs + orjson", v.is_valid, orjson.loads, None))
        except ImportError:
            print("orjson not installed; skipping", file=sys.stderr)
        out.append(("jsonschema-rs + json", v.is_valid, json.loads, None))
    except ImportError:
        print("jsonschema-rs not installed; skipping", file=sys.stderr)
    try:
        import fastjsonschema
        validate = fastjsonschema.compile(schema)

        def fast_is_valid(instance):
            try:
                validate(instance)
                return True
            except fastjsonschema.JsonSchemaException:
                return False

        out.append(("fastjsonschema + json", fast_is_valid, json.loads, None))
    except ImportError:
        print("fastjsonschema not installed; skipping", file=sys.stderr)
    try:
        import jsonschema
        cls = jsonschema.validators.validator_for(schema)
        v = cls(schema, format_checker=cls.FORMAT_CHECKER)
        out.append(("jsonschema + json", v.is_valid, json.loads, "subset"))
    except ImportError:
        print("jsonschema not installed; skipping", file=sys.stderr)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema")
    parser.add_argument("corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--subset", type=int, default=20_000, help="instances for the slow pure-Python peer")
    parser.add_argument("--forma-rate", type=float, action="append", default=[],
                        help="forma's instances/s, for a ratio column (repeat: --jobs 1, then --jobs 2)")
    args = parser.parse_args()
    with open(args.schema, "rb") as f:
        schema = json.load(f)
    heads = " ".join(f"{'forma' + str(i + 1) + '/peer':>12}" for i in range(len(args.forma_rate))) or f"{'forma/peer':>12}"
    print(f"{'peer':28} {'instances':>10} {'invalid':>8} {'inst/s':>12} {heads}")
    for name, check, loads, scope in peers(schema):
        limit = args.subset if scope == "subset" else None
        runs = [run(check, loads, args.corpus, limit) for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in runs)
        _, count, invalid = runs[0]
        rate = count / seconds
        ratio = " ".join(f"{r / rate:12.2f}" for r in args.forma_rate) or f"{'-':>12}"
        label = name + (" (subset)" if limit else "")
        print(f"{label:28} {count:10d} {invalid:8d} {rate:12.0f} {ratio}", flush=True)


if __name__ == "__main__":
    main()
