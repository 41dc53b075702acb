// SPDX-License-Identifier: MIT
#include "document/yaml_file.hpp"

#include "base/json_pointer.hpp"
#include "document/yaml_to_json.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace fmkit {

YamlFile::YamlFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)), m_lines(m_text) {
  YamlOptions options;
  options.own_file = true;
  std::optional<YamlDocument> document = parse_yaml_document(
      m_text, 0, m_text.size(), m_lines, options, m_diagnostics);
  if (!document) return;
  m_parsed = true;
  m_root = std::move(document->value);
  m_positions = std::move(document->positions);
}

SourceSpan YamlFile::span(std::string_view pointer, Place place) const {
  const NodeInfo* node = m_positions.find(pointer);
  if (node == nullptr) {
    // Something missing is shown at the entry that should hold it.
    node = m_positions.find_nearest(pointer);
    place = Place::key;
  }
  if (node == nullptr || (pointer.empty() && place == Place::key)) {
    // The root: its first character, or the start of an empty file.
    size_t end = m_text.empty() ? 0 : 1;
    return m_lines.span(0, end);
  }
  if (place == Place::key && node->has_key) {
    return m_lines.span(node->key_begin, node->key_end);
  }
  return m_lines.span(node->value_begin, node->value_end);
}

void YamlFile::add(Severity severity, std::string_view pointer, Place place,
                   std::string rule, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.pointer = std::string(pointer);
  d.span = span(pointer, place);
  m_diagnostics.push_back(std::move(d));
}

void YamlFile::error(std::string_view pointer, Place place, std::string rule,
                     std::string message) {
  add(Severity::error, pointer, place, std::move(rule), std::move(message));
}

void YamlFile::warning(std::string_view pointer, Place place, std::string rule,
                       std::string message) {
  add(Severity::warning, pointer, place, std::move(rule), std::move(message));
}

std::vector<std::string> YamlFile::keys_in_order(
    const nlohmann::json& object, std::string_view pointer) const {
  std::vector<std::string> keys;
  std::string prefix = std::string(pointer) + '/';
  for (const auto& [child, info] : m_positions.entries()) {
    if (!child.starts_with(prefix) ||
        child.find('/', prefix.size()) != std::string::npos) {
      continue;
    }
    std::vector<std::string> tokens = split_pointer(child);
    if (!tokens.empty() && object.contains(tokens.back())) {
      keys.push_back(std::move(tokens.back()));
    }
  }
  // Keys without a position (inside an alias's copy) follow, sorted.
  for (const auto& item : object.items()) {
    if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
      keys.push_back(item.key());
    }
  }
  return keys;
}

bool YamlFile::has_errors() const { return count_errors(m_diagnostics) > 0; }

Problems YamlFile::problems() const {
  if (m_diagnostics.empty()) return {};
  FileReport report{m_path, m_text, m_diagnostics};
  sort_diagnostics(report.diagnostics);
  Problems problems;
  problems.push_back(std::move(report));
  return problems;
}

}  // namespace fmkit
