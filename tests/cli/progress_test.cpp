// SPDX-License-Identifier: MIT
#include "cli/progress.hpp"

#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing_support::environment_in;
using testing_support::ScopedTempDir;

constexpr const char* k_erase = "\r\033[K";

TEST(ProgressLineTest, Text) {
  struct Case {
    size_t done;
    size_t total;
    Clock::duration elapsed;
    const char* text;
  };
  const Case cases[] = {
      {0, 10, 0s, "checking 0/10 files (0%)"},
      {500, 2000, 2s, "checking 500/2000 files (25%), 250/s, 6 s left"},
      {100, 300, 1s, "checking 100/300 files (33%), 100/s, 2 s left"},
      {10, 1010, 1s, "checking 10/1010 files (0%), 10/s, 1:40 left"},
      {10, 10000, 10s, "checking 10/10000 files (0%), 1.0/s, 2:46:30 left"},
      {10, 10, 2s, "checking 10/10 files (100%), 5.0/s"},
      {0, 0, 2s, "checking 0/0 files"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ProgressLine::text("checking", c.done, c.total, c.elapsed),
              c.text);
  }
}

class FakeTerminal {
 public:
  FakeTerminal() {
    environment.err_is_terminal = true;
    environment.clock = [this] { return now; };
  }

  CliEnvironment environment;
  Clock::time_point now{};
};

TEST(ProgressLineTest, DrawsAfterASecondAtMostTenTimesASecond) {
  FakeTerminal terminal;
  std::ostringstream out;
  std::ostringstream err;
  ProgressLine line(out, err, terminal.environment, 10, "checking",
                    ShowProgress::on_terminal);
  terminal.now += 500ms;
  line.advance();
  EXPECT_EQ(err.str(), "");  // a quick run shows nothing
  terminal.now += 500ms;
  line.advance();
  EXPECT_EQ(err.str(), std::string(k_erase) +
                           "checking 2/10 files (20%), 2.0/s, 4 s left");
  err.str("");
  terminal.now += 50ms;
  line.advance();
  EXPECT_EQ(err.str(), "");  // not yet 100 ms since the last draw
  terminal.now += 50ms;
  line.advance();
  EXPECT_EQ(err.str(), std::string(k_erase) +
                           "checking 4/10 files (40%), 3.6/s, 1 s left");
  err.str("");

  // The report erases the line before its first byte, once.
  line.out() << "report" << '\n';
  line.out() << "more\n";
  EXPECT_EQ(err.str(), k_erase);
  EXPECT_EQ(out.str(), "report\nmore\n");
  err.str("");
  line.clear();  // already erased
  EXPECT_EQ(err.str(), "");

  terminal.now += 100ms;
  line.advance();
  EXPECT_TRUE(err.str().starts_with(k_erase)) << err.str();
  err.str("");
  line.clear();
  EXPECT_EQ(err.str(), k_erase);
}

TEST(ProgressLineTest, TheDestructorErasesTheLine) {
  FakeTerminal terminal;
  std::ostringstream out;
  std::ostringstream err;
  {
    ProgressLine line(out, err, terminal.environment, 1, "checking",
                      ShowProgress::on_terminal);
    terminal.now += 2s;
    line.advance();
  }
  EXPECT_TRUE(err.str().ends_with(std::string("(100%), 0.5/s") + k_erase))
      << err.str();
}

TEST(ProgressLineTest, NothingOffATerminalOrWhenNotWanted) {
  for (bool terminal_err : {false, true}) {
    FakeTerminal terminal;
    terminal.environment.err_is_terminal = terminal_err;
    std::ostringstream out;
    std::ostringstream err;
    ShowProgress show =
        terminal_err ? ShowProgress::never : ShowProgress::on_terminal;
    ProgressLine line(out, err, terminal.environment, 10, "checking", show);
    EXPECT_EQ(&line.out(), &out);
    for (int i = 0; i < 10; ++i) {
      terminal.now += 1s;
      line.advance();
    }
    line.out() << "report\n";
    line.clear();
    EXPECT_EQ(err.str(), "");
    EXPECT_EQ(out.str(), "report\n");
  }
}

// --- In the CLI, on a fake terminal ----------------------------------------

// A site of 12 posts, every third with a warning.
class ProgressCliTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml",
                 "collections:\n  posts:\n    include: \"content/*.md\"\n"
                 "    schema: post.schema.json\n    migrations: migrations/\n");
    m_site.write("post.schema.json", R"({"type": "object"})");
    m_site.write("migrations/0002-rename.yaml",
                 "version: 2\nops:\n  - rename: {from: flag, to: marker}\n");
    for (int i = 10; i < 22; ++i) {
      m_site.write("content/post-" + std::to_string(i) + ".md",
                   i % 3 == 0 ? "---\nflag: yes\n---\n" : "---\na: 1\n---\n");
    }
  }

  // Runs fmkit with standard output and error on one terminal, whose clock
  // moves on by 300 ms each time it is read; returns what the terminal
  // got.
  std::string on_terminal(std::vector<std::string> args, int* code) {
    FakeTerminal terminal;
    terminal.environment = environment_in(m_site.path());
    terminal.environment.out_is_terminal = true;
    terminal.environment.err_is_terminal = true;
    terminal.environment.no_color = true;
    terminal.environment.clock = [&terminal] {
      terminal.now += 300ms;
      return terminal.now;
    };
    args.insert(args.begin(), "fmkit");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    std::ostringstream screen;
    *code = run_cli(static_cast<int>(argv.size()), argv.data(), screen, screen,
                    terminal.environment);
    return screen.str();
  }

  // What fmkit prints off a terminal.
  std::string plain(std::vector<std::string> args) {
    auto r = testing_support::run_fmkit(args, environment_in(m_site.path()));
    EXPECT_EQ(r.err, "");
    return r.out;
  }

  ScopedTempDir m_site;
};

// A drawn line: the erase, then the text up to the next erase.
const std::regex k_progress("\r\x1b\\[K(checking|migrating|reading) [^\r\n]*");

// Checks that every drawn line on `screen` is erased before anything else
// is written, and returns the screen without the lines and their erases.
std::string without_progress(const std::string& screen, int* lines) {
  *lines = 0;
  for (auto it = std::sregex_iterator(screen.begin(), screen.end(), k_progress);
       it != std::sregex_iterator(); ++it) {
    ++*lines;
    size_t end = static_cast<size_t>(it->position() + it->length());
    EXPECT_EQ(screen.compare(end, 4, k_erase), 0)
        << "not erased: " << it->str();
  }
  std::string rest = std::regex_replace(screen, k_progress, "");
  return std::regex_replace(rest, std::regex("\r\x1b\\[K"), "");
}

TEST_F(ProgressCliTest, ValidateDrawsBetweenReportLinesNeverAcrossThem) {
  for (const char* jobs : {"1", "3"}) {
    int code = 0;
    std::string screen = on_terminal({"validate", "-j", jobs}, &code);
    EXPECT_EQ(code, 0);
    int lines = 0;
    EXPECT_EQ(without_progress(screen, &lines), plain({"validate"}));
    // 12 files, the clock read once per file plus once at the start: the
    // line appears at the fourth file and is redrawn for each after it.
    EXPECT_EQ(lines, 9) << screen;
    EXPECT_NE(screen.find("checking 12/12 files (100%)"), std::string::npos)
        << screen;
  }
}

TEST_F(ProgressCliTest, QuietOrNotATerminalDrawsNothing) {
  int code = 0;
  std::string screen = on_terminal({"validate", "--quiet"}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(screen, "");

  auto r =
      testing_support::run_fmkit({"validate"}, environment_in(m_site.path()));
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find('\033'), std::string::npos);
}

TEST_F(ProgressCliTest, MigrateAndStatusDrawToo) {
  int code = 0;
  std::string screen = on_terminal({"migrate"}, &code);
  EXPECT_EQ(code, 0);
  int lines = 0;
  EXPECT_EQ(without_progress(screen, &lines), plain({"migrate"}));
  EXPECT_GT(lines, 0);
  EXPECT_NE(screen.find("migrating 12/12 files"), std::string::npos);

  screen = on_terminal({"migrate", "status"}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(without_progress(screen, &lines), plain({"migrate", "status"}));
  EXPECT_NE(screen.find("reading 12/12 files"), std::string::npos);
}

}  // namespace
}  // namespace fmkit
