// SPDX-License-Identifier: MIT
//
// Splits a Markdown file's text into its YAML front matter and the rest.
// A "---" line opens the block (after an optional UTF-8 BOM); the next "---"
// or "..." line closes it. Lines may end in "\n" or "\r\n"; trailing spaces
// or tabs after a delimiter are allowed. The body is never looked at beyond
// the closing line. Pure function of the text; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace fmkit {

enum class FrontMatterStatus {
  ok,        // opened and closed
  missing,   // the text does not start with a "---" line
  unclosed,  // opened, but no closing line in the text
};

struct FrontMatter {
  FrontMatterStatus status = FrontMatterStatus::missing;
  bool bom = false;          // the text starts with a UTF-8 BOM
  size_t open_begin = 0;     // the opening "---" line (3 when there is a BOM)
  size_t open_end = 0;       // ... up to and including its line ending
  size_t yaml_begin = 0;     // the YAML text: [yaml_begin, yaml_end)
  size_t yaml_end = 0;
  size_t close_begin = 0;    // the closing line, without its line ending
  size_t close_end = 0;
  size_t body_begin = 0;     // first byte after the closing line's ending
};

FrontMatter split_front_matter(std::string_view text);

}  // namespace fmkit
