// SPDX-License-Identifier: MIT
#include "run/file_path.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace fmkit {
namespace {

// Whether `file`'s shown path is bytes of its absolute path, not a copy.
bool shares_path(const FilePath& file) {
  const char* begin = file.path().data();
  const char* shown = file.display().data();
  // std::less_equal: a total order even for pointers into different objects.
  std::less_equal<const char*> before;
  return before(begin, shown) && before(shown, begin + file.path().size());
}

TEST(FilePathTest, AShownTailIsHeldInThePath) {
  FilePath file("/site/docs/a.md", "docs/a.md");
  EXPECT_EQ(file.path(), "/site/docs/a.md");
  EXPECT_EQ(file.display(), "docs/a.md");
  EXPECT_EQ(file.display().data(), file.path().data() + 6);
}

TEST(FilePathTest, APathShownAsGivenIsHeldOnce) {
  FilePath file("/abs/docs/b.md", "/abs/docs/b.md");
  EXPECT_EQ(file.display(), "/abs/docs/b.md");
  EXPECT_EQ(file.display().data(), file.path().data());
}

TEST(FilePathTest, AShownPathThatIsNoTailIsKeptApart) {
  for (std::string_view shown : {"../up.md", "docs//a.md", "a.MD", "x"}) {
    FilePath file("/work/up.md", shown);
    EXPECT_EQ(file.path(), "/work/up.md");
    EXPECT_EQ(file.display(), shown);
    EXPECT_EQ(shares_path(file), false) << shown;
  }
}

TEST(FilePathTest, ADefaultOneIsEmpty) {
  FilePath file;
  EXPECT_EQ(file.path(), "");
  EXPECT_EQ(file.display(), "");
}

TEST(FilePathTest, CopiesAndMovesKeepBothPaths) {
  // Short paths live inside the std::string (SSO) and move with it; long
  // ones on the heap: both must still show the right bytes.
  const std::string long_folder = "/" + std::string(40, 'f');
  struct Case {
    std::string path;
    std::string shown;
  } cases[] = {
      {"/a.md", "a.md"},
      {"/a.md", "../a.md"},
      {long_folder + "/docs/a.md", "docs/a.md"},
      {long_folder + "/docs/a.md", "../../docs/a.md"},
  };
  for (const Case& c : cases) {
    FilePath file(c.path, c.shown);
    const bool shared = shares_path(file);
    FilePath copy(file);
    EXPECT_EQ(copy.path(), c.path);
    EXPECT_EQ(copy.display(), c.shown);
    EXPECT_EQ(shares_path(copy), shared) << c.shown;
    EXPECT_EQ(file.display(), c.shown);  // the copy took nothing
    FilePath assigned("/other.md", "elsewhere.md");
    assigned = copy;
    EXPECT_EQ(assigned.path(), c.path);
    EXPECT_EQ(assigned.display(), c.shown);
    const FilePath& self = assigned;
    assigned = self;
    EXPECT_EQ(assigned.display(), c.shown);
    FilePath moved(std::move(copy));
    EXPECT_EQ(moved.path(), c.path);
    EXPECT_EQ(moved.display(), c.shown);
    EXPECT_EQ(shares_path(moved), shared) << c.shown;
    FilePath move_assigned;
    move_assigned = std::move(moved);
    EXPECT_EQ(move_assigned.path(), c.path);
    EXPECT_EQ(move_assigned.display(), c.shown);
  }
}

TEST(FilePathTest, TheShownPathMayViewTheGivenOne) {
  std::string path = "/site/docs/a.md";
  FilePath file(path, std::string_view(path).substr(6));
  EXPECT_EQ(file.display(), "docs/a.md");
  EXPECT_EQ(file.display().data(), file.path().data() + 6);
}

}  // namespace
}  // namespace fmkit
