#!/bin/sh
# fmkit init, then fmkit validate, on a corpus from bench/gen_corpus.py:
# the clean files pass and exactly the planted mistakes are flagged
# (tests/infer/check_corpus.py holds the expected list).
#   corpus_test.sh FMKIT SOURCE_DIR
set -eu
fmkit=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# 600 files, seed 9: every defect kind, and every bad_date variant.
python3 "$source/bench/gen_corpus.py" --count 600 --body-bytes 64 --seed 9 \
  --out "$work/site" 2>/dev/null
mv "$work/site/manifest.tsv" "$work/manifest.tsv"
cd "$work/site"
status=0
"$fmkit" init > "$work/init.txt" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then cat "$work/init.txt"; echo "init exited $status"; exit 1; fi
status=0
"$fmkit" validate --no-cache --format json > "$work/validate.json" || status=$?
if [ "$status" -ne 1 ]; then echo "validate exited $status, expected 1"; exit 1; fi
python3 "$source/tests/infer/check_corpus.py" "$work/manifest.tsv" \
  "$work/validate.json" "$work/init.txt"
