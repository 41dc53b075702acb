// SPDX-License-Identifier: MIT
//
// Slugs: the one slug of fmkit, used by the `slugify` op and by
// `fmkit migrate new` to name migration files (NNNN-slug.yaml). Rules:
//
//   - ASCII letters are lower-cased and kept, with ASCII digits;
//   - apostrophes (' and U+2019) vanish: "Don't" -> "dont";
//   - every other ASCII character (spaces, punctuation, '_', '-') and
//     non-ASCII punctuation, symbols and spaces (Latin-1 punctuation, ×, ÷,
//     general punctuation such as dashes and quotes, arrows, symbols, CJK and
//     fullwidth punctuation such as 、。《》「」) separate words: a run of
//     them is one '-', and none is left at either end;
//   - other non-ASCII characters (letters with accents, CJK) are kept as
//     they are, not transliterated or case-folded: "Café — Menu" ->
//     "café-menu", "《失控》 AI" -> "失控-ai";
//   - a byte that is not UTF-8 (base/utf8.hpp) separates words too, so a
//     slug is always valid UTF-8.
//
// So a slug never starts or ends with '-', never holds "--", and slugify()
// of a slug is the slug itself. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace fmkit {

// Returns the slug of `text` (see above); "" when `text` has no letter or
// digit.
std::string slugify(std::string_view text);

}  // namespace fmkit
