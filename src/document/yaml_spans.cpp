// SPDX-License-Identifier: MIT
//
// Where nodes stand in the text, for the Converter: the spans libfyaml's
// tokens do not give directly (empty scalars, block scalar headers and
// ends, quotes), the bracket still open when a parse fails, and, in sloppy
// mode, the lines of flow collections and quoted strings that strict YAML
// would reject for their indentation (rule yaml.indentation).
#include "base/utf8.hpp"
#include "document/yaml_converter.hpp"
#include "document/yaml_to_json.hpp"

#include <libfyaml.h>

#include <algorithm>

namespace fmkit::detail {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

size_t Converter::empty_position(Slot slot, size_t lower_bound,
                                 bool has_properties) {
  if (has_properties || slot == Slot::root) return lower_bound;
  size_t i = lower_bound;
  while (i < m_end) {
    char c = m_text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '#') {
      while (i < m_end && m_text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i >= m_end) return lower_bound;
  const char c = m_text[i];
  // A ':' is the value indicator when a blank follows, or in a flow
  // collection ({"a":b}, {"t":# x}): ":dee: x" is the block key ":dee".
  const bool indicator =
      c == ':' && (i + 1 >= m_end || m_flow_depth > 0 ||
                   std::string_view(" \t\r\n").find(m_text[i + 1]) !=
                       std::string_view::npos);
  switch (slot) {
    case Slot::value:
      return indicator ? i + 1 : lower_bound;
    case Slot::item:
      return c == '-' ? i + 1 : lower_bound;
    case Slot::key:
      return c == '?' ? i + 1 : (indicator ? i : lower_bound);
    case Slot::root:
      break;
  }
  return lower_bound;
}

// libfyaml starts a block scalar's token at its first content line; the
// header ("|", ">-", "|2+") is the first '|' or '>' after the previous token
// (the key, the "-", the tag or anchor), past blanks, indicators, line
// breaks and comments.
size_t Converter::block_header(size_t lower_bound, size_t content_begin) const {
  size_t i = lower_bound;
  while (i < content_begin) {
    char c = m_text[i];
    if (c == '|' || c == '>') return i;
    if (c == '#') {
      while (i < content_begin && m_text[i] != '\n') ++i;
    } else {
      ++i;
    }
  }
  return content_begin;
}

// libfyaml ends a block scalar after its last line break (or at the next
// line); the span ends at the end of its last non-blank line instead, and
// never before the header.
// The indentation of a block scalar's first content line, or npos when it
// has none (the text after its header, up to `end`, is blank).
size_t Converter::block_indent(size_t header_end, size_t end) const {
  size_t line = m_text.find('\n', header_end);
  while (line != std::string_view::npos && line + 1 < end) {
    const size_t start = line + 1;
    size_t i = start;
    while (i < end && m_text[i] == ' ') ++i;
    if (i < end && m_text[i] != '\n' && m_text[i] != '\r') return i - start;
    line = m_text.find('\n', start);
  }
  return std::string_view::npos;
}

size_t Converter::block_end(size_t header_end, size_t end) const {
  // A line of spaces past the content's indentation is content ("   " under
  // "  text" holds one space).
  const size_t indent = block_indent(header_end, end);
  while (true) {
    if (end > header_end && m_text[end - 1] == '\n') {
      --end;
      if (end > header_end && m_text[end - 1] == '\r') --end;
    }
    if (end <= header_end) return header_end;
    size_t newline = m_text.rfind('\n', end - 1);
    size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    if (line_start <= header_end) return header_end;
    bool blank = true;
    for (size_t i = line_start; i < end && blank; ++i) {
      blank = is_blank(m_text[i]) || m_text[i] == '\r';
    }
    if (!blank ||
        (indent != std::string_view::npos && end - line_start > indent)) {
      return end;
    }
    end = line_start;
  }
}

// The span as written: quotes included, block scalars from their header,
// an empty scalar just past its ':' or '-'.
void Converter::scalar_span(fy_token* token, ScalarStyle style,
                            size_t lower_bound, bool has_properties, Slot slot,
                            size_t& begin, size_t& end) {
  const fy_mark* start = token ? fy_token_start_mark(token) : nullptr;
  const fy_mark* stop_mark = token ? fy_token_end_mark(token) : nullptr;
  if (start == nullptr || stop_mark == nullptr) {
    begin = end = empty_position(slot, lower_bound, has_properties);
    return;
  }
  begin = offset(start);
  end = std::max(begin, offset(stop_mark));
  if (style == ScalarStyle::single_quoted ||
      style == ScalarStyle::double_quoted) {
    begin = begin > m_begin ? begin - 1 : begin;
    end = std::min(end + 1, m_end);
  } else if (style == ScalarStyle::literal || style == ScalarStyle::folded) {
    begin = block_header(lower_bound, begin);
    size_t header_end = begin + 1;
    while (header_end < m_end &&
           ((m_text[header_end] >= '0' && m_text[header_end] <= '9') ||
            m_text[header_end] == '+' || m_text[header_end] == '-')) {
      ++header_end;
    }
    end = block_end(header_end, end);
  }
}

size_t Converter::open_bracket() const {
  for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
    if (it->braced) return it->info.value_begin;
  }
  return std::string_view::npos;
}

// The column (0-based, in code points) a line of a flow collection or a
// quoted string must pass: that of the innermost block collection around
// it; npos when there is none (a root flow collection may sit at column 0).
size_t Converter::block_indentation() const {
  for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
    if (!it->info.flow) {
      size_t begin = it->info.value_begin;
      if (it->info.kind == NodeKind::mapping)
        begin = entry_begin(m_text, begin);
      return m_lines.at(begin).column - 1;
    }
  }
  return std::string_view::npos;
}

// A value that starts on a line after its key's ':' or its item's '-' must
// be indented past the collection (a block sequence may stand at its key's
// column). libfyaml reads "a:" then "text" at the mapping's column, and "-"
// then "text" at the list's column; strict YAML and every site generator's
// reader (PyYAML, Psych, js-yaml, go-yaml) reject both.
void Converter::check_value_indentation(Slot slot, const NodeInfo& info) {
  const Frame& top = m_stack.back();
  if (top.info.flow) return;
  // From the indicator, past blanks, line breaks and comments: "? key" +
  // ": value" has its ':' on a later line.
  const char indicator = slot == Slot::value ? ':' : '-';
  size_t at = slot == Slot::value ? top.key_end
              : top.has_children  ? top.last_end
                                  : top.info.value_begin;
  while (at < info.value_begin && m_text[at] != indicator) {
    if (m_text[at] == '#') {
      at = m_text.find('\n', at);
      if (at == std::string_view::npos) return;
    } else if (!is_blank(m_text[at]) && m_text[at] != '\r' &&
               m_text[at] != '\n') {
      return;
    }
    ++at;
  }
  size_t newline = m_text.find('\n', at);
  if (at >= info.value_begin || newline >= info.value_begin) return;
  const size_t indentation = block_indentation();
  for (size_t line = newline + 1; line <= info.value_begin;) {
    size_t first = line;
    while (first < m_end && is_blank(m_text[first])) ++first;
    const char c = first < m_end ? m_text[first] : '\n';
    const size_t column = m_lines.at(first).column - 1;
    const bool sequence = slot == Slot::value &&
                          info.kind == NodeKind::sequence && !info.flow &&
                          c == '-' && column == indentation;
    if (c != '\n' && c != '\r' && c != '#' && column <= indentation &&
        !sequence) {
      const size_t spaces = indentation - column + 1;
      const bool value = slot == Slot::value;
      error("yaml.syntax",
            "this line of " +
                (value ? "the value of " + single_quoted(top.key)
                       : std::string("a list item")) +
                " is at column " + std::to_string(column + 1) +
                ", not indented past " +
                (value ? single_quoted(top.key) : std::string("its '-'")) +
                "; YAML readers reject this: indent it by at least " +
                (spaces == 1 ? std::string("one space")
                             : std::to_string(spaces) + " spaces"),
            first, next_code_point(m_text.substr(0, m_end), first));
      return;
    }
    newline = m_text.find('\n', line);
    if (newline == std::string_view::npos) return;
    line = newline + 1;
  }
}

// Warns about each line of [begin, end) after the first whose first
// character is not indented past the block collection around the node, and
// rejects a flow key whose ':' starts a later line, which no generator's
// reader accepts. Runs only in sloppy mode, so a clean file never pays for
// it.
void Converter::check_flow_indentation(size_t begin, size_t end) {
  const size_t indentation = block_indentation();
  if (indentation == std::string_view::npos || m_stack.empty()) return;
  const Frame& parent = m_stack.back();
  std::string owner = "the list item's '-'";
  if (parent.info.kind == NodeKind::mapping && parent.have_key) {
    owner = quoted_for_message(parent.key);
  }
  for (size_t nl = m_text.find('\n', begin);
       nl != std::string_view::npos && nl + 1 < end;
       nl = m_text.find('\n', nl + 1)) {
    size_t first = nl + 1;
    while (first < end && is_blank(m_text[first])) ++first;
    if (first >= end || m_text[first] == '\n' || m_text[first] == '\r')
      continue;
    const char c = m_text[first];
    if (c == ':' && m_text[begin] != '"' && m_text[begin] != '\'' &&
        (first + 1 >= end || is_blank(m_text[first + 1]) ||
         m_text[first + 1] == '\n' || m_text[first + 1] == '\r')) {
      // A flow key whose ':' is on a later line (yaml-test-suite VJP3):
      // sloppy libfyaml takes it, no site generator's reader does.
      error("yaml.syntax",
            "this ':' is on a line of its own, away from its key; YAML "
            "readers reject this: put it right after the key",
            first, first + 1);
      continue;
    }
    const size_t column = m_lines.at(first).column - 1;
    if (column > indentation) continue;
    std::string what = c == ']' || c == '}'
                           ? quoted_for_message(std::string_view(&c, 1))
                           : "this line";
    const size_t spaces = indentation - column + 1;
    report(Severity::warning, "yaml.indentation",
           what + " at column " + std::to_string(column + 1) +
               " is not indented past " + owner +
               "; strict YAML readers reject this: indent it by at least " +
               (spaces == 1 ? std::string("one space")
                            : std::to_string(spaces) + " spaces"),
           first, next_code_point(m_text.substr(0, m_end), first));
  }
}

void Converter::checked_scalar_span(fy_event* event, ScalarStyle style,
                                    Slot slot, size_t& begin, size_t& end) {
  const fy_event_scalar_data& data = event->scalar;
  size_t lower_bound = m_last_end;
  if (data.tag) lower_bound = std::max(lower_bound, token_end(data.tag));
  if (data.anchor) lower_bound = std::max(lower_bound, token_end(data.anchor));
  scalar_span(data.value, style, lower_bound,
              data.tag != nullptr || data.anchor != nullptr, slot, begin, end);
  const bool quoted = style == ScalarStyle::single_quoted ||
                      style == ScalarStyle::double_quoted;
  if (m_indentation == FlowIndentation::sloppy && m_flow_depth == 0 && quoted) {
    check_flow_indentation(begin, end);
  }
  if (quoted && !m_quoted_only.empty()) {
    allow_quoted_only(begin, end);
  }
  if ((style == ScalarStyle::literal || style == ScalarStyle::folded) &&
      begin < end && (m_text[begin] == '|' || m_text[begin] == '>')) {
    check_empty_block_scalar(begin, end);
  }
}

}  // namespace fmkit::detail
