// SPDX-License-Identifier: MIT
#include "report/escape.hpp"

#include "base/utf8.hpp"

#include <algorithm>

namespace fmkit {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

// Where escaped text goes: a command's data or a property; XML character
// data or an attribute value.
enum class Into { data, property };

// Calls `emit(code_point, bytes)` for each code point of `text`, with the
// bytes of U+FFFD for an ill-formed byte.
template <typename Emit>
void for_each_code_point(std::string_view text, Emit emit) {
  size_t i = 0;
  while (i < text.size()) {
    Utf8Char c = decode_utf8(text.substr(i));
    emit(c.code_point, c.valid() ? text.substr(i, c.length) : k_replacement);
    i += c.length;
  }
}

std::string escape_workflow(std::string_view text, Into into) {
  const bool property = into == Into::property;
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t c, std::string_view bytes) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        // The log viewer runs escape sequences: no other control character
        // goes through (a key could color or hide the lines after it).
        if ((c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
          out += k_replacement;
        } else {
          out += bytes;
        }
    }
  });
  return out;
}

std::string escape_xml(std::string_view text, Into into) {
  const bool attribute = into == Into::property;
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t c, std::string_view bytes) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\'':
        out += attribute ? "&apos;" : "'";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      default:
        // XML 1.0's Char production leaves out the other C0 controls and
        // U+FFFE/U+FFFF, even as character references.
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
          out += k_replacement;
        } else {
          out += bytes;
        }
    }
  });
  return out;
}

}  // namespace

std::string to_valid_utf8(std::string_view text) {
  if (find_invalid_utf8(text) == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 8);
  for_each_code_point(text,
                      [&](char32_t, std::string_view bytes) { out += bytes; });
  return out;
}

std::string to_terminal_text(std::string_view text) {
  const auto plain = [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x20 && b < 0x7F;
  };
  if (std::all_of(text.begin(), text.end(), plain)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t c, std::string_view bytes) {
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    out += control ? k_replacement : bytes;
  });
  return out;
}

std::string escape_workflow_data(std::string_view text) {
  return escape_workflow(text, Into::data);
}

std::string escape_workflow_property(std::string_view text) {
  return escape_workflow(text, Into::property);
}

std::string escape_xml_text(std::string_view text) {
  return escape_xml(text, Into::data);
}

std::string escape_xml_attribute(std::string_view text) {
  return escape_xml(text, Into::property);
}

}  // namespace fmkit
