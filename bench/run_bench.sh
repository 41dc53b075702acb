#!/bin/bash
# Times tools on one corpus with a warm page cache: RUNS rounds, each running
# every TOOL once under /usr/bin/time, in turn (so a slow spell of the machine
# hits all tools alike); one row per run is appended to $RESULTS.
#   run_bench.sh CORPUS [RUNS] [TOOL ...]
#   (default: read_fm fmkit fmkit-j1 fmkit-warm-cache fmkit-rules fmkit-migrate node python-libyaml)
# Environment: RESULTS (rows, default ./results.tsv), READ_FM (the read_fm
# binary), FMKIT (the fmkit binary), BENCH_NODE_DIR (where `npm ci` put the
# node peer's node_modules). bench/run.sh sets them all.
# Row: corpus, tool, run, wall s, user s, sys s, peak RSS KiB, exit code, last output line.
set -u
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(readlink -f "$1") runs=${2:-5}
shift $(($# < 2 ? $# : 2))
schema=$here/post.schema.json
results=${RESULTS:-results.tsv}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
# fmkit migrate: a site whose one collection is the corpus, with the step of
# bench/migrate/ (it adds a key to every post; the invalid ones fail).
site=$tmp/site
mkdir -p "$site/migrations"
cp "$here/migrate/0002-reviewed.yaml" "$site/migrations/"
cp "$here/migrate/post-v2.schema.json" "$site/"
printf 'collections:\n  posts:\n    include: ["%s/**/*.md"]\n    schema: post-v2.schema.json\n    migrations: migrations\n' \
  "$(realpath --relative-to="$site" "$corpus")" >"$site/fmkit.yaml"
# fmkit validate with a rule across files: every post's `source` unique.
rules=$tmp/rules
mkdir -p "$rules"
cp "$schema" "$rules/post.schema.json"
printf 'collections:\n  posts:\n    include: ["%s/**/*.md"]\n    schema: post.schema.json\n    unique: [{field: source, normalize: url}]\n' \
  "$(realpath --relative-to="$rules" "$corpus")" >"$rules/fmkit.yaml"
declare -A cmd=(
  [find]="find $corpus -name '*.md' | wc -l"
  [cat]="find $corpus -name '*.md' -print0 | xargs -0 cat >/dev/null"
  [read_fm]="${READ_FM:-read_fm} $corpus"
  [fmkit]="${FMKIT:-fmkit} validate --quiet --no-cache --schema $schema $corpus"
  [fmkit-warm-cache]="${FMKIT:-fmkit} validate --quiet --cache-dir $tmp/cache --schema $schema $corpus"
  [fmkit-j1]="${FMKIT:-fmkit} validate --quiet --no-cache -j 1 --schema $schema $corpus"
  [fmkit-rules]="cd $rules && ${FMKIT:-fmkit} validate --quiet --no-cache"
  [fmkit-migrate]="cd $site && ${FMKIT:-fmkit} migrate"
  [fmkit-migrate-check]="cd $site && ${FMKIT:-fmkit} migrate --check"
  [node]="node $here/peers/node/check.mjs $schema $corpus"
  [node-gm-cache]="node $here/peers/node/check.mjs $schema $corpus --gm-cache"
  [python-libyaml]="/usr/bin/python3 $here/peers/python/check.py $schema $corpus"
  [python-pure]="/usr/bin/python3 $here/peers/python/check.py $schema $corpus --pure"
)
[ $# -gt 0 ] || set -- read_fm fmkit fmkit-j1 fmkit-warm-cache fmkit-rules fmkit-migrate node python-libyaml
for tool in "$@"; do
  [ -n "${cmd[$tool]:-}" ] || { echo "unknown tool $tool" >&2; exit 2; }
done
TIMEFORMAT=$'%3R\t%3U\t%3S'
find "$corpus" -name '*.md' -print0 | xargs -0 cat >/dev/null  # warm the page cache
# fmkit-warm-cache times runs whose result cache already holds every file.
sh -c "${cmd[fmkit-warm-cache]}" >/dev/null 2>&1
for i in $(seq "$runs"); do
  for tool in "$@"; do
    # bash's time: ms resolution for wall/user/sys; GNU time: peak RSS (KiB)
    { time /usr/bin/time -f %M -o "$tmp/rss" sh -c "${cmd[$tool]}" >"$tmp/out" 2>&1; } 2>"$tmp/time"
    rc=$?
    row="$(basename "$corpus")\t$tool\t$i\t$(cat "$tmp/time")\t$(tail -1 "$tmp/rss")\t$rc\t$(tail -1 "$tmp/out")"
    printf '%b\n' "$row" | tee -a "$results"
  done
done
