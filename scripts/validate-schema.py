#!/usr/bin/env python3
"""Validate a statement-model file (YAML or JSON) against the published JSON Schema.

usage: validate-schema.py SCHEMA MODEL   (exit 0 when valid; every violation printed otherwise)
"""
import json
import sys

import jsonschema
import yaml


def main() -> int:
    schema_path, model_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(model_path, encoding="utf-8") as f:
        # BaseLoader keeps scalars as strings (dates, codes), as stmt reads them.
        model = yaml.load(f, Loader=yaml.BaseLoader)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(model), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{model_path}: {where}: {e.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
