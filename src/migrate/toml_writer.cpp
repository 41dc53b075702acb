// SPDX-License-Identifier: MIT
#include "migrate/toml_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace fmkit {
namespace {

using nlohmann::json;

// A control character (U+0000 to U+001F, U+007F) other than tab: basic
// strings escape it, literal strings cannot hold it.
bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t') || c == 0x7f;
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    default: {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
      out += buffer;
    }
  }
}

std::string basic(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\' || is_control(c) || c == '\t') {
      append_escape(out, c);
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// A multi-line basic string: line feeds written as `eol`, every quote
// escaped (so no run of three closes it early).
std::string multi_line_basic(std::string_view s, std::string_view eol) {
  std::string out = "\"\"\"" + std::string(eol);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      out += eol;
    } else if (c == '"' || c == '\\' || is_control(c)) {
      append_escape(out, c);
    } else {
      out += ch;
    }
  }
  return out + "\"\"\"";
}

bool literal_can_hold(std::string_view s, bool multi_line) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\n' && multi_line) continue;
    if (is_control(c)) return false;
  }
  if (!multi_line) return s.find('\'') == std::string_view::npos;
  // A quote just before the closing ''' would be taken for part of it.
  return s.find("'''") == std::string_view::npos && !s.ends_with('\'');
}

std::string multi_line_literal(std::string_view s, std::string_view eol) {
  std::string out = "'''" + std::string(eol);
  for (char ch : s) {
    if (ch == '\n') {
      out += eol;
    } else {
      out += ch;
    }
  }
  return out + "'''";
}

std::string render_float(double d) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
  std::string out(buffer, result.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

bool digits(std::string_view s, size_t at, size_t count, int& value) {
  if (at + count > s.size()) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

bool valid_date(std::string_view s) {
  int year = 0, month = 0, day = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, year) ||
      !digits(s, 5, 2, month) || !digits(s, 8, 2, day)) {
    return false;
  }
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= k_days[month - 1] + (month == 2 && leap ? 1 : 0);
}

// "HH:MM:SS" with an optional fraction, then an optional offset when
// `offset` allows one.
bool valid_time(std::string_view s, bool offset) {
  int hour = 0, minute = 0, second = 0;
  if (s.size() < 8 || s[2] != ':' || s[5] != ':' || !digits(s, 0, 2, hour) ||
      !digits(s, 3, 2, minute) || !digits(s, 6, 2, second) || hour > 23 ||
      minute > 59 || second > 59) {
    return false;
  }
  size_t i = 8;
  if (i < s.size() && s[i] == '.') {
    size_t first = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == first || i - first > 9) return false;
  }
  std::string_view rest = s.substr(i);
  if (rest.empty()) return true;
  if (!offset) return false;
  if (rest == "Z") return true;
  int oh = 0, om = 0;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') &&
         rest[3] == ':' && digits(rest, 1, 2, oh) && digits(rest, 4, 2, om) &&
         oh <= 23 && om <= 59;
}

Expected<std::string> render(const json& value, TomlQuote preference,
                             std::string_view eol);

Expected<std::string> render_array(const json& value) {
  std::string out = "[";
  for (size_t i = 0; i < value.size(); ++i) {
    auto item = render(value[i], TomlQuote::basic, "\n");
    if (!item) return item;
    out += (i > 0 ? ", " : "") + *item;
  }
  return out + "]";
}

Expected<std::string> render_table(const json& value) {
  if (value.empty()) return std::string("{}");
  std::string out = "{ ";
  bool first = true;
  for (const auto& [key, item] : value.items()) {
    auto text = render(item, TomlQuote::basic, "\n");
    if (!text) return text;
    out += (first ? "" : ", ") + render_toml_key(key) + " = " + *text;
    first = false;
  }
  return out + " }";
}

Expected<std::string> render(const json& value, TomlQuote preference,
                             std::string_view eol) {
  switch (value.type()) {
    case json::value_t::null:
      return unexpected(std::string("TOML has no null"));
    case json::value_t::boolean:
      return std::string(value.get<bool>() ? "true" : "false");
    case json::value_t::number_integer:
      return std::to_string(value.get<int64_t>());
    case json::value_t::number_unsigned:
      if (value.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
        return unexpected(value.dump() +
                          " is larger than TOML's integers (64-bit) can be");
      }
      return std::to_string(value.get<uint64_t>());
    case json::value_t::number_float:
      if (!std::isfinite(value.get<double>())) {
        return unexpected(std::string("TOML's inf and nan have no JSON form"));
      }
      return render_float(value.get<double>());
    case json::value_t::string:
      return render_toml_string(value.get_ref<const std::string&>(), preference,
                                eol);
    case json::value_t::array:
      return render_array(value);
    default:
      return render_table(value);
  }
}

}  // namespace

TomlQuote toml_quote_of(std::string_view text) {
  if (text.starts_with("'''")) return TomlQuote::multi_line_literal;
  if (text.starts_with("\"\"\"")) return TomlQuote::multi_line_basic;
  if (text.starts_with('\'')) return TomlQuote::literal;
  return TomlQuote::basic;
}

bool is_bare_toml_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string render_toml_key(std::string_view key, TomlQuote preference) {
  if (is_bare_toml_key(key)) return std::string(key);
  bool literal = preference == TomlQuote::literal ||
                 preference == TomlQuote::multi_line_literal;
  if (literal && literal_can_hold(key, false)) {
    return "'" + std::string(key) + "'";
  }
  return basic(key);
}

std::string render_toml_string(std::string_view s, TomlQuote preference,
                               std::string_view eol) {
  bool lines = s.find('\n') != std::string_view::npos;
  switch (preference) {
    case TomlQuote::multi_line_literal:
      if (lines && literal_can_hold(s, true)) {
        return multi_line_literal(s, eol);
      }
      if (lines) return multi_line_basic(s, eol);
      [[fallthrough]];
    case TomlQuote::literal:
      if (literal_can_hold(s, false)) return "'" + std::string(s) + "'";
      return basic(s);
    case TomlQuote::multi_line_basic:
      if (lines) return multi_line_basic(s, eol);
      return basic(s);
    default:
      return basic(s);
  }
}

bool is_toml_datetime(std::string_view s) {
  if (s.size() >= 3 && s[2] == ':') return valid_time(s, false);
  if (!valid_date(s.substr(0, 10))) return false;
  if (s.size() == 10) return true;
  return s[10] == 'T' && valid_time(s.substr(11), true);
}

Expected<std::string> render_toml_value(const json& value, TomlQuote preference,
                                        std::string_view eol) {
  return render(value, preference, eol);
}

}  // namespace fmkit
