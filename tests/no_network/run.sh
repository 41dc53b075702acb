#!/bin/sh
# SPDX-License-Identifier: MIT
# fmkit never uses the network (issue: hardening, "no escape"). Runs fmkit
# with no_network.so preloaded, which aborts a process that opens a network
# socket or looks a host name up, on a site whose schema has a remote $ref
# (refused, exit 2, no fetch), on the example site (validate, migrate dry
# run, migrate status, infer: none writes) and on a copy of its posts (init). A control run first checks that the
# library does catch a socket.
#
# usage: run.sh FMKIT NO_NETWORK_SO SOURCE_DIR WORK_DIR
set -u
fmkit=$1 shim=$2 source=$3 work=$4
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
fail() { echo "FAIL: $*"; exit 1; }

# The control: the library aborts a process that opens a socket.
LD_PRELOAD=$shim python3 -c 'import socket; socket.socket()' 2>"$work.control"
grep -q "network use: socket" "$work.control" ||
  fail "the library did not stop a socket: $(cat "$work.control")"
rm -f "$work.control"

rm -rf "$work" && mkdir -p "$work" || exit 1
cp -r "$source/fixtures/hostile/sites/schema-remote-ref" "$work/remote" || exit 1
cp -r "$source/fixtures/site/content" "$work/bare" || exit 1

# run EXPECTED_EXIT DIR ARGS...: fmkit must exit EXPECTED_EXIT, no network.
run() {
  expected=$1 dir=$2
  shift 2
  (cd "$dir" && LD_PRELOAD=$shim "$fmkit" "$@" >"$work/out" 2>&1)
  code=$?
  if grep -q "network use" "$work/out" || [ "$code" -ne "$expected" ]; then
    cat "$work/out"
    fail "fmkit $* in $dir: exit $code (expected $expected)"
  fi
}

run 2 "$work/remote" validate --no-cache
grep -q "remote \$ref 'http://example.com/post.schema.json' refused" \
  "$work/out" || fail "no refusal of the remote \$ref: $(cat "$work/out")"
run 0 "$source/fixtures/site" validate --no-cache
run 0 "$source/fixtures/site" migrate --dry-run
run 0 "$source/fixtures/site" migrate status
run 0 "$source/fixtures/site" infer content
run 0 "$work/bare" init
echo "ok: no network use"
