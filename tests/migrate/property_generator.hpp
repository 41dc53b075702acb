// SPDX-License-Identifier: MIT
//
// Random front matter and random ops for the migrate property tests: block
// and flow collections, quoted and plain scalars in forms the JSON model
// does not keep (1.10, 0x1F, 1e3, 0o17, +5, 010, a 30-digit integer, 'x',
// "x\n", ~, a timestamp), block scalars, comments, CRLF, a BOM, 2- or 4-space
// indents, dashes indented or not, tags and anchors (no aliases: editing
// aliased values is refused by design). Deterministic per seed.
#pragma once

#include "migrate/field_path.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace fmkit::property {

using nlohmann::json;

inline const char* const k_keys[] = {"title",  "tags",    "status", "draft",
                                     "series", "speaker", "seo",    "links",
                                     "a",      "b"};
inline const char* const k_plain[] = {
    "alpha",    "beta gamma",
    "ML",       "12",
    "1.5",      "true",
    "null",     "~",
    "no",       "2024-01-02",
    "失控",     "https://x.io/a",
    "1.10",     "0x1F",
    "1e3",      "0o17",
    "-.5",      "123456789012345678901234567890",
    "+5",       "010",
    "2.50",     "2024-01-02 10:00:00",
    "!!str 12", "&anchor anchored",
};
inline const char* const k_quoted[] = {
    "'no'",           "'2024-11-13'", "''",    "'it''s'", "\"x: y\"",
    "\"tab\\there\"", "'  spaced '",  "'1.0'", "'x'",     "\"x\\n\""};

// JSON scalars, in forms the JSON model does not keep (1.10, 1e3, 1E+2, a
// 30-digit integer, escapes).
inline const char* const k_json_scalars[] = {"\"alpha\"",
                                             "\"beta gamma\"",
                                             "\"no\"",
                                             "\"2024-01-02\"",
                                             "\"失控\"",
                                             "\"x: y\"",
                                             "\"tab\\there\"",
                                             "\"\"",
                                             "\"\\u00e9t\\u00e9\"",
                                             "\"it's\"",
                                             "12",
                                             "1.5",
                                             "1.10",
                                             "1e3",
                                             "-0.5",
                                             "2.50",
                                             "123456789012345678901234567890",
                                             "1E+2",
                                             "true",
                                             "false",
                                             "null",
                                             "0"};

class DocumentGenerator {
 public:
  explicit DocumentGenerator(uint32_t seed) : m_rng(seed) {}

  // JSON front matter: Hugo's "{" or "---json", pretty-printed (2 or 4
  // spaces, ": " or ":") or on one line, lists on one line or one item per
  // line, LF or CRLF.
  std::string generate_json() {
    m_eol = pick(4) == 0 ? "\r\n" : "\n";
    m_indent = pick(3) == 0 ? 4 : 2;
    m_compact = pick(4) == 0;  // everything on one line
    m_json_colon = pick(3) == 0 ? ":" : ": ";
    m_json_list_lines = !m_compact && pick(3) == 0;
    bool tagged = pick(3) == 0;
    std::string out = tagged ? "---json" + m_eol : "";
    json_object(out, 0, 0, 3 + pick(6));
    out += m_eol;
    if (tagged) out += "---" + m_eol;
    out += "Body {line} one." + m_eol + m_eol + "Last line";
    if (pick(2) == 0) out += m_eol;
    return out;
  }

  std::string generate() {
    m_eol = pick(4) == 0 ? "\r\n" : "\n";
    m_indent = pick(3) == 0 ? 4 : 2;
    m_compact = pick(2) == 0;
    std::string out = pick(8) == 0 ? "\xEF\xBB\xBF" : "";
    out += "---" + m_eol;
    mapping(out, 0, 0, 3 + pick(6));
    if (pick(4) == 0) out += "# closing comment" + m_eol;
    out += "---" + m_eol + "Body line one." + m_eol + m_eol + "Last line";
    if (pick(2) == 0) out += m_eol;
    return out;
  }

  size_t pick(size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(m_rng);
  }

 private:
  std::string scalar() {
    return pick(3) == 0 ? k_quoted[pick(std::size(k_quoted))]
                        : k_plain[pick(std::size(k_plain))];
  }

  std::string flow_scalar() {
    std::string s = scalar();
    return s.find_first_of(",:[]{}#") == std::string::npos ? s : "'f'";
  }

  std::string spaces(size_t n) { return std::string(n, ' '); }

  void comment(std::string& out, size_t column) {
    if (pick(6) == 0) out += spaces(column) + "# note" + m_eol;
    if (pick(10) == 0) out += m_eol;
  }

  void mapping(std::string& out, size_t column, int depth, size_t count) {
    std::vector<std::string> keys(std::begin(k_keys), std::end(k_keys));
    std::shuffle(keys.begin(), keys.end(), m_rng);
    for (size_t i = 0; i < count && i < keys.size(); ++i) {
      comment(out, column);
      out += spaces(column) + keys[i] + ":";
      value(out, column, depth);
    }
  }

  void block_list(std::string& out, size_t column, int depth) {
    out += m_eol;
    size_t dash = column + (m_compact ? 0 : m_indent);
    size_t n = 1 + pick(4);
    for (size_t i = 0; i < n; ++i) {
      comment(out, dash);
      out += spaces(dash) + "-";
      if (pick(5) == 0 && depth < 2) {
        out += " k: " + scalar() + m_eol;
        out += spaces(dash + 2) + "v: " + scalar() + m_eol;
      } else {
        out += " " + scalar() + (pick(6) == 0 ? " # i" : "") + m_eol;
      }
    }
  }

  // Writes what follows "key:" (a key at `column`), line ending included.
  void value(std::string& out, size_t column, int depth) {
    switch (pick(depth >= 2 ? 4 : 8)) {
      case 0:
      case 1:
      case 2:
        out += " " + scalar();
        if (pick(5) == 0) out += " # c";
        out += m_eol;
        return;
      case 3: {
        out += " [";
        size_t n = pick(4);
        for (size_t i = 0; i < n; ++i) out += (i ? ", " : "") + flow_scalar();
        out += "]" + m_eol;
        return;
      }
      case 4:
        return block_list(out, column, depth);
      case 5:
        out += m_eol;
        mapping(out, column + m_indent, depth + 1, 1 + pick(3));
        return;
      case 6:
        out += " {k: " + flow_scalar() + ", v: " + flow_scalar() + "}" + m_eol;
        return;
      default: {
        const char* headers[] = {"|", "|-", ">", "|+"};
        out += std::string(" ") + headers[pick(4)] + m_eol;
        size_t n = 1 + pick(3);
        for (size_t i = 0; i < n; ++i) {
          out +=
              spaces(column + m_indent) + "line " + std::to_string(i) + m_eol;
        }
        return;
      }
    }
  }

  // JSON: a container's items, one per line (at `column` + the indent) or
  // on one line.
  void json_items(std::string& out, size_t column,
                  const std::vector<std::string>& items, bool lines, char open,
                  char close) {
    out += open;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += lines ? "," : ", ";
      if (lines) out += m_eol + spaces(column + m_indent);
      out += items[i];
    }
    if (lines && !items.empty()) out += m_eol + spaces(column);
    out += close;
  }

  void json_object(std::string& out, size_t column, int depth, size_t count) {
    std::vector<std::string> keys(std::begin(k_keys), std::end(k_keys));
    std::shuffle(keys.begin(), keys.end(), m_rng);
    std::vector<std::string> members;
    for (size_t i = 0; i < count && i < keys.size(); ++i) {
      std::string member = "\"" + keys[i] + "\"" + m_json_colon;
      json_value(member, column + m_indent, depth);
      members.push_back(std::move(member));
    }
    json_items(out, column, members, !m_compact, '{', '}');
  }

  // A value whose member starts a line at `column`.
  void json_value(std::string& out, size_t column, int depth) {
    auto scalar = [&] {
      return std::string(k_json_scalars[pick(std::size(k_json_scalars))]);
    };
    switch (pick(depth >= 2 ? 3 : 6)) {
      case 0:
      case 1:
      case 2:
        out += scalar();
        return;
      case 3: {
        std::vector<std::string> items(pick(4));
        for (std::string& item : items) item = scalar();
        return json_items(out, column, items, m_json_list_lines, '[', ']');
      }
      case 4:
        return json_object(out, column, depth + 1, 1 + pick(3));
      default: {
        std::string item;
        json_object(item, column + (m_json_list_lines ? m_indent : 0),
                    depth + 1, 1 + pick(2));
        return json_items(out, column, {item, scalar()}, m_json_list_lines, '[',
                          ']');
      }
    }
  }

  std::mt19937 m_rng;
  std::string m_json_colon = ": ";
  bool m_json_list_lines = false;
  std::string m_eol;
  size_t m_indent = 2;
  bool m_compact = false;
};

inline json random_value(DocumentGenerator& gen) {
  const json values[] = {"x",
                         "no",
                         "2024-11-13",
                         "",
                         "a: b",
                         " lead",
                         1,
                         2.5,
                         true,
                         nullptr,
                         "yes",
                         "ML",
                         json::array({"p", "q"}),
                         json{{"k", "v"}}};
  return values[gen.pick(std::size(values))];
}

// A field of `data` (a key, a nested key or a list item), or sometimes a
// key that may not exist.
inline std::string random_field(DocumentGenerator& gen, const json& data) {
  std::vector<std::string> fields;
  for (const auto& [key, value] : data.items()) {
    fields.push_back(key);
    if (value.is_object()) {
      for (const auto& [inner, unused] : value.items()) {
        fields.push_back("/" + key + "/" + inner);
      }
    }
    for (size_t i = 0; value.is_array() && i < value.size() && i < 2; ++i) {
      fields.push_back("/" + key + "/" + std::to_string(i));
    }
  }
  if (fields.empty() || gen.pick(5) == 0) {
    return k_keys[gen.pick(std::size(k_keys))];
  }
  return fields[gen.pick(fields.size())];
}

// A field of `data` that holds a number or a list with one, when there is
// one (for the ops that make text of numbers), else random_field().
inline std::string number_field(DocumentGenerator& gen, const json& data) {
  std::vector<std::string> fields;
  auto has_number = [](const json& v) {
    return v.is_number() ||
           (v.is_array() &&
            std::any_of(v.begin(), v.end(),
                        [](const json& item) { return item.is_number(); }));
  };
  for (const auto& [key, value] : data.items()) {
    if (has_number(value)) fields.push_back(key);
    if (!value.is_object()) continue;
    for (const auto& [inner, item] : value.items()) {
      if (has_number(item)) fields.push_back("/" + key + "/" + inner);
    }
  }
  if (fields.empty()) return random_field(gen, data);
  return fields[gen.pick(fields.size())];
}

// A value to remove from the list at `field`: one of its items when it has
// some. (The fuzz target's documents may have keys no field names: "".)
inline json value_to_remove(DocumentGenerator& gen, const json& data,
                            const std::string& field) {
  auto path = parse_field_path(field);
  const json* list = path ? find_value(data, path->tokens) : nullptr;
  if (list != nullptr && list->is_array() && !list->empty()) {
    return (*list)[gen.pick(list->size())];
  }
  return "alpha";
}

// A random op on `data`, as the JSON of a list item of `ops`. Maps have no
// chains (no mapped value is also a key).
inline json random_op(DocumentGenerator& gen, const json& data) {
  std::string field = random_field(gen, data);
  std::string other = random_field(gen, data);
  std::string fresh = std::string(k_keys[gen.pick(std::size(k_keys))]) + "2";
  switch (gen.pick(16)) {
    case 0:
      return {{"rename", {{"from", field}, {"to", fresh}}}};
    case 1:
      return {{"move", {{"from", field}, {"to", "/" + fresh + "/x"}}}};
    case 2:
      return {{"move", {{"from", field}, {"to", fresh}}}};
    case 3:
      return {{"copy", {{"from", field}, {"to", other}}}};
    case 4:
      return {{"delete", {{"field", field}}}};
    case 5: {
      json args = {{"field", gen.pick(2) ? field : fresh},
                   {"value", random_value(gen)}};
      if (gen.pick(2)) args[gen.pick(2) ? "if_missing" : "overwrite"] = true;
      return {{"set", args}};
    }
    case 6:
      // Numbers by their text (1.10, 0o17) or by their JSON text (1e3).
      return {{"map_values",
               {{"field", gen.pick(2) ? number_field(gen, data) : field},
                {"map",
                 {{"alpha", "omega"},
                  {"ML", "no"},
                  {"1.10", "ten"},
                  {"0o17", "fifteen"},
                  {"1000", "thousand"}}}}}};
    case 7: {
      const char* targets[] = {"list", "scalar", "string", "int", "number"};
      const char* to = targets[gen.pick(5)];
      json args = {{"field", gen.pick(2) ? number_field(gen, data) : field},
                   {"to", to}};
      if (std::string_view(to) == "string" ||
          std::string_view(to) == "scalar") {
        if (gen.pick(2)) args["join"] = ", ";
      }
      return {{"convert", args}};
    }
    case 8: {
      const char* kinds[] = {"trim", "lower", "upper", "slugify"};
      return {{kinds[gen.pick(4)], {{"field", field}}}};
    }
    case 9:
      return {
          {"replace", {{"field", field}, {"pattern", "a"}, {"with", "A: "}}}};
    case 10: {
      json args = {{"field", field}, {"value", random_value(gen)}};
      if (gen.pick(2)) args["unique"] = true;
      return {{"append", args}};
    }
    case 11:
      return {
          {"remove",
           {{"field", field}, {"value", value_to_remove(gen, data, field)}}}};
    case 12:
      return {{"dedupe", {{"field", field}}}};
    case 13:
      return {{"sort",
               {{"field", field}, {"order", gen.pick(2) ? "asc" : "desc"}}}};
    case 14:
      if (gen.pick(2) == 0) {
        return {{"copy", {{"from", field}, {"to", "/" + fresh + "/c"}}}};
      }
      return {{"move", {{"from", field}, {"to", other + "3"}}}};
    default:
      return {
          {"set",
           {{"field", "/" + fresh + "/deep"}, {"value", random_value(gen)}}}};
  }
}

}  // namespace fmkit::property
