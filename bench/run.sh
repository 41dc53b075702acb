#!/usr/bin/env bash
# fmkit beside the tools users run today, end to end, on a Debian 12 machine
# (as root): installs what the peers need, builds fmkit (Release) and the
# read floor, generates the corpus, times every tool in one run (RUNS rounds,
# medians) and prints the table, then what each tool flags per planted defect.
#
#   bench/run.sh [--count N | --100k] [--runs N] [--work DIR] [--no-install]
#
#   --count N     posts in the corpus (default 10000); --100k: 100000
#   --runs N      rounds of every tool (default 5)
#   --work DIR    build, peers, corpora and results (default build-bench/ in
#                 the checkout; nothing else in the source tree is written)
#   --no-install  skip apt-get and the fmkit build dependencies
# See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
count=10000 runs=5 work=$top/build-bench install=1
usage() { sed -n '7,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --count) count=${2:?}; shift 2 ;;
    --100k) count=100000; shift ;;
    --runs) runs=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --no-install) install=0; shift ;;
    *) usage ;;
  esac
done
[[ $count =~ ^[1-9][0-9]*$ && $runs =~ ^[1-9][0-9]*$ ]] || usage
mkdir -p "$work" && work=$(cd "$work" && pwd)
step() { printf '\n== %s\n' "$*" >&2; }

if [ "$install" = 1 ]; then
  step "packages (Debian)"
  bash "$top/.ci/install-deps" >&2
  want=(time gcc python3 python3-yaml python3-jsonschema python3-rfc3987)
  # node and npm: Debian's, unless the machine already has them (NodeSource)
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
  missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends "${missing[@]}" >&2
  fi
fi

step "node peer: npm ci in $work/node"
mkdir -p "$work/node"
if ! cmp -s "$here/peers/node/package-lock.json" "$work/node/package-lock.json" ||
   [ ! -d "$work/node/node_modules" ]; then
  cp "$here/peers/node/package.json" "$here/peers/node/package-lock.json" "$work/node/"
  (cd "$work/node" && npm ci --no-audit --no-fund) >&2
fi
export BENCH_NODE_DIR=$work/node

step "fmkit (Release) in $work/build"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
[ -f "$work/build/CMakeCache.txt" ] && generator=()
cmake -S "$top" -B "$work/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DFMKIT_BUILD_TESTS=OFF >/dev/null
cmake --build "$work/build" -j"$(nproc)" --target fmkit >&2
export FMKIT=$work/build/src/fmkit
"$FMKIT" --version >&2 || true

step "read_fm (the floor)"
cc -O2 -o "$work/read_fm" "$here/limit/read_fm.c"
export READ_FM=$work/read_fm

name=c$count
[ $((count % 1000)) -eq 0 ] && name=c$((count / 1000))k
corpus=$work/$name
params="--count $count --seed 1 --invalid-rate 0.05"
if [ "$(cat "$corpus/.params" 2>/dev/null)" != "$params" ]; then
  step "corpus: $count posts in $corpus"
  rm -rf "$corpus"
  # shellcheck disable=SC2086
  /usr/bin/python3 "$here/gen_corpus.py" $params --out "$corpus" >&2
  echo "$params" >"$corpus/.params"
fi

step "timing: $runs rounds of read_fm, fmkit (2 threads, 1 thread, warm cache, a rule across files), fmkit migrate (dry run), node, python-libyaml on $name"
export RESULTS=$work/results-$name.tsv
rm -f "$RESULTS"
"$here/run_bench.sh" "$corpus" "$runs" read_fm fmkit fmkit-j1 fmkit-warm-cache \
  fmkit-rules fmkit-migrate node python-libyaml >&2

step "agreement: what each tool flags (one more run each, with the list)"
lists=$work/lists-$name
mkdir -p "$lists"
schema=$here/post.schema.json
# fmkit: the files with at least one error (warnings do not make a file invalid)
"$FMKIT" validate --quiet --no-cache --format json --schema "$schema" "$corpus" >"$lists/fmkit.json" || true
/usr/bin/python3 - "$lists/fmkit.json" >"$lists/fmkit" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
for path in sorted({d["file"] for d in report["diagnostics"] if d["severity"] == "error"}):
    print(path)
EOF
node "$here/peers/node/check.mjs" "$schema" "$corpus" --list >"$lists/node" || true
/usr/bin/python3 "$here/peers/python/check.py" "$schema" "$corpus" --list >"$lists/python" || true

printf '\n## %s posts, medians of %s runs (%s, %s cores)\n\n' "$count" "$runs" \
  "$(date -u +%Y-%m-%d)" "$(nproc)"
/usr/bin/python3 "$here/summarize.py" "$RESULTS"
printf '\n## What each tool flags as invalid, per planted defect\n\n'
/usr/bin/python3 "$here/agree.py" "$corpus" fmkit="$lists/fmkit" node="$lists/node" \
  python="$lists/python"
printf '\nrows: %s\n' "$RESULTS"
