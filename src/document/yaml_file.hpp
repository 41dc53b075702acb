// SPDX-License-Identifier: MIT
//
// YamlFile: one of fmkit's own YAML files (fmkit.yaml, a migration file)
// read with the positions of every node, and the problems found in it as
// Diagnostics that point into it. Every loader of fmkit's own files reports
// through this one type, so a bad key in fmkit.yaml and a bad op in a
// migration read alike:
//
//   fmkit.yaml:4:5: error: unknown key 'includ' in collection 'posts'
//       (did you mean 'include'?) [config.unknown-key]
//       includ: "content/*.md"
//       ^~~~~~
//
// YAML errors in the file (syntax, duplicate keys, ...) are its first
// problems; `parsed()` then tells that there is nothing to read. Not
// thread-safe; the text is owned, so a YamlFile stands alone.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/position_map.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Which part of a mapping entry a problem points at.
enum class Place { key, value };

class YamlFile {
 public:
  // Parses `text`, the file shown to the user as `path`.
  YamlFile(std::string path, std::string text);
  YamlFile(const YamlFile&) = delete;
  YamlFile& operator=(const YamlFile&) = delete;

  // Whether the YAML could be read; false after a YAML error.
  bool parsed() const { return m_parsed; }
  // The file's data (null for an empty file).
  const nlohmann::json& root() const { return m_root; }
  const std::string& path() const { return m_path; }
  const std::string& text() const { return m_text; }

  // Returns the span of the key (Place::key, when the node is a mapping
  // entry) or the value of the node at `pointer`. A pointer with no node
  // (a missing argument) gets the key of its nearest ancestor that has one;
  // the root gets the file's first character.
  SourceSpan span(std::string_view pointer, Place place) const;

  // Adds an error (or, with Severity::warning, a warning) at span() of
  // `pointer`.
  void error(std::string_view pointer, Place place, std::string rule,
             std::string message);
  void warning(std::string_view pointer, Place place, std::string rule,
               std::string message);

  // Returns the keys of the mapping `object` at `pointer` in the order the
  // file lists them (nlohmann::json sorts its keys).
  std::vector<std::string> keys_in_order(const nlohmann::json& object,
                                         std::string_view pointer) const;

  // Whether an error was reported (YAML errors included).
  bool has_errors() const;

  // Returns the problems found so far, sorted by position, as one
  // FileReport holding the file's text; empty when there are none.
  Problems problems() const;

 private:
  void add(Severity severity, std::string_view pointer, Place place,
           std::string rule, std::string message);

  std::string m_path;
  std::string m_text;
  LineIndex m_lines;
  nlohmann::json m_root;
  PositionMap m_positions;
  std::vector<Diagnostic> m_diagnostics;
  bool m_parsed = false;
};

}  // namespace fmkit
