// SPDX-License-Identifier: MIT
//
// The hostile inputs too large or too special to commit (see
// fixtures/hostile/README.md): each is made by a function that writes it
// into a fresh temporary folder and returns the fmkit command line to run
// there. Nothing here writes outside that folder. For
// tests/golden/hostile_inputs_test.cpp only.
#pragma once

#include "run/scoped_temp_dir.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <vector>

namespace fmkit::testing_support {

struct GeneratedCase {
  std::string name;
  // Writes the input into the folder and returns fmkit's arguments.
  std::function<std::vector<std::string>(const ScopedTempDir&)> make;
  // Run as an unprivileged user (uid 65534): for permissions, which root
  // ignores.
  bool unprivileged = false;
};

namespace hostile {

namespace fs = std::filesystem;

inline const char* k_schema =
    "{\n"
    "  \"type\": \"object\",\n"
    "  \"required\": [\"title\"],\n"
    "  \"properties\": {\n"
    "    \"title\": {\"type\": \"string\"},\n"
    "    \"slug\": {\"type\": \"string\", \"pattern\": "
    "\"^[a-z0-9]+(-[a-z0-9]+)*$\"}\n"
    "  }\n"
    "}\n";
inline const char* k_post = "---\ntitle: Hello\n---\n\nBody.\n";

inline std::string repeat(std::string_view text, size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (size_t i = 0; i < times; ++i) out += text;
  return out;
}

// `validate --no-cache --schema post.schema.json PATHS...`, with the
// schema written.
inline std::vector<std::string> validate(const ScopedTempDir& dir,
                                         std::vector<std::string> paths) {
  dir.write("post.schema.json", k_schema);
  std::vector<std::string> args = {"validate", "--no-cache", "--schema",
                                   "post.schema.json"};
  args.insert(args.end(), paths.begin(), paths.end());
  return args;
}

// Writes `name` with `head`, then `body_bytes` bytes of body lines.
inline void write_with_body(const ScopedTempDir& dir, const std::string& name,
                            const std::string& head, size_t body_bytes) {
  std::ofstream out(dir.path() / name, std::ios::binary);
  out << head;
  const std::string block = repeat(
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n", 1 << 14);
  for (size_t written = 0; written < body_bytes; written += block.size()) {
    out.write(block.data(), static_cast<std::streamsize>(
                                std::min(block.size(), body_bytes - written)));
  }
}

// Deterministic bytes (a linear congruential generator), so the golden
// does not change from run to run.
inline std::string pseudo_random_bytes(size_t count) {
  std::string bytes(count, '\0');
  uint32_t state = 12345;
  for (char& c : bytes) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>(state >> 24);
  }
  return bytes;
}

inline std::vector<GeneratedCase> generated_cases() {
  using Dir = const ScopedTempDir&;
  const size_t mb = 1000 * 1000;
  return {
      // Size.
      {"body-100mb",
       [=](Dir d) {
         write_with_body(d, "big.md", k_post, 100 * mb);
         return validate(d, {"big.md"});
       }},
      {"front-matter-10mb",
       [=](Dir d) {
         std::string fm = "---\ntitle: Hello\n";
         for (size_t i = 0; fm.size() < 10 * mb; ++i) {
           fm += "key" + std::to_string(i) + ": " + repeat("v", 60) + "\n";
         }
         d.write("big.md", fm + "---\n\nBody.\n");
         return validate(d, {"big.md"});
       }},
      {"front-matter-10mb-unclosed",
       [=](Dir d) {
         d.write("big.md",
                 "---\ntitle: Hello\n" +
                     repeat("key: " + repeat("v", 95) + "\n", 100 * 1000));
         return validate(d, {"big.md"});
       }},
      {"line-1mb-no-front-matter",
       [=](Dir d) {
         d.write("line.md", repeat("x", mb));
         return validate(d, {"line.md"});
       }},
      {"line-1mb-value",
       [=](Dir d) {
         d.write("line.md", "---\ntitle: " + repeat("x", mb) + "\n---\n");
         return validate(d, {"line.md"});
       }},
      {"line-1mb-colon-in-value",
       [=](Dir d) {
         d.write("line.md", "---\ntitle: " + repeat("x", mb) + ": y\n---\n");
         return validate(d, {"line.md"});
       }},
      {"line-1mb-bad-value",
       [=](Dir d) {
         d.write("line.md", "---\ntitle: Hello\ncount: !!int " +
                                repeat("x", mb) + "\n---\n");
         return validate(d, {"line.md"});
       }},
      {"key-100k-duplicate",
       [=](Dir d) {
         const std::string key = "\"" + repeat("k", 100 * 1000) + "\"";
         d.write("key.md",
                 "---\ntitle: Hello\n" + key + ": 1\n" + key + ": 2\n---\n");
         return validate(d, {"key.md"});
       }},
      {"pattern-100k-no-match",
       [=](Dir d) {
         d.write("slug.md", "---\ntitle: Hello\nslug: " +
                                repeat("a", 100 * 1000) + "_\n---\n");
         return validate(d, {"slug.md"});
       }},
      {"pattern-100k-match",
       [=](Dir d) {
         d.write("slug.md", "---\ntitle: Hello\nslug: " +
                                repeat("ab-", 33 * 1000) + "z\n---\n");
         return validate(d, {"slug.md"});
       }},
      {"nodes-over-limit",
       [=](Dir d) {
         d.write("many.md", "---\ntitle: Hello\nlist: [" +
                                repeat("1,", 100 * 1000) + "1]\n---\n");
         return validate(d, {"many.md"});
       }},
      {"alias-bytes",
       [=](Dir d) {
         std::string fm = "---\ntitle: Hello\nbig: &big " +
                          repeat("x", 100 * 1000) + "\ncopies:\n";
         for (int i = 0; i < 20; ++i) fm += "  - *big\n";
         d.write("alias.md", fm + "---\n");
         return validate(d, {"alias.md"});
       }},
      // Nesting.
      {"nested-brackets-100k",
       [=](Dir d) {
         d.write("deep.md", "---\ntitle: Hello\ndeep: " +
                                repeat("[", 100 * 1000) + "\n---\n");
         return validate(d, {"deep.md"});
       }},
      {"nested-brackets-100k-closed",
       [=](Dir d) {
         d.write("deep.md",
                 "---\ntitle: Hello\ndeep: " + repeat("[", 100 * 1000) +
                     repeat("]", 100 * 1000) + "\n---\n");
         return validate(d, {"deep.md"});
       }},
      {"nested-braces-100k",
       [=](Dir d) {
         d.write("deep.md",
                 "---\ntitle: Hello\ndeep: " + repeat("{a: ", 100 * 1000) +
                     "1" + repeat("}", 100 * 1000) + "\n---\n");
         return validate(d, {"deep.md"});
       }},
      {"json-nested-100k",
       [=](Dir d) {
         d.write("deep.md",
                 "{\"title\": \"Hello\", \"deep\": " + repeat("[", 100 * 1000) +
                     repeat("]", 100 * 1000) + "}\n");
         return validate(d, {"deep.md"});
       }},
      {"json-nested-100k-unclosed",
       [=](Dir d) {
         d.write("deep.md", "{\"title\": \"Hello\", \"deep\": " +
                                repeat("[", 100 * 1000) + "\n");
         return validate(d, {"deep.md"});
       }},
      {"toml-nested-100k",
       [=](Dir d) {
         d.write("deep.md",
                 "+++\ntitle = \"Hello\"\ndeep = " + repeat("[", 100 * 1000) +
                     repeat("]", 100 * 1000) + "\n+++\n");
         return validate(d, {"deep.md"});
       }},
      {"toml-inline-tables-100k",
       [=](Dir d) {
         d.write("deep.md", "+++\ntitle = \"Hello\"\ndeep = " +
                                repeat("{a = ", 100 * 1000) + "1" +
                                repeat("}", 100 * 1000) + "\n+++\n");
         return validate(d, {"deep.md"});
       }},
      {"json-string-2mb",
       [=](Dir d) {
         d.write("big.md", "{\"title\": \"" + repeat("x", 2 * mb) + "\"}\n");
         return validate(d, {"big.md"});
       }},
      {"toml-string-2mb",
       [=](Dir d) {
         d.write("big.md",
                 "+++\ntitle = \"" + repeat("x", 2 * mb) + "\"\n+++\n");
         return validate(d, {"big.md"});
       }},
      {"schema-nested-100k",
       [=](Dir d) {
         d.write("post.md", k_post);
         d.write("deep.schema.json", repeat("{\"items\": ", 100 * 1000) + "{}" +
                                         repeat("}", 100 * 1000));
         return std::vector<std::string>{"validate", "--no-cache", "--schema",
                                         "deep.schema.json", "post.md"};
       }},
      // Not text.
      {"binary-file",
       [=](Dir d) {
         d.write("image.md", pseudo_random_bytes(64 * 1024));
         return validate(d, {"image.md"});
       }},
      {"binary-front-matter",
       [=](Dir d) {
         d.write("image.md", "---\n" + pseudo_random_bytes(64 * 1024));
         return validate(d, {"image.md"});
       }},
      // Not files.
      {"directory-named-md",
       [=](Dir d) {
         d.mkdir("x.md");
         return validate(d, {"x.md"});
       }},
      {"directory-named-md-walked",
       [=](Dir d) {
         d.mkdir("posts/x.md");
         d.write("posts/a.md", k_post);
         return validate(d, {"posts"});
       }},
      {"fifo-named",
       [=](Dir d) {
         ::mkfifo((d / "pipe.md").c_str(), 0644);
         return validate(d, {"pipe.md"});
       }},
      {"fifo-walked",
       [=](Dir d) {
         d.write("posts/a.md", k_post);
         ::mkfifo((d / "posts/pipe.md").c_str(), 0644);
         return validate(d, {"posts"});
       }},
      {"fifo-schema",
       [=](Dir d) {
         d.write("a.md", k_post);
         ::mkfifo((d / "pipe.json").c_str(), 0644);
         return std::vector<std::string>{"validate", "--no-cache", "--schema",
                                         "pipe.json", "a.md"};
       }},
      {"fifo-config",
       [=](Dir d) {
         ::mkfifo((d / "fmkit.yaml").c_str(), 0644);
         return std::vector<std::string>{"validate", "--no-cache"};
       }},
      {"fifo-files-from",
       [=](Dir d) {
         d.write("a.md", k_post);
         ::mkfifo((d / "list").c_str(), 0644);
         return validate(d, {"--files-from", "list"});
       }},
      {"dev-null", [=](Dir d) { return validate(d, {"/dev/null"}); }},
      {"file-name-control-characters",
       [=](Dir d) {
         d.write("posts/evil\x1b]0;pwned\x07\nfake.md:1:1: error.md",
                 "no front matter\n");
         return validate(d, {"posts"});
       }},
      // Links.
      {"symlink-loop",
       [=](Dir d) {
         fs::create_symlink("b.md", d.path() / "a.md");
         fs::create_symlink("a.md", d.path() / "b.md");
         return validate(d, {"a.md"});
       }},
      {"symlink-loop-walked",
       [=](Dir d) {
         d.write("posts/ok.md", k_post);
         fs::create_symlink("b.md", d.path() / "posts/a.md");
         fs::create_symlink("a.md", d.path() / "posts/b.md");
         return validate(d, {"posts"});
       }},
      {"symlink-to-itself",
       [=](Dir d) {
         fs::create_symlink("self.md", d.path() / "self.md");
         return validate(d, {"self.md"});
       }},
      {"symlink-dangling",
       [=](Dir d) {
         fs::create_symlink("gone.md", d.path() / "link.md");
         return validate(d, {"link.md"});
       }},
      {"symlink-dangling-walked",
       [=](Dir d) {
         d.write("posts/ok.md", k_post);
         fs::create_symlink("gone.md", d.path() / "posts/link.md");
         return validate(d, {"posts"});
       }},
      {"symlink-folder-loop-walked",
       [=](Dir d) {
         d.write("posts/ok.md", k_post);
         fs::create_directory_symlink("..", d.path() / "posts/up");
         return validate(d, {"posts"});
       }},
      // Permissions (as uid 65534: root reads everything).
      {"unreadable-file",
       [=](Dir d) {
         d.write("secret.md", k_post);
         fs::permissions(d.path() / "secret.md", fs::perms::none);
         return validate(d, {"secret.md"});
       },
       true},
      {"unreadable-folder-walked",
       [=](Dir d) {
         d.write("posts/ok.md", k_post);
         d.write("posts/private/a.md", k_post);
         fs::permissions(d.path() / "posts/private", fs::perms::none);
         return validate(d, {"posts"});
       },
       true},
      {"unreadable-schema",
       [=](Dir d) {
         d.write("a.md", k_post);
         d.write("post.schema.json", k_schema);
         fs::permissions(d.path() / "post.schema.json", fs::perms::none);
         return std::vector<std::string>{"validate", "--no-cache", "--schema",
                                         "post.schema.json", "a.md"};
       },
       true},
  };
}

}  // namespace hostile
}  // namespace fmkit::testing_support
