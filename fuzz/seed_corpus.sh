#!/usr/bin/env bash
# Rebuilds the committed seed corpus, fuzz/corpus/<target>/, from the
# repository's own inputs (fuzz/README.md says which go where). Each seed is
# cut to 8 KiB, fuzz/run.sh's -max_len (the 90 KB seed post is mostly body).
# The migrate target's inputs start with a 4-byte op seed. Run from
# anywhere; rewrites fuzz/corpus/ only.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus
max=8192
rm -rf "$out"
mkdir -p "$out"/{front_matter,document,validate,migrate}

# The seed's file name: its path with '/' made '-'.
name() { printf '%s' "$1" | sed 's|^fixtures/||; s|^tests/data/||; s|/|-|g'; }

add() {  # add TARGET FILE...
  local target=$1 file
  shift
  for file in "$@"; do head -c "$max" "$file" >"$out/$target/$(name "$file")"; done
}

# Markdown files under the given folders.
markdown() { find "$@" -name '*.md' -type f | LC_ALL=C sort; }

mapfile -t posts < <(markdown fixtures/site fixtures/invalid fixtures/toml \
  fixtures/hugo fixtures/yaml11 fixtures/formats tests/data/zola/content)
mapfile -t init < <(markdown fixtures/init | head -20)
mapfile -t befores < <(find fixtures/migrate -name before.md | LC_ALL=C sort)

add front_matter "${posts[@]}" "${init[@]}"
add document "${posts[@]}" "${init[@]}"
add validate "${posts[@]}"

# yaml-test-suite inputs as front matter (cases with several documents
# close early on their own "---": the fuzzer takes it from there).
while IFS= read -r yaml; do
  case_name=$(dirname "${yaml#tests/data/yaml-test-suite/}" | tr / -)
  { printf -- '---\n'; head -c "$max" "$yaml"; printf -- '\n---\nbody\n'; } \
    >"$out/document/yaml-test-suite-$case_name.md"
done < <(find tests/data/yaml-test-suite -name in.yaml | LC_ALL=C sort)

# migrate: two op seeds per document.
for file in "${befores[@]}" "${posts[@]}"; do
  for seed in 1 2; do
    { printf "\\x0$seed\\x00\\x00\\x00"; head -c $((max - 4)) "$file"; } \
      >"$out/migrate/seed$seed-$(name "$file")"
  done
done

du -sh --apparent-size "$out"/* "$out"
