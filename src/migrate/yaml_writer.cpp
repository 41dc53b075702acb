// SPDX-License-Identifier: MIT
#include "migrate/yaml_writer.hpp"

#include "document/yaml11.hpp"
#include "document/yaml_scalar.hpp"
#include "document/yaml_to_json.hpp"

#include <cassert>
#include <cmath>
#include <cstdio>
#include <optional>

namespace fmkit {
namespace {

bool is_indicator(char c) {
  static constexpr std::string_view k_indicators = "-?:,[]{}#&*!|>'\"%@`";
  return k_indicators.find(c) != std::string_view::npos;
}

bool is_flow_indicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

void append_hex_escape(std::string& out, unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
  out += buffer;
}

std::string double_quote(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::string_view rest = s.substr(i);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\0':
        out += "\\0";
        continue;
      case '\a':
        out += "\\a";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\v':
        out += "\\v";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case 0x1b:
        out += "\\e";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
      append_hex_escape(out, c);
    } else if (rest.starts_with("\xC2\x85")) {
      out += "\\N";
      ++i;
    } else if (rest.starts_with("\xE2\x80\xA8")) {
      out += "\\L";
      i += 2;
    } else if (rest.starts_with("\xE2\x80\xA9")) {
      out += "\\P";
      i += 2;
    } else if (rest.starts_with("\xEF\xBB\xBF")) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

std::string render_float(double d) {
  if (std::isnan(d)) return ".nan";
  if (std::isinf(d)) return d < 0 ? "-.inf" : ".inf";
  // nlohmann::json prints the shortest text that reads back as `d`.
  std::string text = nlohmann::json(d).dump();
  size_t exponent = text.find_first_of("eE");
  if (text.find('.') == std::string::npos) {
    // YAML 1.1 floats need a "."; "1e+20" would be a string there.
    text.insert(exponent == std::string::npos ? text.size() : exponent, ".0");
  }
  return text;
}

bool is_scalar(const nlohmann::json& value) {
  return !value.is_array() && !value.is_object();
}

bool all_scalars(const nlohmann::json& array) {
  for (const auto& item : array) {
    if (!is_scalar(item)) return false;
  }
  return true;
}

std::string spaces(size_t n) { return std::string(n, ' '); }

}  // namespace

bool needs_double_quotes(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return true;
    std::string_view rest = s.substr(i);
    if (rest.starts_with("\xC2\x85") || rest.starts_with("\xE2\x80\xA8") ||
        rest.starts_with("\xE2\x80\xA9") || rest.starts_with("\xEF\xBB\xBF")) {
      return true;
    }
  }
  return false;
}

bool needs_quotes(std::string_view s, ScalarContext context) {
  if (s.empty()) return true;
  if (needs_double_quotes(s)) return true;
  if (is_indicator(s.front())) return true;
  if (s.front() == ' ' || s.back() == ' ') return true;
  if (s.back() == ':') return true;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t') return true;
    if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') return true;
    if (c == '#' && i > 0 && s[i - 1] == ' ') return true;
    if (context == ScalarContext::flow) {
      // PyYAML before 5.1 rejects any ':' inside a flow collection.
      if (is_flow_indicator(c) || c == ':') return true;
    }
  }
  // A plain string must read back as that string in YAML 1.2 and in every
  // YAML 1.1 reader (document/yaml11.hpp has the table).
  if (!is_core_string(s)) return true;
  std::optional<Yaml11Reading> yaml11 = read_as_yaml11(s);
  return yaml11 && yaml11->non_string;
}

std::string render_string(std::string_view s, ScalarContext context,
                          QuotePreference preference) {
  if (preference == QuotePreference::double_quoted || needs_double_quotes(s)) {
    return double_quote(s);
  }
  if (preference == QuotePreference::single_quoted ||
      needs_quotes(s, context)) {
    return single_quoted(s);
  }
  return std::string(s);
}

std::string render_scalar(const nlohmann::json& value, ScalarContext context,
                          QuotePreference preference) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return value.dump();
    case nlohmann::json::value_t::number_float:
      return render_float(value.get<double>());
    case nlohmann::json::value_t::string:
      return render_string(value.get_ref<const std::string&>(), context,
                           preference);
    default:
      assert(false && "render_scalar needs a scalar");
      return render_flow(value);
  }
}

std::string render_flow(const nlohmann::json& value) {
  if (value.is_array()) {
    std::string out = "[";
    bool first = true;
    for (const auto& item : value) {
      if (!first) out += ", ";
      first = false;
      out += render_flow(item);
    }
    return out + "]";
  }
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += render_string(key, ScalarContext::flow);
      out += ": ";
      out += render_flow(item);
    }
    return out + "}";
  }
  return render_scalar(value, ScalarContext::flow);
}

std::string render_entry_value(const nlohmann::json& value, size_t key_column,
                               const YamlStyle& style) {
  if (is_scalar(value)) return " " + render_scalar(value);
  if (value.empty()) return value.is_array() ? " []" : " {}";
  if (value.is_array()) {
    if (style.list_style == ListStyle::flow && all_scalars(value)) {
      return " " + render_flow(value);
    }
    size_t dash_column =
        key_column +
        (style.sequence_indent == SequenceIndent::compact ? 0 : style.indent);
    std::string out;
    for (const auto& item : value) {
      out += style.eol + spaces(dash_column) + "- " +
             render_item_value(item, dash_column, style);
    }
    return out;
  }
  std::string out;
  for (const auto& [key, item] : value.items()) {
    out +=
        style.eol + render_entry(key, item, key_column + style.indent, style);
  }
  return out;
}

std::string render_item_value(const nlohmann::json& value, size_t dash_column,
                              const YamlStyle& style) {
  if (is_scalar(value)) return render_scalar(value);
  if (value.empty()) return value.is_array() ? "[]" : "{}";
  size_t content_column = dash_column + 2;
  std::string out;
  bool first = true;
  if (value.is_array()) {
    if (style.list_style == ListStyle::flow && all_scalars(value)) {
      return render_flow(value);
    }
    for (const auto& item : value) {
      if (!first) out += style.eol + spaces(content_column);
      first = false;
      out += "- " + render_item_value(item, content_column, style);
    }
    return out;
  }
  for (const auto& [key, item] : value.items()) {
    if (first) {
      // The first entry shares the dash's line but nests at content_column.
      out = render_string(key) + ":" +
            render_entry_value(item, content_column, style);
    } else {
      out += style.eol + render_entry(key, item, content_column, style);
    }
    first = false;
  }
  return out;
}

std::string render_entry(std::string_view key, const nlohmann::json& value,
                         size_t key_column, const YamlStyle& style) {
  return spaces(key_column) + render_string(key) + ":" +
         render_entry_value(value, key_column, style);
}

}  // namespace fmkit
