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
// requires. Migrations use the same engine for `matches` and `replace`,
// whose ECMA replacement strings translate_ecma_replacement() rewrites for
// RE2. Thread-safe.
#pragma once

#include "base/expected.hpp"

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace fmkit {

// Returns `pattern` rewritten in RE2 syntax (see above).
std::string translate_ecma_regex(std::string_view pattern);

// Compiles the ECMA-262 `pattern` for RE2 (UTF-8). The error is RE2's
// reason ("missing ): (x"), or for lookaround and backreferences the cause:
// "lookahead ('(?=', '(?!') is not supported: patterns run on RE2, which
// never backtracks (linear time)".
Expected<std::shared_ptr<const RE2>> compile_ecma_regex(
    std::string_view pattern);

// Returns whether `re` matches anywhere in `text`.
bool regex_search(const RE2& re, std::string_view text);

// Returns whether `re` matches the whole of `text`.
bool regex_full_match(const RE2& re, std::string_view text);

// Rewrites the ECMA-262 replacement `with` for `re` as an RE2 rewrite
// string: `$1`..`$9` (and `$01`..`$09`) insert a group, `$&` and `$0` the
// whole match (`$0` as std::regex did), `$$` a dollar; any other `$` and
// every backslash stay literal. Fails, naming the cause, on a group `re`
// does not have, a group above 9 (RE2's limit), `$<name>`, and "$`" or
// "$'" (the text before or after the match).
Expected<std::string> translate_ecma_replacement(const RE2& re,
                                                 std::string_view with);

// Returns `text` with every match of `re` replaced by `rewrite`, an RE2
// rewrite string (`\0`..`\9` for groups, `\\` for a backslash), as
// translate_ecma_replacement() returns.
std::string regex_replace_all(const RE2& re, std::string_view text,
                              std::string_view rewrite);

}  // namespace fmkit
