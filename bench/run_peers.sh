#!/usr/bin/env bash
# Times fmkit beside the peers of ../shared/bench (gray-matter + ajv, python
# libyaml + jsonschema, the read floor) on one corpus, in one run.
#   bench/run_peers.sh [CORPUS] [RUNS]   (default /tmp/bench/c10k, 5)
# Set up the peers and corpora first as ../shared/bench/README.md says.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
shared=${FMKIT_SHARED:-$top/../shared}
corpus=${1:-/tmp/bench/c10k}
runs=${2:-5}
cmake -S "$top" -B "$top/build-release" -DCMAKE_BUILD_TYPE=Release \
  -DFMKIT_BUILD_TESTS=OFF >/dev/null
cmake --build "$top/build-release" -j2 --target fmkit >/dev/null
export RESULTS=${RESULTS:-/tmp/bench/results.tsv}
# `tool` runs: $TOOL SCHEMA CORPUS
TOOL="$top/build-release/src/fmkit validate --quiet --schema" \
  "$shared/bench/run_bench.sh" "$corpus" "$runs" read_fm tool node python-libyaml
python3 "$shared/bench/summarize.py" "$RESULTS"
