#!/usr/bin/env python3
"""Checks `fmkit init` + `fmkit validate` on a corpus from bench/gen_corpus.py.

    check_corpus.py MANIFEST VALIDATE_JSON INIT_OUTPUT

Every planted defect must be flagged by validate with the rule listed for
its kind below, every clean file must have no error, and init's "likely
mistakes" must name exactly the files whose defect only a schema can catch.
Defects that inference cannot see are listed apart, each with its reason;
any other outcome fails.
"""
import json
import re
import sys

# (defect, variant) -> the rule validate reports; "*" is any variant.
EXPECTED = {
    ("bad_enum", "*"): "schema.enum",
    ("missing_title", "*"): "schema.required",
    ("bad_date", "slash"): "schema.format",
    ("bad_date", "dmy"): "schema.format",
    ("bad_date", "impossible"): "schema.format",
    ("draft_string", "*"): "schema.type",
    ("unknown_key", "*"): "schema.additional-properties",
    ("duplicate_key", "*"): "yaml.duplicate-key",
    ("malformed_yaml", "*"): "yaml.syntax",
    ("no_closing", "*"): "front-matter.unclosed",
}
# Planted defects that are no mistake to inference, and what validate says.
NOT_INFERABLE = {
    # `date: 2024-01-05` unquoted is the same string as '2024-01-05' under
    # YAML 1.2, fmkit's reading for a generic site: nothing to infer. YAML
    # 1.1 readers (PyYAML, Jekyll) read a date object instead; validate
    # warns about that.
    ("bad_date", "unquoted"): "yaml11-timestamp",
}
# Rules of defects that come from reading, not from the inferred schema:
# init's likely mistakes cannot include them.
READING_RULES = {"yaml.duplicate-key", "yaml.syntax", "front-matter.unclosed"}


def lookup(table, defect, variant):
    return table.get((defect, variant), table.get((defect, "*")))


def main():
    manifest, validate_json, init_output = sys.argv[1:4]
    planted = {}
    for line in open(manifest, encoding="utf-8"):
        path, defect, variant = line.rstrip("\n").split("\t")
        planted[path] = (defect, variant)
    report = json.load(open(validate_json, encoding="utf-8"))
    errors, warnings = {}, {}
    for d in report["diagnostics"]:
        (errors if d["severity"] == "error" else warnings).setdefault(
            d["file"], set()).add(d["rule"])
    init_flagged = set(re.findall(r"^(\S+\.md):\d+:\d+: warning: .*\[infer\.outlier\]$",
                                  open(init_output, encoding="utf-8").read(), re.M))
    failures = []
    expected_init = set()
    counts = {}
    for path, (defect, variant) in sorted(planted.items()):
        got = errors.get(path, set())
        if defect == "-":
            if got:
                failures.append(f"{path}: clean, but validate reports {sorted(got)}")
            continue
        counts[(defect, variant)] = counts.get((defect, variant), 0) + 1
        if (defect, variant) in NOT_INFERABLE:
            want = NOT_INFERABLE[(defect, variant)]
            if got or want not in warnings.get(path, set()):
                failures.append(f"{path}: {defect}/{variant}: expected only the "
                                f"warning {want}, got errors {sorted(got)}")
            continue
        want = lookup(EXPECTED, defect, variant)
        if want is None:
            failures.append(f"{path}: {defect}/{variant} is in no list")
        elif got != {want}:
            failures.append(f"{path}: {defect}/{variant}: expected {want}, got {sorted(got)}")
        if want not in READING_RULES:
            expected_init.add(path)
    for path in sorted(init_flagged - expected_init):
        failures.append(f"{path}: init names a likely mistake that was not planted")
    for path in sorted(expected_init - init_flagged):
        failures.append(f"{path}: init does not name the planted {planted[path]}")
    for (defect, variant), n in sorted(counts.items()):
        print(f"planted {defect}/{variant}: {n}")
    print(f"files: {len(planted)}, flagged by validate: {len(errors)}, "
          f"likely mistakes named by init: {len(init_flagged)}")
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
