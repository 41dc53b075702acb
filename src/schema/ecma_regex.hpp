// SPDX-License-Identifier: MIT
//
// JSON Schema patterns are ECMA-262 regular expressions; fmkit runs them
// with RE2, which is linear in the input and never recurses (std::regex
// overflows the stack on ~30k-character strings and can go exponential).
// Most ECMA syntax is RE2 syntax; translate_ecma_regex() rewrites the rest:
// `(?<name>` -> `(?P<name>`, `\uXXXX` and `\u{X}` -> `\x{X}`, `\cX`, `\0`,
// `[^]` (any character), `[]` (nothing), `\p{Script=X}` -> `\p{X}`, and
// gives `.` and `\s` their ECMA meaning (`.` stops at \r, U+2028 and U+2029
// too; `\s` includes Unicode spaces). What RE2 cannot do (lookaround,
// backreferences) is left as written, so that compiling it fails and the
// schema is refused. Matching is a search (unanchored), as JSON Schema
// requires. Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <re2/re2.h>

#include "base/expected.hpp"

namespace fmkit {

// Returns `pattern` rewritten in RE2 syntax (see above).
std::string translate_ecma_regex(std::string_view pattern);

// Compiles the ECMA-262 `pattern` for RE2 (UTF-8). The error is RE2's
// reason, e.g. "invalid perl operator: (?=".
Expected<std::shared_ptr<const RE2>> compile_ecma_regex(std::string_view pattern);

// Returns whether `re` matches anywhere in `text`.
bool regex_search(const RE2& re, std::string_view text);

}  // namespace fmkit
