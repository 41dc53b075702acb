// SPDX-License-Identifier: MIT
//
// Glob: a compiled path pattern, the one glob of fmkit: fmkit.yaml's include
// and exclude lists, and migrations' `where: {path: ...}`. A pattern matches
// a whole path relative to the config file's folder, '/'-separated:
//
//   *       any run of characters within one path segment (dots included)
//   ?       one character (one code point) other than '/'
//   [a-z]   one character in the set; [!a-z] or [^a-z] one not in it
//   **      as a whole segment: zero or more segments ("a/**/b" matches
//           "a/b" and "a/x/y/b"); elsewhere it is the same as '*'
//   \c      the character c itself
//
// A leading "./" is ignored; a trailing '/' means everything under that
// folder ("drafts/" is "drafts/**"). Patterns are case-sensitive. Immutable
// after compile(); matches() is thread-safe.
#pragma once

#include "base/expected.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class Glob {
 public:
  // Compiles `pattern`. Fails, with a message quoting the pattern, when it
  // is empty or absolute, has an unclosed '[' or ends in a lone '\'.
  static Expected<Glob> compile(std::string_view pattern);

  // Returns whether `path` (relative, '/'-separated, no leading "./")
  // matches the whole pattern.
  bool matches(std::string_view path) const;

  // The pattern as written.
  const std::string& pattern() const { return m_pattern; }

  // The leading folders of the pattern that hold no wildcard, '/'-separated
  // ("content/posts" for "content/posts/**/*.md", "" for "*.md"): every
  // match lies under it, so a walk can start there.
  const std::string& base() const { return m_base; }

  struct Token;
  struct Segment;

 private:
  Glob() = default;
  bool match_from(size_t segment, const std::vector<std::u32string>& names,
                  size_t name) const;

  std::string m_pattern;
  std::string m_base;
  std::vector<Segment> m_segments;
};

struct Glob::Token {
  enum class Kind { literal, any_char, star, char_class };
  Kind kind = Kind::literal;
  char32_t code_point = 0;                            // literal
  std::vector<std::pair<char32_t, char32_t>> ranges;  // char_class
  bool negated = false;                               // char_class
};

struct Glob::Segment {
  bool globstar = false;  // "**": any number of whole segments
  std::vector<Token> tokens;
};

}  // namespace fmkit
