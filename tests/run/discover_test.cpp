// SPDX-License-Identifier: MIT
#include "run/discover.hpp"

#include "report/render_support.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::headers;
using testing_support::ScopedTempDir;

std::vector<std::string> displays(const Discovery& discovery) {
  std::vector<std::string> out;
  for (const FoundFile& file : discovery.files) {
    out.emplace_back(file.display());
  }
  return out;
}

class DiscoverTest : public testing::Test {
 protected:
  void SetUp() override {
    m_tree.write("site/a.md", "");
    m_tree.write("site/b.markdown", "");
    m_tree.write("site/c.txt", "");
    m_tree.write("site/README", "");
    m_tree.write("site/.hidden/x.md", "");
    m_tree.write("site/node_modules/pkg/README.md", "");
    m_tree.write("site/sub/d.md", "");
    m_tree.write("site/sub/.e.md", "");
    m_tree.write("site/sub/deeper/f.md", "");
    m_tree.write("outside/o.md", "");
    fs::create_directory_symlink(m_tree.path() / "site/sub",
                                 m_tree.path() / "site/link-dir");
    fs::create_directory_symlink(m_tree.path() / "outside",
                                 m_tree.path() / "site/link-out-dir");
    fs::create_symlink(m_tree.path() / "site/a.md",
                       m_tree.path() / "site/link-in.md");
    fs::create_symlink(m_tree.path() / "outside/o.md",
                       m_tree.path() / "site/link-out.md");
    fs::create_symlink(m_tree.path() / "site/nowhere.md",
                       m_tree.path() / "site/dangling.md");
  }

  ScopedTempDir m_tree;
};

TEST_F(DiscoverTest, WalksFoldersForMarkdownSkippingHiddenModulesAndLinks) {
  Discovery found = discover_files({"site"}, m_tree.path(), DiscoverOptions{});
  EXPECT_EQ(headers(found.problems), "");
  EXPECT_EQ(displays(found),
            (std::vector<std::string>{
                "site/a.md", "site/b.markdown", "site/link-in.md",
                "site/sub/.e.md", "site/sub/d.md", "site/sub/deeper/f.md"}));
  // Paths for reading are absolute.
  EXPECT_EQ(found.files[0].path(), (m_tree.path() / "site/a.md").string());
  EXPECT_FALSE(found.files[0].named);
}

TEST_F(DiscoverTest, NamedFilesAreTakenWhateverTheirNameAndLinks) {
  Discovery found = discover_files({"site/c.txt", "./site/link-out.md"},
                                   m_tree.path(), DiscoverOptions{});
  EXPECT_EQ(headers(found.problems), "");
  EXPECT_EQ(displays(found),
            (std::vector<std::string>{"site/c.txt", "site/link-out.md"}));
  EXPECT_TRUE(found.files[0].named);
}

TEST_F(DiscoverTest, AbsolutePathsAreShownAsGiven) {
  std::string site = m_tree / "site/sub";
  Discovery found = discover_files({site}, "/", DiscoverOptions{});
  EXPECT_EQ(displays(found),
            (std::vector<std::string>{site + "/.e.md", site + "/d.md",
                                      site + "/deeper/f.md"}));
}

TEST_F(DiscoverTest, DeduplicatesFilesReachedTwice) {
  Discovery found = discover_files(
      {"site/sub", "site/sub/d.md", "site/../site/sub/d.md", "site/sub/"},
      m_tree.path(), DiscoverOptions{});
  EXPECT_EQ(displays(found),
            (std::vector<std::string>{"site/sub/.e.md", "site/sub/d.md",
                                      "site/sub/deeper/f.md"}));
}

TEST_F(DiscoverTest, MissingPathsAreErrorsAndTheRestStillFound) {
  Discovery found = discover_files({"nope.md", "site/sub/d.md"}, m_tree.path(),
                                   DiscoverOptions{});
  EXPECT_EQ(headers(found.problems),
            "nope.md: error: no such file or directory [io]\n");
  EXPECT_EQ(displays(found), std::vector<std::string>{"site/sub/d.md"});
}

TEST_F(DiscoverTest, OptionsChooseExtensionsAndSkippedFolders) {
  DiscoverOptions options;
  options.extensions = {".txt"};
  options.skip_folders = {"sub"};
  Discovery found = discover_files({"site"}, m_tree.path(), options);
  EXPECT_EQ(displays(found), std::vector<std::string>{"site/c.txt"});
}

// Whether `file`'s shown path is bytes of its absolute path, not a copy.
bool shares_path(const FilePath& file) {
  const char* begin = file.path().data();
  const char* shown = file.display().data();
  std::less_equal<const char*> before;
  return before(begin, shown) && before(shown, begin + file.path().size());
}

TEST_F(DiscoverTest, FoundFilesHoldTheirPathOnceWhenShownAsItsTail) {
  std::string outside = m_tree / "outside/o.md";
  Discovery found =
      discover_files({"site", outside}, m_tree.path(), DiscoverOptions{});
  ASSERT_EQ(found.files.size(), 7u);
  for (const FoundFile& file : found.files) {
    EXPECT_TRUE(shares_path(file)) << file.display();
    EXPECT_TRUE(file.path().ends_with(file.display()));
  }
  // Shown as given, up out of the working folder: kept apart, same bytes.
  Discovery up = discover_files({"../outside/o.md", "../outside"},
                                m_tree.path() / "site", DiscoverOptions{});
  ASSERT_EQ(up.files.size(), 1u);
  EXPECT_EQ(up.files[0].display(), "../outside/o.md");
  EXPECT_EQ(up.files[0].path(), (m_tree.path() / "outside/o.md").string());
  EXPECT_FALSE(shares_path(up.files[0]));
  EXPECT_TRUE(up.files[0].named);
}

TEST_F(DiscoverTest, FindFilesHandsEachFileOverAsFound) {
  std::vector<std::string> taken;
  std::vector<std::string> named;
  Discovery found = find_files(
      {"site/sub", "nope.md", "site/sub/d.md", "site/sub/deeper"},
      m_tree.path(), DiscoverOptions{}, [&](FoundFile&& file) {
        if (file.display().ends_with("f.md")) return false;
        taken.emplace_back(file.display());
        if (file.named) named.emplace_back(file.display());
        FoundFile kept = std::move(file);  // the file is the caller's
        return true;
      });
  EXPECT_TRUE(found.files.empty());
  std::sort(taken.begin(), taken.end());
  // Unsorted and with repeats: d.md is reached from two paths.
  EXPECT_EQ(taken, (std::vector<std::string>{"site/sub/.e.md", "site/sub/d.md",
                                             "site/sub/d.md"}));
  EXPECT_EQ(named, std::vector<std::string>{"site/sub/d.md"});
  // Files refused by `take` are not counted: "site/sub/deeper" matched none.
  EXPECT_EQ(found.found_per_path, (std::vector<size_t>{2, 0, 1, 0}));
  EXPECT_EQ(headers(found.problems),
            "nope.md: error: no such file or directory [io]\n");
}

TEST(DisplayPathTest, NormalizesForDisplay) {
  EXPECT_EQ(display_path("./a/b/../c.md"), "a/c.md");
  EXPECT_EQ(display_path("docs/"), "docs");
  EXPECT_EQ(display_path("."), ".");
  EXPECT_EQ(display_path("./"), ".");
  EXPECT_EQ(display_path("../x.md"), "../x.md");
  EXPECT_EQ(display_path("/abs//x.md"), "/abs/x.md");
  EXPECT_EQ(display_path("/"), "/");
}

TEST(DisplayPathTest, SortsSegmentBySegment) {
  std::vector<FoundFile> files = {
      {{"/r/a-b/x.md", "a-b/x.md"}, false}, {{"/r/a/z.md", "a/z.md"}, false},
      {{"/r/a.md", "a.md"}, false},         {{"/r/B.md", "B.md"}, false},
      {{"/r/a.md", "./a.md"}, false},       {{"/r/a/z.md", "a/z.md"}, true},
  };
  sort_and_deduplicate(files);
  std::vector<std::string> order;
  for (const FoundFile& f : files) order.emplace_back(f.display());
  // "a.md" is "./a.md" again: the first in sorted order stays; of two equal
  // entries, the first given.
  EXPECT_EQ(order,
            (std::vector<std::string>{"./a.md", "B.md", "a/z.md", "a-b/x.md"}));
  EXPECT_FALSE(files[2].named);
}

TEST(DisplayPathTest, SortsADequeLikeAVector) {
  std::deque<FoundFile> files;
  files.push_back({{"/r/a-b/x.md", "a-b/x.md"}, false});
  files.push_back({{"/r/a.md", "a.md"}, false});
  files.push_back({{"/r/a/z.md", "a/z.md"}, false});
  files.push_back({{"/r/a.md", "./a.md"}, true});
  sort_and_deduplicate(files);
  std::vector<std::string> order;
  for (const FoundFile& f : files) order.emplace_back(f.display());
  EXPECT_EQ(order, (std::vector<std::string>{"./a.md", "a/z.md", "a-b/x.md"}));
  EXPECT_TRUE(files[0].named);
}

TEST(DisplayPathTest, JoinsWithoutNormalizingPlainPaths) {
  EXPECT_EQ(join_path("/r", "a/b.md"), "/r/a/b.md");
  EXPECT_EQ(join_path("/", "a.md"), "/a.md");
  EXPECT_EQ(join_path("/r", ""), "/r");
  EXPECT_EQ(join_path("/r/s", "../a.md"), "/r/a.md");
  EXPECT_EQ(join_path("/r", "./a.md"), "/r/a.md");
  EXPECT_EQ(join_display(".", "a/b.md"), "a/b.md");
  EXPECT_EQ(join_display("docs", "a.md"), "docs/a.md");
  EXPECT_EQ(join_display("/", "a.md"), "/a.md");
  EXPECT_EQ(join_display("..", "a.md"), "../a.md");
  EXPECT_EQ(join_display("site", "../x/a.md"), "x/a.md");
  EXPECT_EQ(join_display("docs", ""), "docs");
}

}  // namespace
}  // namespace fmkit
