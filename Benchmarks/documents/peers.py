#!/usr/bin/env python3
"""jsonschema-rs with a YAML or TOML loader, doing what `forma validate` does on the same
files: read each file, parse it, validate it (format assertion on), count the invalid ones.

    peers.py SCHEMA DIR yaml|toml

YAML is read with ruamel.yaml's safe loader (YAML 1.2, so `on:` stays a string key, as in
forma; the C loader when available), TOML with the standard library's tomllib. Prints the
wall time and the invalid count, which must agree with forma's and check-jsonschema's.
"""
import json, os, sys, time

import jsonschema_rs


def main():
    schema_path, directory, kind = sys.argv[1:4]
    start = time.perf_counter()
    with open(schema_path) as f:
        validator = jsonschema_rs.validator_for(json.load(f), validate_formats=True)
    if kind == "yaml":
        from ruamel.yaml import YAML
        yaml = YAML(typ="safe")
        load = lambda data: yaml.load(data)
    else:
        import tomllib
        load = lambda data: tomllib.loads(data.decode())
    count = invalid = 0
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as f:
            data = f.read()
        count += 1
        if not validator.is_valid(load(data)):
            invalid += 1
    print(f"{time.perf_counter() - start:.3f} {count} {invalid}")


if __name__ == "__main__":
    main()
