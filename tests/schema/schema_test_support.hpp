// SPDX-License-Identifier: MIT
//
// Helpers for the schema tests: schemas served from memory or from disk,
// Documents built by hand over a text (so the validator's placement can be
// tested without the YAML reader), and diagnostics printed as one line.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "schema/schema_registry.hpp"
#include "schema/validator.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit::schema_testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline ReadFile disk_files() {
  return [](const std::filesystem::path& path) -> Expected<std::string> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unexpected("no such file or directory");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
}

// Serves `files` (absolute path -> text); anything else is missing.
inline ReadFile memory_files(std::map<std::string, std::string> files) {
  auto shared =
      std::make_shared<std::map<std::string, std::string>>(std::move(files));
  return [shared](const std::filesystem::path& path) -> Expected<std::string> {
    auto it = shared->find(path.generic_string());
    if (it == shared->end()) return unexpected("no such file or directory");
    return it->second;
  };
}

// "path:line:col-line:col: message [rule]" for each problem, one a line
// (no position for a problem without one); with `severity`,
// "path:line:col-line:col: warning: message [rule]".
inline std::string show_problems(const Problems& problems,
                                 bool severity = false) {
  std::string out;
  for (const FileReport& report : problems) {
    for (const Diagnostic& d : report.diagnostics) {
      if (!out.empty()) out += '\n';
      out += report.path + ":";
      if (d.span.valid()) {
        out += std::to_string(d.span.begin.line) + ":" +
               std::to_string(d.span.begin.column) + "-" +
               std::to_string(d.span.end.line) + ":" +
               std::to_string(d.span.end.column) + ":";
      }
      out += " ";
      if (severity) out += std::string(to_string(d.severity)) + ": ";
      out += d.message + " [" + d.rule + "]";
    }
  }
  return out;
}

// Loads one schema given as JSON text (at /mem/schema.json).
inline std::shared_ptr<const CompiledSchema> compile_text(
    const std::string& schema) {
  SchemaRegistry registry(memory_files({{"/mem/schema.json", schema}}));
  auto compiled = registry.load("/mem/schema.json");
  if (!compiled) throw std::runtime_error(show_problems(compiled.error()));
  return *compiled;
}

// One node of a hand-built document: `key` (empty for the root and for
// sequence items) and `value` are searched for in the text, in order.
struct Node {
  std::string pointer;
  std::string key;
  std::string value;
};

// A Document over `text`, which starts with "---\n" and has a closing
// "---" line. `nodes` must be in document order.
inline Document make_document(std::string_view text, nlohmann::json data,
                              const std::vector<Node>& nodes) {
  Document doc;
  doc.usable = true;
  doc.data = std::move(data);
  FrontMatter& fm = doc.front_matter;
  fm.status = FrontMatterStatus::ok;
  fm.open_begin = 0;
  fm.open_end = 4;
  fm.yaml_begin = 4;
  fm.close_begin = text.find("\n---", 3) + 1;
  fm.close_end = fm.close_begin + 3;
  fm.yaml_end = fm.close_begin;
  fm.body_begin = std::min(text.size(), fm.close_end + 1);
  NodeInfo root;
  root.kind = NodeKind::mapping;
  root.value_begin = fm.yaml_begin;
  root.value_end = fm.close_begin - 1;
  doc.positions.insert("", root);
  size_t cursor = fm.yaml_begin;
  for (const Node& node : nodes) {
    NodeInfo info;
    if (!node.key.empty()) {
      size_t key = text.find(node.key, cursor);
      if (key == std::string_view::npos)
        throw std::runtime_error("no key " + node.key);
      info.has_key = true;
      info.key_begin = key;
      info.key_end = key + node.key.size();
      cursor = info.key_end;
    }
    size_t value = text.find(node.value, cursor);
    if (value == std::string_view::npos)
      throw std::runtime_error("no value " + node.value);
    info.value_begin = value;
    info.value_end = value + node.value.size();
    // Children are searched for inside their parent's value.
    cursor = value;
    doc.positions.insert(node.pointer, info);
  }
  return doc;
}

// "3:9-3:18: message [rule] @/pointer"
inline std::string show(const Diagnostic& d) {
  std::string out;
  if (d.span.valid()) {
    out = std::to_string(d.span.begin.line) + ":" +
          std::to_string(d.span.begin.column) + "-" +
          std::to_string(d.span.end.line) + ":" +
          std::to_string(d.span.end.column) + ": ";
  }
  return out + d.message + " [" + d.rule + "] @" + d.pointer;
}

inline std::vector<std::string> show_all(
    const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(show(d));
  return out;
}

// Validates a bare JSON value; returns the messages.
// Reads `text` (a whole file) and validates it against `schema`; returns
// the schema's diagnostics, sorted, as show() gives them, or {"not usable"}
// when the front matter cannot be validated.
inline std::vector<std::string> validate_text(
    const std::shared_ptr<const CompiledSchema>& schema,
    const std::string& text) {
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document =
      read_document(text, lines, DocumentOptions{}, diagnostics);
  if (!document.usable) return {"not usable"};
  std::vector<Diagnostic> found;
  Validator(schema).validate(document, lines, found);
  sort_diagnostics(found);
  return show_all(found);
}

inline std::vector<std::string> check_json(
    const std::shared_ptr<const CompiledSchema>& schema,
    const nlohmann::json& data) {
  Validator validator(schema);
  std::vector<Diagnostic> diagnostics;
  validator.validate(data, diagnostics);
  std::vector<std::string> out = show_all(diagnostics);
  std::sort(out.begin(), out.end());  // no spans to order them by
  return out;
}

}  // namespace fmkit::schema_testing
