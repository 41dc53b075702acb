// SPDX-License-Identifier: MIT
//
// The required draft-07 tests of JSON-Schema-Test-Suite, run through
// SchemaRegistry and Validator. fmkit deliberately does not pass them all:
// remote refs are refused (refRemote.json, the meta-schema in
// definitions.json), `$id`-based resolution is not supported, and
// `format` is checked (format.json expects the unknown-to-draft-07 formats
// to be ignored). The test prints the pass count per file and the cases
// that fail, and fails if the total drops below the last measured one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/schema_registry.hpp"
#include "schema/schema_test_support.hpp"
#include "schema/validator.hpp"

namespace fmkit {
namespace {

namespace fs = std::filesystem;

// Measured with this implementation; raise it when fmkit passes more.
constexpr int k_min_passed = 870;

TEST(SchemaConformanceTest, Draft7RequiredKeywords) {
  fs::path folder = fs::path(FMKIT_SHARED_DIR) / "conformance/JSON-Schema-Test-Suite/tests/draft7";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  int passed = 0;
  int total = 0;
  std::vector<std::string> failures;
  for (const fs::path& file : files) {
    nlohmann::json groups = nlohmann::json::parse(schema_testing::read_text(file));
    int file_passed = 0;
    int file_total = 0;
    for (const auto& group : groups) {
      SchemaRegistry registry(schema_testing::memory_files({{"/suite/schema.json", group["schema"].dump()}}));
      auto schema = registry.load("/suite/schema.json");
      for (const auto& test : group["tests"]) {
        ++file_total;
        std::string name = file.stem().string() + ": " + group["description"].get<std::string>() +
                           ": " + test["description"].get<std::string>();
        if (!schema) {
          failures.push_back(name + " (schema refused: " + schema_testing::show_problems(schema.error()) + ")");
          continue;
        }
        Validator validator(*schema);
        std::vector<Diagnostic> diagnostics;
        validator.validate(test["data"], diagnostics);
        if (diagnostics.empty() == test["valid"].get<bool>()) {
          ++file_passed;
        } else {
          failures.push_back(name + (diagnostics.empty() ? " (passed, expected invalid)"
                                                         : " (failed: " + diagnostics[0].message + ")"));
        }
      }
    }
    std::printf("[ suite    ] %-28s %3d/%3d\n", file.filename().string().c_str(), file_passed,
                file_total);
    passed += file_passed;
    total += file_total;
  }
  std::printf("[ suite    ] draft7 total: %d/%d passed\n", passed, total);
  for (const std::string& failure : failures) std::printf("[ not pass ] %s\n", failure.c_str());
  EXPECT_GE(passed, k_min_passed);
}

}  // namespace
}  // namespace fmkit
