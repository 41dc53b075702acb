// SPDX-License-Identifier: MIT
//
// The bundled example: the dry run of migrations/ on fixtures/site must
// equal the reviewed golden fixtures/site.migrate.txt (the one the README
// shows; FMKIT_UPDATE_GOLDEN=1 rewrites it), and on a copy of the site,
// --write must give posts that validate against the latest schema, after
// which every check passes and a second run changes no byte.
#include "cli/cli_run.hpp"
#include "golden/golden.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::ScopedTempDir;

using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::read_bytes;
using testing_support::run_fmkit;

// Every regular file under `root`, by relative path, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), root).generic_string()] =
          read_bytes(entry.path());
    }
  }
  return files;
}

TEST(ExampleSiteMigrateTest, DryRunMatchesTheGolden) {
  const fs::path source = FMKIT_SOURCE_DIR;
  CliResult r = run_fmkit({"migrate", "--config", "fixtures/site/fmkit.yaml"},
                          environment_in(source));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.code, 0);
  std::string actual = "$ fmkit migrate --config fixtures/site/fmkit.yaml\n" +
                       r.out + "[exit " + std::to_string(r.code) + "]\n";
  testing_support::check_golden(source / "fixtures/site.migrate.txt", actual);
}

TEST(ExampleSiteMigrateTest, WriteGivesValidPostsAndIsIdempotent) {
  const fs::path source = FMKIT_SOURCE_DIR;
  ScopedTempDir dir;
  // The same layout as the repository: fixtures/site, schemas, migrations.
  for (const char* folder : {"fixtures/site", "schemas", "migrations"}) {
    fs::create_directories(dir.path() / folder);
    fs::copy(source / folder, dir.path() / folder,
             fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
  const std::vector<std::string> config = {"--config",
                                           "fixtures/site/fmkit.yaml"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), config.begin(), config.end());
    return run_fmkit(args, environment_in(dir.path()));
  };

  EXPECT_EQ(with({"migrate", "--check"}).code, 1);
  auto before = snapshot(dir.path() / "fixtures/site");
  CliResult written = with({"migrate", "--write"});
  ASSERT_EQ(written.code, 0) << written.out << written.err;
  EXPECT_NE(written.out.find("wrote 18 files"), std::string::npos)
      << written.out;

  // Only posts changed; notes and the decoys kept every byte.
  auto after = snapshot(dir.path() / "fixtures/site");
  ASSERT_EQ(before.size(), after.size());
  size_t changed = 0;
  for (const auto& [path, bytes] : before) {
    if (after[path] == bytes) continue;
    ++changed;
    EXPECT_TRUE(path.starts_with("content/posts/")) << path;
  }
  EXPECT_EQ(changed, 18u);

  // --no-cache: the snapshots below compare every file of the site.
  CliResult validate = with({"validate", "--no-cache"});
  EXPECT_EQ(validate.code, 0) << validate.out;
  EXPECT_EQ(with({"migrate", "--check"}).code, 0);
  CliResult again = with({"migrate", "--write"});
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(snapshot(dir.path() / "fixtures/site"), after);

  // Every post is now at version 3 and follows post.v3.schema.json.
  CliResult v3 =
      run_fmkit({"validate", "--schema", "schemas/post.v3.schema.json",
                 "fixtures/site/content/posts"},
                environment_in(dir.path()));
  EXPECT_EQ(v3.code, 0) << v3.out;
}

}  // namespace
}  // namespace fmkit
