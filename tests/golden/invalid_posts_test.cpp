// SPDX-License-Identifier: MIT
//
// Golden tests: every fixtures/invalid/NAME.md is validated against the
// bundled post schema through the whole CLI (run_cli, in-process); stdout
// must equal NAME.text (with a final "[exit N]" line) and the --format json
// output must equal NAME.json, byte for byte. FMKIT_UPDATE_GOLDEN=1
// rewrites the goldens: review the diff before committing it.
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

using testing_support::check_golden;
using testing_support::CliResult;
using testing_support::environment_in;

// Runs fmkit in the source folder, so paths in the output read
// "fixtures/invalid/NAME.md" wherever the build is.
CliResult run(const std::vector<std::string>& args) {
  return testing_support::run_fmkit(args, environment_in(FMKIT_SOURCE_DIR));
}

std::vector<std::string> invalid_posts() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(FMKIT_SOURCE_DIR) /
                                                  "fixtures/invalid")) {
    if (entry.path().extension() == ".md") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class InvalidPostGoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(InvalidPostGoldenTest, TextAndJsonOutputMatchGoldens) {
  const std::string name = GetParam();
  const std::string file = "fixtures/invalid/" + name + ".md";
  const fs::path golden =
      fs::path(FMKIT_SOURCE_DIR) / "fixtures/invalid" / name;

  CliResult text =
      run({"validate", "--schema", "schemas/post.schema.json", file});
  EXPECT_EQ(text.err, "");
  check_golden(golden.string() + ".text",
               text.out + "[exit " + std::to_string(text.code) + "]\n");

  CliResult json = run({"validate", "--format", "json", "--schema",
                        "schemas/post.schema.json", file});
  EXPECT_EQ(json.err, "");
  EXPECT_EQ(json.code, text.code);
  check_golden(golden.string() + ".json", json.out);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, InvalidPostGoldenTest, testing::ValuesIn(invalid_posts()),
    [](const testing::TestParamInfo<std::string>& param_info) {
      std::string name = param_info.param;
      for (char& c : name) {
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(ExampleSiteTest, EveryPostOfTheExampleSiteIsValid) {
  // --no-cache: nothing is written into the source tree.
  CliResult result =
      run({"validate", "--config", "fixtures/site/fmkit.yaml", "--no-cache"});
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(result.code, 0) << result.out;
  // 22 posts and notes, 2 series.
  EXPECT_NE(result.out.find("24 files"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace fmkit
