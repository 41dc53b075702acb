// SPDX-License-Identifier: MIT
//
// TomlEditor's rewritten inline arrays: items kept with their text, in a
// new order, with new items among them.
//
// An array written one item per line keeps that layout: each item takes
// the comment lines above it and its own line (its comment included), the
// new items get the first item's indentation, and every item but the last
// gets a comma, the last one as the last item had. Other arrays keep the
// text before the first item, between the first two and after the last.
#include "base/json_pointer.hpp"
#include "migrate/field_path.hpp"
#include "migrate/toml_editor.hpp"

namespace fmkit {

using nlohmann::json;

namespace {

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

// An item's line after its value: spaces, a comma, a comment.
struct After {
  bool comma = false;
  std::string rest;  // the line after the value, without the comma
};

std::optional<After> read_after(std::string_view line) {
  After after;
  size_t i = line.find_first_not_of(" \t");
  if (i != std::string_view::npos && line[i] == ',') {
    after.comma = true;
    after.rest =
        std::string(line.substr(0, i)) + std::string(line.substr(i + 1));
  } else {
    after.rest = std::string(line);
  }
  size_t next = after.rest.find_first_not_of(" \t");
  if (next != std::string::npos && after.rest[next] != '#') return std::nullopt;
  return after;
}

}  // namespace

Expected<TextEdit> TomlEditor::rewrite_sequence(
    std::string_view pointer, const std::vector<SequenceItem>& items) const {
  auto at = where(pointer);
  if (!at) return unexpected(at.error());
  if (*at == Where::array_of_tables) {
    return unexpected("'" + std::string(pointer) +
                      "' is an array of tables ([[...]]); fmkit does not "
                      "rewrite its tables");
  }
  const NodeInfo& info = **node(pointer);
  if (info.kind != NodeKind::sequence) {
    return unexpected("'" + std::string(pointer) + "' is not a list");
  }
  std::vector<Child> kids = children(pointer);
  for (const SequenceItem& item : items) {
    if (item.existing && *item.existing >= kids.size()) {
      return unexpected("item " + std::to_string(*item.existing) + " of '" +
                        std::string(pointer) + "' has no place");
    }
  }
  if (items.empty()) return TextEdit{info.value_begin, info.value_end, "[]"};
  if (slice(info.value_begin, info.value_end).find('\n') !=
          std::string_view::npos &&
      !kids.empty()) {
    auto edit = rewrite_one_per_line(pointer, info, kids, items);
    if (edit || !edit.error().empty()) return edit;
  }
  if (has_comment(info.value_begin + 1, info.value_end - 1)) {
    return unexpected("the array '" + std::string(pointer) +
                      "' has comments between items that do not stand one "
                      "per line");
  }
  return rewrite_in_place(pointer, info, kids, items);
}

Expected<TextEdit> TomlEditor::rewrite_one_per_line(
    std::string_view pointer, const NodeInfo& info,
    const std::vector<Child>& kids,
    const std::vector<SequenceItem>& items) const {
  // An empty error: the array is not laid out one item per line.
  const auto other_layout = unexpected(std::string());
  std::vector<size_t> begins;  // of each item's lines
  std::vector<After> afters;
  size_t previous = info.value_begin;
  for (const Child& kid : kids) {
    size_t line = line_start(kid.info->value_begin);
    if (line <= previous || !blank(slice(line, kid.info->value_begin))) {
      return other_layout;
    }
    auto after =
        read_after(slice(kid.info->value_end, line_end(kid.info->value_end)));
    if (!after) return other_layout;
    begins.push_back(next_line(previous));
    afters.push_back(*after);
    previous = kid.info->value_end;
  }
  for (size_t i = 0; i + 1 < afters.size(); ++i) {
    if (!afters[i].comma) return other_layout;
  }
  size_t close = info.value_end - 1;
  if (line_start(close) <= previous ||
      !blank(slice(line_start(close), close))) {
    return other_layout;
  }
  const bool habit = afters.back().comma;
  const std::string indent = indent_of(kids.front().info->value_begin);
  std::string text;
  for (size_t j = 0; j < items.size(); ++j) {
    std::string comma = j + 1 < items.size() || habit ? "," : "";
    if (!items[j].existing) {
      auto value = render(append_pointer(pointer, std::to_string(j)),
                          items[j].value, nullptr);
      if (!value) return unexpected(value.error());
      text += indent + *value + comma + m_eol;
      continue;
    }
    size_t k = *items[j].existing;
    const NodeInfo& item = *kids[k].info;
    text +=
        std::string(slice(begins[k], item.value_end)) + comma + afters[k].rest +
        std::string(slice(line_end(item.value_end), next_line(item.value_end)));
  }
  return TextEdit{begins.front(), next_line(previous), std::move(text)};
}

Expected<TextEdit> TomlEditor::rewrite_in_place(
    std::string_view pointer, const NodeInfo& info,
    const std::vector<Child>& kids,
    const std::vector<SequenceItem>& items) const {
  // Keep the array's spacing: "[ 1,2 ]" stays "[ 1,2,3 ]".
  std::string pad;
  std::string separator = ", ";
  std::string tail;
  if (!kids.empty()) {
    pad = slice(info.value_begin + 1, kids.front().info->value_begin);
    tail = slice(kids.back().info->value_end, info.value_end - 1);
    if (kids.size() > 1) {
      separator = slice(kids[0].info->value_end, kids[1].info->value_begin);
    }
  }
  std::string text = "[" + pad;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += separator;
    if (items[i].existing) {
      const NodeInfo& item = *kids[*items[i].existing].info;
      text += slice(item.value_begin, item.value_end);
      continue;
    }
    auto value = render(append_pointer(pointer, std::to_string(i)),
                        items[i].value, nullptr);
    if (!value) return unexpected(value.error());
    text += *value;
  }
  return TextEdit{info.value_begin, info.value_end, text + tail + "]"};
}

}  // namespace fmkit
