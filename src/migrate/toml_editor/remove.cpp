// SPDX-License-Identifier: MIT
//
// TomlEditor's removals: an entry of an inline table, an item of an inline
// array (the array rewritten without it), a `key = value` line with its
// comment, a table with all its sections and dotted key lines. A table
// that only the removed lines wrote would vanish with them, though the
// JSON keeps it empty: it is written `a = {}` (or `[a]`, or `items = []`
// for an array of tables) in place of the first line removed.
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/toml_editor.hpp"

#include <algorithm>

namespace fmkit {

using nlohmann::json;
using toml_edit::Section;
using toml_edit::Statement;

Expected<TextEdit> TomlEditor::remove_inline(std::string_view pointer,
                                             const NodeInfo& info) const {
  std::vector<std::string> tokens = split_pointer(pointer);
  std::string parent = to_pointer(Tokens(tokens.begin(), tokens.end() - 1));
  const NodeInfo* owner = *node(parent);
  std::vector<Child> siblings = children(parent);
  if (owner->kind == NodeKind::sequence) {
    size_t index = 0;
    parse_index(tokens.back(), index);
    std::vector<SequenceItem> kept;
    for (size_t i = 0; i < siblings.size(); ++i) {
      if (i != index) kept.push_back({i, json()});
    }
    return rewrite_sequence(parent, kept);
  }
  if (siblings.size() == 1) {
    return TextEdit{owner->value_begin, owner->value_end, "{}"};
  }
  size_t index = 0;
  while (index < siblings.size() && siblings[index].pointer != pointer) {
    ++index;
  }
  if (index == siblings.size()) {
    return unexpected("'" + std::string(pointer) + "' is not in its table");
  }
  if (index + 1 < siblings.size()) {
    return TextEdit{info.key_begin, siblings[index + 1].info->key_begin, ""};
  }
  return TextEdit{siblings[index - 1].info->value_end, info.value_end, ""};
}

Expected<TomlEditor::Edits> TomlEditor::remove_pieces(
    const Tokens& tokens) const {
  Edits edits;
  for (const Statement* st : statements_under(tokens)) {
    edits.push_back({st->begin, st->end, ""});
  }
  for (const Section* section : sections_under(tokens)) {
    // A section takes the blank lines before it: removing the tables of a
    // file one by one leaves no runs of blank lines.
    size_t begin = section->begin;
    while (begin > 0) {
      size_t previous = line_start(begin - 1);
      std::string_view line = slice(previous, begin);
      if (line.find_first_not_of(" \t\r\n") != std::string_view::npos ||
          previous < m_document.front_matter.yaml_begin) {
        break;
      }
      begin = previous;
    }
    edits.push_back({begin, section->end, ""});
  }
  if (edits.empty()) {
    return unexpected("cannot find the lines that write '" +
                      to_pointer(tokens) + "'");
  }
  std::sort(
      edits.begin(), edits.end(),
      [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  return edits;
}

Expected<void> TomlEditor::keep_empty_parent(const Tokens& tokens,
                                             Edits& cut) const {
  Tokens parent(tokens.begin(), tokens.end() - 1);
  if (find_value(m_document.data, parent)->is_array()) {
    // The last table of an array of tables: `items = []` in its parent.
    Tokens owner(parent.begin(), parent.end() - 1);
    auto place = place_in(owner);
    if (!place) return unexpected(place.error());
    // A new `[owner]` section goes before the first removed one, which may
    // take blank lines before it.
    for (const TextEdit& edit : cut) {
      if (edit.begin < place->at && place->at < edit.end) {
        place->at = edit.begin;
      }
    }
    cut.push_back({place->at, place->at,
                   place->header + place->indent + place->prefix +
                       render_toml_key(parent.back()) + " = []" + m_eol});
    return {};
  }
  // The first line removed becomes the parent: `a.b = {}` for a dotted
  // key, `[a]` for a header.
  const size_t part = parent.size() - 1;
  TextEdit& first = cut.front();
  for (const Statement* st : statements_under(tokens)) {
    if (st->begin != first.begin) continue;
    size_t end = st->key_spans[part - st->depth].second;
    first.text = std::string(slice(st->begin, end)) + " = {}" +
                 std::string(slice(st->value_end, st->end));
    return {};
  }
  for (const Section* s : sections_under(tokens)) {
    if (s->end != first.end) continue;
    for (size_t i = 0; i < s->key_tokens.size(); ++i) {
      if (s->key_tokens[i] != part) continue;
      first = {s->begin, s->end,
               indent_of(s->key_spans[0].first) + "[" +
                   std::string(
                       slice(s->key_spans[0].first, s->key_spans[i].second)) +
                   "]" + m_eol};
      return {};
    }
  }
  return unexpected("cannot write '" + to_pointer(parent) + "' empty");
}

Expected<TomlEditor::Edits> TomlEditor::remove_edits(std::string_view pointer,
                                                     EmptyParent empty) const {
  if (pointer.empty()) {
    return unexpected(std::string("cannot remove the whole front matter"));
  }
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  if (*at == Where::inline_value) {
    auto edit = remove_inline(pointer, **node(pointer));
    if (!edit) return unexpected(edit.error());
    return Edits{std::move(*edit)};
  }
  Tokens tokens = split_pointer(pointer);
  auto cut = remove_pieces(tokens);
  if (!cut) return cut;
  Tokens parent(tokens.begin(), tokens.end() - 1);
  const json* parent_value = find_value(m_document.data, parent);
  bool vanishes = !parent.empty() && parent_value->size() == 1 &&
                  m_layout.section(parent) == nullptr;
  if (!vanishes || empty == EmptyParent::skip) return cut;
  auto kept = keep_empty_parent(tokens, *cut);
  if (!kept) return unexpected(kept.error());
  return cut;
}

Expected<TextEdit> TomlEditor::remove(std::string_view pointer) const {
  auto edits = remove_edits(pointer, EmptyParent::write);
  if (!edits) return unexpected(edits.error());
  return merge(std::move(*edits));
}

}  // namespace fmkit
