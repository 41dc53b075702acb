// SPDX-License-Identifier: MIT
//
// fixtures/hugo: a Hugo site mixing the three front matter formats Hugo
// reads (YAML, TOML, JSON) under one schema and one migration chain, with a
// draft of each format holding mistakes. The transcript of validate (text
// and JSON) and of a migrate dry run, then of migrate --write on a copy and
// of validate and migrate after it, must equal the reviewed golden
// fixtures/hugo/expected.txt (FMKIT_UPDATE_GOLDEN=1 rewrites it). Nothing
// is written into the source tree.
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::ScopedTempDir;

const fs::path k_site = fs::path(FMKIT_SOURCE_DIR) / "fixtures" / "hugo";

TEST(HugoSiteTest, TranscriptMatchesTheGolden) {
  std::string transcript = testing_support::transcript(
      k_site, {{"validate", "--no-cache"},
               {"validate", "--no-cache", "--format", "json"},
               {"migrate"}});
  ScopedTempDir copy;
  fs::copy(k_site, copy.path(), fs::copy_options::recursive);
  transcript += "# on a copy of the site\n";
  transcript += testing_support::transcript(
      copy.path(), {{"migrate", "--write"},
                    {"validate", "--no-cache", "content/posts"},
                    {"migrate"}});
  testing_support::check_golden(k_site / "expected.txt", transcript);
}

}  // namespace
}  // namespace fmkit
