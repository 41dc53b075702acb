// SPDX-License-Identifier: MIT
//
// Golden tests: fixtures/migrate/<case>/ holds before.md and migrations/;
// the expected results are after.md plus expected.diff (the unified diff),
// or errors.txt for a case that must fail. FMKIT_UPDATE_GOLDEN=1 rewrites
// them. Every migrated case is also run a second time, which must change
// nothing.
#include "document/front_matter.hpp"
#include "edit/unified_diff.hpp"
#include "migrate/planner.hpp"
#include "report/render_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

const fs::path k_root = fs::path(FMKIT_SOURCE_DIR) / "fixtures" / "migrate";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool update_golden() {
  const char* value = std::getenv("FMKIT_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

// Compares `actual` with the golden file, or rewrites it.
void check_golden(const fs::path& path, const std::string& actual) {
  if (update_golden()) {
    write_file(path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing";
  EXPECT_EQ(actual, read_file(path)) << path;
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_root)) {
    if (entry.is_directory()) names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class MigrateGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MigrateGoldenTest, Case) {
  const fs::path dir = k_root / GetParam();
  const std::string before = read_file(dir / "before.md");
  std::vector<MigrationFile> files;
  for (const auto& entry : fs::directory_iterator(dir / "migrations")) {
    files.push_back({"migrations/" + entry.path().filename().string(),
                     read_file(entry.path())});
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  auto chain = load_chain(files);
  ASSERT_TRUE(chain) << testing_support::messages(chain.error());
  MigrateOptions options;
  options.path = "posts/" + GetParam() + ".md";
  DocumentPlan plan = plan_document(before, *chain, options);

  if (!plan.ok()) {
    std::string errors;
    for (const Diagnostic& d : plan.diagnostics) {
      errors += std::to_string(d.span.begin.line) + ":" +
                std::to_string(d.span.begin.column) + ": " +
                std::string(to_string(d.severity)) + ": " + d.message + " [" +
                d.rule + "]\n";
    }
    EXPECT_EQ(plan.text, before) << "a failed plan keeps the text";
    check_golden(dir / "errors.txt", errors);
    EXPECT_FALSE(fs::exists(dir / "after.md"));
    return;
  }
  EXPECT_FALSE(fs::exists(dir / "errors.txt"));
  check_golden(dir / "after.md", plan.text);
  check_golden(dir / "expected.diff",
               unified_diff(before, plan.text, "a/" + GetParam() + ".md",
                            "b/" + GetParam() + ".md"));
  // Everything after the front matter ("---", "..." or "+++") is untouched.
  FrontMatter fm = split_front_matter(before);
  ASSERT_NE(fm.status, FrontMatterStatus::missing);
  EXPECT_TRUE(plan.text.ends_with(before.substr(fm.body_begin)));

  DocumentPlan again = plan_document(plan.text, *chain, options);
  EXPECT_EQ(again.status, PlanStatus::up_to_date);
  EXPECT_EQ(again.text, plan.text);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, MigrateGoldenTest, ::testing::ValuesIn(cases()),
    [](const ::testing::TestParamInfo<std::string>& param) {
      std::string name = param.param;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

}  // namespace
}  // namespace fmkit
