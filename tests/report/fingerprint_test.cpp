// SPDX-License-Identifier: MIT
#include "report/fingerprint.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace fmkit {
namespace {

Diagnostic at(std::string rule, std::string pointer, uint32_t line,
              std::string message = "m") {
  Diagnostic d;
  d.rule = std::move(rule);
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  d.span.begin = {line, 3, 0};
  d.span.end = {line, 5, 0};
  return d;
}

TEST(FingerprintTest, SixteenHexDigitsTheSameOnEveryMachine) {
  std::vector<std::string> prints =
      fingerprints("docs/a.md", {at("schema.type", "/title", 3)});
  ASSERT_EQ(prints.size(), 1u);
  // FNV-1a-64 of "9:docs/a.md11:schema.type6:/title1:0", computed apart
  // (Python): a change here changes every fingerprint users have stored.
  EXPECT_EQ(prints[0], "07396fb1023ea9d7");
}

TEST(FingerprintTest, StableWhenLinesMoveOrTheMessageChanges) {
  auto before = fingerprints(
      "a.md", {at("schema.type", "/title", 3), at("schema.enum", "/s", 7)});
  auto after = fingerprints("a.md", {at("schema.type", "/title", 5, "other"),
                                     at("schema.enum", "/s", 12, "x")});
  EXPECT_EQ(before, after);
}

TEST(FingerprintTest, DistinctPerFileRulePointerAndOccurrence) {
  std::vector<Diagnostic> ds = {
      at("schema.type", "/title", 3), at("schema.type", "/date", 4),
      at("schema.enum", "/title", 3), at("yaml11-bool", "/draft", 5),
      at("yaml11-bool", "/draft", 5)};
  std::vector<std::string> prints = fingerprints("a.md", ds);
  std::vector<std::string> other = fingerprints("b.md", ds);
  std::set<std::string> all(prints.begin(), prints.end());
  all.insert(other.begin(), other.end());
  EXPECT_EQ(all.size(), 2 * ds.size());
  // Fields are length-prefixed: moving bytes between them changes the hash.
  EXPECT_NE(fingerprints("a", {at("b.c", "", 1)}),
            fingerprints("ab", {at(".c", "", 1)}));
}

}  // namespace
}  // namespace fmkit
