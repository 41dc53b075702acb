// SPDX-License-Identifier: MIT
//
// YamlEditor's carried values: the text of a value that an op moves,
// copies, wraps in a list or takes out of one, made ready for its new spot
// (place.cpp puts it there; see yaml_editor.hpp). A value in block context
// is carried as the text after its ':' or '-' to the end of its last line,
// so a trailing comment, a tag or anchor and a block scalar's header come
// with it; lines after the first are re-indented by the change of the
// column of the key or dash that owns the value. Into a flow collection it
// goes as flow text.
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/yaml_editor.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {

using editor_util::spaces;
using nlohmann::json;

struct YamlEditor::Carried {
  // After the ':' or '-' to the end of the value's last line.
  std::string text;
  size_t parent_column = 0;  // of the key (entry) or the dash (item)
  bool item = false;         // a block sequence item
  bool collection = false;   // a block mapping or sequence
  bool sequence = false;
  size_t content_column = 0;           // a block collection's first child
  bool content_on_first_line = false;  // "- a: 1"
  bool content_on_next_line = false;   // "key:" then "  a: 1"
};

namespace {

// Shifts every line of `text` but the first by `delta` columns. Empty lines
// stay empty; a line with fewer leading spaces than a negative `delta`
// takes fails, unless it is a comment or blank. Returns std::nullopt on
// failure.
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
  c.parent_column = c.item ? column(*separator) : key_column(info);
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
  return key_column + (m_style.sequence_indent == SequenceIndent::compact
                           ? 0
                           : m_style.indent);
}

Expected<std::string> YamlEditor::carried_text(std::string_view pointer,
                                               Owner owner, size_t column,
                                               Anchor anchor) const {
  if (in_flow(pointer)) {
    auto text = flow_text(pointer, anchor);
    if (!text) return unexpected(text.error());
    return " " + *text;
  }
  auto c = carried(pointer, anchor);
  if (!c) return unexpected(c.error());
  std::optional<std::string> out = owner == Owner::key
                                       ? place_after_key(*c, column)
                                       : place_after_dash(*c, column);
  if (!out) {
    return unexpected("cannot re-indent the text of '" + std::string(pointer) +
                      "'");
  }
  return *out;
}

std::optional<std::string> YamlEditor::place_after_key(
    const Carried& c, size_t key_column) const {
  if (!c.collection || !c.item) {
    return shift_lines(c.text, static_cast<long>(key_column) -
                                   static_cast<long>(c.parent_column));
  }
  // A block collection from a sequence item: its first child may share the
  // dash's line, which the block value of a key cannot.
  size_t target =
      c.sequence ? dash_column_under(key_column) : key_column + m_style.indent;
  std::optional<std::string> out = shift_lines(
      c.text, static_cast<long>(target) - static_cast<long>(c.content_column));
  if (out && c.content_on_first_line) {
    *out = m_style.eol + spaces(target) +
           std::string(editor_util::trim_left(*out));
  }
  return out;
}

std::optional<std::string> YamlEditor::place_after_dash(
    const Carried& c, size_t dash_column) const {
  if (!c.collection) {
    return shift_lines(c.text, static_cast<long>(dash_column) -
                                   static_cast<long>(c.parent_column));
  }
  size_t target = dash_column + 2;
  std::optional<std::string> out = shift_lines(
      c.text, static_cast<long>(target) - static_cast<long>(c.content_column));
  if (!out) return out;
  std::string_view first_line =
      std::string_view(*out).substr(0, out->find('\n'));
  if (c.content_on_first_line) {
    *out = " " + std::string(editor_util::trim_left(*out));
  } else if (c.content_on_next_line &&
             first_line.find_first_not_of(" \r") == std::string::npos) {
    // "key:" + "  a: 1" becomes "- a: 1": the first child moves up onto the
    // dash's line, where it stands at `target` too.
    *out = " " + out->substr(first_line.size() + 1 + target);
  }
  return out;
}

Expected<std::string> YamlEditor::flow_text(std::string_view pointer,
                                            Anchor anchor) const {
  auto found = existing_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  size_t begin = node_begin(pointer, info);
  // From block context, the comments around and inside the value (after
  // its key or dash, to the end of its last line) would be lost.
  std::optional<size_t> separator = in_flow(pointer) ? std::nullopt
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
  if (info.kind == NodeKind::mapping && info.flow && one_line &&
      !own.starts_with('{')) {
    // A pair in a flow sequence ("[a: 1]"), which has no braces: out of
    // the sequence it needs them.
    return props + "{" + std::string(own) + "}";
  }
  if (info.alias || (info.kind != NodeKind::scalar && info.flow && one_line) ||
      (info.kind == NodeKind::scalar && editor_util::fits_in_flow(info, own))) {
    return props + std::string(own);
  }
  if (info.kind == NodeKind::scalar) {
    // Only a string (or an empty null) gets here: numbers, bools and nulls
    // written out fit in a flow collection as they are.
    const json* value = find_value(m_document.data, split_pointer(pointer));
    if (value == nullptr)
      return unexpected("'" + std::string(pointer) + "' is missing");
    // An empty value may follow its tag without a space ("[!!str, b]"):
    // "!!str''" would be a tag of its own.
    if (!props.empty() && props.back() != ' ') props += ' ';
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
      std::string_view key =
          m_text.substr(k.key_begin, k.key_end - k.key_begin);
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
    auto inner =
        flow_text_of(kid.pointer, k, node_begin(kid.pointer, k), Anchor::keep);
    if (!inner) return unexpected(inner.error());
    out += *inner;
  }
  return out + (mapping ? "}" : "]");
}

}  // namespace fmkit
