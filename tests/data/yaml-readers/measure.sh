#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Measures how the YAML readers of site generators read each plain scalar of
# values.txt (one per line) as `k: VALUE`, and prints readers.tsv: one row
# per value, each cell JSON: the value, then what PyYAML, Jekyll (Ruby
# Psych), js-yaml 3, js-yaml 4 and Hugo (go-yaml v2) make of it, as fmkit
# would store it: a number as a JSON number (1500.0 is 1500), a date or
# timestamp and an infinity or NaN as the text written, "!error" when the
# reader rejects the document. tests/document/yaml11_test.cpp checks
# document/yaml11.cpp against it.
#
# Usage: measure.sh NODE_FOLDER > readers.tsv, where NODE_FOLDER has
#   npm install js3@npm:js-yaml@3 js4@npm:js-yaml@4
# done in it; python3-yaml, ruby (Psych) and hugo must be installed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
node_folder=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$here/values.txt" > "$work/py" <<'PY'
import datetime, json, math, sys, yaml
def norm(v, r):
    if isinstance(r, bool) or r is None: return json.dumps(r)
    if isinstance(r, (datetime.date, datetime.datetime)): return json.dumps(v)
    if isinstance(r, float):
        if math.isinf(r) or math.isnan(r): return json.dumps(v)
        if r == int(r) and abs(r) <= 2**53: return str(int(r))
        return json.dumps(r)
    if isinstance(r, int): return str(r)
    return json.dumps(r)
for v in open(sys.argv[1]).read().split('\n')[:-1]:
    try: print(norm(v, yaml.safe_load('k: ' + v)['k']))
    except Exception: print('"!error"')
PY

ruby - "$here/values.txt" > "$work/rb" <<'RB'
require 'psych'; require 'date'; require 'json'
File.read(ARGV[0]).split("\n", -1)[0..-2].each do |v|
  begin
    # As Jekyll 4.3 reads front matter (Jekyll::Utils.safe_load_yaml).
    r = Psych.safe_load("k: " + v, permitted_classes: [Date, Time],
                        aliases: true)['k']
    puts(case r
         when Date, Time then v.to_json
         when Float
           if r.infinite? || r.nan? then v.to_json
           elsif r == r.to_i && r.abs <= 2**53 then r.to_i.to_s
           else r.to_json end
         else r.to_json end)
  rescue StandardError
    puts '"!error"'
  end
end
RB

for js in js3 js4; do
  NODE_PATH="$node_folder/node_modules" node - "$here/values.txt" "$js" \
    > "$work/$js" <<'JS'
const fs = require('fs');
const [file, which] = process.argv.slice(2);
const y = require(which);
const load = which === 'js3' ? y.safeLoad : y.load;  // as gray-matter 4 calls it
for (const v of fs.readFileSync(file, 'utf8').split('\n').slice(0, -1)) {
  let out;
  try {
    const r = load('k: ' + v).k;
    if (r instanceof Date) out = JSON.stringify(v);
    else if (typeof r === 'number' && !isFinite(r)) out = JSON.stringify(v);
    else out = JSON.stringify(r === undefined ? null : r);
  } catch (e) {
    out = '"!error"';
  }
  console.log(out);
}
JS
done

# Hugo: one page per value, its layout printing the value's Go type.
site="$work/site"
mkdir -p "$site/content" "$site/layouts/_default"
printf 'baseURL = "/"\n' > "$site/config.toml"
printf '{{ printf "%%T|%%v" .Params.v .Params.v }}' \
  > "$site/layouts/_default/single.html"
i=0
while IFS= read -r v; do
  i=$((i + 1))
  printf -- '---\ntitle: t%d\nv: %s\n---\n' "$i" "$v" > "$site/content/p$i.md"
done < "$here/values.txt"
hugo --quiet -s "$site" >/dev/null 2>&1 || true
i=0
while IFS= read -r v; do
  i=$((i + 1))
  f="$site/public/p$i/index.html"
  if [ ! -f "$f" ]; then echo '"!error"'; continue; fi
  python3 - "$v" "$(cat "$f")" <<'PY'
import html, json, sys
v, out = sys.argv[1], html.unescape(sys.argv[2])
kind, _, text = out.partition('|')
if kind == 'string': print(json.dumps(text))
elif kind == 'bool': print(text)
elif kind == '<nil>': print('null')
elif kind == 'int': print(text)
elif kind == 'float64':
    f = float(text)
    if f != f or f in (float('inf'), float('-inf')): print(json.dumps(v))
    elif f == int(f) and abs(f) <= 2**53: print(int(f))
    else: print(json.dumps(f))
elif kind == 'time.Time': print(json.dumps(v))
else: print(json.dumps('!' + kind))
PY
done < "$here/values.txt" > "$work/go"

python3 -c 'import json,sys; [print(json.dumps(l)) for l in open(sys.argv[1]).read().split("\n")[:-1]]' \
  "$here/values.txt" > "$work/values"
printf 'value\tPyYAML\tJekyll\tjs-yaml 3\tjs-yaml 4\tHugo\n'
paste "$work/values" "$work/py" "$work/rb" "$work/js3" "$work/js4" "$work/go"
