// SPDX-License-Identifier: MIT
#include "run/atomic_file.hpp"

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  fs::path write(const std::string& name, const std::string& content) {
    return m_temp.write(name, content);
  }
  static std::string read(const fs::path& path) {
    return testing_support::read_bytes(path);
  }
  size_t entries() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()));
  }

  testing_support::ScopedTempDir m_temp;
  const fs::path& m_dir = m_temp.path();
};

TEST_F(AtomicFileTest, ReplacesTheFileKeepingItsMode) {
  fs::path path = write("post.md", "---\na: 1\n---\n");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot) << snapshot.error();
  EXPECT_EQ(snapshot->content, "---\na: 1\n---\n");
  auto written = write_file_atomically(path, "---\nb: 2\n---\n", *snapshot);
  ASSERT_TRUE(written) << written.error();
  EXPECT_EQ(read(path), "---\nb: 2\n---\n");
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_NE(st.st_ino, snapshot->inode);  // a new file was renamed in
  EXPECT_EQ(entries(), 1u);               // no temporary file left behind
}

TEST_F(AtomicFileTest, KeepsTheOwnerWhenItCan) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give files away";
  fs::path path = write("post.md", "x");
  ASSERT_EQ(::chown(path.c_str(), 1234, 5678), 0);
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot);
  ASSERT_TRUE(write_file_atomically(path, "y", *snapshot));
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 1234u);
  EXPECT_EQ(st.st_gid, 5678u);
}

TEST_F(AtomicFileTest, NeverWritesThroughASymlink) {
  fs::path target = write("target.md", "old");
  fs::path link = m_dir / "link.md";
  fs::create_symlink(target, link);
  auto snapshot = read_file_snapshot(link);
  ASSERT_TRUE(snapshot) << snapshot.error();
  EXPECT_TRUE(snapshot->symlink);
  EXPECT_EQ(snapshot->content, "old");
  auto written = write_file_atomically(link, "new", *snapshot);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error(),
            "is a symbolic link; fmkit does not write through links");
  EXPECT_EQ(read(target), "old");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(entries(), 2u);
}

TEST_F(AtomicFileTest, ReplacesAFileWithALongName) {
  // 80 CJK characters are 240 bytes: "." + name + ".fmkit-XXXXXX" would
  // pass the 255-byte limit of a file name.
  std::string name;
  for (int i = 0; i < 80; ++i) name += "长";
  name += ".md";
  fs::path path = write(name, "old");
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot);
  auto written = write_file_atomically(path, "new", *snapshot);
  ASSERT_TRUE(written) << written.error();
  EXPECT_EQ(read(path), "new");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, RefusesAFileChangedOnDisk) {
  fs::path path = write("post.md", "read");
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "edited";
  auto written = write_file_atomically(path, "migrated", *snapshot);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error(), "changed on disk since it was read");
  EXPECT_EQ(read(path), "edited");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, RefusesASameSizeEditOnceTheBytesAreFreed) {
  fs::path path = write("post.md", "title: a");
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot);
  std::string().swap(snapshot->content);  // as the migrate runner does
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "title: b";
  auto written = write_file_atomically(path, "migrated", *snapshot);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error(), "changed on disk since it was read");
  EXPECT_EQ(read(path), "title: b");

  std::ofstream(path, std::ios::binary | std::ios::trunc) << "title: a";
  EXPECT_TRUE(write_file_atomically(path, "migrated", *snapshot));
  EXPECT_EQ(read(path), "migrated");
}

TEST_F(AtomicFileTest, RefusesAFileReplacedOnDisk) {
  fs::path path = write("post.md", "same");
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot);
  fs::path other = write("other.md", "same");
  fs::rename(other, path);  // same bytes, another file
  auto written = write_file_atomically(path, "migrated", *snapshot);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error(), "changed on disk since it was read (replaced)");
  EXPECT_EQ(read(path), "same");
}

TEST_F(AtomicFileTest, RefusesHardLinksAndMissingFiles) {
  fs::path path = write("post.md", "x");
  fs::create_hard_link(path, m_dir / "alias.md");
  auto snapshot = read_file_snapshot(path);
  ASSERT_TRUE(snapshot);
  auto written = write_file_atomically(path, "y", *snapshot);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error(), "has 2 hard links; replacing it would split them");
  EXPECT_EQ(read(m_dir / "alias.md"), "x");

  auto missing = read_file_snapshot(m_dir / "nope.md");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), "no such file or directory");
}

TEST_F(AtomicFileTest, CreatesOnlyNewFiles) {
  fs::path path = m_dir / "0002-new.yaml";
  auto created = create_file_atomically(path, "version: 2\n");
  ASSERT_TRUE(created) << created.error();
  EXPECT_EQ(read(path), "version: 2\n");
  auto again = create_file_atomically(path, "other");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error(), "exists already");
  EXPECT_EQ(read(path), "version: 2\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(AtomicFileTest, ReplaceFileReplacesWholeAndLeavesNoTemporary) {
  fs::path path = m_dir / "validate.cache";
  ASSERT_TRUE(replace_file_atomically(path, "first").has_value());
  ASSERT_TRUE(replace_file_atomically(path, "second, longer").has_value());
  EXPECT_EQ(read(path), "second, longer");
  EXPECT_EQ(entries(), 1u);
  auto failed = replace_file_atomically(m_dir / "no-such-folder" / "x", "b");
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error(),
            "cannot create a temporary file beside it: no such file or "
            "directory");
}

// A writer killed mid-write leaves its temporary file, unlocked: the next
// run removes it. A live writer's (locked) file, other names, folders and
// symlinks stay.
TEST_F(AtomicFileTest, RemovesOnlyTheTemporariesOfDeadWriters) {
  write("post.md", "kept");
  write(".post.md.fmkit-a1B2c3", "left by a killed run");
  write(".fmkit-zzzzzz", "left too (a long name)");
  write(".post.md.fmkit-abc", "not our name");
  write("notes.fmkit-abcdef", "not hidden: not ours");
  fs::path live = write(".live.md.fmkit-qwerty", "being written");
  int fd = ::open(live.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);  // as a live writer holds it
  write(".new.md.fmkit-123456", "");   // created, not locked yet
  fs::create_directory(m_dir / ".dir.fmkit-abcdef");
  fs::create_symlink(m_dir / "post.md", m_dir / ".link.md.fmkit-abcdef");

  EXPECT_EQ(remove_stale_temporaries(m_dir), 2u);
  EXPECT_FALSE(fs::exists(m_dir / ".post.md.fmkit-a1B2c3"));
  EXPECT_FALSE(fs::exists(m_dir / ".fmkit-zzzzzz"));
  for (const char* kept :
       {"post.md", ".post.md.fmkit-abc", "notes.fmkit-abcdef",
        ".live.md.fmkit-qwerty", ".dir.fmkit-abcdef"}) {
    EXPECT_TRUE(fs::exists(m_dir / kept)) << kept;
  }
  EXPECT_TRUE(fs::is_symlink(m_dir / ".link.md.fmkit-abcdef"));
  EXPECT_EQ(read(m_dir / "post.md"), "kept");
  ::close(fd);
  EXPECT_EQ(remove_stale_temporaries(m_dir), 1u);  // its writer is gone
  // An empty one goes once it is old enough to have been locked.
  fs::last_write_time(
      m_dir / ".new.md.fmkit-123456",
      fs::file_time_type::clock::now() - std::chrono::minutes(1));
  EXPECT_EQ(remove_stale_temporaries(m_dir), 1u);
  EXPECT_EQ(remove_stale_temporaries(m_dir / "no-such-folder"), 0u);
}

}  // namespace
}  // namespace fmkit
