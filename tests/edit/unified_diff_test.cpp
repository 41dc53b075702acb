// SPDX-License-Identifier: MIT
#include "edit/unified_diff.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

// The expected strings were produced by GNU diff -u on the same inputs.
TEST(UnifiedDiffTest, MatchesGnuDiffHunks) {
  EXPECT_EQ(
      unified_diff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
                   "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn", "a/x", "b/x"),
      "--- a/x\n+++ b/x\n"
      "@@ -1,6 +1,6 @@\n a\n b\n-c\n+C\n d\n e\n f\n"
      "@@ -9,5 +9,6 @@\n i\n j\n k\n-l\n+L\n m\n+n\n"
      "\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("x\n", "", "a", "b"),
            "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
  EXPECT_EQ(unified_diff("", "x\n", "a", "b"),
            "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
}

TEST(UnifiedDiffTest, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "a", "b"), "");
}

TEST(UnifiedDiffTest, KeepsCrlfAndMergesCloseChanges) {
  EXPECT_EQ(unified_diff("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "x", "y"),
            "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n");
  // Changes 6 lines apart share one hunk with 3 lines of context.
  EXPECT_EQ(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n", "X\n2\n3\n4\n5\n6\n7\nY\n",
                         "x", "y"),
            "--- x\n+++ y\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n"
            "-8\n+Y\n");
}

// Applies a unified diff produced by unified_diff() to `before`.
std::string patch(const std::string& before, const std::string& diff) {
  std::vector<std::string> lines;
  for (size_t s = 0; s < before.size();) {
    size_t nl = before.find('\n', s);
    size_t e = nl == std::string::npos ? before.size() : nl + 1;
    lines.push_back(before.substr(s, e - s));
    s = e;
  }
  std::vector<std::string> out;
  size_t next = 0;  // next line of `lines` not yet copied
  std::istringstream in(diff);
  std::string row;
  std::getline(in, row);  // ---
  std::getline(in, row);  // +++
  // Index in `out` of the last line written, or -1 after a removed line (a
  // "\" marker after a removed line changes nothing that is kept).
  long last = -1;
  while (std::getline(in, row)) {
    if (row.starts_with("@@")) {
      size_t a_start = std::stoul(row.substr(4));
      size_t comma = row.find(',');
      size_t space = row.find(' ', 4);
      size_t a_count = comma < space ? std::stoul(row.substr(comma + 1)) : 1;
      size_t first = a_count == 0 ? a_start : a_start - 1;
      while (next < first) out.push_back(lines[next++]);
    } else if (row.starts_with("\\")) {
      if (last >= 0 && out[static_cast<size_t>(last)].ends_with('\n')) {
        out[static_cast<size_t>(last)].pop_back();
      }
    } else {
      std::string line = row.substr(1) + "\n";
      if (row[0] == ' ') {
        out.push_back(lines[next++]);
        last = static_cast<long>(out.size()) - 1;
      } else if (row[0] == '-') {
        ++next;
        last = -1;
      } else {
        out.push_back(line);
        last = static_cast<long>(out.size()) - 1;
      }
    }
  }
  while (next < lines.size()) out.push_back(lines[next++]);
  std::string text;
  for (const std::string& l : out) text += l;
  return text;
}

// Property: for random texts and random line edits, patching `before` with
// the diff gives `after`.
TEST(UnifiedDiffTest, RandomEditsRoundTripThroughPatch) {
  std::mt19937 rng(42);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> a;
    size_t n = rng() % 30;
    for (size_t i = 0; i < n; ++i) a.push_back(std::to_string(rng() % 6));
    std::vector<std::string> b = a;
    size_t changes = rng() % 6;
    for (size_t c = 0; c < changes; ++c) {
      size_t at = b.empty() ? 0 : rng() % (b.size() + 1);
      switch (rng() % 3) {
        case 0:
          b.insert(b.begin() + static_cast<long>(at),
                   "new" + std::to_string(c));
          break;
        case 1:
          if (at < b.size()) b.erase(b.begin() + static_cast<long>(at));
          break;
        default:
          if (at < b.size()) b[at] = "changed" + std::to_string(c);
      }
    }
    auto join = [&](const std::vector<std::string>& v, bool final_newline) {
      std::string s;
      for (size_t i = 0; i < v.size(); ++i) {
        s += v[i];
        if (i + 1 < v.size() || final_newline) s += '\n';
      }
      return s;
    };
    std::string before = join(a, rng() % 4 != 0);
    std::string after = join(b, rng() % 4 != 0);
    std::string diff = unified_diff(before, after, "a", "b");
    if (before == after) {
      EXPECT_EQ(diff, "");
      continue;
    }
    EXPECT_EQ(patch(before, diff), after) << "before:\n"
                                          << before << "\nafter:\n"
                                          << after << "\ndiff:\n"
                                          << diff;
  }
}

}  // namespace
}  // namespace fmkit
