// SPDX-License-Identifier: MIT
//
// detect_yaml_style(): what a file shows of its own style (line ending,
// indentation step, dashes indented under their key or not, block or flow
// lists), so that the text a migration adds looks like the rest.
#include "migrate/yaml_editor.hpp"
#include "migrate/yaml_editor/editor_util.hpp"

namespace fmkit {

YamlStyle detect_yaml_style(std::string_view text, const Document& document,
                            const YamlStyle& defaults) {
  YamlStyle style = defaults;
  const FrontMatter& fm = document.front_matter;
  if (fm.open_end > fm.open_begin && text[fm.open_end - 1] == '\n') {
    style.eol =
        fm.open_end >= 2 && text[fm.open_end - 2] == '\r' ? "\r\n" : "\n";
  }
  auto column = [&](size_t offset) {
    size_t start = offset;
    while (start > 0 && text[start - 1] != '\n') --start;
    return offset - start;
  };
  auto key_column = [&](const NodeInfo& info) {
    return column(entry_begin(text, info.key_begin));
  };
  const PositionMap& positions = document.positions;
  bool indent_found = false;
  bool sequence_found = false;
  size_t block_lists = 0;
  size_t flow_lists = 0;
  size_t sequence_step = 0;
  for (const auto& [pointer, info] : positions.entries()) {
    if (pointer.empty() || !info.has_key) continue;
    const NodeInfo* parent = positions.find(editor_util::parent_of(pointer));
    if (parent == nullptr || parent->flow) continue;
    const NodeInfo* grandparent_entry = parent;
    if (!indent_found && grandparent_entry->has_key &&
        info.key_begin != NodeInfo::k_none &&
        grandparent_entry->key_begin != NodeInfo::k_none) {
      size_t child = key_column(info);
      size_t owner = key_column(*grandparent_entry);
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
          size_t key = key_column(info);
          style.sequence_indent =
              dash == key ? SequenceIndent::compact : SequenceIndent::indented;
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

}  // namespace fmkit
