#!/usr/bin/env python3
"""Validate JSON Lines records against the schema `jarya schema` prints.

Usage: validate-records.py SCHEMA.json RECORDS.jsonl [RECORDS.jsonl ...]
Prints each invalid record with its file, line and the validator's message; exit 1 if any.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    bad = total = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                total += 1
                record = json.loads(line)
                errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
                if errors:
                    bad += 1
                    for e in errors[:3]:
                        where = "/".join(str(p) for p in e.absolute_path)
                        print(f"{path}:{n}: {where}: {e.message[:300]}")
    print(f"schema: {total - bad} of {total} records valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
