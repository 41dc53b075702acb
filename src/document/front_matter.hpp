// SPDX-License-Identifier: MIT
//
// Splits a Markdown file's text into its front matter and the rest.
// A "---" line opens the block (after an optional UTF-8 BOM); the next "---"
// or "..." line closes it. Lines may end in "\n" or "\r\n"; trailing spaces
// or tabs after a delimiter are allowed. The body is never looked at beyond
// the closing line. Pure function of the text; thread-safe. Below, "the YAML
// text" (yaml_begin, yaml_end) is the front matter's text whatever its
// dialect.
//
// Dialects (the language the front matter is written in):
// - "---" opens YAML. The opening line may name the language, as
//   gray-matter (Eleventy, Astro) allows: "---yaml" (or "---yml", in any
//   case), "---json", "---toml"; any other tag ("---coffee", "---js") is
//   Dialect::other, which the reader reports rather than skips. A line of four
//   or more dashes opens nothing (gray-matter's rule; it is a Markdown thematic
//   break).
// - "{" opens JSON front matter (Hugo): the object is the front matter and
//   its matching "}" ends it (braces inside strings do not count); a line
//   ending right after the "}" belongs to the front matter. Only "{" followed
//   (after white space) by '"' or "}" opens it: "{{ ... }}" and "{% ... %}"
//   start templates, never front matter.
// - "+++" opens TOML front matter (Hugo, Zola), after any white space (blank
//   lines) as both allow; only the next "+++" line closes it.
//
// A delimiter line is recognised only when it is terminated by "\n" or, with
// TextEnd::complete, when it is the last line of the text. So a reader that
// wants only the front matter of a large file can work on a prefix:
//
//   1. read a chunk of the file and call
//      split_front_matter(prefix, TextEnd::partial);
//   2. while the status is `unclosed` and the file has more bytes, read more
//      and call it again on the longer prefix (a prefix may end anywhere,
//      even inside a line or inside a "\r\n" pair);
//   3. at end of file, call it with TextEnd::complete (the default): a
//      closing line without a final line ending counts only then.
//
// The prefix read up to `body_begin` is then all read_document() needs.
// With TextEnd::partial, `unclosed` means "not decided yet": it is also the
// answer for a prefix too short to tell whether the first line is "---".
#pragma once

#include <cstddef>
#include <string_view>

namespace fmkit {

enum class FrontMatterStatus {
  ok,        // opened and closed
  missing,   // the text does not start with "---", "+++" or JSON's "{"
  unclosed,  // opened, but no closing line (or "}") in the text
};

// The language of the front matter: see the header comment.
enum class Dialect {
  yaml,
  json,
  toml,
  other,  // a language tag fmkit cannot read: `tag_begin`..`tag_end`
};

// The dialect's name as users write it: "yaml", "json", "toml"; "other".
const char* dialect_name(Dialect dialect);

// Whether the text given to split_front_matter() is the whole file or only
// its first bytes.
enum class TextEnd { complete, partial };

// All offsets are bytes into the text. For `missing`, every offset is 0 but
// `body_begin`, which is 0 too (the body is the whole text, BOM included).
// For `unclosed`, the YAML runs to the end of the text and close_begin,
// close_end and body_begin equal the text's size. The "YAML text" is the
// front matter's text whatever its dialect; for JSON opened by "{" it is the
// object from "{" to "}" inclusive, open_end equals open_begin and the
// closing "line" is empty, at the end of the object.
struct FrontMatter {
  FrontMatterStatus status = FrontMatterStatus::missing;
  bool bom = false;       // the text starts with a UTF-8 BOM
  size_t open_begin = 0;  // the opening "---" line (3 when there is a BOM)
  size_t open_end = 0;    // ... up to and including its line ending
  size_t yaml_begin = 0;  // the YAML text: [yaml_begin, yaml_end)
  size_t yaml_end = 0;
  size_t close_begin = 0;  // the closing line, without its line ending
  size_t close_end = 0;
  size_t body_begin = 0;  // first byte after the closing line's ending
  Dialect dialect = Dialect::yaml;  // yaml when `missing`
  size_t tag_begin = 0;  // the opening line's language tag ("json" in
  size_t tag_end = 0;    // "---json"); empty when it has none
};

// Splits `text`. With `end` == TextEnd::partial, `text` is a prefix of the
// file and a last line without a line ending is never taken as a delimiter
// (see the reading protocol above).
FrontMatter split_front_matter(std::string_view text,
                               TextEnd end = TextEnd::complete);

}  // namespace fmkit
