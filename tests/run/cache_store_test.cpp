// SPDX-License-Identifier: MIT
#include "run/cache_store.hpp"

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace fmkit {
namespace {

using testing_support::ScopedTempDir;

std::vector<Diagnostic> sample_diagnostics() {
  Diagnostic error;
  error.severity = Severity::error;
  error.rule = "schema.enum";
  error.message = "'seedlng' is not allowed \xE4\xB8\xAD\xFF with a \0 byte";
  error.message += std::string(1, '\0') + "after";
  error.pointer = "/status";
  error.span = {{7, 9, 123}, {7, 16, 130}};
  Diagnostic warning;
  warning.severity = Severity::warning;
  warning.rule = "yaml11-bool";
  warning.message = "";
  warning.pointer = "";
  warning.span = {{0, 0, 0}, {0, 0, 0}};
  Diagnostic far;
  far.rule = "x";
  far.span = {{4000000000u, 4000000001u, (size_t{1} << 40) + 5},
              {4000000002u, 1, (size_t{1} << 40) + 9}};
  return {error, warning, far};
}

void expect_same(const std::vector<Diagnostic>& a,
                 const std::vector<Diagnostic>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].severity, b[i].severity) << i;
    EXPECT_EQ(a[i].rule, b[i].rule) << i;
    EXPECT_EQ(a[i].message, b[i].message) << i;
    EXPECT_EQ(a[i].pointer, b[i].pointer) << i;
    EXPECT_EQ(a[i].span, b[i].span) << i;
  }
}

TEST(CacheStoreTest, DiagnosticsRoundTripEveryField) {
  std::vector<Diagnostic> diagnostics = sample_diagnostics();
  auto decoded = decode_diagnostics(encode_diagnostics(diagnostics));
  ASSERT_TRUE(decoded.has_value());
  expect_same(*decoded, diagnostics);
  auto none = decode_diagnostics(encode_diagnostics({}));
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

TEST(CacheStoreTest, DiagnosticsThatAreCutOrPaddedAreRefused) {
  std::string bytes = encode_diagnostics(sample_diagnostics());
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(decode_diagnostics(bytes.substr(0, n)).has_value()) << n;
  }
  EXPECT_FALSE(decode_diagnostics(bytes + "x").has_value());
  std::string bad_severity = encode_diagnostics({Diagnostic{}});
  bad_severity[4] = 2;
  EXPECT_FALSE(decode_diagnostics(bad_severity).has_value());
  // A count no byte count can hold.
  EXPECT_FALSE(decode_diagnostics("\xff\xff\xff\xff").has_value());
}

std::string sample_file() {
  std::string first = encode_diagnostics(sample_diagnostics());
  std::string none = encode_diagnostics({});
  return encode_cache_file({{"a/one.md", {Hash128{1, 2}, first}},
                            {"b/two.md", {Hash128{3, 4}, none}}});
}

TEST(CacheStoreTest, FileRoundTrips) {
  std::string file = sample_file();
  auto entries = decode_cache_file(file);
  ASSERT_TRUE(entries.has_value());
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ(entries->at("a/one.md").key, (Hash128{1, 2}));
  EXPECT_EQ(entries->at("b/two.md").key, (Hash128{3, 4}));
  auto diagnostics = decode_diagnostics(entries->at("a/one.md").diagnostics);
  ASSERT_TRUE(diagnostics.has_value());
  expect_same(*diagnostics, sample_diagnostics());

  auto empty = decode_cache_file(encode_cache_file({}));
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->empty());
}

TEST(CacheStoreTest, EveryTruncationIsRefused) {
  std::string file = sample_file();
  for (size_t n = 0; n < file.size(); ++n) {
    EXPECT_FALSE(decode_cache_file(file.substr(0, n)).has_value()) << n;
  }
  EXPECT_FALSE(decode_cache_file(file + '\0').has_value());
}

TEST(CacheStoreTest, EveryFlippedBitIsRefused) {
  std::string file = sample_file();
  for (size_t i = 0; i < file.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = file;
      damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
      EXPECT_FALSE(decode_cache_file(damaged).has_value()) << i << " " << bit;
    }
  }
}

TEST(CacheStoreTest, ForeignFilesAreRefused) {
  std::string other_version = sample_file();
  other_version[8] = 1;  // format version 1, checksum still right
  EXPECT_FALSE(decode_cache_file(other_version).has_value());
  EXPECT_FALSE(decode_cache_file("").has_value());
  EXPECT_FALSE(decode_cache_file("{\"not\": \"a cache\"}\n").has_value());
  EXPECT_FALSE(decode_cache_file(std::string(4096, '\0')).has_value());
  // A path listed twice, with a right checksum.
  std::string none = encode_diagnostics({});
  EXPECT_FALSE(
      decode_cache_file(encode_cache_file({{"same.md", {Hash128{1, 1}, none}},
                                           {"same.md", {Hash128{2, 2}, none}}}))
          .has_value());
}

}  // namespace
}  // namespace fmkit
