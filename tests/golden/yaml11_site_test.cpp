// SPDX-License-Identifier: MIT
//
// fixtures/yaml11: one post read by a `yaml: "1.1"` collection (Jekyll)
// and by a YAML 1.2 one (Hugo). The transcript of validate, dump and a
// migrate dry run must equal the reviewed golden fixtures/yaml11/expected.txt
// (FMKIT_UPDATE_GOLDEN=1 rewrites it). Nothing is written into the source
// tree: --no-cache, and migrate without --write.
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

TEST(Yaml11SiteTest, TranscriptMatchesTheGolden) {
  const fs::path site = fs::path(FMKIT_SOURCE_DIR) / "fixtures" / "yaml11";
  const std::vector<std::vector<std::string>> commands = {
      {"validate", "--no-cache"},
      {"validate", "--no-cache", "--max-warnings", "3", "_posts"},
      {"dump", "_posts/2024-11-13-hello.md"},
      {"dump", "content/hello.md"},
      {"migrate"},
  };
  std::string transcript = testing_support::transcript(site, commands);
  testing_support::check_golden(site / "expected.txt", transcript);
}

}  // namespace
}  // namespace fmkit
