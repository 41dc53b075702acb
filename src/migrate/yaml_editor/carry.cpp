// SPDX-License-Identifier: MIT
//
// YamlEditor's carried values: the text of a value that an op moves,
// copies, wraps in a list or takes out of one, placed at its new spot with
// its bytes (see yaml_editor.hpp). A value in block context is carried as
// the text after its ':' or '-' to the end of its last line, so a trailing
// comment, a tag or anchor and a block scalar's header come with it; lines
// after the first are re-indented by the change of the column of the key or
// dash that owns the value. Into a flow collection it goes as flow text.
#include "migrate/yaml_editor.hpp"

#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {

using nlohmann::json;
using editor_util::spaces;

struct YamlEditor::Carried {
  // After the ':' or '-' to the end of the value's last line.
  std::string text;
  size_t parent_column = 0;  // of the key (entry) or the dash (item)
  bool item = false;         // a block sequence item
  bool collection = false;   // a block mapping or sequence
  bool sequence = false;
  size_t content_column = 0;  // a block collection's first child
  bool content_on_first_line = false;  // "- a: 1"
  bool content_on_next_line = false;   // "key:" then "  a: 1"
};

namespace {

// Shifts every line of `text` but the first by `delta` columns. Empty lines
// stay empty; a line with fewer leading spaces than a negative `delta`
// takes fails, unless it is a comment. Returns std::nullopt on failure.
std::optional<std::string> shift_lines(std::string_view text, long delta) {
  std::string out;
  size_t start = 0;
  for (bool first = true;; first = false) {
    size_t newline = text.find('\n', start);
    std::string_view line = text.substr(
        start, newline == std::string_view::npos ? newline : newline - start);
    size_t leading = line.find_first_not_of(' ');
    if (leading == std::string_view::npos) leading = line.size();
    bool empty = line.find_first_not_of('\r') == std::string_view::npos;
    if (first || empty || delta == 0) {
      out += line;
    } else if (delta > 0) {
      out += spaces(static_cast<size_t>(delta)) + std::string(line);
    } else {
      size_t cut = static_cast<size_t>(-delta);
      bool comment = leading < line.size() && line[leading] == '#';
      bool blank = line.find_first_not_of(" \r") == std::string_view::npos;
      if (leading < cut && !comment && !blank) return std::nullopt;
      out += line.substr(std::min(cut, leading));
    }
    if (newline == std::string_view::npos) break;
    out += '\n';
    start = newline + 1;
  }
  return out;
}

std::string_view trim_left(std::string_view s) {
  size_t first = s.find_first_not_of(" \t");
  return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

// Erases the anchor ("&name") among the properties in `text`'s bytes
// [`begin`, `end`), with the blanks that separated it.
void drop_anchor(std::string& text, size_t begin, size_t end) {
  size_t amp = begin;
  while (amp < end &&
         !(text[amp] == '&' &&
           (amp == begin || editor_util::is_space(text[amp - 1])))) {
    ++amp;
  }
  if (amp >= end) return;
  size_t stop = amp;
  while (stop < text.size() && !editor_util::is_space(text[stop])) ++stop;
  while (stop < text.size() && editor_util::is_blank(text[stop])) ++stop;
  if (stop == text.size() || text[stop] == '\r' || text[stop] == '\n') {
    while (amp > 0 && editor_util::is_blank(text[amp - 1])) --amp;
  }
  text.erase(amp, stop - amp);
}

// Whether the single-line scalar text `own` can stand in a flow collection.
bool fits_in_flow(const NodeInfo& info, std::string_view own) {
  if (own.empty() || own.find('\n') != std::string_view::npos) return false;
  if (editor_util::is_block_scalar(info)) return false;
  return info.style != ScalarStyle::plain ||
         own.find_first_of(",[]{}") == std::string_view::npos;
}

}  // namespace

Expected<YamlEditor::Carried> YamlEditor::carried(std::string_view pointer,
                                                  Anchor anchor) const {
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  std::optional<size_t> separator =
      info.has_key ? colon_after_key(info) : dash_before(info);
  if (!separator) {
    return unexpected("cannot find the start of '" + std::string(pointer) +
                      "' to carry its text");
  }
  Carried c;
  c.item = !info.has_key;
  c.parent_column = column(c.item ? *separator : info.key_begin);
  size_t after = *separator + 1;
  size_t end = line_end(value_end(info));
  c.text = std::string(m_text.substr(after, end - after));
  if (anchor == Anchor::drop) {
    drop_anchor(c.text, node_begin(pointer, info) - after,
                info.value_begin - after);
  }
  c.collection = editor_util::is_block_collection(info);
  c.sequence = info.kind == NodeKind::sequence;
  c.content_column = column(info.value_begin);
  c.content_on_first_line = line_start(info.value_begin) == line_start(after);
  c.content_on_next_line = line_start(info.value_begin) == next_line(after);
  return c;
}

size_t YamlEditor::dash_column_under(size_t key_column) const {
  return key_column +
         (m_style.sequence_indent == SequenceIndent::compact ? 0
                                                              : m_style.indent);
}

Expected<std::string> YamlEditor::carried_after_key(std::string_view pointer,
                                                    size_t key_column,
                                                    Anchor anchor) const {
  if (in_flow(pointer)) {
    auto text = flow_text(pointer, anchor);
    if (!text) return unexpected(text.error());
    return " " + *text;
  }
  auto c = carried(pointer, anchor);
  if (!c) return unexpected(c.error());
  std::optional<std::string> out;
  if (!c->collection || !c->item) {
    out = shift_lines(c->text, static_cast<long>(key_column) -
                                   static_cast<long>(c->parent_column));
  } else {
    // A block collection from a sequence item: its first child may share
    // the dash's line, which the block value of a key cannot.
    size_t target = c->sequence ? dash_column_under(key_column)
                                : key_column + m_style.indent;
    out = shift_lines(c->text, static_cast<long>(target) -
                                   static_cast<long>(c->content_column));
    if (out && c->content_on_first_line) {
      *out = m_style.eol + spaces(target) + std::string(trim_left(*out));
    }
  }
  if (!out) {
    return unexpected("cannot re-indent the text of '" +
                      std::string(pointer) + "'");
  }
  return *out;
}

Expected<std::string> YamlEditor::carried_after_dash(std::string_view pointer,
                                                     size_t dash_column,
                                                     Anchor anchor) const {
  if (in_flow(pointer)) {
    auto text = flow_text(pointer, anchor);
    if (!text) return unexpected(text.error());
    return " " + *text;
  }
  auto c = carried(pointer, anchor);
  if (!c) return unexpected(c.error());
  std::optional<std::string> out;
  if (!c->collection) {
    out = shift_lines(c->text, static_cast<long>(dash_column) -
                                   static_cast<long>(c->parent_column));
  } else {
    size_t target = dash_column + 2;
    out = shift_lines(c->text, static_cast<long>(target) -
                                   static_cast<long>(c->content_column));
    std::string_view first_line =
        out ? std::string_view(*out).substr(0, out->find('\n')) : "";
    if (out && c->content_on_first_line) {
      *out = " " + std::string(trim_left(*out));
    } else if (out && c->content_on_next_line &&
               first_line.find_first_not_of(" \r") == std::string::npos) {
      // "key:" + "  a: 1" becomes "- a: 1": the first child moves up onto
      // the dash's line, where it stands at `target` too.
      *out = " " + out->substr(first_line.size() + 1 + target);
    }
  }
  if (!out) {
    return unexpected("cannot re-indent the text of '" +
                      std::string(pointer) + "'");
  }
  return *out;
}

Expected<std::string> YamlEditor::flow_text(std::string_view pointer,
                                            Anchor anchor) const {
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  size_t begin = node_begin(pointer, info);
  // From block context, the comments around and inside the value (after
  // its key or dash, to the end of its last line) would be lost.
  std::optional<size_t> separator =
      in_flow(pointer) ? std::nullopt
      : info.has_key   ? colon_after_key(info)
                       : dash_before(info);
  if (separator &&
      has_comment(pointer, *separator + 1, line_end(value_end(info)))) {
    return unexpected("'" + std::string(pointer) +
                      "' has comments, which a flow collection on one line "
                      "cannot hold");
  }
  return flow_text_of(pointer, info, begin, anchor);
}

Expected<std::string> YamlEditor::flow_text_of(std::string_view pointer,
                                               const NodeInfo& info,
                                               size_t begin,
                                               Anchor anchor) const {
  std::string props(m_text.substr(begin, info.value_begin - begin));
  if (anchor == Anchor::drop) drop_anchor(props, 0, props.size());
  for (char& c : props) {
    if (editor_util::is_space(c)) c = ' ';
  }
  std::string_view own =
      m_text.substr(info.value_begin, info.value_end - info.value_begin);
  bool one_line = own.find('\n') == std::string_view::npos;
  if (info.alias || (info.kind != NodeKind::scalar && info.flow && one_line) ||
      (info.kind == NodeKind::scalar && fits_in_flow(info, own))) {
    return props + std::string(own);
  }
  if (info.kind == NodeKind::scalar) {
    // Only a string (or an empty null) gets here: numbers, bools and nulls
    // written out fit in a flow collection as they are.
    const json* value = find_value(m_document.data, split_pointer(pointer));
    if (value == nullptr) return unexpected("'" + std::string(pointer) + "' is missing");
    return props + render_scalar(*value, ScalarContext::flow,
                                 editor_util::quote_preference(info));
  }
  bool mapping = info.kind == NodeKind::mapping;
  std::string out = props + (mapping ? "{" : "[");
  bool first = true;
  for (const Child& kid : children(pointer)) {
    const NodeInfo& k = *kid.info;
    if (!first) out += ", ";
    first = false;
    if (mapping) {
      std::string_view key = m_text.substr(k.key_begin, k.key_end - k.key_begin);
      bool plain = key.empty() || (key.front() != '\'' && key.front() != '"');
      if (key.empty() || key.find('\n') != std::string_view::npos ||
          (plain && key.find_first_of(",[]{}") != std::string_view::npos)) {
        out += render_string(split_pointer(kid.pointer).back(),
                             ScalarContext::flow);
      } else {
        out += key;
      }
      out += ": ";
    }
    auto inner = flow_text_of(kid.pointer, k, node_begin(kid.pointer, k),
                              Anchor::keep);
    if (!inner) return unexpected(inner.error());
    out += *inner;
  }
  return out + (mapping ? "}" : "]");
}

Expected<std::string> YamlEditor::entry_text(
    const std::vector<std::string>& tokens, size_t depth, size_t key_column,
    ScalarContext context, const json& value,
    std::optional<std::string_view> source, Anchor anchor) const {
  if (context == ScalarContext::flow) {
    std::string leaf = render_flow(value);
    if (source) {
      auto text = flow_text(*source, anchor);
      if (!text) return unexpected(text.error());
      leaf = std::move(*text);
    }
    for (size_t j = tokens.size() - 1; j > depth; --j) {
      leaf = "{" + render_string(tokens[j], ScalarContext::flow) + ": " +
             leaf + "}";
    }
    return render_string(tokens[depth], ScalarContext::flow) + ": " + leaf;
  }
  // "key:", a "sub:" line per mapping to create, then the leaf's text.
  std::string text = render_string(tokens[depth]) + ":";
  size_t level = key_column;
  for (size_t j = depth + 1; j < tokens.size(); ++j) {
    level += m_style.indent;
    text += m_style.eol + spaces(level) + render_string(tokens[j]) + ":";
  }
  if (!source) return text + render_entry_value(value, level, m_style);
  auto leaf = carried_after_key(*source, level, anchor);
  if (!leaf) return unexpected(leaf.error());
  return text + *leaf;
}

Expected<TextEdit> YamlEditor::insert(const std::vector<std::string>& tokens,
                                      const json& value,
                                      std::optional<std::string_view> source,
                                      Anchor anchor) const {
  const json& data = m_document.data;
  size_t depth = existing_prefix(data, tokens);
  std::string parent = to_pointer(
      {tokens.begin(), tokens.begin() + static_cast<long>(depth)});
  if (depth == tokens.size()) {
    return unexpected("'" + to_pointer(tokens) + "' exists already");
  }
  const json* owner_value = find_value(data, tokens, depth);
  if (owner_value == nullptr || !owner_value->is_object()) {
    return unexpected("'" + parent + "' is not a mapping");
  }
  auto found = editable_node(parent);
  if (!found) return unexpected(found.error());
  const NodeInfo& owner = **found;
  std::vector<Child> kids = children(parent);
  if (owner.flow) {
    auto text = entry_text(tokens, depth, 0, ScalarContext::flow, value,
                           source, anchor);
    if (!text) return unexpected(text.error());
    if (kids.empty()) {
      return TextEdit{owner.value_begin, owner.value_end, "{" + *text + "}"};
    }
    size_t end = kids.back().info->value_end;
    return TextEdit{end, end, ", " + *text};
  }
  size_t key_column = 0;
  size_t at = owner.value_begin;
  if (!kids.empty()) {
    key_column = column(kids.front().info->key_begin);
    at = entry_end(*kids.back().info);
  } else if (!parent.empty()) {
    return unexpected("'" + parent + "' is an empty block mapping");
  }
  auto text = entry_text(tokens, depth, key_column, ScalarContext::block,
                         value, source, anchor);
  if (!text) return unexpected(text.error());
  return TextEdit{at, at, spaces(key_column) + *text + m_style.eol};
}

Expected<TextEdit> YamlEditor::nest_in_place(
    std::string_view from, const std::vector<std::string>& to,
    size_t depth) const {
  auto found = existing_node(from);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  ScalarContext context =
      in_flow(from) ? ScalarContext::flow : ScalarContext::block;
  auto text = entry_text(to, depth, column(info.key_begin), context, json(),
                         from, Anchor::keep);
  if (!text) return unexpected(text.error());
  size_t end = context == ScalarContext::flow ? info.value_end
                                              : line_end(value_end(info));
  return TextEdit{info.key_begin, end, std::move(*text)};
}

Expected<std::vector<TextEdit>> YamlEditor::move(
    std::string_view from, const std::vector<std::string>& to) const {
  std::vector<std::string> source = split_pointer(from);
  if (source.empty()) return unexpected("cannot move the whole document");
  size_t depth = source.size() - 1;
  bool under_parent =
      to.size() > depth &&
      std::equal(source.begin(), source.begin() + static_cast<long>(depth),
                 to.begin());
  if (under_parent && to.size() == source.size()) {
    auto edit = rename_key(from, to.back());
    if (!edit) return unexpected(edit.error());
    return std::vector<TextEdit>{std::move(*edit)};
  }
  const json* value = find_value(m_document.data, source);
  if (value == nullptr) return unexpected("'" + std::string(from) + "' is missing");
  if (under_parent && depth > 0 &&
      find_value(m_document.data, source, depth)->size() == 1) {
    auto edit = nest_in_place(from, to, depth);
    if (!edit) return unexpected(edit.error());
    return std::vector<TextEdit>{std::move(*edit)};
  }
  auto added = insert(to, *value, from, Anchor::keep);
  if (!added) return unexpected(added.error());
  auto cut = remove(from);
  if (!cut) return unexpected(cut.error());
  return std::vector<TextEdit>{std::move(*added), std::move(*cut)};
}

Expected<TextEdit> YamlEditor::wrap_in_list(std::string_view pointer) const {
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  size_t begin = node_begin(pointer, info);
  if (in_flow(pointer)) {
    auto text = flow_text(pointer, Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{begin, info.value_end, "[" + *text + "]"};
  }
  std::string_view own = m_text.substr(begin, info.value_end - begin);
  if (m_style.list_style == ListStyle::flow && info.kind == NodeKind::scalar &&
      fits_in_flow(info, own)) {
    return TextEdit{begin, info.value_end, "[" + std::string(own) + "]"};
  }
  // A block list of one item, on the lines after the key (or after the
  // item's own dash: "- x" becomes "- - x").
  std::optional<size_t> separator =
      info.has_key ? colon_after_key(info) : dash_before(info);
  if (!separator) {
    return unexpected("cannot find the start of '" + std::string(pointer) +
                      "'");
  }
  size_t dash = info.has_key ? dash_column_under(column(info.key_begin))
                             : column(*separator) + 2;
  auto item = carried_after_dash(pointer, dash, Anchor::keep);
  if (!item) return unexpected(item.error());
  std::string text = info.has_key ? m_style.eol + spaces(dash) + "-" + *item
                                  : " -" + *item;
  return TextEdit{*separator + 1, line_end(value_end(info)), std::move(text)};
}

Expected<TextEdit> YamlEditor::unwrap_list(std::string_view pointer) const {
  auto found = editable_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  std::vector<Child> kids = children(pointer);
  if (info.kind != NodeKind::sequence || kids.size() != 1) {
    return unexpected("'" + std::string(pointer) +
                      "' is not a list of one item");
  }
  const Child& kid = kids.front();
  if (info.flow || in_flow(pointer)) {
    // Flow text stands in block context as well.
    auto text = flow_text(kid.pointer, Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{node_begin(pointer, info), info.value_end,
                    std::move(*text)};
  }
  size_t end = line_end(value_end(info));
  if (!info.has_key) {
    auto dash = dash_before(info);
    if (!dash) return unexpected("no '-' before '" + std::string(pointer) + "'");
    auto text = carried_after_dash(kid.pointer, column(*dash), Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{*dash + 1, end, std::move(*text)};
  }
  auto colon = colon_after_key(info);
  auto dash = dash_before(*kid.info);
  if (!colon || !dash) {
    return unexpected("cannot find the item of '" + std::string(pointer) + "'");
  }
  size_t key_column = column(info.key_begin);
  std::string_view between = m_text.substr(*colon + 1, *dash - *colon - 1);
  if (between.find('#') == std::string_view::npos) {
    auto text = carried_after_key(kid.pointer, key_column, Anchor::keep);
    if (!text) return unexpected(text.error());
    return TextEdit{*colon + 1, end, std::move(*text)};
  }
  // Comments stand between the key and the item: keep them, and the value
  // on its own line after them, indented under the key.
  size_t indent = key_column + m_style.indent;
  auto text = carried_after_key(kid.pointer, indent, Anchor::keep);
  if (!text) return unexpected(text.error());
  return TextEdit{line_start(*dash), end,
                  spaces(indent) + std::string(trim_left(*text))};
}

}  // namespace fmkit
