// SPDX-License-Identifier: MIT
#include "schema/ecma_regex.hpp"

#include <cstdio>

namespace fmkit {

namespace {

// ECMA-262 WhiteSpace and LineTerminator, for a character class body.
constexpr std::string_view k_space_class_body =
    "\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
    "\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

std::string hex_escape(unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x{%X}", value);
  return buffer;
}

// Rewrites "\p{Script=Greek}" style names to RE2's "\p{Greek}".
std::string property_name(std::string_view name) {
  size_t equals = name.find('=');
  if (equals == std::string_view::npos) return std::string(name);
  return std::string(name.substr(equals + 1));
}

// Translates the escape at `pattern[i]` (a backslash with a character
// after it) to `out`; returns the index of its last character.
size_t translate_escape(std::string_view pattern, size_t i, bool in_class,
                        std::string& out) {
  char e = pattern[++i];
  switch (e) {
    case 's':
      if (in_class) {
        out += k_space_class_body;
      } else {
        out += '[';
        out += k_space_class_body;
        out += ']';
      }
      return i;
    case 'S':
      if (in_class) {
        out += "\\S";  // no set difference in RE2 classes: ASCII \S
      } else {
        out += "[^";
        out += k_space_class_body;
        out += ']';
      }
      return i;
    case 'u':
      if (i + 4 < pattern.size() && is_hex(pattern[i + 1]) &&
          is_hex(pattern[i + 2]) && is_hex(pattern[i + 3]) &&
          is_hex(pattern[i + 4])) {
        out += "\\x{";
        out += pattern.substr(i + 1, 4);
        out += '}';
        i += 4;
        return i;
      }
      if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
        size_t close = pattern.find('}', i + 2);
        if (close != std::string_view::npos) {
          out += "\\x";
          out += pattern.substr(i + 1, close - i);
          i = close;
          return i;
        }
      }
      break;
    case 'c':
      if (i + 1 < pattern.size() &&
          ((pattern[i + 1] >= 'a' && pattern[i + 1] <= 'z') ||
           (pattern[i + 1] >= 'A' && pattern[i + 1] <= 'Z'))) {
        out += hex_escape(static_cast<unsigned>(pattern[i + 1]) % 32);
        ++i;
        return i;
      }
      break;
    case '0':
      if (i + 1 >= pattern.size() || pattern[i + 1] < '0' ||
          pattern[i + 1] > '9') {
        out += "\\x00";
        return i;
      }
      break;
    case 'p':
    case 'P':
      if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
        size_t close = pattern.find('}', i + 2);
        if (close != std::string_view::npos) {
          out += '\\';
          out += e;
          out += '{';
          out += property_name(pattern.substr(i + 2, close - i - 2));
          out += '}';
          i = close;
          return i;
        }
      }
      break;
    default:
      break;
  }
  out += '\\';
  out += e;
  return i;
}

}  // namespace

std::string translate_ecma_regex(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size() + 16);
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      i = translate_escape(pattern, i, in_class, out);
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      if (pattern.substr(i).starts_with("[^]")) {
        out += "(?s:.)";
        i += 2;
        continue;
      }
      if (pattern.substr(i).starts_with("[]")) {
        out += "[^\\x00-\\x{10FFFF}]";
        i += 1;
        continue;
      }
      in_class = true;
      out += c;
      // A leading '^' and a leading ']' are part of the class syntax.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') {
        out += '^';
        ++i;
      }
      continue;
    }
    if (c == '.') {
      out += "[^\\n\\r\\x{2028}\\x{2029}]";
      continue;
    }
    if (c == '(' && pattern.substr(i).starts_with("(?<") &&
        i + 3 < pattern.size() && pattern[i + 3] != '=' &&
        pattern[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

namespace {

// RE2's reason, or the cause when RE2 names its symptom: lookaround and
// backreferences are ECMA syntax that RE2 leaves out by design.
std::string re2_error(const RE2& re) {
  const std::string& arg = re.error_arg();
  const std::string why =
      " not supported: patterns run on RE2, which never backtracks (linear "
      "time)";
  if (re.error_code() == RE2::ErrorBadPerlOp) {
    if (arg.starts_with("(?=") || arg.starts_with("(?!")) {
      return "lookahead ('(?=', '(?!') is" + why;
    }
    if (arg.starts_with("(?<")) return "lookbehind ('(?<=', '(?<!') is" + why;
  }
  if (re.error_code() == RE2::ErrorBadEscape && arg.size() == 2 &&
      arg[0] == '\\' && arg[1] >= '1' && arg[1] <= '9') {
    return "backreferences ('" + arg + "') are" + why;
  }
  return re.error();
}

}  // namespace

Expected<std::shared_ptr<const RE2>> compile_ecma_regex(
    std::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  // Patterns in schemas are small; long inputs are what RE2's linear-time
  // guarantee is for. The default DFA budget (8 MiB) is kept.
  auto re = std::make_shared<const RE2>(translate_ecma_regex(pattern), options);
  if (!re->ok()) return unexpected(re2_error(*re));
  return std::shared_ptr<const RE2>(std::move(re));
}

bool regex_search(const RE2& re, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

bool regex_full_match(const RE2& re, std::string_view text) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re);
}

Expected<std::string> translate_ecma_replacement(const RE2& re,
                                                 std::string_view with) {
  const int groups = re.NumberOfCapturingGroups();
  std::string out;
  for (size_t i = 0; i < with.size(); ++i) {
    char c = with[i];
    if (c == '\\') {
      out += "\\\\";
      continue;
    }
    if (c != '$' || i + 1 == with.size()) {
      out += c;
      continue;
    }
    char next = with[i + 1];
    if (next == '$' || next == '&') {
      out += next == '$' ? "$" : "\\0";
      ++i;
      continue;
    }
    if (next == '<' || next == '`' || next == '\'') {
      const char* what = next == '<'   ? "named groups"
                         : next == '`' ? "the text before the match"
                                       : "the text after the match";
      return unexpected("'$" + std::string(1, next) + "' (" + what +
                        ") is not supported");
    }
    if (next < '0' || next > '9') {
      out += c;
      continue;
    }
    // ECMA reads two digits when they name an existing group, else one.
    int number = next - '0';
    size_t length = 2;
    if (i + 2 < with.size() && with[i + 2] >= '0' && with[i + 2] <= '9') {
      int two = number * 10 + (with[i + 2] - '0');
      if (two >= 1 && two <= groups) {
        number = two;
        length = 3;
      }
    }
    std::string ref(with.substr(i, length));
    if (number > 9) {
      return unexpected("'" + ref + "': groups above 9 are not supported");
    }
    if (number > groups) {
      return unexpected("'" + ref + "' refers to group " +
                        std::to_string(number) + ", but the pattern has " +
                        std::to_string(groups) +
                        (groups == 1 ? " group" : " groups"));
    }
    out += '\\';
    out += static_cast<char>('0' + number);
    i += length - 1;
  }
  return out;
}

std::string regex_replace_all(const RE2& re, std::string_view text,
                              std::string_view rewrite) {
  std::string out(text);
  RE2::GlobalReplace(&out, re,
                     re2::StringPiece(rewrite.data(), rewrite.size()));
  return out;
}

}  // namespace fmkit
