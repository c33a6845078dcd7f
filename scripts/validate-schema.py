#!/usr/bin/env python3
"""Validate a statement-model file (YAML or JSON) against the published JSON Schema, reading the
YAML as an editor's YAML 1.2 parser does (ruamel.yaml; the YAML language server behaves alike):
`format: 1` and `date: 2014` are numbers, `2014-02-17` a date (compared as its ISO text).

usage: validate-schema.py SCHEMA MODEL…   (exit 0 when every model is valid; every violation printed)
"""
import datetime
import json
import sys

import jsonschema
from jsonschema.exceptions import best_match
from ruamel.yaml import YAML


def plain(v):
    """The parsed YAML as JSON values: dates as ISO text, everything else as it is."""
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v


def main() -> int:
    schema_path, models = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    failed = False
    for model_path in models:
        with open(model_path, encoding="utf-8-sig") as f:
            if model_path.endswith(".jsonl"):
                documents = [json.loads(line) for line in f if line.strip()]
            else:
                documents = [plain(yaml.load(f))]
        for document in documents:
            for top in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
                # A `oneOf` error says only that no branch fitted; the branch's own error is the
                # one a person can act on, so show the most relevant one inside it.
                e = best_match([top])
                where = "/".join(str(p) for p in e.absolute_path) or "(root)"
                message = e.message if len(e.message) <= 200 else e.message[:197] + "..."
                print(f"{model_path}: {where}: {message}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
