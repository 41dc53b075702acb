// SPDX-License-Identifier: MIT
//
// YamlEditor: turns changes to a document's JSON model into TextEdits on the
// file's text, at the spans the YAML layer recorded. It never re-emits the
// document: each edit replaces only the entry, key or value concerned, and
// new text comes from yaml_writer.hpp in the file's own style (line ending,
// indentation, block or flow lists, the replaced value's quoting).
//
// Carried values keep their text. A value that an edit moves, copies, wraps
// in a list, takes out of a list of one, or keeps while its list is
// rewritten is written with its source bytes: `1.10` stays `1.10`, `0x1F`
// stays `0x1F`, `'x'` stays `'x'`, `~` stays `~`, tags, comments inside
// and after it, and block scalars come along, re-indented by whole columns
// when the value changes depth. Only values the caller computes are
// rendered by yaml_writer.hpp. The one exception is forced by YAML itself:
// a value carried *into a flow collection* (`{a: 1}`, `[a]`) whose text
// cannot stand there (a block scalar, a multi-line scalar, a plain scalar
// holding one of `,[]{}`, an empty value) is written as a flow scalar of the
// same string (or `null`); block collections are rebuilt in flow style
// from their items' texts, and refused when they hold comments (a flow
// collection on one line has no place for them). Likewise a scalar written
// over several lines inside a flow collection (`[a` + `  b]`), carried out
// of it, is written as the same string on one line, and a pair of a flow
// sequence (`[a: 1]`) gets the braces it has not (`{a: 1}`).
//
// Edits are computed on one snapshot (text + Document) and may be combined
// with apply_edits() as long as they do not overlap; the planner re-parses
// after every op and checks the result against the JSON model, so a layout
// this editor gets wrong is caught, never written. Layouts it does not
// handle (values inside an alias's copy, a flow list with comments inside, a
// carried value whose text it cannot place) give an Expected error naming
// the pointer.
//
// A YamlEditor keeps views of the text and the Document, which must outlive
// it. Const methods are thread-safe.
#pragma once

#include "base/expected.hpp"
#include "document/document.hpp"
#include "edit/text_edit.hpp"
#include "migrate/editor.hpp"
#include "migrate/yaml_writer.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Detects the style of the file `text` from its parsed `document`: the line
// ending of the opening "---" line, the indentation step of nested block
// mappings, whether block sequences indent their dashes under their key, and
// whether lists are mostly written in block or flow style. What the file does
// not show comes from `defaults`.
YamlStyle detect_yaml_style(std::string_view text, const Document& document,
                            const YamlStyle& defaults = {});

class YamlEditor final : public Editor {
 public:
  // `document` must be usable and have been read from `text`.
  YamlEditor(std::string_view text, const Document& document,
             const YamlStyle& style);

  const YamlStyle& style() const { return m_style; }

  // The Editor methods, on YAML: a replaced scalar keeps its quoting
  // where it still reads back; removed entries and items are cut out line
  // by line with their trailing comments; new keys are appended to their
  // mapping in the file's indentation.
  // Replaces the value at `pointer` with the computed `value`.
  Expected<TextEdit> replace_value(std::string_view pointer,
                                   const nlohmann::json& value) const override;
  // Replaces the key of the mapping entry at `pointer` with `key`.
  Expected<TextEdit> rename_key(std::string_view pointer,
                                std::string_view key) const override;
  // Removes the mapping entry or sequence item at `pointer`, with its
  // trailing comment. Removing the last entry of a nested collection leaves
  // "{}" or "[]".
  Expected<TextEdit> remove(std::string_view pointer) const override;
  // Inserts a value at `tokens`, whose parent mapping may not exist yet
  // (missing mappings are created): with `source`, the value at that pointer
  // carried with its text (re-indented; its anchor as `anchor` says), else
  // the computed `value` rendered.
  Expected<TextEdit> insert(const std::vector<std::string>& tokens,
                            const nlohmann::json& value,
                            std::optional<std::string_view> source,
                            Anchor anchor = Anchor::drop) const override;
  // Moves the mapping entry at `from` to `to` (which must not exist),
  // carrying its text: a rename when both share a mapping; the entry turned
  // into the new nested mappings in place when it is the only entry of a
  // nested mapping that `to` lies under (cutting it first would leave "{}");
  // else an insert at `to` and a removal.
  Expected<std::vector<TextEdit>> move(
      std::string_view from, const std::vector<std::string>& to) const override;
  // Makes the value at `pointer` (a scalar) the single item of a new list,
  // carrying its text: `a: 1.10 # c` becomes `a: [1.10] # c` in a file of
  // flow lists, or `a:` + `  - 1.10 # c` on the next line.
  Expected<TextEdit> wrap_in_list(std::string_view pointer) const override;
  // Replaces the list at `pointer`, which holds one item, by that item,
  // carrying its text: `a: [1.10]` or `a:` + `  - 1.10` becomes `a: 1.10`.
  Expected<TextEdit> unwrap_list(std::string_view pointer) const override;
  // Rewrites the sequence at `pointer` to hold `items`.
  Expected<TextEdit> rewrite_sequence(
      std::string_view pointer,
      const std::vector<SequenceItem>& items) const override;

 private:
  struct Carried;

  // Nodes (text.cpp).
  const NodeInfo* node(std::string_view pointer) const;
  Expected<const NodeInfo*> editable_node(std::string_view pointer) const;
  Expected<const NodeInfo*> existing_node(std::string_view pointer) const;
  bool in_flow(std::string_view pointer) const;

  // Text positions (text.cpp).
  size_t line_start(size_t offset) const;
  size_t line_end(size_t offset) const;
  size_t next_line(size_t offset) const;
  size_t column(size_t offset) const;
  // The column of the mapping entry `info` (a key's): its mapping's
  // indentation (entry_begin() in document/position_map.hpp).
  size_t key_column(const NodeInfo& info) const;
  bool starts_line(size_t offset) const;
  std::optional<size_t> colon_after_key(const NodeInfo& info) const;
  std::optional<size_t> dash_before(const NodeInfo& info) const;
  // ": " for the entry `info` of a flow mapping written without one ("{a,
  // b: 1}"), which a value put there needs; else "".
  Expected<std::string> missing_colon(const NodeInfo& info) const;
  // Whether a ':' stands between the key of `info` and its value (not so
  // for "? key" with no ':' line).
  bool value_indicator_before(const NodeInfo& info) const;
  bool blank_line_at(size_t offset) const;
  bool keeps_trailing_lines(const NodeInfo& info) const;
  bool ends_with_kept_lines(const NodeInfo& info) const;
  size_t value_end(const NodeInfo& info) const;
  size_t entry_end(const NodeInfo& info) const;
  size_t node_begin(std::string_view pointer, const NodeInfo& info) const;
  bool has_comment(std::string_view pointer, size_t begin, size_t end) const;

  // Rendering computed values (replace.cpp).
  std::string render_replacement(const NodeInfo& info,
                                 const nlohmann::json& value) const;
  Expected<TextEdit> replace_in_place(std::string_view pointer,
                                      const NodeInfo& info,
                                      const nlohmann::json& value) const;
  void drop_tag(std::string_view pointer, const NodeInfo& info,
                TextEdit& edit) const;

  // Carrying values (carry.cpp).
  Expected<Carried> carried(std::string_view pointer, Anchor anchor) const;
  // Where carried text goes: after "key:" or after "-", the key or dash
  // at the column given.
  enum class Owner { key, dash };
  Expected<std::string> carried_text(std::string_view pointer, Owner owner,
                                     size_t column, Anchor anchor) const;
  std::optional<std::string> place_after_key(const Carried& c,
                                             size_t key_column) const;
  std::optional<std::string> place_after_dash(const Carried& c,
                                              size_t dash_column) const;
  Expected<std::string> flow_text(std::string_view pointer,
                                  Anchor anchor) const;
  Expected<std::string> flow_text_of(std::string_view pointer,
                                     const NodeInfo& info, size_t begin,
                                     Anchor anchor) const;
  Expected<std::string> entry_text(const std::vector<std::string>& tokens,
                                   size_t depth, size_t key_column,
                                   ScalarContext context,
                                   const nlohmann::json& value,
                                   std::optional<std::string_view> source,
                                   Anchor anchor) const;
  Expected<TextEdit> nest_in_place(std::string_view from,
                                   const std::vector<std::string>& to,
                                   size_t depth) const;
  size_t dash_column_under(size_t key_column) const;

  // Rewriting sequences (sequence.cpp).
  Expected<TextEdit> rewrite_flow_sequence(
      std::string_view pointer, const NodeInfo& info,
      const std::vector<Child>& kids,
      const std::vector<SequenceItem>& items) const;
  Expected<TextEdit> rewrite_block_sequence(
      std::string_view pointer, const std::vector<Child>& kids,
      const std::vector<SequenceItem>& items) const;

  YamlStyle m_style;
};

}  // namespace fmkit
