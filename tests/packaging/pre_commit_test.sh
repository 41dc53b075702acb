#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The hooks of .pre-commit-hooks.yaml under the real pre-commit: a hook
# repository holding this checkout's .pre-commit-hooks.yaml (only it, so
# that pre-commit's clone is quick), used from a fresh site repository's
# .pre-commit-config.yaml: fmkit-validate passes a good post, fails a broken
# one with fmkit's diagnostic, and leaves a file no collection covers alone;
# fmkit-migrate-check fails a post behind its migrations.
#
#   pre_commit_test.sh SOURCE_DIR FMKIT_BINARY
set -eu
source=$(cd "$1" && pwd) bin_dir=$(cd "$(dirname "$2")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "pre_commit_test: $*" >&2; exit 1; }
export PATH="$bin_dir:$PATH" PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

hooks=$work/hooks
mkdir -p "$hooks"
cp "$source/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q -b main .
git -C "$hooks" add -A
git -C "$hooks" -c user.name=test -c user.email=test@example.com commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

site=$work/site
mkdir -p "$site/content/posts" "$site/migrations"
cd "$site"
git init -q -b main .
git config user.name test && git config user.email test@example.com
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: fmkit-validate
      - id: fmkit-migrate-check
YAML
cat >fmkit.yaml <<'YAML'
collections:
  posts:
    include: ["content/posts/*.md"]
    schema: post.schema.json
    migrations: migrations/
YAML
cat >post.schema.json <<'JSON'
{"type": "object", "required": ["title"],
 "properties": {"title": {"type": "string"}, "draft": {"type": "boolean"},
                "schema_version": {"type": "integer"}}}
JSON
cat >migrations/0002-draft.yaml <<'YAML'
version: 2
ops:
  - set: {field: draft, value: false}
YAML
printf -- '---\ntitle: Good\nschema_version: 2\n---\nbody\n' >content/posts/good.md
printf -- '---\ntitle: 42\nschema_version: 2\n---\nbody\n' >content/posts/bad.md
printf -- '---\ntitle: Old\n---\nbody\n' >content/posts/old.md
printf '# not content\n' >README.md
git add -A

hook() {  # HOOK FILE...: runs one hook on the files
  id=$1
  shift
  set +e
  pre-commit run "$id" --files "$@" >"$work/out" 2>&1
  status=$?
  set -e
}
hook fmkit-validate content/posts/good.md README.md
[ "$status" = 0 ] || { cat "$work/out"; fail "a good post fails fmkit-validate"; }
hook fmkit-validate content/posts/bad.md
[ "$status" = 1 ] || { cat "$work/out"; fail "a broken post passes fmkit-validate"; }
grep -q "content/posts/bad.md:2:8: error: 'title' must be a string, got number 42 \[schema.type\]" "$work/out" ||
  { cat "$work/out"; fail "fmkit-validate does not show the diagnostic"; }
hook fmkit-migrate-check content/posts/good.md
[ "$status" = 0 ] || { cat "$work/out"; fail "an up-to-date post fails fmkit-migrate-check"; }
hook fmkit-migrate-check content/posts/old.md
[ "$status" = 1 ] || { cat "$work/out"; fail "a post behind passes fmkit-migrate-check"; }
echo "pre_commit_test: ok"
