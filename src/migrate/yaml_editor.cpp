// SPDX-License-Identifier: MIT
#include "migrate/yaml_editor.hpp"

#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"

#include <algorithm>

namespace fmkit {
namespace {

using nlohmann::json;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view parent_of(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view()
                                         : pointer.substr(0, slash);
}

bool is_scalar(const json& value) {
  return !value.is_array() && !value.is_object();
}

bool all_scalars(const json& array) {
  return std::all_of(array.begin(), array.end(), is_scalar);
}

std::string spaces(size_t n) { return std::string(n, ' '); }

QuotePreference quote_preference(const NodeInfo& info) {
  if (info.kind != NodeKind::scalar) return QuotePreference::plain;
  switch (info.style) {
    case ScalarStyle::single_quoted: return QuotePreference::single_quoted;
    case ScalarStyle::double_quoted: return QuotePreference::double_quoted;
    default: return QuotePreference::plain;
  }
}

bool is_block_scalar(const NodeInfo& info) {
  return info.kind == NodeKind::scalar &&
         (info.style == ScalarStyle::literal ||
          info.style == ScalarStyle::folded);
}

bool is_block_collection(const NodeInfo& info) {
  return info.kind != NodeKind::scalar && !info.flow;
}

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

YamlStyle detect_yaml_style(std::string_view text, const Document& document,
                            const YamlStyle& defaults) {
  YamlStyle style = defaults;
  const FrontMatter& fm = document.front_matter;
  if (fm.open_end > fm.open_begin && text[fm.open_end - 1] == '\n') {
    style.eol = fm.open_end >= 2 && text[fm.open_end - 2] == '\r' ? "\r\n"
                                                                   : "\n";
  }
  auto column = [&](size_t offset) {
    size_t start = offset;
    while (start > 0 && text[start - 1] != '\n') --start;
    return offset - start;
  };
  const PositionMap& positions = document.positions;
  bool indent_found = false;
  bool sequence_found = false;
  size_t block_lists = 0;
  size_t flow_lists = 0;
  size_t sequence_step = 0;
  for (const auto& [pointer, info] : positions.entries()) {
    if (pointer.empty() || !info.has_key) continue;
    const NodeInfo* parent = positions.find(parent_of(pointer));
    if (parent == nullptr || parent->flow) continue;
    const NodeInfo* grandparent_entry = parent;
    if (!indent_found && grandparent_entry->has_key &&
        info.key_begin != NodeInfo::k_none &&
        grandparent_entry->key_begin != NodeInfo::k_none) {
      size_t child = column(info.key_begin);
      size_t owner = column(grandparent_entry->key_begin);
      if (child > owner) {
        style.indent = child - owner;
        indent_found = true;
      }
    }
    if (info.kind == NodeKind::sequence) {
      if (info.flow) {
        ++flow_lists;
      } else {
        ++block_lists;
        if (!sequence_found) {
          sequence_found = true;
          size_t dash = column(info.value_begin);
          size_t key = column(info.key_begin);
          style.sequence_indent = dash == key ? SequenceIndent::compact
                                              : SequenceIndent::indented;
          if (dash > key) sequence_step = dash - key;
        }
      }
    }
  }
  if (!indent_found && sequence_step > 0) style.indent = sequence_step;
  if (block_lists + flow_lists > 0) {
    style.list_style =
        flow_lists > block_lists ? ListStyle::flow : ListStyle::block;
  }
  return style;
}

YamlEditor::YamlEditor(std::string_view text, const Document& document,
                       const YamlStyle& style)
    : m_text(text), m_document(document), m_style(style) {}

const NodeInfo* YamlEditor::node(std::string_view pointer) const {
  return m_document.positions.find(pointer);
}

Expected<const NodeInfo*> YamlEditor::editable_node(
    std::string_view pointer) const {
  const NodeInfo* info = node(pointer);
  if (info == nullptr) {
    return unexpected("'" + std::string(pointer) +
                      "' has no place in the text (is it inside an alias?)");
  }
  if (info->alias) {
    return unexpected("'" + std::string(pointer) +
                      "' is an alias; fmkit does not edit aliased values");
  }
  return info;
}

std::vector<YamlEditor::Child> YamlEditor::children(
    std::string_view pointer) const {
  std::vector<Child> out;
  std::string prefix = std::string(pointer) + "/";
  for (const auto& [child, info] : m_document.positions.entries()) {
    if (child.size() > prefix.size() && child.starts_with(prefix) &&
        child.find('/', prefix.size()) == std::string::npos) {
      out.push_back({child, &info});
    }
  }
  return out;
}

bool YamlEditor::in_flow(std::string_view pointer) const {
  if (pointer.empty()) return false;
  const NodeInfo* parent = node(parent_of(pointer));
  return parent != nullptr && parent->flow;
}

size_t YamlEditor::line_start(size_t offset) const {
  while (offset > 0 && m_text[offset - 1] != '\n') --offset;
  return offset;
}

size_t YamlEditor::line_end(size_t offset) const {
  size_t newline = m_text.find('\n', offset);
  if (newline == std::string_view::npos) return m_text.size();
  if (newline > offset && m_text[newline - 1] == '\r') return newline - 1;
  return newline;
}

size_t YamlEditor::next_line(size_t offset) const {
  size_t newline = m_text.find('\n', offset);
  return newline == std::string_view::npos ? m_text.size() : newline + 1;
}

size_t YamlEditor::column(size_t offset) const {
  return offset - line_start(offset);
}

bool YamlEditor::starts_line(size_t offset) const {
  for (size_t i = line_start(offset); i < offset; ++i) {
    if (m_text[i] != ' ') return false;
  }
  return true;
}

std::optional<size_t> YamlEditor::colon_after_key(const NodeInfo& info) const {
  if (!info.has_key || info.key_end == NodeInfo::k_none) return std::nullopt;
  size_t i = info.key_end;
  while (i < m_text.size() && is_blank(m_text[i])) ++i;
  if (i < m_text.size() && m_text[i] == ':') return i;
  return std::nullopt;
}

std::optional<size_t> YamlEditor::dash_before(const NodeInfo& info) const {
  size_t start = line_start(info.value_begin);
  for (size_t j = info.value_begin; j > start; --j) {
    size_t dash = j - 1;
    if (m_text[dash] != '-') continue;
    bool space_after = dash + 1 == info.value_begin ||
                       is_blank(m_text[dash + 1]) ||
                       m_text[dash + 1] == '\r' || m_text[dash + 1] == '\n';
    bool space_before = dash == start || is_blank(m_text[dash - 1]);
    if (space_after && space_before) return dash;
  }
  return std::nullopt;
}

bool YamlEditor::blank_line_at(size_t offset) const {
  if (offset >= m_document.front_matter.yaml_end) return false;
  std::string_view line = m_text.substr(offset, line_end(offset) - offset);
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool YamlEditor::keeps_trailing_lines(const NodeInfo& info) const {
  if (!is_block_scalar(info)) return false;
  std::string_view header = m_text.substr(
      info.value_begin, line_end(info.value_begin) - info.value_begin);
  size_t comment = header.find('#');
  return header.substr(0, comment).find('+') != std::string_view::npos;
}

size_t YamlEditor::value_end(const NodeInfo& info) const {
  size_t end = info.value_end;
  // With "+" (keep) chomping the blank lines after the last content line
  // belong to the scalar, and so to every block collection it ends.
  bool keeps = keeps_trailing_lines(info);
  if (!keeps && is_block_collection(info)) {
    for (const auto& [pointer, other] : m_document.positions.entries()) {
      if (other.value_end == end && keeps_trailing_lines(other)) keeps = true;
    }
  }
  if (!keeps) return end;
  while (blank_line_at(next_line(end))) end = line_end(next_line(end));
  return end;
}

size_t YamlEditor::entry_end(const NodeInfo& info) const {
  return next_line(value_end(info));
}

Expected<TextEdit> YamlEditor::replace_value(std::string_view pointer,
                                             const json& value) const {
  if (pointer.empty()) return unexpected("cannot replace the whole document");
  auto found = editable_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  if (in_flow(pointer)) {
    std::string text = is_scalar(value)
                            ? render_scalar(value, ScalarContext::flow,
                                            quote_preference(info))
                            : render_flow(value);
    return TextEdit{info.value_begin, info.value_end, std::move(text)};
  }
  bool inline_value =
      is_scalar(value) || value.empty() ||
      (value.is_array() && m_style.list_style == ListStyle::flow &&
       all_scalars(value));
  if (inline_value) {
    std::string text;
    if (is_scalar(value)) {
      std::optional<std::string> literal;
      if (is_block_scalar(info) && value.is_string()) {
        // Keep a block scalar a block scalar, at its content's indentation.
        size_t indent =
            (info.has_key ? column(info.key_begin) : column(info.value_begin)) +
            m_style.indent;
        size_t line = next_line(info.value_begin);
        while (line < info.value_end) {
          size_t stop = line_end(line);
          size_t first = line;
          while (first < stop && m_text[first] == ' ') ++first;
          if (first < stop) {
            indent = first - line;
            break;
          }
          line = next_line(line);
        }
        const std::string& s = value.get_ref<const std::string&>();
        // Blank lines after the span would join a new "+" scalar.
        bool keeps = s.size() >= 2 && s.ends_with("\n\n");
        if (!keeps || !blank_line_at(next_line(value_end(info)))) {
          literal = render_literal(s, indent, m_style.eol);
        }
      }
      text = literal ? *literal
                     : render_scalar(value, ScalarContext::block,
                                     quote_preference(info));
    } else {
      text = render_flow(value);
    }
    if (is_block_collection(info) && info.has_key) {
      auto colon = colon_after_key(info);
      if (!colon) return unexpected("no ':' after the key of '" +
                                    std::string(pointer) + "'");
      return TextEdit{*colon + 1, info.value_end, " " + text};
    }
    if (info.value_begin == info.value_end) text.insert(0, " ");
    return TextEdit{info.value_begin, value_end(info), std::move(text)};
  }
  if (info.has_key) {
    auto colon = colon_after_key(info);
    if (!colon) return unexpected("no ':' after the key of '" +
                                  std::string(pointer) + "'");
    return TextEdit{*colon + 1, value_end(info),
                    render_entry_value(value, column(info.key_begin), m_style)};
  }
  auto dash = dash_before(info);
  if (!dash) return unexpected("no '-' before the item '" +
                               std::string(pointer) + "'");
  std::string text = render_item_value(value, column(*dash), m_style);
  if (info.value_begin == info.value_end) text.insert(0, " ");
  return TextEdit{info.value_begin, value_end(info), std::move(text)};
}

Expected<TextEdit> YamlEditor::rename_key(std::string_view pointer,
                                          std::string_view key) const {
  // Renaming the key of an alias entry leaves the alias alone: allowed.
  const NodeInfo* found = node(pointer);
  if (found == nullptr) return unexpected(editable_node(pointer).error());
  const NodeInfo& info = *found;
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
  const NodeInfo* found = node(pointer);
  if (found == nullptr) return unexpected(editable_node(pointer).error());
  const NodeInfo& info = *found;
  std::string_view parent = parent_of(pointer);
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
  json empty = owner->kind == NodeKind::mapping ? json::object() : json::array();
  if (siblings.size() == 1 && !(parent.empty() && !owner->flow)) {
    if (!parent.empty()) return replace_value(parent, empty);
    return TextEdit{owner->value_begin, owner->value_end, empty.dump()};
  }
  auto begin_of = [&](const NodeInfo& child) -> std::optional<size_t> {
    if (child.has_key) return child.key_begin;
    return owner->flow ? std::optional<size_t>(child.value_begin)
                       : dash_before(child);
  };
  if (owner->flow) {
    if (index + 1 < siblings.size()) {
      auto begin = begin_of(info);
      auto next = begin_of(*siblings[index + 1].info);
      return TextEdit{*begin, *next, ""};
    }
    return TextEdit{siblings[index - 1].info->value_end, info.value_end, ""};
  }
  auto begin = begin_of(info);
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
    auto next = begin_of(*siblings[index + 1].info);
    if (next) return TextEdit{*begin, *next, ""};
  }
  return unexpected("cannot remove '" + std::string(pointer) +
                    "' from its line");
}

std::optional<std::string> YamlEditor::value_text_from(
    std::string_view source, size_t key_column) const {
  const NodeInfo* info = node(source);
  if (info == nullptr || info->alias || !info->has_key || in_flow(source)) {
    return std::nullopt;
  }
  auto colon = colon_after_key(*info);
  if (!colon) return std::nullopt;
  size_t old_column = column(info->key_begin);
  std::string_view region =
      m_text.substr(*colon + 1, line_end(value_end(*info)) - *colon - 1);
  if (region.find('&') != std::string_view::npos &&
      region.find_first_not_of(" \t") < region.size() &&
      region[region.find_first_not_of(" \t")] == '&') {
    return std::nullopt;  // an anchor must not be defined twice
  }
  std::string out;
  size_t start = 0;
  bool first = true;
  while (start <= region.size()) {
    size_t newline = region.find('\n', start);
    std::string_view line = region.substr(
        start, newline == std::string_view::npos ? std::string_view::npos
                                                 : newline - start);
    if (first) {
      out += line;
    } else {
      size_t leading = 0;
      while (leading < line.size() && line[leading] == ' ') ++leading;
      bool blank = line.find_first_not_of(" \r") == std::string_view::npos;
      if (key_column >= old_column) {
        if (!blank) out += spaces(key_column - old_column);
        out += line;
      } else {
        size_t cut = old_column - key_column;
        if (leading < cut && !blank) return std::nullopt;
        out += line.substr(std::min(cut, leading));
      }
    }
    first = false;
    if (newline == std::string_view::npos) break;
    out += '\n';
    start = newline + 1;
  }
  return out;
}

Expected<TextEdit> YamlEditor::insert(
    const std::vector<std::string>& tokens, const json& value,
    std::optional<std::string_view> source) const {
  const json& data = m_document.data;
  size_t depth = existing_prefix(data, tokens);
  if (depth == tokens.size()) {
    return unexpected("'" + to_pointer(tokens) + "' exists already");
  }
  const json* owner_value = find_value(data, tokens, depth);
  if (owner_value == nullptr || !owner_value->is_object()) {
    return unexpected("'" + to_pointer({tokens.begin(), tokens.begin() +
                                                             static_cast<long>(depth)}) +
                      "' is not a mapping");
  }
  std::string parent =
      to_pointer({tokens.begin(), tokens.begin() + static_cast<long>(depth)});
  auto found = editable_node(parent);
  if (!found) return unexpected(found.error());
  const NodeInfo& owner = **found;
  json nested = value;
  for (size_t j = tokens.size() - 1; j > depth; --j) {
    nested = json{{tokens[j], std::move(nested)}};
  }
  std::vector<Child> kids = children(parent);
  if (owner.flow) {
    std::string text = render_string(tokens[depth], ScalarContext::flow) +
                       ": " + render_flow(nested);
    if (kids.empty()) {
      return TextEdit{owner.value_begin, owner.value_end, "{" + text + "}"};
    }
    size_t end = kids.back().info->value_end;
    return TextEdit{end, end, ", " + text};
  }
  size_t key_column = 0;
  size_t at = 0;
  if (kids.empty()) {
    if (!parent.empty()) {
      return unexpected("'" + parent + "' is an empty block mapping");
    }
    at = owner.value_begin;
  } else {
    key_column = column(kids.front().info->key_begin);
    at = entry_end(*kids.back().info);
  }
  // Build "key:" + nested "sub:" lines + the leaf's text.
  std::string text = spaces(key_column) + render_string(tokens[depth]) + ":";
  size_t level = key_column;
  for (size_t j = depth + 1; j < tokens.size(); ++j) {
    level += m_style.indent;
    text += m_style.eol + spaces(level) + render_string(tokens[j]) + ":";
  }
  std::optional<std::string> leaf;
  if (source) leaf = value_text_from(*source, level);
  text += leaf ? *leaf : render_entry_value(value, level, m_style);
  text += m_style.eol;
  return TextEdit{at, at, std::move(text)};
}

Expected<TextEdit> YamlEditor::rewrite_sequence(
    std::string_view pointer, const std::vector<SequenceItem>& items) const {
  auto found = editable_node(pointer);
  if (!found) return unexpected(found.error());
  const NodeInfo& info = **found;
  if (info.kind != NodeKind::sequence) {
    return unexpected("'" + std::string(pointer) + "' is not a sequence");
  }
  std::vector<Child> kids = children(pointer);
  auto new_value = [&](const SequenceItem& item) -> const json& {
    return item.existing ? m_document.data.at(json::json_pointer(
                               std::string(pointer) + "/" +
                               std::to_string(*item.existing)))
                         : item.value;
  };
  if (items.empty() || (kids.empty() && !info.flow)) {
    json all = json::array();
    for (const SequenceItem& item : items) all.push_back(new_value(item));
    return replace_value(pointer, all);
  }
  for (const SequenceItem& item : items) {
    if (item.existing && *item.existing >= kids.size()) {
      return unexpected("item " + std::to_string(*item.existing) +
                        " of '" + std::string(pointer) + "' has no place");
    }
    if (item.existing) {
      auto kid = editable_node(kids[*item.existing].pointer);
      if (!kid) return unexpected(kid.error());
    }
  }
  if (info.flow) {
    std::string pad;
    std::string separator = ", ";
    std::string tail;
    if (!kids.empty()) {
      std::string_view head = m_text.substr(
          info.value_begin + 1, kids.front().info->value_begin - info.value_begin - 1);
      std::string_view end = m_text.substr(
          kids.back().info->value_end,
          info.value_end - 1 - kids.back().info->value_end);
      std::string_view inner =
          m_text.substr(info.value_begin, info.value_end - info.value_begin);
      // Comments are never dropped: such a list is left to the user.
      for (size_t i = 0; i + 1 < kids.size(); ++i) {
        std::string_view between = m_text.substr(
            kids[i].info->value_end,
            kids[i + 1].info->value_begin - kids[i].info->value_end);
        if (between.find('#') != std::string_view::npos) {
          return unexpected("the flow list '" + std::string(pointer) +
                            "' has comments between its items");
        }
        if (i == 0 && between.find('\n') == std::string_view::npos) {
          separator = std::string(between);
        }
      }
      if (head.find('#') != std::string_view::npos ||
          end.find('#') != std::string_view::npos) {
        return unexpected("the flow list '" + std::string(pointer) +
                          "' has comments between its items");
      }
      if (inner.find('\n') == std::string_view::npos) {
        pad = std::string(head);
        tail = std::string(end);
      }
    }
    std::string text = "[" + pad;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) text += separator;
      const SequenceItem& item = items[i];
      if (item.existing) {
        const NodeInfo& kid = *kids[*item.existing].info;
        text += m_text.substr(kid.value_begin, kid.value_end - kid.value_begin);
      } else {
        text += render_flow(item.value);
      }
    }
    text += tail + "]";
    return TextEdit{info.value_begin, info.value_end, std::move(text)};
  }
  // Block sequence: each item owns the lines from the end of the previous
  // item (so the comments above it) to the end of its own last line.
  std::vector<size_t> ends;
  size_t first_dash = 0;
  for (size_t i = 0; i < kids.size(); ++i) {
    auto dash = dash_before(*kids[i].info);
    if (!dash || !starts_line(*dash)) {
      return unexpected("cannot rewrite the list '" + std::string(pointer) +
                        "': an item shares a line with its parent");
    }
    if (i == 0) first_dash = *dash;
    ends.push_back(entry_end(*kids[i].info));
  }
  size_t begin = line_start(first_dash);
  size_t dash_column = first_dash - begin;
  std::string text;
  for (const SequenceItem& item : items) {
    if (item.existing) {
      size_t from = *item.existing == 0 ? begin : ends[*item.existing - 1];
      text += m_text.substr(from, ends[*item.existing] - from);
    } else {
      text += spaces(dash_column) + "- " +
              render_item_value(item.value, dash_column, m_style) + m_style.eol;
    }
  }
  return TextEdit{begin, ends.back(), std::move(text)};
}

Expected<std::vector<TextEdit>> YamlEditor::diff(const json& after) const {
  std::vector<TextEdit> edits;
  std::string error;
  diff_node("", m_document.data, after, edits, error);
  if (!error.empty()) return unexpected(error);
  return edits;
}

void YamlEditor::diff_node(const std::string& pointer, const json& before,
                           const json& after, std::vector<TextEdit>& edits,
                           std::string& error) const {
  if (before == after || !error.empty()) return;
  auto add = [&](Expected<TextEdit> edit) {
    if (!edit) {
      if (error.empty()) error = edit.error();
      return;
    }
    edits.push_back(std::move(edit).value());
  };
  if (before.is_object() && after.is_object()) {
    bool any_kept = false;
    for (const auto& [key, value] : before.items()) {
      if (after.contains(key)) any_kept = true;
    }
    if (!pointer.empty() && !any_kept) {
      add(replace_value(pointer, after));
      return;
    }
    std::vector<std::string> tokens = split_pointer(pointer);
    for (const auto& [key, value] : before.items()) {
      auto it = after.find(key);
      std::string child = append_pointer(pointer, key);
      if (it == after.end()) {
        add(remove(child));
      } else {
        diff_node(child, value, *it, edits, error);
      }
    }
    for (const auto& [key, value] : after.items()) {
      if (before.contains(key)) continue;
      tokens.push_back(key);
      add(insert(tokens, value, std::nullopt));
      tokens.pop_back();
    }
    return;
  }
  if (before.is_array() && after.is_array() && !before.empty() &&
      !after.empty()) {
    // Reuse the text of every item that survives unchanged, in order of
    // the new list; a same-length list that is not a permutation changed
    // in place (map_values, trim...) and is diffed item by item.
    std::vector<bool> used(before.size(), false);
    std::vector<SequenceItem> items;
    size_t reused = 0;
    for (const json& item : after) {
      SequenceItem next;
      for (size_t j = 0; j < before.size(); ++j) {
        if (!used[j] && before[j] == item) {
          used[j] = true;
          next.existing = j;
          ++reused;
          break;
        }
      }
      if (!next.existing) next.value = item;
      items.push_back(std::move(next));
    }
    if (before.size() == after.size() && reused != after.size()) {
      for (size_t i = 0; i < before.size(); ++i) {
        diff_node(append_pointer(pointer, std::to_string(i)), before[i],
                  after[i], edits, error);
      }
      return;
    }
    add(rewrite_sequence(pointer, items));
    return;
  }
  add(replace_value(pointer, after));
}

}  // namespace fmkit
