// SPDX-License-Identifier: MIT
//
// TomlEditor's edits that put a value somewhere new: insert (a computed
// value, or one carried from another place with its text), move, and a
// scalar wrapped in a list of one or taken out of it. Where a new line
// goes is place_in()'s choice (the header comment of toml_editor.hpp lists
// the places).
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/toml_editor.hpp"

#include <algorithm>

namespace fmkit {

using nlohmann::json;
using toml_edit::Section;
using toml_edit::Statement;

Expected<TomlEditor::Place> TomlEditor::place_in(const Tokens& table) const {
  Place place;
  auto after = [&](const Statement& st) {
    place.at = st.end;
    place.indent = indent_of(st.key_begin);
  };
  if (const Section* own = m_layout.section(table)) {
    if (!own->statements.empty()) {
      after(m_layout.statements()[own->statements.back()]);
    } else {
      place.at = own->body;
      if (own->begin != own->body)
        place.indent = indent_of(own->key_spans[0].first);
    }
    return place;
  }
  if (auto lines = statements_under(table); !lines.empty()) {
    // Dotted keys: the new one after the last, with the same parts.
    const Statement& last = *lines.back();
    after(last);
    size_t end = last.key_spans[table.size() - 1 - last.depth].second;
    place.prefix = std::string(slice(last.key_begin, end)) + ".";
    return place;
  }
  if (auto sections = sections_under(table); !sections.empty()) {
    // Only `[a.b]` headers imply the table: a `[a]` section before them.
    const Section& first = *sections.front();
    for (size_t i = 0; i < first.key_tokens.size(); ++i) {
      if (first.key_tokens[i] != table.size() - 1) continue;
      place.at = first.begin;
      place.indent = indent_of(first.key_spans[0].first);
      place.header = place.indent + "[" +
                     std::string(slice(first.key_spans[0].first,
                                       first.key_spans[i].second)) +
                     "]" + m_eol;
      return place;
    }
  }
  return unexpected("cannot find where '" + to_pointer(table) + "' is written");
}

Expected<std::string> TomlEditor::carried_text(std::string_view pointer) const {
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  if (*at == Where::inline_value || *at == Where::statement) {
    const NodeInfo* info = *node(pointer);
    return std::string(slice(info->value_begin, info->value_end));
  }
  Tokens tokens = split_pointer(pointer);
  for (const Statement* st : statements_under(tokens)) {
    if (has_comment(st->begin, st->end)) {
      return unexpected("'" + std::string(pointer) +
                        "' holds comments, which the inline table it "
                        "becomes cannot keep");
    }
  }
  for (const Section* section : sections_under(tokens)) {
    if (has_comment(section->begin, section->end)) {
      return unexpected("'" + std::string(pointer) +
                        "' holds comments, which the inline table it "
                        "becomes cannot keep");
    }
  }
  return carried_table(tokens);
}

Expected<std::string> TomlEditor::carried_table(const Tokens& tokens) const {
  // A table written with headers or dotted keys, as an inline table (an
  // array of tables as an inline array of them) of its entries' texts, in
  // document order.
  std::string pointer = to_pointer(tokens);
  const bool array = find_value(m_document.data, tokens)->is_array();
  std::vector<std::string> parts;
  for (const Child& kid : children(pointer)) {
    auto text = carried_text(kid.pointer);
    if (!text) return text;
    parts.push_back(array ? *text
                          : render_toml_key(split_pointer(kid.pointer).back()) +
                                " = " + *text);
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    out += (i > 0 ? ", " : "") + parts[i];
  }
  if (array) return "[" + out + "]";
  return parts.empty() ? "{}" : "{ " + out + " }";
}

Expected<TextEdit> TomlEditor::insert_inline(const Tokens& tokens, size_t depth,
                                             const std::string& value) const {
  std::string parent =
      to_pointer(Tokens(tokens.begin(), tokens.begin() + depth));
  auto checked = check_inline(parent);
  if (!checked) return unexpected(checked.error());
  std::string entry = value;
  for (size_t j = tokens.size() - 1; j > depth; --j) {
    entry = "{ " + render_toml_key(tokens[j]) + " = " + entry + " }";
  }
  entry = render_toml_key(tokens[depth]) + " = " + entry;
  const NodeInfo* owner = *node(parent);
  std::vector<Child> kids = children(parent);
  if (kids.empty()) {
    return TextEdit{owner->value_begin, owner->value_end, "{ " + entry + " }"};
  }
  size_t end = 0;
  for (const Child& kid : kids) end = std::max(end, kid.info->value_end);
  return TextEdit{end, end, ", " + entry};
}

Expected<TextEdit> TomlEditor::insert(const std::vector<std::string>& tokens,
                                      const json& value,
                                      std::optional<std::string_view> source,
                                      Anchor) const {
  const json& data = m_document.data;
  size_t depth = existing_prefix(data, tokens);
  Tokens parent(tokens.begin(), tokens.begin() + depth);
  if (depth == tokens.size()) {
    return unexpected("'" + to_pointer(tokens) + "' exists already");
  }
  const json* owner = find_value(data, parent);
  if (owner == nullptr || !owner->is_object()) {
    return unexpected("'" + to_pointer(parent) + "' is not a table");
  }
  auto text = source ? carried_text(*source)
                     : render(to_pointer(tokens), value, nullptr);
  if (!text) return unexpected(text.error());
  if (!m_layout.error().empty()) {
    return unexpected("cannot follow the TOML text: " + m_layout.error());
  }
  // A carried `key = value` line's comment comes along.
  std::string comment;
  if (const toml_edit::Statement* st =
          source ? m_layout.statement(split_pointer(*source)) : nullptr) {
    std::string_view rest = slice(st->value_end, line_end(st->value_end));
    if (rest.find('#') != std::string_view::npos) comment = rest;
  }
  std::string at = to_pointer(parent);
  const NodeInfo* info = m_document.positions.find(at);
  if (!parent.empty() && (in_inline(at) || (info != nullptr && info->flow))) {
    if (!comment.empty()) {
      return unexpected("'" + std::string(*source) +
                        "' has a comment after it, which the inline table "
                        "it goes into cannot hold");
    }
    return insert_inline(tokens, depth, *text);
  }
  auto place = place_in(parent);
  if (!place) return unexpected(place.error());
  std::string key;
  for (size_t i = depth; i < tokens.size(); ++i) {
    key += (i > depth ? "." : "") + render_toml_key(tokens[i]);
  }
  std::string line = place->header + place->indent + place->prefix + key +
                     " = " + *text + comment + m_eol;
  return TextEdit{place->at, place->at, std::move(line)};
}

Expected<std::vector<TextEdit>> TomlEditor::move(
    std::string_view from, const std::vector<std::string>& to) const {
  Tokens source = split_pointer(from);
  if (source.empty()) return unexpected("cannot move the whole front matter");
  size_t depth = source.size() - 1;
  bool under_parent =
      to.size() > depth &&
      std::equal(source.begin(), source.begin() + static_cast<long>(depth),
                 to.begin());
  if (under_parent && to.size() == source.size()) {
    auto edits = rename_edits(from, to.back());
    if (!edits) return unexpected(edits.error());
    return edits;
  }
  const json* value = find_value(m_document.data, source);
  if (value == nullptr) {
    return unexpected("'" + std::string(from) + "' is missing");
  }
  auto added = insert(to, *value, from);
  if (!added) return unexpected(added.error());
  // Under the same parent, the new entry keeps the parent written.
  auto cut =
      remove_edits(from, under_parent ? EmptyParent::skip : EmptyParent::write);
  if (!cut) return unexpected(cut.error());
  cut->insert(cut->begin(), std::move(*added));
  return cut;
}

Expected<TextEdit> TomlEditor::wrap_in_list(std::string_view pointer) const {
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  const NodeInfo* info = *node(pointer);
  if ((*at != Where::inline_value && *at != Where::statement) ||
      info->kind != NodeKind::scalar) {
    return unexpected("'" + std::string(pointer) + "' is not a scalar");
  }
  return TextEdit{
      info->value_begin, info->value_end,
      "[" + std::string(slice(info->value_begin, info->value_end)) + "]"};
}

Expected<TextEdit> TomlEditor::unwrap_list(std::string_view pointer) const {
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  const NodeInfo* info = *node(pointer);
  std::vector<Child> kids = children(pointer);
  if (*at == Where::array_of_tables) {
    return unexpected("'" + std::string(pointer) +
                      "' is an array of tables ([[...]]); fmkit does not "
                      "unwrap it");
  }
  if (info->kind != NodeKind::sequence || kids.size() != 1) {
    return unexpected("'" + std::string(pointer) +
                      "' is not a list of one item");
  }
  const NodeInfo& item = *kids.front().info;
  if (has_comment(info->value_begin + 1, item.value_begin) ||
      has_comment(item.value_end, info->value_end)) {
    return unexpected("the list '" + std::string(pointer) +
                      "' has comments, which unwrapping it would drop");
  }
  return TextEdit{info->value_begin, info->value_end,
                  std::string(slice(item.value_begin, item.value_end))};
}

}  // namespace fmkit
