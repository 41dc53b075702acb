#!/usr/bin/env node
// Validate the YAML front matter of every *.md under DIR against SCHEMA with
// gray-matter (js-yaml 3) + ajv (draft-07) + ajv-formats.  Prints invalid paths
// with --list, then 'invalid N / M'; exit 1 if N > 0.
// --gm-cache calls matter(text) as its README does: gray-matter then caches
// every parsed file (keyed by content) for the life of the process.
//   BENCH_NODE_DIR=DIR node check.mjs SCHEMA DIR [--list] [--gm-cache]   (modules: $BENCH_NODE_DIR/node_modules)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const nodeDir = process.env.BENCH_NODE_DIR;
if (!nodeDir) {
  console.error('set BENCH_NODE_DIR to the folder where npm ci installed package.json (bench/run.sh does)');
  process.exit(2);
}
const require = createRequire(join(nodeDir, 'x.js'));
const matter = require('gray-matter');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const list = process.argv.includes('--list');
const options = process.argv.includes('--gm-cache') ? undefined : {};
if (args.length !== 2) {
  console.error('usage: check.mjs SCHEMA DIR [--list] [--gm-cache]');
  process.exit(2);
}
const [schemaPath, root] = args;
const ajv = new Ajv();
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const files = readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.md')).sort();
let bad = 0;
for (const rel of files) {
  const path = join(root, rel);
  let ok;
  try {
    const { data } = matter(readFileSync(path, 'utf8'), options);
    ok = validate(data);
  } catch {
    ok = false; // YAML syntax error, duplicate key, ...
  }
  if (!ok) {
    bad++;
    if (list) console.log(path);
  }
}
console.log(`invalid ${bad} / ${files.length}`);
process.exit(bad ? 1 : 0);
