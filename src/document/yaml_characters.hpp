// SPDX-License-Identifier: MIT
//
// The characters YAML allows in a document's text, checked before parsing
// (libfyaml would stop at a NUL, keep other control characters and make a
// stray byte-order mark part of a key). YAML 1.2's c-printable allows TAB,
// LF, CR, U+0020..U+007E, U+0085, U+00A0..U+D7FF, U+E000..U+FFFD and
// U+10000..U+10FFFF, in well-formed UTF-8; a BOM (U+FEFF) only at the start
// of the stream, which document/front_matter strips before the YAML text.
//
// Errors, each at the offending character:
// - yaml.utf8: the first byte that starts no well-formed UTF-8 sequence
//   (one error: what follows it cannot be read reliably);
// - yaml.control-character: each C0 control but TAB, LF and CR, DEL, each
//   C1 control but U+0085, and the non-characters U+FFFE and U+FFFF, named
//   with the escape that writes it in a double-quoted string; at most
//   k_max_character_errors of them;
// - yaml.bom: each U+FEFF.
// Escapes in double-quoted strings ("\0", "\uFEFF") are not characters of
// the text and are fine. JSON front matter is checked the same way (it is
// the text of a YAML-like reader's input too); its messages name JSON's
// escapes ("\u007F") instead. Pure functions; thread-safe.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace fmkit {

inline constexpr size_t k_max_character_errors = 10;

// Whose escapes the messages name.
enum class CharacterSyntax { yaml, json };

// Checks `text[begin, end)`; appends an error per offending character to
// `diagnostics` (positions from `lines`, built over `text`) and returns
// whether there was none. With `line_separators`, appends to it the offset
// of each U+0085 (NEL), U+2028 and U+2029, allowed here, which YAML 1.1
// reads as line breaks (the YAML reader decides where they may stand).
bool check_yaml_characters(std::string_view text, size_t begin, size_t end,
                           const LineIndex& lines,
                           std::vector<Diagnostic>& diagnostics,
                           CharacterSyntax syntax = CharacterSyntax::yaml,
                           std::vector<size_t>* line_separators = nullptr);

// Checks that `text[begin, end)` is at most `max_bytes` long, else appends
// a "<language>.limit" error at `begin` ("the JSON text is N bytes, over the
// limit of M"). `language` is "yaml" or "json".
bool check_text_size(std::string_view language, size_t begin, size_t end,
                     size_t max_bytes, const LineIndex& lines,
                     std::vector<Diagnostic>& diagnostics);

}  // namespace fmkit
