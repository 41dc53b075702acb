// SPDX-License-Identifier: MIT
//
// Editor: what migration ops ask of a front matter's text, whatever its
// dialect. Each method returns TextEdits (byte splices) on one snapshot
// (text + Document) that turn the text into front matter whose JSON is the
// op's result; the planner applies them, re-reads the text and checks the
// JSON, so a layout an editor gets wrong is caught, never written. A value
// an op only carries (rename, move, copy, wrap in a list, unwrap, a kept
// list item) keeps its source bytes; only computed values are rendered, in
// the file's own style. A layout an editor will not touch gives an
// Expected error naming the pointer (migrate.unsupported).
//
// make_editor() picks the editor of the document's dialect: YamlEditor
// (yaml_editor.hpp), JsonEditor (json_editor.hpp), TomlEditor
// (toml_editor.hpp). An editor keeps views of the text and the Document,
// which must outlive it. Const methods are thread-safe.
#pragma once

#include "base/expected.hpp"
#include "document/document.hpp"
#include "edit/text_edit.hpp"
#include "migrate/yaml_writer.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// One item of a rewritten sequence: an item kept from the current sequence
// (by index, its text reused byte for byte) or a new value.
struct SequenceItem {
  std::optional<size_t> existing;
  nlohmann::json value;  // used when `existing` is empty
};

// Whether a copied YAML value's own anchor (`&name`) comes along: a copy
// must not define the anchor a second time; a moved value takes it along.
// Other dialects have no anchors.
enum class Anchor { keep, drop };

class Editor {
 public:
  virtual ~Editor() = default;

  std::string_view text() const { return m_text; }
  const Document& document() const { return m_document; }

  // The edits that turn this front matter, whose JSON is document().data,
  // into front matter whose JSON is `after`: changed scalars replaced in
  // place, removed entries and items cut out, new keys added to their
  // mapping, lists that gain, lose or reorder items rewritten reusing the
  // text of the items they keep (matched by JSON equality; ops that know
  // which item goes where use rewrite_sequence()).
  // One implementation for every dialect, on the primitives below.
  Expected<std::vector<TextEdit>> diff(const nlohmann::json& after) const;
  // Replaces the value at `pointer` with the computed `value`.
  virtual Expected<TextEdit> replace_value(
      std::string_view pointer, const nlohmann::json& value) const = 0;
  // Replaces the key of the mapping entry at `pointer` with `key`.
  virtual Expected<TextEdit> rename_key(std::string_view pointer,
                                        std::string_view key) const = 0;
  // Removes the mapping entry or sequence item at `pointer`, with its
  // trailing comment.
  virtual Expected<TextEdit> remove(std::string_view pointer) const = 0;
  // Inserts a value at `tokens`, whose parent mapping may not exist yet
  // (missing mappings are created): with `source`, the value at that pointer
  // carried with its text, else the computed `value` rendered.
  virtual Expected<TextEdit> insert(const std::vector<std::string>& tokens,
                                    const nlohmann::json& value,
                                    std::optional<std::string_view> source,
                                    Anchor anchor = Anchor::drop) const = 0;
  // Moves the mapping entry at `from` to `to` (which must not exist),
  // carrying its text.
  virtual Expected<std::vector<TextEdit>> move(
      std::string_view from, const std::vector<std::string>& to) const = 0;
  // Makes the scalar at `pointer` the single item of a new list, carrying
  // its text.
  virtual Expected<TextEdit> wrap_in_list(std::string_view pointer) const = 0;
  // Replaces the list at `pointer`, which holds one item, by that item,
  // carrying its text.
  virtual Expected<TextEdit> unwrap_list(std::string_view pointer) const = 0;
  // Rewrites the sequence at `pointer` to hold `items`.
  virtual Expected<TextEdit> rewrite_sequence(
      std::string_view pointer,
      const std::vector<SequenceItem>& items) const = 0;

 protected:
  Editor(std::string_view text, const Document& document)
      : m_text(text), m_document(document) {}

  struct Child {
    std::string pointer;
    const NodeInfo* info;
  };
  // The entries directly under `pointer`, in document order.
  std::vector<Child> children(std::string_view pointer) const;

  std::string_view m_text;
  const Document& m_document;

 private:
  void diff_node(const std::string& pointer, const nlohmann::json& before,
                 const nlohmann::json& after, std::vector<TextEdit>& edits,
                 std::string& error) const;
};

// The editor for `document`'s dialect, read from `text` (both must outlive
// it). `yaml_style` is the YAML file's style (detect_yaml_style()); the
// other editors find their file's style themselves.
std::unique_ptr<Editor> make_editor(std::string_view text,
                                    const Document& document,
                                    const YamlStyle& yaml_style);

}  // namespace fmkit
