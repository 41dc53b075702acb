// SPDX-License-Identifier: MIT
//
// TextEdit: replace the bytes [begin, end) of a text with new bytes. Edits
// are how fmkit changes files: splices at spans found by the YAML layer, so
// every byte outside an edit stays as it was (comments, quoting, line
// endings, BOM, body). Pure functions; thread-safe.
#pragma once

#include "base/expected.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

struct TextEdit {
  size_t begin = 0;  // byte offset, inclusive
  size_t end = 0;    // byte offset, exclusive; begin == end inserts
  std::string text;  // the replacement

  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

// Returns `text` with `edits` applied. Edits may come in any order; they are
// applied by offset. Fails when an edit reaches past the end of `text` or
// two edits overlap (two inserts at the same offset are applied in the order
// given; an insert at the offset where a replacement starts, before it).
// A replacement that ends right before a '#' gets a space after it, so the
// '#' still starts a comment.
Expected<std::string> apply_edits(std::string_view text,
                                  std::vector<TextEdit> edits);

}  // namespace fmkit
