// SPDX-License-Identifier: MIT
#include "base/glob.hpp"

#include "base/utf8.hpp"

#include <algorithm>

namespace fmkit {

namespace {

// Decodes UTF-8 (base/utf8.hpp); an ill-formed byte stands for itself, as a
// value past U+10FFFF that no real code point can collide with, so any byte
// string still matches a pattern written with the same bytes.
std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text.substr(i));
    out += c.valid() ? c.code_point
                     : static_cast<char32_t>(
                           0x110000 + static_cast<unsigned char>(text[i]));
    i += c.length;
  }
  return out;
}

std::vector<std::u32string> split_path(std::string_view path) {
  std::vector<std::u32string> names;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start)
      names.push_back(decode(path.substr(start, slash - start)));
    start = slash + 1;
  }
  return names;
}

bool token_matches(const Glob::Token& token, char32_t c) {
  switch (token.kind) {
    case Glob::Token::Kind::literal:
      return token.code_point == c;
    case Glob::Token::Kind::any_char:
      return true;
    case Glob::Token::Kind::char_class: {
      bool in = std::any_of(
          token.ranges.begin(), token.ranges.end(),
          [c](const auto& r) { return r.first <= c && c <= r.second; });
      return in != token.negated;
    }
    case Glob::Token::Kind::star:
      break;
  }
  return false;
}

// Wildcard matching within one segment: greedy, backtracking only to the
// last '*', which is linear enough for file names.
bool segment_matches(const std::vector<Glob::Token>& tokens,
                     const std::u32string& name) {
  size_t t = 0;
  size_t n = 0;
  size_t star = std::u32string::npos;
  size_t star_n = 0;
  while (n < name.size()) {
    if (t < tokens.size() && tokens[t].kind == Glob::Token::Kind::star) {
      star = t++;
      star_n = n;
    } else if (t < tokens.size() && token_matches(tokens[t], name[n])) {
      ++t;
      ++n;
    } else if (star != std::u32string::npos) {
      t = star + 1;
      n = ++star_n;
    } else {
      return false;
    }
  }
  while (t < tokens.size() && tokens[t].kind == Glob::Token::Kind::star) ++t;
  return t == tokens.size();
}

std::string quoted(std::string_view pattern) {
  return "'" + std::string(pattern) + "'";
}

// Parses one segment's pattern into tokens; `wild` is set when it has a
// wildcard.
Expected<std::vector<Glob::Token>> parse_segment(std::string_view text,
                                                 std::string_view pattern,
                                                 bool& wild) {
  std::u32string s = decode(text);
  std::vector<Glob::Token> tokens;
  for (size_t i = 0; i < s.size(); ++i) {
    Glob::Token token;
    char32_t c = s[i];
    if (c == '*') {
      wild = true;
      token.kind = Glob::Token::Kind::star;
      if (!tokens.empty() && tokens.back().kind == token.kind) continue;
    } else if (c == '?') {
      wild = true;
      token.kind = Glob::Token::Kind::any_char;
    } else if (c == '\\') {
      wild = true;  // the base must be the pattern's unescaped text
      if (i + 1 == s.size()) {
        return unexpected("glob " + quoted(pattern) + " ends with '\\'");
      }
      token.code_point = s[++i];
    } else if (c == '[') {
      wild = true;
      token.kind = Glob::Token::Kind::char_class;
      size_t j = i + 1;
      if (j < s.size() && (s[j] == '!' || s[j] == '^')) {
        token.negated = true;
        ++j;
      }
      bool closed = false;
      for (bool first = true; j < s.size(); first = false) {
        if (s[j] == ']' && !first) {
          closed = true;
          break;
        }
        char32_t low = s[j];
        if (low == '\\' && j + 1 < s.size()) low = s[++j];
        char32_t high = low;
        if (j + 2 < s.size() && s[j + 1] == '-' && s[j + 2] != ']') {
          high = s[j + 2];
          if (high == '\\' && j + 3 < s.size()) high = s[++j + 2];
          j += 2;
        }
        token.ranges.emplace_back(low, high);
        ++j;
      }
      if (!closed) {
        return unexpected("unclosed '[' in glob " + quoted(pattern));
      }
      i = j;
    } else {
      token.code_point = c;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace

Expected<Glob> Glob::compile(std::string_view pattern) {
  Glob glob;
  glob.m_pattern = std::string(pattern);
  std::string_view rest = pattern;
  while (rest.starts_with("./")) rest.remove_prefix(2);
  if (rest.empty()) return unexpected("empty glob " + quoted(pattern));
  if (rest.front() == '/') {
    return unexpected("glob " + quoted(pattern) +
                      " must be relative to the config file's folder");
  }
  bool folder = rest.ends_with('/');
  bool literal_so_far = true;
  std::vector<std::string_view> literal_names;
  size_t start = 0;
  while (start < rest.size()) {
    size_t slash = rest.find('/', start);
    if (slash == std::string_view::npos) slash = rest.size();
    std::string_view text = rest.substr(start, slash - start);
    start = slash + 1;
    if (text.empty() || text == ".") continue;
    Segment segment;
    bool wild = false;
    if (text == "**") {
      segment.globstar = wild = true;
      if (!glob.m_segments.empty() && glob.m_segments.back().globstar) continue;
    } else {
      auto tokens = parse_segment(text, pattern, wild);
      if (!tokens) return unexpected(tokens.error());
      segment.tokens = std::move(*tokens);
    }
    if (wild) literal_so_far = false;
    if (literal_so_far) literal_names.push_back(text);
    glob.m_segments.push_back(std::move(segment));
  }
  if (glob.m_segments.empty())
    return unexpected("empty glob " + quoted(pattern));
  if (folder) {
    // "drafts/" is "drafts/**/*": what is under the folder, not the folder.
    if (!glob.m_segments.back().globstar)
      glob.m_segments.push_back(Segment{true, {}});
    Segment any;
    any.tokens.push_back(Token{Token::Kind::star, 0, {}, false});
    glob.m_segments.push_back(std::move(any));
  } else if (literal_so_far && !literal_names.empty()) {
    // A pattern without wildcards names one file: walk its folder.
    literal_names.pop_back();
  }
  for (std::string_view name : literal_names) {
    if (!glob.m_base.empty()) glob.m_base += '/';
    glob.m_base += name;
  }
  return glob;
}

bool Glob::matches(std::string_view path) const {
  while (path.starts_with("./")) path.remove_prefix(2);
  return match_from(0, split_path(path), 0);
}

bool Glob::match_from(size_t segment, const std::vector<std::u32string>& names,
                      size_t name) const {
  if (segment == m_segments.size()) return name == names.size();
  if (m_segments[segment].globstar) {
    for (size_t k = name; k <= names.size(); ++k) {
      if (match_from(segment + 1, names, k)) return true;
    }
    return false;
  }
  return name < names.size() &&
         segment_matches(m_segments[segment].tokens, names[name]) &&
         match_from(segment + 1, names, name + 1);
}

}  // namespace fmkit
