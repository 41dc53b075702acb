// SPDX-License-Identifier: MIT
//
// `fmkit validate` and its result cache, end to end through run_cli: a
// warm run prints exactly what a fresh run prints, in every format and with
// any -j; --no-cache and --cache-dir; a cache that can't be written.
#include "cli/cli.hpp"
#include "cli/cli_run.hpp"
#include "run/cache_store.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

class ValidateCacheTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml",
                 "collections:\n  posts:\n    include: 'content/**/*.md'\n"
                 "    schema: post.json\n");
    m_site.write("post.json",
                 R"({"required": ["title"], "properties": {"title": )"
                 R"({"type": "string"}, "tags": {"type": "array", "items": )"
                 R"({"type": "string"}}}, "additionalProperties": false})");
    m_site.write("content/good.md", "---\ntitle: Good\n---\nbody\n");
    m_site.write(
        "content/bad.md",
        "\xEF\xBB\xBF---\r\ntitle: 42\r\ndraft: yes\r\ntags: [a, 1]\r\n"
        "---\r\n");
    m_site.write("content/wide.md", "---\ntitle: \xE4\xB8\xAD\t[x]\n---\n");
    m_site.write("content/none.md", "no front matter\n");
    m_site.write("content/unclosed.md", "---\ntitle: open\n");
  }

  CliResult validate(std::vector<std::string> args) {
    args.insert(args.begin(), "validate");
    return run_fmkit(args, m_environment);
  }

  fs::path cache_file() const {
    return m_site.path() / ".fmkit-cache/validate.cache";
  }

  ino_t inode(const fs::path& path) const {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
  }

  ScopedTempDir m_site;
  CliEnvironment m_environment = environment_in(m_site.path());
};

void expect_same(const CliResult& a, const CliResult& b, const char* what) {
  EXPECT_EQ(a.code, b.code) << what;
  EXPECT_EQ(a.out, b.out) << what;
  EXPECT_EQ(a.err, b.err) << what;
}

TEST_F(ValidateCacheTest, AWarmRunPrintsExactlyWhatAFreshRunPrints) {
  for (const char* format : {"text", "json"}) {
    for (const char* jobs : {"1", "2"}) {
      fs::remove_all(m_site.path() / ".fmkit-cache");
      std::vector<std::string> args = {"--format", format, "-j", jobs};
      std::vector<std::string> no_cache = args;
      no_cache.push_back("--no-cache");
      CliResult fresh = validate(no_cache);
      EXPECT_EQ(fresh.code, 1);
      EXPECT_FALSE(fs::exists(m_site.path() / ".fmkit-cache"));
      CliResult cold = validate(args);
      ino_t written = inode(cache_file());
      ASSERT_NE(written, 0u);
      CliResult warm = validate(args);
      // Nothing was written: every file was a hit.
      EXPECT_EQ(inode(cache_file()), written);
      expect_same(cold, fresh, "cold");
      expect_same(warm, fresh, "warm");
      // The other format and -j read the same cache.
      for (const char* other : {"text", "json"}) {
        CliResult fresh_other = validate({"--no-cache", "--format", other});
        expect_same(validate({"--format", other, "-j", "3"}), fresh_other,
                    other);
      }
      EXPECT_EQ(inode(cache_file()), written);
    }
  }
}

TEST_F(ValidateCacheTest, WarmQuietAndColorRunsMatchToo) {
  validate({});
  expect_same(validate({"--quiet"}), validate({"--quiet", "--no-cache"}),
              "quiet");
  expect_same(validate({"--color", "always"}),
              validate({"--color", "always", "--no-cache"}), "color");
}

TEST_F(ValidateCacheTest, NoCacheNeitherReadsNorWrites) {
  validate({});
  std::string bytes = m_site.read(".fmkit-cache/validate.cache");
  // Plant a different result for good.md under its real key: --no-cache
  // must not show it, and must leave the file as it is.
  auto entries = decode_cache_file(bytes);
  ASSERT_TRUE(entries);
  Diagnostic planted{Severity::error, "planted", "from the cache", "", {}};
  std::string planted_bytes = encode_diagnostics({planted});
  std::vector<std::pair<std::string_view, CacheEntryView>> rewritten;
  for (const auto& [path, entry] : *entries) {
    rewritten.emplace_back(path, path == "content/good.md"
                                     ? CacheEntryView{entry.key, planted_bytes}
                                     : entry);
  }
  std::string planted_file = encode_cache_file(rewritten);
  m_site.write(".fmkit-cache/validate.cache", planted_file);
  ino_t before = inode(cache_file());
  CliResult bypassed = validate({"--no-cache"});
  EXPECT_EQ(bypassed.out.find("planted"), std::string::npos);
  EXPECT_EQ(inode(cache_file()), before);
  EXPECT_EQ(m_site.read(".fmkit-cache/validate.cache"), planted_file);
  // Without it the planted entry is a hit: the cache is really read.
  EXPECT_NE(validate({}).out.find("content/good.md: error: from the cache "
                                  "[planted]"),
            std::string::npos);
}

TEST_F(ValidateCacheTest, SelectionsAndShardsKeepTheOtherFilesEntries) {
  validate({});
  auto entries_of = [&] {
    auto entries =
        decode_cache_file(m_site.read(".fmkit-cache/validate.cache"));
    return entries ? entries->size() : size_t{0};
  };
  size_t all = entries_of();
  ASSERT_EQ(all, 5u);
  m_site.write("list.txt", "content/good.md\n");
  m_site.write("content/good.md", "---\ntitle: Changed\n---\n");
  EXPECT_EQ(validate({"--files-from", "list.txt"}).code, 0);
  EXPECT_EQ(entries_of(), all);
  m_site.write("content/good.md", "---\ntitle: Again\n---\n");
  validate({"--shard", "1/2"});
  validate({"--shard", "2/2"});
  EXPECT_EQ(entries_of(), all);
}

TEST_F(ValidateCacheTest, CacheDirKeepsTheCacheElsewhere) {
  CliResult fresh = validate({"--no-cache"});
  expect_same(validate({"--cache-dir", "elsewhere"}), fresh, "cold");
  EXPECT_TRUE(fs::exists(m_site.path() / "elsewhere/validate.cache"));
  EXPECT_EQ(m_site.read("elsewhere/.gitignore").substr(0, 1), "#");
  EXPECT_FALSE(fs::exists(m_site.path() / ".fmkit-cache"));
  expect_same(validate({"--cache-dir", "elsewhere"}), fresh, "warm");
  CliResult both = validate({"--no-cache", "--cache-dir", "x"});
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("[usage]"), std::string::npos) << both.err;
}

TEST_F(ValidateCacheTest, ACacheThatCannotBeWrittenIsOnlyAWarning) {
  CliResult fresh = validate({"--no-cache"});
  // A folder below a file can never be made, even by root.
  CliResult r = validate({"--cache-dir", "post.json/cache"});
  EXPECT_EQ(r.code, fresh.code);
  EXPECT_EQ(r.out, fresh.out);
  EXPECT_EQ(r.err,
            "post.json/cache/validate.cache: warning: cannot write the result "
            "cache: not a directory; the results are not kept for the next "
            "run [cache]\n");
}

TEST_F(ValidateCacheTest, SchemaRunsUseTheUserCacheWhenThereIsOne) {
  std::vector<std::string> args = {"--schema", "post.json", "content"};
  CliResult fresh =
      validate({"--schema", "post.json", "content", "--no-cache"});
  // No $XDG_CACHE_HOME or $HOME: no cache.
  expect_same(validate(args), fresh, "no home");
  EXPECT_FALSE(fs::exists(m_site.path() / ".fmkit-cache"));
  m_environment.cache_home = m_site.path() / "xdg";
  expect_same(validate(args), fresh, "cold");
  std::vector<fs::path> folders;
  for (const auto& entry :
       fs::directory_iterator(m_site.path() / "xdg/fmkit")) {
    folders.push_back(entry.path());
  }
  ASSERT_EQ(folders.size(), 1u);
  ino_t written = inode(folders[0] / "validate.cache");
  ASSERT_NE(written, 0u);
  expect_same(validate(args), fresh, "warm");
  EXPECT_EQ(inode(folders[0] / "validate.cache"), written);
}

TEST_F(ValidateCacheTest, ConcurrentRunsPrintTheSameAndLeaveAValidCache) {
  CliResult fresh = validate({"--no-cache"});
  std::vector<CliResult> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] { results[t] = validate({"-j", "2"}); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const CliResult& r : results) expect_same(r, fresh, "concurrent");
  EXPECT_TRUE(decode_cache_file(m_site.read(".fmkit-cache/validate.cache"))
                  .has_value());
  ino_t settled = inode(cache_file());
  expect_same(validate({}), fresh, "after");
  EXPECT_EQ(inode(cache_file()), settled);
}

}  // namespace
}  // namespace fmkit
