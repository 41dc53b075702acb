// SPDX-License-Identifier: MIT
//
// MigrationSource: a parsed migration file (its YAML as JSON plus the
// positions of every node) and the errors found in it, each formatted as
// "path:line:col: error: message". ArgReader reads one op's arguments from
// it, remembering which names it asked for so that unknown arguments can be
// reported with a did-you-mean. Used while parsing only; not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/source_span.hpp"
#include "document/position_map.hpp"
#include "migrate/field_path.hpp"

namespace fmkit {

class MigrationSource {
 public:
  // `text` and `lines` must outlive this object; `path` is how messages name
  // the file.
  MigrationSource(std::string path, const LineIndex& lines,
                  const PositionMap& positions);

  // Records an error at the value (or, with `at_key`, the key) of the node
  // at `pointer`; the root or an unknown pointer gives line 1, column 1.
  void error(std::string_view pointer, std::string_view message,
             bool at_key = false);

  // Returns "path:line:col" of the node at `pointer` (its key if it has one).
  std::string location(std::string_view pointer) const;
  SourcePos position(std::string_view pointer, bool at_key = false) const;

  const std::string& path() const { return m_path; }
  const std::vector<std::string>& errors() const { return m_errors; }

 private:
  std::string m_path;
  const LineIndex& m_lines;
  const PositionMap& m_positions;
  std::vector<std::string> m_errors;
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
