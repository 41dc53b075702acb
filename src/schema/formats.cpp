// SPDX-License-Identifier: MIT
#include "schema/formats.hpp"

#include <array>
#include <cstddef>
#include <utility>

namespace fmkit {

namespace {

// Character classes are spelled out rather than taken from <cctype>: those
// depend on the locale, and a format must not.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Reads exactly `count` ASCII digits at `pos`; returns their value or -1.
int read_digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30,
                                                 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

// full-date = date-fullyear "-" date-month "-" date-mday
bool is_full_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int year = read_digits(text, 0, 4);
  int month = read_digits(text, 5, 2);
  int day = read_digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

// full-time = partial-time time-offset. A leap second (:60) is valid only
// when the time is 23:59 in UTC, once the offset is applied.
bool is_full_time(std::string_view text) {
  if (text.size() < 9 || text[2] != ':' || text[5] != ':') return false;
  int hour = read_digits(text, 0, 2);
  int minute = read_digits(text, 3, 2);
  int second = read_digits(text, 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
      second > 60) {
    return false;
  }
  size_t pos = 8;
  if (pos < text.size() && text[pos] == '.') {
    size_t start = ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    if (pos == start) return false;
  }
  if (pos >= text.size()) return false;  // the offset is required
  int offset_minutes = 0;
  char sign = text[pos];
  if (sign == 'Z' || sign == 'z') {
    if (pos + 1 != text.size()) return false;
  } else if (sign == '+' || sign == '-') {
    if (text.size() - pos != 6 || text[pos + 3] != ':') return false;
    int offset_hour = read_digits(text, pos + 1, 2);
    int offset_minute = read_digits(text, pos + 4, 2);
    if (offset_hour < 0 || offset_hour > 23 || offset_minute < 0 ||
        offset_minute > 59) {
      return false;
    }
    offset_minutes =
        (offset_hour * 60 + offset_minute) * (sign == '+' ? 1 : -1);
  } else {
    return false;
  }
  if (second == 60) {
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  return true;
}

// ---- RFC 3986 ------------------------------------------------------------

bool is_unreserved(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

bool is_sub_delim(char c) {
  switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
      return true;
    default:
      return false;
  }
}

// Checks that every byte of `text` is allowed by `allowed` or starts a
// valid "%" HEXDIG HEXDIG triplet.
template <typename Allowed>
bool all_chars(std::string_view text, Allowed allowed) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !is_hex(text[i + 1]) ||
          !is_hex(text[i + 2])) {
        return false;
      }
      i += 2;
    } else if (!allowed(c)) {
      return false;
    }
  }
  return true;
}

bool is_pchar(char c) {
  return is_unreserved(c) || is_sub_delim(c) || c == ':' || c == '@';
}

bool is_path(std::string_view text) {
  return all_chars(text, [](char c) { return is_pchar(c) || c == '/'; });
}

bool is_query_or_fragment(std::string_view text) {
  return all_chars(text,
                   [](char c) { return is_pchar(c) || c == '/' || c == '?'; });
}

bool is_scheme(std::string_view text) {
  if (text.empty() || !is_alpha(text[0])) return false;
  for (char c : text) {
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

// dec-octet: 0-255 without leading zeros.
bool is_dec_octet(std::string_view text) {
  if (text.empty() || text.size() > 3) return false;
  if (text.size() > 1 && text[0] == '0') return false;
  int value = 0;
  for (char c : text) {
    if (!is_digit(c)) return false;
    value = value * 10 + (c - '0');
  }
  return value <= 255;
}

bool is_ipv4(std::string_view text) {
  for (int part = 0; part < 4; ++part) {
    size_t dot = text.find('.');
    if ((part < 3) != (dot != std::string_view::npos)) return false;
    if (!is_dec_octet(text.substr(0, dot))) return false;
    text = part < 3 ? text.substr(dot + 1) : std::string_view();
  }
  return true;
}

bool is_ipv6(std::string_view text) {
  // Groups of 1-4 hex digits separated by ':', at most one "::", and an
  // optional IPv4 address as the last 32 bits.
  int groups = 0;
  bool elided = false;
  size_t pos = 0;
  if (text.starts_with("::")) {
    elided = true;
    pos = 2;
    if (pos == text.size()) return true;
  } else if (text.starts_with(":")) {
    return false;
  }
  while (pos < text.size()) {
    size_t end = pos;
    while (end < text.size() && is_hex(text[end]) && end - pos < 5) ++end;
    if (end < text.size() && text[end] == '.') {
      // The rest must be an IPv4 address worth two groups.
      if (!is_ipv4(text.substr(pos))) return false;
      groups += 2;
      pos = text.size();
      break;
    }
    if (end == pos || end - pos > 4) return false;
    ++groups;
    pos = end;
    if (pos == text.size()) break;
    if (text[pos] != ':') return false;
    ++pos;
    if (pos < text.size() && text[pos] == ':') {
      if (elided) return false;
      elided = true;
      ++pos;
      if (pos == text.size()) break;
    } else if (pos == text.size()) {
      return false;  // a trailing single ':'
    }
  }
  return elided ? groups <= 7 : groups == 8;
}

bool is_ip_literal(std::string_view text) {
  // "[" ( IPv6address / IPvFuture ) "]", brackets already removed.
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) {
    size_t dot = text.find('.');
    if (dot == std::string_view::npos || dot == 1 || dot + 1 == text.size()) {
      return false;
    }
    for (size_t i = 1; i < dot; ++i) {
      if (!is_hex(text[i])) return false;
    }
    for (char c : text.substr(dot + 1)) {
      if (!is_unreserved(c) && !is_sub_delim(c) && c != ':') return false;
    }
    return true;
  }
  return is_ipv6(text);
}

// authority = [ userinfo "@" ] host [ ":" port ]
bool is_authority(std::string_view text) {
  size_t at = text.find('@');
  if (at != std::string_view::npos) {
    std::string_view userinfo = text.substr(0, at);
    if (!all_chars(userinfo, [](char c) {
          return is_unreserved(c) || is_sub_delim(c) || c == ':';
        })) {
      return false;
    }
    text.remove_prefix(at + 1);
  }
  std::string_view port;
  if (text.starts_with('[')) {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return false;
    if (!is_ip_literal(text.substr(1, close - 1))) return false;
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port = rest.substr(1);
    }
  } else {
    size_t colon = text.find(':');
    std::string_view host = text.substr(0, colon);
    // reg-name covers IPv4 addresses too (999.999.999.999 is a reg-name).
    if (!all_chars(
            host, [](char c) { return is_unreserved(c) || is_sub_delim(c); })) {
      return false;
    }
    if (colon != std::string_view::npos) port = text.substr(colon + 1);
  }
  for (char c : port) {
    if (!is_digit(c)) return false;
  }
  return true;
}

enum class Relative { no, yes };

// Checks the part before "?" and "#": either "//" authority path-abempty,
// or a path. For a relative reference, the first segment of a path that
// does not start with "/" may not hold a ":" (path-noscheme).
bool is_hier_part(std::string_view text, Relative relative) {
  if (text.starts_with("//")) {
    text.remove_prefix(2);
    size_t slash = text.find('/');
    if (!is_authority(text.substr(0, slash))) return false;
    return slash == std::string_view::npos || is_path(text.substr(slash));
  }
  if (relative == Relative::yes && !text.starts_with('/')) {
    std::string_view first = text.substr(0, text.find('/'));
    if (first.find(':') != std::string_view::npos) return false;
  }
  return is_path(text);
}

// Checks "[?query][#fragment]" after the hier-part and returns the rest.
bool split_query_fragment(std::string_view text, std::string_view& before) {
  size_t hash = text.find('#');
  if (hash != std::string_view::npos) {
    if (!is_query_or_fragment(text.substr(hash + 1))) return false;
    text = text.substr(0, hash);
  }
  size_t question = text.find('?');
  if (question != std::string_view::npos) {
    if (!is_query_or_fragment(text.substr(question + 1))) return false;
    text = text.substr(0, question);
  }
  before = text;
  return true;
}

// Returns the length of the scheme when `text` starts with one and a ':'.
std::optional<size_t> scheme_length(std::string_view text) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  if (!is_scheme(text.substr(0, colon))) return std::nullopt;
  return colon;
}

// ---- RFC 5321 ------------------------------------------------------------

bool is_atext(char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '/':
    case '=':
    case '?':
    case '^':
    case '_':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~':
      return true;
    default:
      return false;
  }
}

bool is_dot_string(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (text[i + 1] == '.') return false;
    } else if (!is_atext(text[i])) {
      return false;
    }
  }
  return true;
}

bool is_quoted_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') {
    return false;
  }
  text = text.substr(1, text.size() - 2);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 >= text.size() || text[i + 1] < 32 || text[i + 1] > 126) {
        return false;
      }
      ++i;
    } else if (c < 32 || c > 126 || c == '"') {
      return false;
    }
  }
  return true;
}

// Domain = sub-domain *("." sub-domain), sub-domain = Let-dig [Ldh-str].
bool is_domain(std::string_view text) {
  if (text.empty() || text.size() > 255) return false;
  while (true) {
    size_t dot = text.find('.');
    std::string_view label = text.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' ||
        label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    text.remove_prefix(dot + 1);
  }
}

bool is_address_literal(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') {
    return false;
  }
  text = text.substr(1, text.size() - 2);
  if (text.starts_with("IPv6:")) return is_ipv6(text.substr(5));
  return is_ipv4(text);
}

}  // namespace

std::optional<Format> find_format(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Format>, 6> k_formats{
      {
          {"date", Format::date},
          {"date-time", Format::date_time},
          {"time", Format::time},
          {"uri", Format::uri},
          {"uri-reference", Format::uri_reference},
          {"email", Format::email},
      }};
  for (const auto& [entry_name, format] : k_formats) {
    if (entry_name == name) return format;
  }
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::date:
      return "date";
    case Format::date_time:
      return "date-time";
    case Format::time:
      return "time";
    case Format::uri:
      return "uri";
    case Format::uri_reference:
      return "uri-reference";
    case Format::email:
      return "email";
  }
  return "";
}

bool check_format(Format format, std::string_view text) {
  switch (format) {
    case Format::date:
      return is_date(text);
    case Format::date_time:
      return is_date_time(text);
    case Format::time:
      return is_time(text);
    case Format::uri:
      return is_uri(text);
    case Format::uri_reference:
      return is_uri_reference(text);
    case Format::email:
      return is_email(text);
  }
  return true;
}

bool is_date(std::string_view text) { return is_full_date(text); }

bool is_time(std::string_view text) { return is_full_time(text); }

bool is_date_time(std::string_view text) {
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't')) return false;
  return is_full_date(text.substr(0, 10)) && is_full_time(text.substr(11));
}

bool is_uri(std::string_view text) {
  std::optional<size_t> scheme = scheme_length(text);
  if (!scheme) return false;
  std::string_view hier;
  if (!split_query_fragment(text.substr(*scheme + 1), hier)) return false;
  return is_hier_part(hier, Relative::no);
}

bool is_uri_reference(std::string_view text) {
  // A reference that starts with something shaped like a scheme is a URI;
  // otherwise it is a relative reference, whose first segment has no ':'.
  if (scheme_length(text)) return is_uri(text);
  std::string_view hier;
  if (!split_query_fragment(text, hier)) return false;
  return is_hier_part(hier, Relative::yes);
}

bool is_email(std::string_view text) {
  // The local part may be quoted and hold '@': the domain follows the last.
  size_t at = text.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view local = text.substr(0, at);
  std::string_view domain = text.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  if (!is_dot_string(local) && !is_quoted_string(local)) return false;
  return is_domain(domain) || is_address_literal(domain);
}

}  // namespace fmkit
