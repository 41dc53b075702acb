// SPDX-License-Identifier: MIT
//
// Terminal display width of UTF-8 text, for lining a caret up under a value.
// East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms,
// most emoji) take two columns, combining marks and zero-width characters
// none, everything else one; an ill-formed byte counts as one replacement
// character (base/utf8.hpp). An approximation of wcwidth() that does not depend
// on the locale, so output is the same on every machine. Pure functions;
// thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace fmkit {

// Returns the columns `code_point` takes on a terminal: 0, 1 or 2.
int code_point_width(char32_t code_point);

// Returns the display width of `text`; tabs count as one column (callers
// that expand tabs handle them first).
size_t display_width(std::string_view text);

}  // namespace fmkit
