#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The result cache across real processes: 8 fmkit processes started at once
# on a copy of the example site (and on the invalid posts, with --schema and
# $XDG_CACHE_HOME) print exactly what a run without the cache prints, and
# leave a cache that the next run uses whole (it rewrites nothing).
#
#   cache_processes.sh FMKIT SOURCE_DIR
set -eu
fmkit=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/fixtures"
cp -R "$source/fixtures/site" "$source/fixtures/invalid" "$work/fixtures/"
cp -R "$source/schemas" "$source/migrations" "$work/"
cd "$work"
export XDG_CACHE_HOME="$work/xdg"

check() {  # NAME ARGS...: concurrent cold runs, then a warm one
  name=$1
  shift
  set +e
  "$fmkit" validate "$@" --no-cache >"$name.fresh" 2>&1
  echo $? >>"$name.fresh"
  i=0
  while [ $i -lt 8 ]; do
    ( "$fmkit" validate "$@" >"$name.$i" 2>&1; echo $? >>"$name.$i" ) &
    i=$((i + 1))
  done
  wait
  set -e
  i=0
  while [ $i -lt 8 ]; do
    cmp "$name.fresh" "$name.$i" || { echo "$name: run $i differs"; exit 1; }
    i=$((i + 1))
  done
  cache=$(find . -name validate.cache -newer "$name.fresh" | head -n 1)
  [ -n "$cache" ] || { echo "$name: no cache written"; exit 1; }
  before=$(ls -i "$cache")
  set +e
  "$fmkit" validate "$@" >"$name.warm" 2>&1
  echo $? >>"$name.warm"
  set -e
  cmp "$name.fresh" "$name.warm" || { echo "$name: warm run differs"; exit 1; }
  [ "$(ls -i "$cache")" = "$before" ] || { echo "$name: warm run rewrote"; exit 1; }
  if ls "$(dirname "$cache")" | grep -q tmp; then
    echo "$name: temporary files left"; exit 1
  fi
  echo "$name: ok ($(tail -n 1 "$name.fresh"))"
}

check site --config fixtures/site/fmkit.yaml -j 2
check invalid --schema schemas/post.schema.json fixtures/invalid -j 2
