// SPDX-License-Identifier: MIT
//
// The bundled example: the dry run of migrations/ on fixtures/site must
// equal the reviewed golden fixtures/site.migrate.txt (the one the README
// shows; FMKIT_UPDATE_GOLDEN=1 rewrites it), and on a copy of the site,
// --write must give posts that validate against the latest schema, after
// which every check passes and a second run changes no byte.
#include "cli/cli.hpp"

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
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

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun run(std::vector<std::string> args, const fs::path& cwd) {
  std::vector<const char*> argv = {"fmkit"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  CliEnvironment environment;
  environment.cwd = cwd;
  int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err,
                     environment);
  return {code, out.str(), err.str()};
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every regular file under `root`, by relative path, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), root).generic_string()] =
          read_all(entry.path());
    }
  }
  return files;
}

TEST(ExampleSiteMigrateTest, DryRunMatchesTheGolden) {
  const fs::path source = FMKIT_SOURCE_DIR;
  CliRun r = run({"migrate", "--config", "fixtures/site/fmkit.yaml"}, source);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.code, 0);
  std::string actual = "$ fmkit migrate --config fixtures/site/fmkit.yaml\n" +
                       r.out + "[exit " + std::to_string(r.code) + "]\n";
  const fs::path golden = source / "fixtures/site.migrate.txt";
  if (std::getenv("FMKIT_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, read_all(golden));
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
    return run(args, dir.path());
  };

  EXPECT_EQ(with({"migrate", "--check"}).code, 1);
  auto before = snapshot(dir.path() / "fixtures/site");
  CliRun written = with({"migrate", "--write"});
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

  CliRun validate = with({"validate"});
  EXPECT_EQ(validate.code, 0) << validate.out;
  EXPECT_EQ(with({"migrate", "--check"}).code, 0);
  CliRun again = with({"migrate", "--write"});
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(snapshot(dir.path() / "fixtures/site"), after);

  // Every post is now at version 3 and follows post.v3.schema.json.
  CliRun v3 = run({"validate", "--schema", "schemas/post.v3.schema.json",
                   "fixtures/site/content/posts"},
                  dir.path());
  EXPECT_EQ(v3.code, 0) << v3.out;
}

}  // namespace
}  // namespace fmkit
