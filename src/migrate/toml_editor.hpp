// SPDX-License-Identifier: MIT
//
// TomlEditor: the Editor (migrate/editor.hpp) of TOML front matter ("+++").
// Like YamlEditor it never re-emits the document: each edit replaces only
// the key, value or lines concerned, new text comes from toml_writer.hpp,
// and the planner re-reads the text after every op and checks it against
// the JSON model, so a layout this editor gets wrong is caught, never
// written. Where statements and tables stand comes from TomlLayout
// (toml_editor/layout.hpp).
//
// The file's style is kept: its line ending (CRLF files get CRLF), the
// indentation of the keys of the table written into, inline arrays on one
// line or one item per line as written (with the comma habit of the last
// item), `[table]` headers, dotted keys, and the quoting of a replaced
// string where it can hold the new value (a replaced TOML date stays a bare
// date when the new value is one). A value an op only carries (rename,
// move, copy, wrap in a list, unwrap, an item a list keeps) keeps its
// source text: `1.10`, `0xff`, `1_000`, `'C:\x'`, dates, multi-line
// strings. A table written as `[section]` or with dotted keys that is
// carried to another place is written as an inline table of its entries'
// texts (refused when it holds comments, which an inline table cannot).
//
// Where new keys go:
// - into the root: after the last root key line, so before the first
//   `[table]` header (right after the opening "+++" line when the root has
//   no keys);
// - into a `[table]` (or an item of an array of tables): after the last key
//   line of its section, indented as that line (as the header when the
//   section is empty);
// - into a table written with dotted keys (`a.b = 1`): a dotted key line
//   after its last one, with the same prefix as written;
// - into a table that only `[a.b]` headers imply: a new `[a]` section just
//   before the first of them;
// - into an inline table: a new `key = value` after its last entry;
// - tables that do not exist yet under an inserted value (move, copy) are
//   dotted parts of the new key in the nearest existing table
//   (`seo.og.title = "x"`), which nothing else can define, since the JSON
//   has no such table; a computed table is an inline table
//   (`seo = { title = "x" }`).
//
// Renaming a table renames every place its name is written: each header
// (`[a]`, `[a.b]`, `[[a.c]]`) and each dotted key (`a.x = 1`). Removing one
// removes all its sections (with the blank lines before them) and key
// lines; an entry goes with its comment and its line (comment lines above
// it stay, but an inline array's items take the comment lines above them).
// Removing the last entry of a table that only its own keys wrote leaves
// it as `a = {}` (or `[a]`), removing the last table of an array of tables
// leaves `items = []`. A carried `key = value` line's comment comes along.
// A `[table]` replaced by a computed table keeps its header; its lines,
// comments included, are rewritten.
//
// Refused (an Expected error naming the pointer; migrate.unsupported):
// null values (TOML has none); rewriting the items of an array of tables
// (append, sort, remove, dedupe on `[[items]]`) or replacing one;
// replacing a table written as `[sections]` by anything but a table, or one
// that has sub-tables; edits inside an inline table that uses dotted keys;
// carrying a `[section]` or dotted table that holds comments (it becomes an
// inline table), or a key line with a comment into an inline table;
// rewriting an inline
// array with comments whose items do not stand one per line; unwrapping a
// list of one with comments inside.
//
// Keeps views of the text and the Document, which must outlive it. Const
// methods are thread-safe.
#pragma once

#include "migrate/editor.hpp"
#include "migrate/toml_editor/layout.hpp"
#include "migrate/toml_writer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class TomlEditor final : public Editor {
 public:
  // `document` must be usable TOML front matter read from `text`.
  TomlEditor(std::string_view text, const Document& document);

  Expected<TextEdit> replace_value(std::string_view pointer,
                                   const nlohmann::json& value) const override;
  Expected<TextEdit> rename_key(std::string_view pointer,
                                std::string_view key) const override;
  Expected<TextEdit> remove(std::string_view pointer) const override;
  Expected<TextEdit> insert(const std::vector<std::string>& tokens,
                            const nlohmann::json& value,
                            std::optional<std::string_view> source,
                            Anchor anchor = Anchor::drop) const override;
  Expected<std::vector<TextEdit>> move(
      std::string_view from, const std::vector<std::string>& to) const override;
  Expected<TextEdit> wrap_in_list(std::string_view pointer) const override;
  Expected<TextEdit> unwrap_list(std::string_view pointer) const override;
  Expected<TextEdit> rewrite_sequence(
      std::string_view pointer,
      const std::vector<SequenceItem>& items) const override;

 private:
  using Tokens = std::vector<std::string>;
  using Edits = std::vector<TextEdit>;
  // Where a new `key = value` line goes (place.cpp).
  struct Place {
    size_t at = 0;
    std::string indent;
    std::string prefix;  // dotted key parts before the new ones ("a.b.")
    std::string header;  // a header line to write first, if any
  };
  // Where an edit of the node at a pointer happens (text.cpp).
  enum class Where {
    inline_value,  // inside an inline array or table: spans of its text
    statement,     // the value of a `key = value` line
    table,         // a table written with headers or dotted keys
    array_of_tables,
  };

  // Nodes and text (text.cpp).
  Expected<const NodeInfo*> node(std::string_view pointer) const;
  Expected<Where> where(std::string_view pointer) const;
  Expected<void> check_inline(std::string_view pointer) const;
  bool in_inline(std::string_view pointer) const;
  size_t line_start(size_t offset) const;
  size_t line_end(size_t offset) const;
  size_t next_line(size_t offset) const;
  std::string indent_of(size_t offset) const;
  bool has_comment(size_t begin, size_t end) const;
  std::string_view slice(size_t begin, size_t end) const {
    return m_text.substr(begin, end - begin);
  }
  // The statements and sections that write the table at `tokens` (any
  // statement under it that its own sections do not hold).
  std::vector<const toml_edit::Statement*> statements_under(
      const Tokens& tokens) const;
  std::vector<const toml_edit::Section*> sections_under(
      const Tokens& tokens) const;
  // Returns `edits` as one edit, the text between them copied; fails when
  // there are none or two overlap.
  Expected<TextEdit> merge(Edits edits) const;

  // Values (replace.cpp).
  Expected<std::string> render(std::string_view pointer,
                               const nlohmann::json& value,
                               const NodeInfo* old) const;
  Expected<Edits> replace_edits(std::string_view pointer,
                                const nlohmann::json& value) const;
  Expected<Edits> replace_table(std::string_view pointer,
                                const nlohmann::json& value) const;
  Expected<Edits> rename_edits(std::string_view pointer,
                               std::string_view key) const;

  // Removing (remove.cpp).
  enum class EmptyParent { write, skip };
  Expected<Edits> remove_edits(std::string_view pointer,
                               EmptyParent empty) const;
  Expected<TextEdit> remove_inline(std::string_view pointer,
                                   const NodeInfo& info) const;
  Expected<Edits> remove_pieces(const Tokens& tokens) const;
  // Turns the first of `cut` (the edits that remove every line under the
  // parent of `tokens`) into that parent written empty.
  Expected<void> keep_empty_parent(const Tokens& tokens, Edits& cut) const;

  // Placing (place.cpp).
  Expected<Place> place_in(const Tokens& table) const;
  Expected<std::string> carried_text(std::string_view pointer) const;
  Expected<std::string> carried_table(const Tokens& tokens) const;
  Expected<TextEdit> insert_inline(const Tokens& tokens, size_t depth,
                                   const std::string& value) const;

  // Sequences (sequence.cpp).
  Expected<TextEdit> rewrite_one_per_line(
      std::string_view pointer, const NodeInfo& info,
      const std::vector<Child>& kids,
      const std::vector<SequenceItem>& items) const;
  Expected<TextEdit> rewrite_in_place(
      std::string_view pointer, const NodeInfo& info,
      const std::vector<Child>& kids,
      const std::vector<SequenceItem>& items) const;

  toml_edit::TomlLayout m_layout;
  std::string m_eol;
};

}  // namespace fmkit
