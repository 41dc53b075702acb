// SPDX-License-Identifier: MIT
#include "run/file_list.hpp"

#include "report/render_support.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {
namespace {

using namespace std::string_literals;
using testing_support::headers;
using testing_support::ScopedTempDir;
using Names = std::vector<std::string>;

TEST(FileListTest, SplitsLinesOrNulSeparatedNames) {
  struct Case {
    std::string text;
    Names names;
  };
  const Case cases[] = {
      {"", {}},
      {"a.md", {"a.md"}},
      {"a.md\nb.md\n", {"a.md", "b.md"}},
      {"a.md\r\nb.md\r\n", {"a.md", "b.md"}},
      {"\n\na.md\n\n\nb.md", {"a.md", "b.md"}},
      {" spaced name.md \n", {" spaced name.md "}},
      // NUL present: NUL-separated, a newline is part of a name.
      {"a\nb.md\0c.md\0"s, {"a\nb.md", "c.md"}},
      {"\0\0a.md\0"s, {"a.md"}},
      {"a.md\r\0"s, {"a.md\r"}},
      {"caf\xC3\xA9.md\n", {"caf\xC3\xA9.md"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(split_file_list(c.text), c.names) << c.text;
  }
}

TEST(FileListTest, ListedFilesAreRelativeToTheWorkingFolder) {
  FileSelection selection =
      listed_files("./docs/a.md\n/abs/b.md\n../up.md\n", "/work/site");
  ASSERT_EQ(selection.files.size(), 3u);
  EXPECT_EQ(selection.files[0].path(), "/work/site/docs/a.md");
  EXPECT_EQ(selection.files[0].display(), "docs/a.md");
  EXPECT_EQ(selection.files[1].path(), "/abs/b.md");
  EXPECT_EQ(selection.files[1].display(), "/abs/b.md");
  EXPECT_EQ(selection.files[2].path(), "/work/up.md");
  EXPECT_EQ(selection.files[2].display(), "../up.md");
  EXPECT_TRUE(selection.files[0].exists);
  EXPECT_EQ(selection.files[0].note, "");
}

TEST(FileListTest, ListedFilesHoldTheirPathOnceWhenShownAsItsTail) {
  FileSelection selection =
      listed_files("./docs/a.md\n/abs/b.md\n../up.md\n", "/work/site");
  ASSERT_EQ(selection.files.size(), 3u);
  const SelectedFile& a = selection.files[0];
  EXPECT_EQ(a.display().data(), a.path().data() + a.path().size() - 9);
  const SelectedFile& b = selection.files[1];
  EXPECT_EQ(b.display().data(), b.path().data());
  // "../up.md" is no tail of "/work/up.md": its own bytes, same text.
  const SelectedFile& up = selection.files[2];
  EXPECT_EQ(up.display(), "../up.md");
  EXPECT_NE(up.display().data() + up.display().size(),
            up.path().data() + up.path().size());
}

TEST(FileListTest, ReadsAListFileOrSaysWhyNot) {
  ScopedTempDir dir;
  dir.write("list.txt", "a.md\nb.md\n");
  auto selection = read_file_list("list.txt", dir.path());
  ASSERT_TRUE(selection);
  ASSERT_EQ(selection->files.size(), 2u);
  EXPECT_EQ(selection->files[1].path(), dir / "b.md");

  selection = read_file_list("missing.txt", dir.path());
  ASSERT_FALSE(selection);
  EXPECT_EQ(headers(selection.error()),
            "missing.txt: error: cannot read the file list: no such file or "
            "directory [io]\n");
}

TEST(ShardTest, ParsesKOfN) {
  auto shard = parse_shard("2/4");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 1u);
  EXPECT_EQ(shard->count, 4u);
  shard = parse_shard("1/1");
  ASSERT_TRUE(shard);
  EXPECT_EQ(shard->index, 0u);

  struct Bad {
    std::string_view text;
    std::string_view error;
  };
  const Bad bad[] = {
      {"0/3", "'0/3': shards count from 1 (1/3 to 3/3)"},
      {"4/3", "'4/3': there are only 3 shards (1/3 to 3/3)"},
      {"2/1", "'2/1': there is only 1 shard (1/1 to 1/1)"},
      {"1/0", "'1/0': N, the number of shards, is 0"},
      {"3", "'3' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
      {"", "'' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
      {"a/b", "'a/b' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
      {"1/3/4", "'1/3/4' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
      {"-1/3", "'-1/3' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
      {" 1/3", "' 1/3' is not K/N (shard K of N, e.g. 2/4: the second of 4)"},
      {"99999999999999999999/3",
       "'99999999999999999999/3' is not K/N (shard K of N, e.g. 2/4: the "
       "second of 4)"},
  };
  for (const Bad& b : bad) {
    auto parsed = parse_shard(b.text);
    ASSERT_FALSE(parsed) << b.text;
    EXPECT_EQ(parsed.error(), b.error);
  }
}

TEST(ShardTest, Fnv1a64KnownValues) {
  // The FNV test vectors (Fowler, Noll, Vo).
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
}

// A tree of files like a site's content.
std::vector<std::string> tree(size_t count, size_t first = 0) {
  std::vector<std::string> files;
  for (size_t i = first; i < first + count; ++i) {
    files.push_back("content/posts/" + std::to_string(2000 + i % 25) +
                    "/post-" + std::to_string(i) + ".md");
  }
  return files;
}

TEST(ShardTest, ShardsCoverEveryFileOnce) {
  const std::vector<std::string> files = tree(2000);
  for (size_t n : {1u, 2u, 3u, 7u, 16u}) {
    std::vector<size_t> owners(files.size(), 0);
    std::vector<size_t> sizes(n, 0);
    for (size_t k = 0; k < n; ++k) {
      Shard shard{k, n};
      for (size_t i = 0; i < files.size(); ++i) {
        if (!shard.contains(files[i])) continue;
        ++owners[i];
        ++sizes[k];
      }
    }
    for (size_t i = 0; i < files.size(); ++i) {
      EXPECT_EQ(owners[i], 1u) << files[i] << " in " << n << " shards";
    }
    // Balanced enough to be worth it: no shard twice its fair share.
    for (size_t k = 0; k < n; ++k) {
      EXPECT_LT(sizes[k], 2 * files.size() / n + 1) << k + 1 << "/" << n;
    }
  }
}

}  // namespace
}  // namespace fmkit
