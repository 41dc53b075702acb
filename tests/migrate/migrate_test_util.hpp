// SPDX-License-Identifier: MIT
//
// Helpers for the migrate tests: parse ops from YAML and run them on a text.
#pragma once

#include "migrate/migration.hpp"
#include "migrate/planner.hpp"
#include "report/render_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fmkit::testing {

// Parses `ops_yaml` (the lines of an `ops:` list) into ops; fails the test
// on a parse error.
inline std::vector<OpPtr> parse_ops(std::string_view ops_yaml) {
  std::string text = "version: 2\nops:\n" + std::string(ops_yaml);
  auto migration = parse_migration(text, "m.yaml");
  EXPECT_TRUE(migration) << testing_support::messages(migration.error());
  return migration ? migration->ops : std::vector<OpPtr>{};
}

// Returns the parse error of a migration with these ops ("" when none).
inline std::string ops_error(std::string_view ops_yaml) {
  std::string text = "version: 2\nops:\n" + std::string(ops_yaml);
  auto migration = parse_migration(text, "m.yaml");
  return migration ? "" : testing_support::messages(migration.error());
}

// Applies the ops to `text`: returns the new text, or "ERROR: <messages>".
inline std::string apply(std::string_view text, std::string_view ops_yaml,
                         std::string_view path = "post.md") {
  OpsOptions options;
  options.path = std::string(path);
  OpsResult result = apply_ops(text, parse_ops(ops_yaml), options);
  if (count_errors(result.diagnostics) > 0) {
    std::string out = "ERROR:";
    for (const Diagnostic& d : result.diagnostics) {
      out += " " + d.message + " [" + d.rule + "]";
      if (d.span.valid()) {
        out += " @" + std::to_string(d.span.begin.line) + ":" +
               std::to_string(d.span.begin.column);
      }
    }
    return out;
  }
  return result.text;
}

// One op table row: `before` and, after the ops, `after` ("ERROR: ..."
// for a failure, as apply() gives it).
struct OpsCase {
  const char* name;
  const char* before;
  const char* ops;
  const char* after;
};

inline void run_cases(const std::vector<OpsCase>& cases) {
  for (const OpsCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(apply(c.before, c.ops), c.after);
  }
}

}  // namespace fmkit::testing
