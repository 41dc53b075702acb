// SPDX-License-Identifier: MIT
//
// The entry point and the walk over toml++'s tree. toml++ keeps a table's
// keys sorted, not in document order, so each table's entries are sorted by
// where their keys stand before they are visited: the PositionMap is then
// in document order, and TomlSlice::offset() is asked for positions in
// document order too (a value's start, its children, then its end), which
// keeps a long line of values linear. The walk recurses, but only as deep
// as max_depth allows.
#include "document/toml_to_json.hpp"

#include "base/json_pointer.hpp"
#include "document/toml_reader.hpp"
#include "document/yaml_scalar.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace fmkit {

namespace {

using detail::TomlSlice;
using nlohmann::json;

// Where a table's contents stand: the union of spans.
struct Extent {
  size_t begin = NodeInfo::k_none;
  size_t end = 0;

  void add(size_t b, size_t e) {
    begin = std::min(begin, b);
    end = std::max(end, e);
  }
  bool empty() const { return begin == NodeInfo::k_none; }
};

// Returns the RFC 3339 form of a TOML date or time written as `text`: a
// 'T' between date and time, an upper-case 'Z'.
std::string rfc3339(std::string_view text) {
  std::string out(text);
  if (out.size() > 10 && (out[10] == ' ' || out[10] == 't')) out[10] = 'T';
  if (!out.empty() && out.back() == 'z') out.back() = 'Z';
  return out;
}

// A table's entries in document order.
std::vector<std::pair<const toml::key*, const toml::node*>> in_order(
    const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  entries.reserve(table.size());
  // toml++'s iterators give proxies: take the references they hold.
  for (auto it = table.begin(); it != table.end(); ++it) {
    entries.emplace_back(&it->first, &it->second);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.first->source().begin < b.first->source().begin;
  });
  return entries;
}

class Converter {
 public:
  Converter(TomlSlice& slice, const YamlOptions& limits,
            std::vector<Diagnostic>& diagnostics, PositionMap& positions)
      : m_slice(slice),
        m_limits(limits),
        m_diagnostics(diagnostics),
        m_positions(positions) {}

  // Converts the document `root` into `out`; false after a limit error.
  bool run(const toml::table& root, json& out) {
    NodeInfo info;
    info.kind = NodeKind::mapping;
    const size_t index = m_positions.insert("", info);
    Extent extent;
    if (!entries(root, "", 1, out, extent)) return false;
    if (extent.empty()) extent.add(m_slice.begin(), m_slice.begin());
    info.value_begin = extent.begin;
    info.value_end = extent.end;
    m_positions.update(index, info);
    return true;
  }

 private:
  size_t offset(const toml::source_position& position) {
    return m_slice.offset(position.line, position.column);
  }

  bool limit(std::string message, size_t at) {
    m_diagnostics.push_back(
        m_slice.diagnostic("toml.limit", std::move(message), at, at));
    return false;
  }

  // Counts one more node (a key or a value) against max_nodes.
  bool count(size_t at) {
    if (++m_nodes <= m_limits.max_nodes) return true;
    return limit("the front matter has more than " +
                     std::to_string(m_limits.max_nodes) + " keys and values",
                 at);
  }

  // Converts the entries of `table` (at `pointer`, depth `depth`) into the
  // object `out`, adding where they stand to `extent`.
  bool entries(const toml::table& table, const std::string& pointer,
               size_t depth, json& out, Extent& extent) {
    out = json::object();
    for (const auto& [key, node] : in_order(table)) {
      NodeInfo info;
      info.has_key = true;
      info.key_begin = offset(key->source().begin);
      info.key_end = offset(key->source().end);
      if (!count(info.key_begin)) return false;
      json& slot = out[std::string(key->str())];
      if (!value(*node, append_pointer(pointer, key->str()), info, depth,
                 slot)) {
        return false;
      }
      extent.add(std::min(info.key_begin, info.value_begin), info.value_end);
    }
    return true;
  }

  // Converts `node` into `out` and records it at `pointer`; `info` holds
  // its key, if any, and comes back with its span. `depth` is its parent's.
  bool value(const toml::node& node, const std::string& pointer, NodeInfo& info,
             size_t depth, json& out) {
    info.value_begin = offset(node.source().begin);
    if (!count(info.value_begin)) return false;
    if (node.is_table() || node.is_array()) {
      if (depth + 1 > m_limits.max_depth) {
        return limit("the front matter nests deeper than the limit of " +
                         std::to_string(m_limits.max_depth) + " levels",
                     info.value_begin);
      }
      return node.is_table()
                 ? table(*node.as_table(), pointer, info, depth + 1, out)
                 : array(*node.as_array(), pointer, info, depth + 1, out);
    }
    info.value_end = offset(node.source().end);
    scalar(node, pointer, info, out);
    m_positions.insert(pointer, info);
    return true;
  }

  void scalar(const toml::node& node, const std::string& pointer,
              NodeInfo& info, json& out) {
    const std::string_view text = m_slice.text().substr(
        info.value_begin, info.value_end - info.value_begin);
    switch (node.type()) {
      case toml::node_type::string:
        out = node.as_string()->get();
        info.style = text.starts_with('\'') ? ScalarStyle::single_quoted
                                            : ScalarStyle::double_quoted;
        break;
      case toml::node_type::integer:
        out = node.as_integer()->get();
        break;
      case toml::node_type::floating_point: {
        const double d = node.as_floating_point()->get();
        if (std::isfinite(d)) {
          out = number_from_double(d);
          break;
        }
        out = std::string(text);
        m_diagnostics.push_back(m_slice.diagnostic(
            "toml.non-finite",
            quoted_for_message(text) + " is " +
                (std::isnan(d) ? "NaN (not a number)" : "infinity") +
                ", which JSON cannot hold; it is kept as the string \"" +
                std::string(text) + "\"",
            info.value_begin, info.value_end, pointer, Severity::warning));
        break;
      }
      case toml::node_type::boolean:
        out = node.as_boolean()->get();
        break;
      default:  // date, time, date-time
        out = rfc3339(text);
        break;
    }
  }

  bool table(const toml::table& table, const std::string& pointer,
             NodeInfo& info, size_t depth, json& out) {
    info.kind = NodeKind::mapping;
    info.flow = table.is_inline();
    const size_t index = m_positions.insert(pointer, info);
    Extent extent;
    // A table with a header of its own (or one a header implies) starts at
    // the header; a table only a dotted key implies, at its first entry.
    const bool header = !info.flow && info.value_begin < m_slice.end() &&
                        m_slice.text()[info.value_begin] == '[';
    if (header) extent.add(info.value_begin, offset(table.source().end));
    if (!entries(table, pointer, depth, out, extent)) return false;
    if (info.flow) {
      // After the entries: positions are asked for in document order.
      extent = Extent{};
      extent.add(info.value_begin, offset(table.source().end));
    }
    if (extent.empty()) extent.add(info.value_begin, info.value_begin);
    info.value_begin = extent.begin;
    info.value_end = extent.end;
    m_positions.update(index, info);
    return true;
  }

  bool array(const toml::array& items, const std::string& pointer,
             NodeInfo& info, size_t depth, json& out) {
    info.kind = NodeKind::sequence;
    // An array of tables ([[name]] headers) is the one array not written
    // between brackets: its tables are not inline.
    const toml::table* first = items.empty() ? nullptr : items[0].as_table();
    info.flow = first == nullptr || first->is_inline();
    const size_t index = m_positions.insert(pointer, info);
    Extent extent;
    out = json::array();
    for (size_t i = 0; i < items.size(); ++i) {
      NodeInfo item;
      out.push_back(json());
      if (!value(items[i], append_pointer(pointer, std::to_string(i)), item,
                 depth, out.back())) {
        return false;
      }
      extent.add(item.value_begin, item.value_end);
    }
    if (info.flow) {
      extent = Extent{};
      extent.add(info.value_begin, offset(items.source().end));
    }
    info.value_begin = extent.begin;
    info.value_end = extent.end;
    m_positions.update(index, info);
    return true;
  }

  TomlSlice& m_slice;
  const YamlOptions& m_limits;
  std::vector<Diagnostic>& m_diagnostics;
  PositionMap& m_positions;
  size_t m_nodes = 0;
};

}  // namespace

std::optional<YamlDocument> parse_toml_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& limits, std::vector<Diagnostic>& diagnostics) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  TomlSlice slice(text, begin, end, lines);
  if (!detail::check_toml_text(slice, limits, diagnostics)) {
    return std::nullopt;
  }
  toml::table root;
  try {
    root = toml::parse(slice.toml());
  } catch (const toml::parse_error& e) {
    const toml::source_position at = e.source().begin;
    diagnostics.push_back(
        detail::toml_error(slice, e.description(), at.line, at.column));
    return std::nullopt;
  }
  YamlDocument document;
  Converter converter(slice, limits, diagnostics, document.positions);
  if (!converter.run(root, document.value)) return std::nullopt;
  return document;
}

}  // namespace fmkit
