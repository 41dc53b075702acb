// SPDX-License-Identifier: MIT
//
// Rules across files end to end (in-process CLI) on the site
// fixtures/rules/: duplicates (within a collection, and across two with
// `normalize: url`), dangling references to a data file, to files by stem
// and by a field, with their "did you mean", in every output format; the
// same findings from a warm result cache; scoped runs (--files-from, PATHs)
// that check the named files against the whole site and report only
// theirs; and mistakes in the rules, config errors in the one form. Output
// equals the goldens fixtures/rules/expected/* (FMKIT_UPDATE_GOLDEN=1
// rewrites them: review the diff). The site is copied into a temp folder
// REPO/site with a REPO/.git folder, as the CI formats test does; the temp
// folder's path is written "/REPO".
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::check_golden;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::FixtureRepo;
using testing_support::replace_all;
using testing_support::ScopedTempDir;

const fs::path k_source = FMKIT_SOURCE_DIR;
const fs::path k_fixture = k_source / "fixtures/rules";

class SiteRulesGolden : public testing::Test {
 protected:
  fs::path site() const { return m_repo.site(); }

  CliResult run(const std::vector<std::string>& args) const {
    CliResult result = testing_support::run_fmkit(args, environment_in(site()));
    result.out = m_repo.stable(result.out);
    result.err = m_repo.stable(result.err);
    return result;
  }

  // The transcript of `commands` (as testing_support::transcript()).
  std::string transcript(
      const std::vector<std::vector<std::string>>& commands) const {
    return testing_support::transcript(
        commands,
        [this](const std::vector<std::string>& args) { return run(args); });
  }

  FixtureRepo m_repo{k_fixture,
                     {"fmkit.yaml", "post.schema.json", "page.schema.json",
                      "data", "content"}};
};

TEST_F(SiteRulesGolden, EachFormatMatchesItsGolden) {
  const std::map<std::string, std::string> k_goldens = {
      {"text", "text.txt"},    {"json", "json.json"},
      {"sarif", "sarif.json"}, {"github", "github.txt"},
      {"junit", "junit.xml"},  {"gitlab", "gitlab.json"},
  };
  for (const auto& [format, golden] : k_goldens) {
    CliResult r = run({"validate", "--no-cache", "--format", format});
    EXPECT_EQ(r.code, 1) << format;
    EXPECT_EQ(r.err, "") << format;
    check_golden(k_fixture / "expected" / golden, r.out);
  }
}

// A warm run takes every file from the cache (none is parsed again), and
// still reports every finding of the rules: the values are cached too.
TEST_F(SiteRulesGolden, AWarmCacheReportsTheSameFindings) {
  CliResult cold = run({"validate"});
  ASSERT_TRUE(fs::exists(site() / ".fmkit-cache/validate.cache"));
  CliResult warm = run({"validate"});
  EXPECT_EQ(cold.code, 1);
  EXPECT_EQ(warm.code, 1);
  EXPECT_NE(cold.out.find("[unique.duplicate]"), std::string::npos);
  EXPECT_EQ(warm.out, cold.out);
  check_golden(k_fixture / "expected/text.txt", warm.out);
}

// Runs over some files check them against the whole site, and report only
// their own findings.
TEST_F(SiteRulesGolden, ScopedRunsCheckTheNamedFilesAgainstTheSite) {
  std::string list = (site() / "list.txt").string();
  std::ofstream(list) << "content/posts/hello-again.md\n";
  std::ofstream(site() / "content/posts/new.md")
      << "---\ntitle: New\nslug: rust\n---\n";
  std::ofstream(site() / "one.txt") << "content/posts/new.md\n";
  check_golden(k_fixture / "expected/scoped.txt",
               transcript({{"validate", "--files-from", "list.txt"},
                           {"validate", "--files-from", "one.txt"},
                           {"validate", "content/posts/new.md"},
                           // The other files' values from the cache.
                           {"validate", "--quiet"},
                           {"validate", "--files-from", "one.txt"}}));
}

// The findings of the rules go through the baseline like any other.
TEST_F(SiteRulesGolden, TheBaselineHoldsTheirFindings) {
  CliResult written =
      run({"validate", "--no-cache", "--write-baseline", "base.json"});
  EXPECT_EQ(written.code, 0) << written.out << written.err;
  EXPECT_NE(written.out.find("8 findings written to the baseline"),
            std::string::npos)
      << written.out;
  CliResult held = run({"validate", "--no-cache", "--baseline", "base.json"});
  EXPECT_EQ(held.code, 0) << held.out << held.err;
  EXPECT_NE(held.out.find("8 findings suppressed by the baseline"),
            std::string::npos)
      << held.out;
}

// The example site (the README's first command) declares rules: a typo in
// a post's author and a series' slug used twice are caught.
TEST(ExampleSiteRulesTest, TheExampleSiteChecksItsRules) {
  ScopedTempDir dir;
  for (const char* folder : {"fixtures/site", "schemas", "migrations"}) {
    fs::create_directories(dir.path() / folder);
    fs::copy(k_source / folder, dir.path() / folder,
             fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
  fs::path post =
      dir.path() / "fixtures/site/content/posts/2024/founder-mode.md";
  std::string text = testing_support::read_bytes(post);
  ASSERT_NE(text.find("author: ben\n"), std::string::npos);
  std::ofstream(post, std::ios::binary)
      << replace_all(text, "author: ben\n", "author: bne\n");
  fs::path series = dir.path() / "fixtures/site/content/series/forecasting.md";
  std::ofstream(series, std::ios::binary)
      << "---\ntitle: Again\nslug: 媒介观察\n---\n";
  CliResult r = testing_support::run_fmkit(
      {"validate", "--config", "fixtures/site/fmkit.yaml", "--no-cache"},
      environment_in(dir.path()));
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("fixtures/site/content/posts/2024/founder-mode.md:3:9: "
                       "error: author 'bne' names no key of _data/authors.yml "
                       "(did you mean 'ben'?) [ref.dangling]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("fixtures/site/content/series/forecasting.md:3:7: "
                       "error: duplicate slug '媒介观察', also at "
                       "fixtures/site/content/series/media-watch.md:3:7 "
                       "[unique.duplicate]"),
            std::string::npos)
      << r.out;
}

// Every mistake in a rule is a config error at its place, exit 2.
TEST_F(SiteRulesGolden, MistakesInRulesAreConfigErrors) {
  std::string config = testing_support::read_bytes(site() / "fmkit.yaml");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string changed = replace_all(config, from, to);
    EXPECT_NE(changed, config) << from;
    std::ofstream(site() / "fmkit.yaml", std::ios::binary) << changed;
    return transcript({{"validate", "--no-cache"}});
  };
  std::string out;
  out += with("across: [pages]", "across: [page]");
  out += with("normalize: url", "normalize: uri");
  out += with("collection: series", "collection: serie");
  out += with("data/authors.yml", "data/author.yml");
  out += with("key: stem}", "key: stem, kye: 1}");
  out += with("[slug,", "['/a//b',");
  // Outside the repository (REPO/.git): not read, whatever it holds.
  out += with("data/authors.yml", "/etc/passwd");
  fs::copy(k_fixture / "data/authors.yml", site() / "data/list.yml");
  out += with("data/authors.yml}", "data/list.yml, key: id}");
  check_golden(k_fixture / "expected/config-errors.txt", out);
}

}  // namespace
}  // namespace fmkit
