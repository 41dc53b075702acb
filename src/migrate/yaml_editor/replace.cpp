// SPDX-License-Identifier: MIT
//
// YamlEditor's edits in place: a value replaced by a computed one (keeping
// the quoting of the scalar it replaces, a block scalar staying a block
// scalar), a key renamed, an entry or item cut out with its lines.
#include "migrate/yaml_editor.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {
namespace {

using editor_util::is_scalar;
using editor_util::spaces;
using nlohmann::json;

// Returns `s` as a literal block scalar ("|", "|-" or "|+") whose content
// lines are indented by `indent`, without a line ending after the last
// content line (the replaced span ends there too), or std::nullopt when a
// literal cannot carry `s` exactly: an empty string, a first line starting
// with a space (it would need an indentation indicator), lines of only
// spaces (read as empty lines) or characters that need escapes.
std::optional<std::string> render_literal(std::string_view s, size_t indent,
                                          std::string_view eol) {
  size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') {
    ++trailing;
  }
  std::string_view body = s.substr(0, s.size() - trailing);
  if (body.empty() || body.front() == ' ') return std::nullopt;
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    size_t newline = body.find('\n', start);
    lines.push_back(body.substr(start, newline - start));
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  for (std::string_view line : lines) {
    if (needs_double_quotes(line)) return std::nullopt;
    if (!line.empty() && line.find_first_not_of(" \t") == std::string::npos) {
      return std::nullopt;
    }
  }
  std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  for (std::string_view line : lines) {
    out += eol;
    if (!line.empty()) out += spaces(indent) + std::string(line);
  }
  for (size_t i = 1; i < trailing; ++i) out += eol;
  return out;
}

}  // namespace

std::string YamlEditor::render_replacement(const NodeInfo& info,
                                           const json& value) const {
  if (editor_util::is_block_scalar(info) && value.is_string()) {
    // Keep a block scalar a block scalar, at its content's indentation.
    size_t indent =
        (info.has_key ? key_column(info) : column(info.value_begin)) +
        m_style.indent;
    for (size_t line = next_line(info.value_begin); line < info.value_end;
         line = next_line(line)) {
      size_t stop = line_end(line);
      size_t first = line;
      while (first < stop && m_text[first] == ' ') ++first;
      if (first < stop) {
        indent = first - line;
        break;
      }
    }
    const std::string& s = value.get_ref<const std::string&>();
    // Blank lines after the span would join a new "+" scalar.
    bool keeps = s.size() >= 2 && s.ends_with("\n\n");
    if (!keeps || !blank_line_at(next_line(value_end(info)))) {
      if (auto literal = render_literal(s, indent, m_style.eol)) {
        return *literal;
      }
    }
  }
  return render_scalar(value, ScalarContext::block,
                       editor_util::quote_preference(info));
}

Expected<TextEdit> YamlEditor::replace_value(std::string_view pointer,
                                             const json& value) const {
  if (pointer.empty()) return unexpected("cannot replace the whole document");
  auto found = editable_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  Expected<TextEdit> edit = replace_in_place(pointer, info, value);
  if (edit && edit->begin == info.value_begin) drop_tag(pointer, info, *edit);
  return edit;
}

void YamlEditor::drop_tag(std::string_view pointer, const NodeInfo& info,
                          TextEdit& edit) const {
  // A computed value reads back as itself without a tag; the old value's
  // tag (`!!str 12` converted to an int) would change it. Anchors stay.
  size_t begin = node_begin(pointer, info);
  std::string_view props = m_text.substr(begin, info.value_begin - begin);
  std::string kept;
  bool tagged = false;
  for (size_t i = 0; i < props.size();) {
    size_t end = props.find_first_of(" \t\r\n", i);
    if (end == std::string_view::npos) end = props.size();
    std::string_view word = props.substr(i, end - i);
    if (!word.empty() && word.front() == '!') tagged = true;
    if (!word.empty() && word.front() == '&') kept += std::string(word) + " ";
    i = end + 1;
  }
  if (!tagged) return;
  edit.begin = begin;
  edit.text = kept + edit.text;
}

Expected<TextEdit> YamlEditor::replace_in_place(std::string_view pointer,
                                                const NodeInfo& info,
                                                const json& value) const {
  if (in_flow(pointer)) {
    std::string text = is_scalar(value)
                           ? render_scalar(value, ScalarContext::flow,
                                           editor_util::quote_preference(info))
                           : render_flow(value);
    auto colon = missing_colon(info);
    if (!colon) return unexpected(colon.error());
    return TextEdit{info.value_begin, info.value_end, *colon + text};
  }
  if (info.has_key && !value_indicator_before(info)) {
    // "? key" with no ':' line: the value would join the key.
    return unexpected("'" + std::string(pointer) +
                      "' is an explicit key ('? key') with no ':' line; "
                      "write 'key:' first");
  }
  bool inline_value =
      is_scalar(value) || value.empty() ||
      (value.is_array() && m_style.list_style == ListStyle::flow &&
       editor_util::all_scalars(value));
  // A block collection's entry is replaced from its ':' on.
  bool from_colon =
      info.has_key && (!inline_value || editor_util::is_block_collection(info));
  std::optional<size_t> colon =
      from_colon ? colon_after_key(info) : std::nullopt;
  if (from_colon && !colon) {
    return unexpected("no ':' after the key of '" + std::string(pointer) + "'");
  }
  if (inline_value) {
    std::string text =
        is_scalar(value) ? render_replacement(info, value) : render_flow(value);
    if (from_colon) return TextEdit{*colon + 1, info.value_end, " " + text};
    if (info.value_begin == info.value_end) text.insert(0, " ");
    return TextEdit{info.value_begin, value_end(info), std::move(text)};
  }
  if (info.has_key) {
    return TextEdit{*colon + 1, value_end(info),
                    render_entry_value(value, key_column(info), m_style)};
  }
  auto dash = dash_before(info);
  if (!dash) {
    return unexpected("no '-' before the item '" + std::string(pointer) + "'");
  }
  std::string text = render_item_value(value, column(*dash), m_style);
  if (info.value_begin == info.value_end) text.insert(0, " ");
  return TextEdit{info.value_begin, value_end(info), std::move(text)};
}

Expected<TextEdit> YamlEditor::rename_key(std::string_view pointer,
                                          std::string_view key) const {
  // Renaming the key of an alias entry leaves the alias alone: allowed.
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  if (!info.has_key || info.key_begin == NodeInfo::k_none) {
    return unexpected("'" + std::string(pointer) + "' is not a mapping entry");
  }
  char first = m_text[info.key_begin];
  QuotePreference preference = first == '\''  ? QuotePreference::single_quoted
                               : first == '"' ? QuotePreference::double_quoted
                                              : QuotePreference::plain;
  ScalarContext context =
      in_flow(pointer) ? ScalarContext::flow : ScalarContext::block;
  return TextEdit{info.key_begin, info.key_end,
                  render_string(key, context, preference)};
}

Expected<TextEdit> YamlEditor::remove(std::string_view pointer) const {
  if (pointer.empty()) return unexpected("cannot remove the whole document");
  // An alias entry may go as a whole (removing an anchor its aliases still
  // need makes the re-parse fail, which the planner reports).
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  std::string_view parent = editor_util::parent_of(pointer);
  const NodeInfo* owner = node(parent);
  if (owner == nullptr) {
    return unexpected("'" + std::string(parent) + "' has no place in the text");
  }
  std::vector<Child> siblings = children(parent);
  size_t index = 0;
  while (index < siblings.size() && siblings[index].pointer != pointer) {
    ++index;
  }
  if (index == siblings.size()) {
    return unexpected("'" + std::string(pointer) + "' is not in its parent");
  }
  json empty =
      owner->kind == NodeKind::mapping ? json::object() : json::array();
  if (siblings.size() == 1 && !(parent.empty() && !owner->flow)) {
    if (!parent.empty()) return replace_value(parent, empty);
    return TextEdit{owner->value_begin, owner->value_end, empty.dump()};
  }
  // Where an entry or item begins: its key (or the anchor or tag before
  // it), its dash, or (in a flow sequence) its tag or anchor.
  auto begin_of = [&](const Child& child) -> std::optional<size_t> {
    if (child.info->has_key) {
      return owner->flow ? child.info->key_begin
                         : entry_begin(m_text, child.info->key_begin);
    }
    return owner->flow ? node_begin(child.pointer, *child.info)
                       : dash_before(*child.info);
  };
  auto begin = begin_of(siblings[index]);
  if (owner->flow) {
    if (index + 1 < siblings.size()) {
      return TextEdit{*begin, *begin_of(siblings[index + 1]), ""};
    }
    return TextEdit{siblings[index - 1].info->value_end, info.value_end, ""};
  }
  if (!begin) {
    return unexpected("no '-' before the item '" + std::string(pointer) + "'");
  }
  if (starts_line(*begin)) {
    size_t from = line_start(*begin);
    size_t to = entry_end(info);
    // Blank lines after the cut would join a "+" (keep) block scalar that
    // ends just before it: cut them too.
    for (const auto& [other, other_info] : m_document.positions.entries()) {
      if (keeps_trailing_lines(other_info) && entry_end(other_info) == from) {
        while (blank_line_at(to)) to = next_line(to);
      }
    }
    return TextEdit{from, to, ""};
  }
  // The first entry of a mapping (or item of a sequence) that shares the
  // line of its parent's "- ": cut up to the next sibling, which moves up.
  if (index + 1 < siblings.size()) {
    auto next = begin_of(siblings[index + 1]);
    if (next) return TextEdit{*begin, *next, ""};
  }
  return unexpected("cannot remove '" + std::string(pointer) +
                    "' from its line");
}

}  // namespace fmkit
