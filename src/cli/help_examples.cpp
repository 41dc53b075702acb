// SPDX-License-Identifier: MIT
#include "cli/help_examples.hpp"

namespace fmkit {

namespace {

struct Example {
  std::string_view command;  // whose help shows it ("" for fmkit itself)
  std::string_view line;
  std::string_view what;
};

constexpr Example k_examples[] = {
    {"", "fmkit init",
     "start on an existing site: collections, schemas and fmkit.yaml"},
    {"", "fmkit validate", "check every collection of fmkit.yaml"},
    {"", "fmkit validate --schema schemas/post.schema.json content/posts",
     "check the files under content/posts against one schema, no config"},
    {"", "fmkit migrate", "show what the pending migrations would change"},
    {"", "fmkit migrate --check", "exit 1 while a file is behind (for CI)"},
    {"", "fmkit schema check schemas/post.schema.json",
     "find what a schema checks less than it seems to"},
    {"", "fmkit dump --positions content/posts/hello.md",
     "print a file's front matter as JSON, with positions"},

    {"validate", "fmkit validate",
     "check every collection of fmkit.yaml (found here or in a parent "
     "folder)"},
    {"validate", "fmkit validate content/posts/hello.md content/notes",
     "check only these files and folders"},
    {"validate",
     "fmkit validate --schema schemas/post.schema.json content/posts",
     "check the files under content/posts against one schema, no config"},
    {"validate", "fmkit validate --quiet --format json",
     "errors only, as one JSON document"},
    {"validate", "fmkit validate --staged",
     "check what 'git commit' is about to commit (a pre-commit hook)"},
    {"validate", "fmkit validate --changed-since HEAD",
     "check what changed since a git revision, and untracked files (a "
     "pull request: --changed-since origin/main)"},
    {"validate", "fmkit validate --write-baseline .fmkit-baseline.json",
     "record today's findings, then gate on new ones only with "
     "--baseline .fmkit-baseline.json"},

    {"migrate", "fmkit migrate", "show the changes as a diff, write nothing"},
    {"migrate", "fmkit migrate --write",
     "apply them, to every file or, when one fails, to none"},
    {"migrate", "fmkit migrate --check",
     "exit 1 while a file is behind (for CI)"},
    {"migrate", "fmkit migrate --to 2 content/posts",
     "migrate the files under content/posts up to version 2"},
    {"migrate", "fmkit migrate status", "count the files at each version"},
    {"migrate", "fmkit migrate new \"retire series\"",
     "create the next migration file"},

    {"migrate status", "fmkit migrate status",
     "count the files at each version, list the pending migrations"},
    {"migrate status", "fmkit migrate status --format json",
     "the same, as JSON"},

    {"migrate new", "fmkit migrate new \"retire series\"",
     "create migrations/NNNN-retire-series.yaml, the next version"},
    {"migrate new", "fmkit migrate new \"add cover\" --collection posts",
     "the same, for one of several collections with migrations"},

    {"init", "fmkit init",
     "find the collections, write schemas/ and fmkit.yaml, check the site"},
    {"init", "fmkit init --dry-run", "print what init would write"},

    {"infer", "fmkit infer content/posts",
     "print the schema the posts follow; likely mistakes go to standard "
     "error"},
    {"infer",
     "fmkit infer --collection posts --out schemas/post.schema.json --force",
     "replace a collection's schema with the one its files follow"},
    {"infer", "fmkit infer --outlier-ratio 0 content/notes",
     "widen the schema to every value seen: no likely mistakes"},

    {"dump", "fmkit dump content/posts/hello.md",
     "print the front matter as JSON"},
    {"dump", "fmkit dump --positions content/posts/hello.md",
     "with the line, column and offset of every key and value"},
    {"dump", "fmkit dump --yaml 1.1 content/posts/hello.md",
     "read it as Jekyll and Eleventy do: yes is true, 0755 is 493"},

    {"schema", "fmkit schema check schemas/post.schema.json",
     "find what a schema checks less than it seems to"},

    {"schema check", "fmkit schema check schemas/post.schema.json",
     "check one schema and the files its $refs reach"},
    {"schema check",
     "fmkit schema check schemas/post.schema.json schemas/note.schema.json",
     "check several (each file is reported once)"},
};

}  // namespace

std::string help_examples(std::string_view command) {
  std::string text;
  for (const Example& example : k_examples) {
    if (example.command != command) continue;
    text += text.empty() ? "Examples:" : "";
    text += "\n  " + std::string(example.line) + "\n      " +
            std::string(example.what);
  }
  return text;
}

std::vector<std::string_view> help_example_lines() {
  std::vector<std::string_view> lines;
  for (const Example& example : k_examples) lines.push_back(example.line);
  return lines;
}

}  // namespace fmkit
