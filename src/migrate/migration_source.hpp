// SPDX-License-Identifier: MIT
//
// MigrationSource: a migration file read with positions (a YamlFile) and
// the problems found in it, each a diagnostic at its key or value, shown
// like any other: "path:line:col: error: message [rule]", the line, a
// caret. Rules: migration.unknown-key, migration.unknown-op,
// migration.unknown-argument, migration.invalid (a bad value or a missing
// argument). ArgReader reads one op's arguments from it, remembering which
// names it asked for so that unknown arguments can be reported with a
// did-you-mean. Used while parsing only; not thread-safe.
#pragma once

#include "base/source_span.hpp"
#include "document/yaml_file.hpp"
#include "migrate/field_path.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class MigrationSource {
 public:
  // `file` (parsed) must outlive this object.
  explicit MigrationSource(YamlFile& file) : m_file(file) {}

  // Records an error at the value (or, with Place::key, the key) of the
  // node at `pointer`; a missing node is shown at its nearest ancestor.
  void error(std::string_view pointer, std::string_view message,
             Place place = Place::value,
             std::string_view rule = "migration.invalid");

  // Returns "path:line:col" of the node at `pointer` (its key if it has one).
  std::string location(std::string_view pointer) const;

  const std::string& path() const { return m_file.path(); }
  // How many errors were recorded so far.
  size_t error_count() const { return m_errors; }

 private:
  YamlFile& m_file;
  size_t m_errors = 0;
};

enum class Required { yes, no };

// Reads the arguments of one op (a mapping) from a MigrationSource.
class ArgReader {
 public:
  // `args` is the JSON at `pointer`. A non-mapping is reported at once.
  ArgReader(MigrationSource& source, std::string pointer,
            const nlohmann::json& args, std::string_view op_name);

  // Returns the argument `name`, or nullptr when it is absent (an error if
  // `required`).
  const nlohmann::json* value(std::string_view name, Required required);
  std::optional<FieldPath> field(std::string_view name, Required required);
  std::optional<std::string> string(std::string_view name, Required required);
  std::optional<bool> boolean(std::string_view name);
  // A non-empty list of any values, or a single value taken as a list of one.
  std::optional<std::vector<nlohmann::json>> values(std::string_view name,
                                                    Required required);

  // Reports `message` at the argument `name` (its value).
  void error(std::string_view name, std::string_view message);
  // Reports `message` at the op itself.
  void op_error(std::string_view message);

  // Reports every argument that was never asked for, with a did-you-mean.
  // Returns true when no error was reported for this op.
  bool finish();

  const std::string& pointer() const { return m_pointer; }
  const std::string& op_name() const { return m_op_name; }
  MigrationSource& source() { return m_source; }

 private:
  std::string arg_pointer(std::string_view name) const;

  MigrationSource& m_source;
  std::string m_pointer;
  const nlohmann::json& m_args;
  std::string m_op_name;
  std::vector<std::string> m_known;
  size_t m_errors_before = 0;
  bool m_is_mapping = false;
};

}  // namespace fmkit
