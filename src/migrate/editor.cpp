// SPDX-License-Identifier: MIT
#include "migrate/editor.hpp"

#include "base/json_pointer.hpp"
#include "migrate/json_editor.hpp"
#include "migrate/toml_editor.hpp"
#include "migrate/yaml_editor.hpp"

namespace fmkit {

using nlohmann::json;

std::unique_ptr<Editor> make_editor(std::string_view text,
                                    const Document& document,
                                    const YamlStyle& yaml_style) {
  switch (document.front_matter.dialect) {
    case Dialect::yaml:
    case Dialect::other:
      break;
    case Dialect::json:
      return std::make_unique<JsonEditor>(text, document);
    case Dialect::toml:
      return std::make_unique<TomlEditor>(text, document);
  }
  return std::make_unique<YamlEditor>(text, document, yaml_style);
}

std::vector<Editor::Child> Editor::children(std::string_view pointer) const {
  std::vector<Child> out;
  std::string prefix = std::string(pointer) + "/";
  for (const auto& [child, info] : m_document.positions.entries()) {
    // "/seo/" is a child of "/seo": its key is empty.
    if (child.starts_with(prefix) &&
        child.find('/', prefix.size()) == std::string::npos) {
      out.push_back({child, &info});
    }
  }
  return out;
}

Expected<std::vector<TextEdit>> Editor::diff(const json& after) const {
  std::vector<TextEdit> edits;
  std::string error;
  diff_node("", m_document.data, after, edits, error);
  if (!error.empty()) return unexpected(error);
  return edits;
}

namespace {

// The items of `after` as a rewrite of `before`: each kept from the first
// unused equal item of `before`, else new. Sets `reused` to how many are
// kept.
std::vector<SequenceItem> match_items(const json& before, const json& after,
                                      size_t& reused) {
  std::vector<bool> used(before.size(), false);
  std::vector<SequenceItem> items;
  reused = 0;
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
  return items;
}

}  // namespace

void Editor::diff_node(const std::string& pointer, const json& before,
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
    // in place and is diffed item by item.
    size_t reused = 0;
    std::vector<SequenceItem> items = match_items(before, after, reused);
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
