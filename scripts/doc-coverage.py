#!/usr/bin/env python3
"""Counts the public symbols of Forma's library modules that carry a doc comment.

    swift package dump-symbol-graph --minimum-access-level public
    python3 scripts/doc-coverage.py [.build/x86_64-unknown-linux-gnu/symbolgraph] [--list]

A symbol counts when it is declared in the module (extensions of other modules' types
included), is public, and is written in the source: synthesized members (`==`, `hash(into:)`,
Codable's `init(from:)`) and members inherited from protocols without a declaration of their
own are left out, since they have no source line to document. Prints the share per module;
`--list` prints each undocumented symbol with its file and line.
"""
import glob
import json
import os
import sys

MODULES = ["FormaJSON", "FormaSchema", "FormaDocuments", "FormaClient", "Forma"]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    directory = args[0] if args else glob.glob(".build/*/symbolgraph")[0]
    total_documented = total = 0
    for module in MODULES:
        documented, count, missing = 0, 0, []
        for path in glob.glob(os.path.join(directory, f"{module}.symbols.json")) + glob.glob(
            os.path.join(directory, f"{module}@*.symbols.json")
        ):
            graph = json.load(open(path))
            for symbol in graph["symbols"]:
                if symbol.get("accessLevel") != "public" or "location" not in symbol:
                    continue
                uri = symbol["location"].get("uri", "")
                if "/Sources/" + module + "/" not in uri:
                    continue  # inherited or synthesized: no line of ours declares it
                count += 1
                if symbol.get("docComment", {}).get("lines"):
                    documented += 1
                else:
                    line = symbol["location"]["position"]["line"] + 1
                    missing.append(f"{uri.split('/Sources/')[-1]}:{line}: {'.'.join(symbol['pathComponents'])}")
        total_documented += documented
        total += count
        share = 100.0 * documented / count if count else 100.0
        print(f"{module}: {documented}/{count} public symbols documented ({share:.1f}%)")
        if listing:
            for item in sorted(set(missing)):
                print("  " + item)
    print(f"all: {total_documented}/{total} ({100.0 * total_documented / max(total, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
