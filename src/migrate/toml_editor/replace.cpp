// SPDX-License-Identifier: MIT
//
// TomlEditor's edits in place: a value replaced by a computed one (keeping
// the quoting of the string it replaces, a date staying a date, an inline
// array keeping its layout), a table replaced, a key renamed everywhere it
// is written.
#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/toml_editor.hpp"

namespace fmkit {

using nlohmann::json;
using toml_edit::Section;
using toml_edit::Statement;

Expected<std::string> TomlEditor::render(std::string_view pointer,
                                         const json& value,
                                         const NodeInfo* old) const {
  TomlQuote quote = TomlQuote::basic;
  if (old != nullptr && old->kind == NodeKind::scalar && value.is_string()) {
    std::string_view text = slice(old->value_begin, old->value_end);
    const json* held = find_value(m_document.data, split_pointer(pointer));
    bool date = old->style == ScalarStyle::plain && held != nullptr &&
                held->is_string();
    if (date && is_toml_datetime(value.get_ref<const std::string&>())) {
      // A date replaced by a date stays a date.
      return value.get<std::string>();
    }
    if (!date) quote = toml_quote_of(text);
  }
  auto text = render_toml_value(value, quote, m_eol);
  if (!text) {
    return unexpected(text.error() + " (the value of '" + std::string(pointer) +
                      "')");
  }
  return text;
}

Expected<TomlEditor::Edits> TomlEditor::replace_edits(std::string_view pointer,
                                                      const json& value) const {
  if (pointer.empty()) {
    return unexpected(std::string("cannot replace the whole front matter"));
  }
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  if (*at == Where::table || *at == Where::array_of_tables) {
    return replace_table(pointer, value);
  }
  const NodeInfo* info = *node(pointer);
  if (value.is_array() && !value.empty() && info->kind == NodeKind::sequence &&
      !children(pointer).empty()) {
    // A list replaced by a list keeps its layout: one line or one item
    // per line.
    std::vector<SequenceItem> items;
    for (const json& item : value) items.push_back({std::nullopt, item});
    auto edit = rewrite_sequence(pointer, items);
    if (!edit) return unexpected(edit.error());
    return Edits{std::move(*edit)};
  }
  auto text = render(pointer, value, info);
  if (!text) return unexpected(text.error());
  return Edits{{info->value_begin, info->value_end, std::move(*text)}};
}

Expected<TomlEditor::Edits> TomlEditor::replace_table(std::string_view pointer,
                                                      const json& value) const {
  Tokens tokens = split_pointer(pointer);
  const json* old = find_value(m_document.data, tokens);
  if (old != nullptr && old->is_array()) {
    return unexpected("'" + std::string(pointer) +
                      "' is an array of tables ([[...]]); fmkit does not "
                      "replace it");
  }
  std::vector<const Section*> sections = sections_under(tokens);
  const Section* own = m_layout.section(tokens);
  if (!sections.empty()) {
    if (own == nullptr || sections.size() > 1 || !value.is_object()) {
      return unexpected("'" + std::string(pointer) +
                        "' is written as [table] sections; fmkit replaces "
                        "such a table only by another table, and only when "
                        "it has no sub-tables, not by " +
                        describe_value(value, ValueStyle::subject));
    }
    // The section's lines are rewritten; its header stays.
    std::string indent = indent_of(own->key_spans[0].first);
    if (!own->statements.empty()) {
      indent = indent_of(m_layout.statements()[own->statements[0]].key_begin);
    }
    std::string lines;
    for (const auto& [key, item] : value.items()) {
      auto text = render(append_pointer(pointer, key), item, nullptr);
      if (!text) return unexpected(text.error());
      lines += indent + render_toml_key(key) + " = " + *text + m_eol;
    }
    return Edits{{own->body, own->end, std::move(lines)}};
  }
  // Written with dotted keys: the first line becomes `a.b = value`, the
  // others go.
  std::vector<const Statement*> lines = statements_under(tokens);
  if (lines.empty()) {
    return unexpected("cannot find the lines that write '" +
                      std::string(pointer) + "'");
  }
  auto text = render(pointer, value, nullptr);
  if (!text) return unexpected(text.error());
  const Statement& first = *lines.front();
  size_t prefix_end = first.key_spans[tokens.size() - 1 - first.depth].second;
  Edits edits{
      {first.key_begin, first.value_end,
       std::string(slice(first.key_begin, prefix_end)) + " = " + *text}};
  for (size_t i = 1; i < lines.size(); ++i) {
    edits.push_back({lines[i]->begin, lines[i]->end, ""});
  }
  return edits;
}

Expected<TextEdit> TomlEditor::replace_value(std::string_view pointer,
                                             const json& value) const {
  auto edits = replace_edits(pointer, value);
  if (!edits) return unexpected(edits.error());
  return merge(std::move(*edits));
}

Expected<TomlEditor::Edits> TomlEditor::rename_edits(
    std::string_view pointer, std::string_view key) const {
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  const NodeInfo* info = *node(pointer);
  if (pointer.empty() || !info->has_key) {
    return unexpected("'" + std::string(pointer) + "' is not a table entry");
  }
  auto renamed = [&](size_t begin, size_t end) {
    return TextEdit{begin, end,
                    render_toml_key(key, toml_quote_of(slice(begin, end)))};
  };
  if (*at == Where::inline_value) {
    return Edits{renamed(info->key_begin, info->key_end)};
  }
  // Every place the key is written: its statement, or the dotted keys and
  // headers of a table.
  Tokens tokens = split_pointer(pointer);
  const size_t depth = tokens.size() - 1;
  Edits edits;
  if (const Statement* st = m_layout.statement(tokens)) {
    edits.push_back(
        renamed(st->key_spans.back().first, st->key_spans.back().second));
    return edits;
  }
  for (const Statement* st : statements_under(tokens)) {
    const auto& span = st->key_spans[depth - st->depth];
    edits.push_back(renamed(span.first, span.second));
  }
  for (const Section* section : sections_under(tokens)) {
    for (size_t i = 0; i < section->key_tokens.size(); ++i) {
      if (section->key_tokens[i] != depth) continue;
      edits.push_back(
          renamed(section->key_spans[i].first, section->key_spans[i].second));
    }
  }
  if (edits.empty()) {
    return unexpected("cannot find where the key of '" + std::string(pointer) +
                      "' is written");
  }
  return edits;
}

Expected<TextEdit> TomlEditor::rename_key(std::string_view pointer,
                                          std::string_view key) const {
  auto edits = rename_edits(pointer, key);
  if (!edits) return unexpected(edits.error());
  return merge(std::move(*edits));
}

}  // namespace fmkit
