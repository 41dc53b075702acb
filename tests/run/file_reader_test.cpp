// SPDX-License-Identifier: MIT
#include "run/file_reader.hpp"

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fcntl.h>
#include <future>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fmkit {
namespace {

using testing_support::ScopedTempDir;

constexpr std::string_view k_front_matter = "---\ntitle: Hello\n---\n";

TEST(FileReaderTest, StopsAtTheChunkHoldingTheClosingLine) {
  ScopedTempDir dir;
  // A 10 MB body: reading it would show in the bytes read.
  std::string text = std::string(k_front_matter) + std::string(10 << 20, 'x');
  auto path = dir.write("big.md", text);
  auto read = read_front_matter(path, ReadOptions{});
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(read->text.size(), 4096u);
  EXPECT_EQ(read->text, text.substr(0, 4096));
  EXPECT_FALSE(read->whole_file);
  EXPECT_FALSE(read->truncated);
}

TEST(FileReaderTest, GrowsChunksUntilTheBlockCloses) {
  ScopedTempDir dir;
  std::string yaml;
  for (int i = 0; i < 100; ++i) yaml += "key" + std::to_string(i) + ": value\n";
  std::string front_matter = "---\n" + yaml + "---\n";  // ~1.4 KB
  std::string text = front_matter + std::string(1 << 20, 'x');
  auto path = dir.write("post.md", text);
  ReadOptions options;
  options.first_chunk = 16;
  auto read = read_front_matter(path, options);
  ASSERT_TRUE(read) << read.error();
  // 16 + 32 + ... + 1024 = 2032 bytes: the first total past the block.
  EXPECT_EQ(read->text.size(), 2032u);
  EXPECT_TRUE(read->text.starts_with(front_matter));
  EXPECT_FALSE(read->whole_file);
}

TEST(FileReaderTest, ReadsOneChunkOfAFileWithoutFrontMatter) {
  ScopedTempDir dir;
  auto path = dir.write("plain.md", "# Title\n" + std::string(1 << 20, 'x'));
  auto read = read_front_matter(path, ReadOptions{});
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(read->text.size(), 4096u);
}

TEST(FileReaderTest, ReadsShortAndUnclosedFilesToTheEnd) {
  ScopedTempDir dir;
  for (std::string text :
       {std::string(k_front_matter), std::string("---\na: 1\n"),
        std::string("---\na: 1\n---"), std::string("")}) {
    auto path = dir.write("short.md", text);
    auto read = read_front_matter(path, ReadOptions{});
    ASSERT_TRUE(read) << read.error();
    EXPECT_EQ(read->text, text);
  }
}

TEST(FileReaderTest, ADelimiterSplitAcrossChunksIsFound) {
  ScopedTempDir dir;
  // With 4-byte chunks the closing "---\r\n" arrives in pieces.
  std::string text = "---\r\na: 1\r\n---\r\nbody\r\n" + std::string(1000, 'x');
  auto path = dir.write("crlf.md", text);
  ReadOptions options;
  options.first_chunk = 4;
  auto read = read_front_matter(path, options);
  ASSERT_TRUE(read) << read.error();
  EXPECT_TRUE(read->text.starts_with("---\r\na: 1\r\n---\r\n"));
  EXPECT_LT(read->text.size(), 100u);
}

TEST(FileReaderTest, StopsAtTheSizeLimitAndReportsIt) {
  ScopedTempDir dir;
  std::string text = "---\n";
  while (text.size() < 100'000) text += "key: value\n";
  auto path = dir.write("huge.md", text);
  ReadOptions options;
  options.first_chunk = 64;
  options.max_front_matter_bytes = 1000;
  auto read = read_front_matter(path, options);
  ASSERT_TRUE(read) << read.error();
  EXPECT_TRUE(read->truncated);
  EXPECT_FALSE(read->whole_file);
  EXPECT_LT(read->text.size(), 5000u);

  DocumentOptions document_options;
  document_options.yaml.max_bytes = 1000;
  LineIndex lines(read->text);
  std::vector<Diagnostic> diagnostics;
  Document document =
      read_front_matter_document(*read, lines, document_options, diagnostics);
  EXPECT_FALSE(document.usable);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, "yaml.limit");
  EXPECT_EQ(diagnostics[0].message,
            "the front matter is longer than the limit of 1000 bytes (no "
            "closing '---' within it)");
  EXPECT_EQ(diagnostics[0].span, lines.span(0, 3));
}

TEST(FileReaderTest, TomlFrontMatterPastTheLimitIsATomlLimit) {
  ScopedTempDir dir;
  std::string text = "\n+++\n";
  while (text.size() < 100'000) text += "key = 'value'\n";
  auto path = dir.write("huge.md", text);
  ReadOptions options;
  options.first_chunk = 64;
  options.max_front_matter_bytes = 1000;
  auto read = read_front_matter(path, options);
  ASSERT_TRUE(read) << read.error();
  EXPECT_TRUE(read->truncated);

  DocumentOptions document_options;
  document_options.yaml.max_bytes = 1000;
  LineIndex lines(read->text);
  std::vector<Diagnostic> diagnostics;
  Document document =
      read_front_matter_document(*read, lines, document_options, diagnostics);
  EXPECT_FALSE(document.usable);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, "toml.limit");
  EXPECT_EQ(diagnostics[0].message,
            "the front matter is longer than the limit of 1000 bytes (no "
            "closing '+++' within it)");
  EXPECT_EQ(diagnostics[0].span, lines.span(1, 4));
}

TEST(FileReaderTest, ErrorsAreTheReasonOnly) {
  ScopedTempDir dir;
  auto missing = read_front_matter(dir.path() / "nope.md", ReadOptions{});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), "no such file or directory");
  dir.mkdir("folder.md");
  auto folder = read_front_matter(dir.path() / "folder.md", ReadOptions{});
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error(), "is a directory");
  auto whole = read_whole_file(dir.path() / "nope.json");
  ASSERT_FALSE(whole);
  EXPECT_EQ(whole.error(), "no such file or directory");
}

TEST(FileReaderTest, ReadWholeFileReadsEverything) {
  ScopedTempDir dir;
  std::string text(300'000, 'y');
  auto path = dir.write("schema.json", text);
  auto read = read_whole_file(path);
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(*read, text);
}

// A FIFO nobody writes to (`mkfifo post.md`) reads as an empty file
// instead of blocking the run forever. Without the fix the read blocks:
// after 5 s the test opens the FIFO for writing itself, which ends the
// read, and fails.
TEST(FileReaderTest, AFifoWithoutWriterReadsAsEmptyInsteadOfBlocking) {
  ScopedTempDir dir;
  const std::filesystem::path fifo = dir.path() / "pipe.md";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  for (bool whole : {false, true}) {
    auto read = std::async(std::launch::async, [&]() -> Expected<std::string> {
      if (whole) return read_whole_file(fifo);
      auto prefix = read_front_matter(fifo, ReadOptions{});
      if (!prefix) return unexpected(prefix.error());
      return prefix->text;
    });
    if (read.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
      ::close(::open(fifo.c_str(), O_WRONLY));  // unblocks the reader
      read.wait();
      FAIL() << "reading a FIFO without a writer blocked";
    }
    auto text = read.get();
    ASSERT_TRUE(text) << text.error();
    EXPECT_EQ(*text, "");
  }
}

// A pipe whose writer has not written yet is waited for, not read as
// empty: the reader opens it without blocking, and blocks once it reads.
TEST(FileReaderTest, APipeWrittenLaterIsWaitedFor) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string text(k_front_matter);
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ssize_t unused = ::write(fds[1], text.data(), text.size());
    (void)unused;
    ::close(fds[1]);
  });
  auto read = read_whole_file("/proc/self/fd/" + std::to_string(fds[0]));
  writer.join();
  ::close(fds[0]);
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(*read, text);
}

// A pipe that was written to is read whole (`--schema <(...)` names one).
TEST(FileReaderTest, APipeIsReadWhole) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string text(k_front_matter);
  ASSERT_EQ(::write(fds[1], text.data(), text.size()),
            static_cast<ssize_t>(text.size()));
  ::close(fds[1]);
  auto read = read_whole_file("/proc/self/fd/" + std::to_string(fds[0]));
  ::close(fds[0]);
  ASSERT_TRUE(read) << read.error();
  EXPECT_EQ(*read, text);
}

}  // namespace
}  // namespace fmkit
