// SPDX-License-Identifier: MIT
#include "migrate/migration_source.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"

#include <algorithm>

namespace fmkit {

void MigrationSource::error(std::string_view pointer, std::string_view message,
                            Place place, std::string_view rule) {
  m_file.error(pointer, place, std::string(rule), std::string(message));
  ++m_errors;
}

std::string MigrationSource::location(std::string_view pointer) const {
  SourcePos pos = m_file.span(pointer, Place::key).begin;
  return path() + ":" + std::to_string(pos.line) + ":" +
         std::to_string(pos.column);
}

ArgReader::ArgReader(MigrationSource& source, std::string pointer,
                     const nlohmann::json& args, std::string_view op_name)
    : m_source(source),
      m_pointer(std::move(pointer)),
      m_args(args),
      m_op_name(op_name),
      m_errors_before(source.error_count()),
      m_is_mapping(args.is_object()) {
  if (!m_is_mapping) {
    m_source.error(m_pointer, "the arguments of '" + m_op_name +
                                  "' must be a mapping, got " +
                                  describe_value(args, ValueStyle::subject));
  }
}

std::string ArgReader::arg_pointer(std::string_view name) const {
  return append_pointer(m_pointer, name);
}

const nlohmann::json* ArgReader::value(std::string_view name,
                                       Required required) {
  m_known.emplace_back(name);
  if (!m_is_mapping) return nullptr;
  auto it = m_args.find(name);
  if (it == m_args.end()) {
    if (required == Required::yes) {
      m_source.error(m_pointer,
                     "'" + m_op_name + "' needs '" + std::string(name) + "'");
    }
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> ArgReader::string(std::string_view name,
                                             Required required) {
  const nlohmann::json* node = value(name, required);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) {
    error(name, "'" + std::string(name) + "' must be a string, got " +
                    describe_value(*node, ValueStyle::subject));
    return std::nullopt;
  }
  return node->get<std::string>();
}

std::optional<FieldPath> ArgReader::field(std::string_view name,
                                          Required required) {
  std::optional<std::string> text = string(name, required);
  if (!text) return std::nullopt;
  Expected<FieldPath> path = parse_field_path(*text);
  if (!path) {
    error(name, path.error());
    return std::nullopt;
  }
  return std::move(path).value();
}

std::optional<bool> ArgReader::boolean(std::string_view name) {
  const nlohmann::json* node = value(name, Required::no);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) {
    error(name, "'" + std::string(name) + "' must be true or false, got " +
                    describe_value(*node, ValueStyle::subject));
    return std::nullopt;
  }
  return node->get<bool>();
}

std::optional<std::vector<nlohmann::json>> ArgReader::values(
    std::string_view name, Required required) {
  const nlohmann::json* node = value(name, required);
  if (node == nullptr) return std::nullopt;
  if (!node->is_array()) return std::vector<nlohmann::json>{*node};
  if (node->empty()) {
    error(name, "'" + std::string(name) + "' must not be empty");
    return std::nullopt;
  }
  return std::vector<nlohmann::json>(node->begin(), node->end());
}

void ArgReader::error(std::string_view name, std::string_view message) {
  m_source.error(arg_pointer(name), message);
}

void ArgReader::op_error(std::string_view message) {
  m_source.error(m_pointer, message);
}

bool ArgReader::finish() {
  if (m_is_mapping) {
    for (const auto& [key, unused] : m_args.items()) {
      if (std::find(m_known.begin(), m_known.end(), key) != m_known.end()) {
        continue;
      }
      m_source.error(arg_pointer(key),
                     "unknown argument '" + key + "' of '" + m_op_name + "'" +
                         did_you_mean(key, m_known),
                     Place::key, "migration.unknown-argument");
    }
  }
  return m_source.error_count() == m_errors_before;
}

}  // namespace fmkit
