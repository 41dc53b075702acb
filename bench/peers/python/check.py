#!/usr/bin/python3
"""Validate the YAML front matter of every *.md under DIR against SCHEMA.

Debian's python3-yaml (libyaml CSafeLoader unless --pure) + python3-jsonschema
(Draft 7, format checker on). Prints invalid paths with --list, then
'invalid N / M'; exit 1 if N > 0.

    /usr/bin/python3 check.py bench/post.schema.json CORPUS [--list] [--pure]
"""
import json
import os
import sys

import jsonschema
import yaml


def front_matter(text):
    """Return the YAML text between the opening and closing '---' lines."""
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError("front matter not closed")
    return text[4:end + 1]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    schema_path, root = args
    loader = yaml.SafeLoader if "--pure" in sys.argv else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(schema_path) as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.draft7_format_checker)
    total = bad = 0
    for d, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path, total = os.path.join(d, name), total + 1
            try:
                with open(path, encoding="utf-8") as f:
                    data = yaml.load(front_matter(f.read()), Loader=loader)
                ok = validator.is_valid(data)
            except (ValueError, yaml.YAMLError):
                ok = False
            if not ok:
                bad += 1
                if "--list" in sys.argv:
                    print(path)
    print(f"invalid {bad} / {total}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
