// SPDX-License-Identifier: MIT
//
// --files-from (a file, standard input; lines or NUL-separated) and --shard
// end to end, through the in-process CLI.
#include "cli/cli.hpp"
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using namespace std::string_literals;
using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

constexpr const char* k_config = R"(collections:
  posts:
    include: ["content/**/*.md"]
    schema: post.schema.json
)";

// Each checked file gives one warning naming it.
constexpr const char* k_marked = "---\ntitle: fine\nflag: yes\n---\n";

class FilesFromTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml", k_config);
    m_site.write("post.schema.json",
                 R"({"type": "object", "required": ["title"]})");
    for (const char* name :
         {"content/a.md", "content/b c.md", "content/new\nline.md",
          "content/d.md", "README.md"}) {
      m_site.write(name, k_marked);
    }
    m_site.write("package.json", "{}");
  }

  CliResult validate(std::vector<std::string> args,
                     std::istream* in = nullptr) {
    args.insert(args.begin(), "validate");
    auto environment = environment_in(m_site.path());
    environment.in = in;
    return run_fmkit(args, environment);
  }

  // The files whose warning the output shows, in order: what was checked.
  // A file's name starts after the end of what comes before: a caret line
  // or a header line without source ("... [io]\n").
  static std::vector<std::string> checked(const std::string& out) {
    std::vector<std::string> files;
    const std::string marker = ":3:7: warning: ";
    for (size_t at = out.find(marker); at != std::string::npos;
         at = out.find(marker, at + 1)) {
      size_t caret = out.rfind("^~~\n", at);
      size_t header = out.rfind("]\n", at);
      size_t start = 0;
      if (caret != std::string::npos) start = caret + 4;
      if (header != std::string::npos) start = std::max(start, header + 2);
      files.push_back(out.substr(start, at - start));
    }
    return files;
  }

  ScopedTempDir m_site;
};

TEST_F(FilesFromTest, ReadsLinesFromAFile) {
  m_site.write("list.txt",
               "content/a.md\r\n\r\n./content/b c.md\r\npackage.json\r\n"
               "README.md\n");
  CliResult r = validate({"--files-from", "list.txt"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // package.json: not Markdown, in no collection: left out in silence.
  EXPECT_EQ(checked(r.out),
            (std::vector<std::string>{"content/a.md", "content/b c.md"}));
  EXPECT_TRUE(r.out.starts_with(
      "README.md: warning: not checked: no collection in 'fmkit.yaml' "
      "includes this file [config.no-collection]\n"))
      << r.out;
  EXPECT_TRUE(r.out.ends_with("3 files, 0 with errors, 0 errors, 3 warnings\n"))
      << r.out;
}

TEST_F(FilesFromTest, ReadsNulSeparatedNamesFromStandardInput) {
  std::istringstream in("content/new\nline.md\0content/d.md\0"s);
  CliResult r = validate({"--files-from", "-"}, &in);
  EXPECT_EQ(r.code, 0) << r.err;
  // The text output shows the name's line feed as U+FFFD.
  EXPECT_EQ(checked(r.out),
            (std::vector<std::string>{"content/d.md",
                                      "content/new\xEF\xBF\xBDline.md"}));

  std::istringstream lines("content/d.md\n");
  r = validate({"--files-from", "-", "--quiet"}, &lines);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");

  // An empty list checks nothing, successfully.
  std::istringstream empty("");
  r = validate({"--files-from", "-"}, &empty);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "0 files, 0 with errors, 0 errors, 0 warnings\n");
}

TEST_F(FilesFromTest, ListedFilesThatCannotBeReadAreErrors) {
  m_site.write("list.txt", "content/missing.md\ncontent/a.md\n");
  CliResult r = validate({"--files-from", "list.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(checked(r.out), std::vector<std::string>{"content/a.md"});
  EXPECT_NE(r.out.find("content/missing.md: error: no such file or directory "
                       "[io]\n"),
            std::string::npos)
      << r.out;

  r = validate({"--files-from", "nope.txt"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "nope.txt: error: cannot read the file list: no such file or "
            "directory [io]\n");

  r = validate({"--files-from", "-"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "fmkit: error: --files-from -: there is no standard input [io]\n");
}

TEST_F(FilesFromTest, PathsNarrowTheList) {
  std::istringstream in("content/a.md\ncontent/d.md\nREADME.md\n");
  CliResult r = validate({"content/d.md", "--files-from", "-"}, &in);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(checked(r.out), std::vector<std::string>{"content/d.md"});
  EXPECT_TRUE(r.out.ends_with("1 file, 0 with errors, 0 errors, 1 warning\n"));
}

// --- Shards -----------------------------------------------------------------

class ShardCliTest : public FilesFromTest {
 protected:
  void add_posts(int from, int to) {
    for (int i = from; i < to; ++i) {
      m_site.write("content/posts/" + std::to_string(i % 7) + "/post-" +
                       std::to_string(i) + ".md",
                   k_marked);
    }
  }

  // The file -> shard (1-based) of each file, from runs of every shard.
  std::map<std::string, int> shards_of(int n) {
    std::map<std::string, int> owner;
    for (int k = 1; k <= n; ++k) {
      CliResult r = validate(
          {"--shard", std::to_string(k) + "/" + std::to_string(n), "-j", "3"});
      EXPECT_EQ(r.code, 0) << r.err;
      for (const std::string& file : checked(r.out)) {
        EXPECT_TRUE(owner.emplace(file, k).second)
            << file << " is in shards " << owner[file] << " and " << k;
      }
    }
    return owner;
  }
};

TEST_F(ShardCliTest, ShardsCoverEveryFileOnceAndFilesStayInTheirShard) {
  add_posts(0, 60);
  CliResult all = validate({});
  std::vector<std::string> every = checked(all.out);
  ASSERT_EQ(every.size(), 64u);  // 60 posts, a.md, b c.md, d.md, new\nline.md

  std::map<std::string, int> before = shards_of(3);
  EXPECT_EQ(before.size(), every.size());
  std::set<int> used;
  for (const auto& [file, shard] : before) used.insert(shard);
  EXPECT_EQ(used, (std::set<int>{1, 2, 3}));

  // Adding files moves none of the others to another shard.
  add_posts(60, 90);
  std::map<std::string, int> after = shards_of(3);
  EXPECT_EQ(after.size(), every.size() + 30);
  for (const auto& [file, shard] : before) {
    EXPECT_EQ(after[file], shard) << file;
  }
}

TEST_F(ShardCliTest, ShardsNarrowSelectionsAndNeedKOfN) {
  add_posts(0, 20);
  std::string list;
  for (int i = 0; i < 20; ++i) {
    list += "content/posts/" + std::to_string(i % 7) + "/post-" +
            std::to_string(i) + ".md\n";
  }
  size_t total = 0;
  for (int k = 1; k <= 2; ++k) {
    std::istringstream in(list);
    CliResult r = validate(
        {"--files-from", "-", "--shard", std::to_string(k) + "/2"}, &in);
    EXPECT_EQ(r.code, 0) << r.err;
    total += checked(r.out).size();
  }
  EXPECT_EQ(total, 20u);

  struct Bad {
    const char* shard;
    const char* message;
  };
  const Bad bad[] = {
      {"0/3", "'0/3': shards count from 1 (1/3 to 3/3)"},
      {"4/3", "'4/3': there are only 3 shards (1/3 to 3/3)"},
      {"x", "'x' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
  };
  for (const Bad& b : bad) {
    CliResult r = validate({"--shard", b.shard});
    EXPECT_EQ(r.code, 2) << b.shard;
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(r.err.starts_with(
        "fmkit: error: --shard: " + std::string(b.message) + " [usage]\n"))
        << r.err;
  }
}

}  // namespace
}  // namespace fmkit
