// SPDX-License-Identifier: MIT
//
// YamlEditor: turns changes to a document's JSON model into TextEdits on the
// file's text, at the spans the YAML layer recorded. It never re-emits the
// document: each edit replaces only the entry, key or value concerned, and
// new text comes from yaml_writer.hpp in the file's own style (line ending,
// indentation, block or flow lists, the replaced value's quoting).
//
// Edits are computed on one snapshot (text + Document) and may be combined
// with apply_edits() as long as they do not overlap; the planner re-parses
// after every op and checks the result against the JSON model, so a layout
// this editor gets wrong is caught, never written. Layouts it does not
// handle (values inside an alias's copy, a flow list with comments inside)
// give an Expected error naming the pointer.
//
// A YamlEditor keeps views of the text and the Document, which must outlive
// it. Const methods are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/expected.hpp"
#include "document/document.hpp"
#include "edit/text_edit.hpp"
#include "migrate/yaml_writer.hpp"

namespace fmkit {

// Detects the style of the file `text` from its parsed `document`: the line
// ending of the opening "---" line, the indentation step of nested block
// mappings, whether block sequences indent their dashes under their key, and
// whether lists are mostly written in block or flow style. What the file does
// not show comes from `defaults`.
YamlStyle detect_yaml_style(std::string_view text, const Document& document,
                            const YamlStyle& defaults = {});

// One item of a rewritten sequence: an item kept from the current sequence
// (by index, its text reused byte for byte) or a new value.
struct SequenceItem {
  std::optional<size_t> existing;
  nlohmann::json value;  // used when `existing` is empty
};

class YamlEditor {
 public:
  // `document` must be usable and have been read from `text`.
  YamlEditor(std::string_view text, const Document& document,
             const YamlStyle& style);

  std::string_view text() const { return m_text; }
  const Document& document() const { return m_document; }
  const YamlStyle& style() const { return m_style; }

  // Returns the edits that turn this text's front matter, whose JSON is
  // document().data, into YAML whose JSON is `after`: changed scalars are
  // replaced in place (keeping their quoting where it still reads back),
  // removed entries and items are cut out line by line, new keys are
  // appended to their mapping, lists that gain, lose or reorder items are
  // rewritten reusing the text of the items they keep.
  Expected<std::vector<TextEdit>> diff(const nlohmann::json& after) const;

  // Replaces the value at `pointer` with `value`.
  Expected<TextEdit> replace_value(std::string_view pointer,
                                   const nlohmann::json& value) const;
  // Replaces the key of the mapping entry at `pointer` with `key`.
  Expected<TextEdit> rename_key(std::string_view pointer,
                                std::string_view key) const;
  // Removes the mapping entry or sequence item at `pointer`, with its
  // trailing comment. Removing the last entry of a nested collection leaves
  // "{}" or "[]".
  Expected<TextEdit> remove(std::string_view pointer) const;
  // Inserts `value` at `tokens`, whose parent mapping may not exist yet
  // (missing mappings are created). With `source`, the value's text is
  // taken from the entry at that pointer (re-indented) rather than
  // rendered, so a moved or copied value keeps its quoting and comments.
  Expected<TextEdit> insert(const std::vector<std::string>& tokens,
                            const nlohmann::json& value,
                            std::optional<std::string_view> source) const;
  // Rewrites the sequence at `pointer` to hold `items`.
  Expected<TextEdit> rewrite_sequence(
      std::string_view pointer, const std::vector<SequenceItem>& items) const;

 private:
  struct Child {
    std::string pointer;
    const NodeInfo* info;
  };

  const NodeInfo* node(std::string_view pointer) const;
  Expected<const NodeInfo*> editable_node(std::string_view pointer) const;
  std::vector<Child> children(std::string_view pointer) const;
  bool in_flow(std::string_view pointer) const;

  size_t line_start(size_t offset) const;
  size_t line_end(size_t offset) const;
  size_t next_line(size_t offset) const;
  size_t column(size_t offset) const;
  bool starts_line(size_t offset) const;
  std::optional<size_t> colon_after_key(const NodeInfo& info) const;
  std::optional<size_t> dash_before(const NodeInfo& info) const;
  bool blank_line_at(size_t offset) const;
  bool keeps_trailing_lines(const NodeInfo& info) const;
  size_t value_end(const NodeInfo& info) const;
  size_t entry_end(const NodeInfo& info) const;

  std::string render_replacement(const NodeInfo& info, size_t column,
                                 const nlohmann::json& value) const;
  std::optional<std::string> value_text_from(std::string_view source,
                                             size_t key_column) const;

  void diff_node(const std::string& pointer, const nlohmann::json& before,
                 const nlohmann::json& after, std::vector<TextEdit>& edits,
                 std::string& error) const;

  std::string_view m_text;
  const Document& m_document;
  YamlStyle m_style;
};

}  // namespace fmkit
