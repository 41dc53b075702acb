// SPDX-License-Identifier: MIT
//
// JsonEditor: the Editor (editor.hpp) of JSON front matter (Hugo's
// "{ ... }", gray-matter's "---json"). Edits are splices at the spans the
// JSON reader recorded; nothing is re-emitted.
//
// The file's own style, as detect_json_style() finds it: its line ending,
// its indentation step, its separator after ':' (": " or ":"), and whether
// objects and lists are written one member per line or on one line. Members
// are added after the last member of their object with the separator the
// object already uses (",\n" + the members' indentation, or ", " on one
// line); a removed member takes its comma and, when it stands on lines of
// its own, its lines. A list is rewritten in its own layout (one line, or
// one item per line at its items' indentation).
//
// A carried value (rename, move, copy, wrap in a list, unwrap, a kept list
// item) keeps its source text: `1.10` stays `1.10`, `1e3` stays `1e3`, a
// string keeps its escapes; a multi-line object or list moved to another
// depth has its continuation lines re-indented by the difference (JSON's
// white space carries no data, so this never changes a value). A move
// within one object is a rename; a move into a new object nested under the
// same object replaces the member in place. Computed values are written as
// JSON (strings with JSON escapes, UTF-8 kept).
#pragma once

#include "migrate/editor.hpp"

#include <string>

namespace fmkit {

struct JsonStyle {
  std::string eol = "\n";
  std::string indent = "  ";  // one level of indentation
  std::string colon = ": ";   // between a key and its value
  bool multiline_objects = true;
  bool multiline_lists = false;
  std::string list_separator = ", ";  // between items of a one-line list
};

// The style of the JSON front matter of `document`, read from `text`.
JsonStyle detect_json_style(std::string_view text, const Document& document);

class JsonEditor final : public Editor {
 public:
  // `document` must be usable, JSON, and have been read from `text`.
  JsonEditor(std::string_view text, const Document& document);

  const JsonStyle& style() const { return m_style; }

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
  // Where a new member goes: the deepest existing object on the way to
  // `tokens`, and the member text (key, then the missing objects around the
  // value).
  struct Placement {
    std::string object;    // pointer of the existing object
    size_t first_new = 0;  // index in `tokens` of the member's key
  };

  Expected<const NodeInfo*> existing(std::string_view pointer) const;
  size_t member_begin(const NodeInfo& info) const;
  std::string indent_at(size_t offset) const;
  bool multiline(const NodeInfo& info) const;
  std::string value_text(const NodeInfo& info, const std::string& to) const;
  std::string render(const nlohmann::json& value,
                     const std::string& indent) const;
  // "{...}" or "[...]" of `parts`, on one line or one part per line at
  // `inner` (default: `indent` and one step), closed at `indent`.
  std::string render_container(const std::vector<std::string>& parts,
                               bool object, bool lines,
                               const std::string& indent,
                               const std::string& inner) const;
  std::string render_container(const std::vector<std::string>& parts,
                               bool object, bool lines,
                               const std::string& indent) const;
  Expected<Placement> place(const std::vector<std::string>& tokens) const;
  std::string member_text(const std::vector<std::string>& tokens, size_t first,
                          const nlohmann::json& value,
                          std::optional<std::string_view> source,
                          const std::string& indent) const;
  Expected<TextEdit> add_member(std::string_view object,
                                const std::string& text) const;
  // The indentation of the line a new member of `object` starts on.
  std::string member_indent(std::string_view object) const;

  JsonStyle m_style;
};

}  // namespace fmkit
