// SPDX-License-Identifier: MIT
//
// Golden tests: every fixtures/invalid/NAME.md is validated against the
// bundled post schema through the whole CLI (run_cli, in-process); stdout
// must equal NAME.text (with a final "[exit N]" line) and the --format json
// output must equal NAME.json, byte for byte. FMKIT_UPDATE_GOLDEN=1
// rewrites the goldens: review the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace fmkit {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

CliRun run(std::vector<std::string> args) {
  std::vector<const char*> argv = {"fmkit"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

std::vector<std::string> invalid_posts() {
  std::vector<std::string> names;
  for (const auto& entry :
       fs::directory_iterator(fs::path(FMKIT_SOURCE_DIR) / "fixtures/invalid")) {
    if (entry.path().extension() == ".md") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class InvalidPostGoldenTest : public testing::TestWithParam<std::string> {
 protected:
  // Paths in the output are shown as given: run from the source folder so
  // they read "fixtures/invalid/NAME.md" wherever the build is.
  static void SetUpTestSuite() { fs::current_path(FMKIT_SOURCE_DIR); }

  void check_golden(const fs::path& golden, const std::string& actual) {
    if (std::getenv("FMKIT_UPDATE_GOLDEN")) {
      std::ofstream(golden, std::ios::binary) << actual;
      return;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing";
    EXPECT_EQ(actual, read_all(golden)) << "golden " << golden;
  }
};

TEST_P(InvalidPostGoldenTest, TextAndJsonOutputMatchGoldens) {
  const std::string name = GetParam();
  const std::string file = "fixtures/invalid/" + name + ".md";
  const fs::path golden = fs::path("fixtures/invalid") / name;

  CliRun text = run({"validate", "--schema", "schemas/post.schema.json", file});
  EXPECT_EQ(text.err, "");
  check_golden(golden.string() + ".text",
               text.out + "[exit " + std::to_string(text.exit_code) + "]\n");

  CliRun json = run({"validate", "--format", "json", "--schema",
                  "schemas/post.schema.json", file});
  EXPECT_EQ(json.err, "");
  EXPECT_EQ(json.exit_code, text.exit_code);
  check_golden(golden.string() + ".json", json.out);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, InvalidPostGoldenTest,
                         testing::ValuesIn(invalid_posts()),
                         [](const testing::TestParamInfo<std::string>& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(ExampleSiteTest, EveryPostOfTheExampleSiteIsValid) {
  fs::current_path(FMKIT_SOURCE_DIR);
  CliRun result = run({"validate", "--config", "fixtures/site/fmkit.yaml"});
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_NE(result.out.find("22 files"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace fmkit
