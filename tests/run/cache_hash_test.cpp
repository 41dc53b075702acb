// SPDX-License-Identifier: MIT
#include "run/cache_hash.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace fmkit {
namespace {

// SMHasher's VerificationTest: hash the keys {}, {0}, {0, 1}, ...,
// {0, ..., 254} with seeds 256, 255, ..., 2; hash the 256 results (16 bytes
// each, concatenated) with seed 0; the first 4 bytes of that, read
// little-endian, are 0x6384BA69 for MurmurHash3_x64_128.
TEST(CacheHashTest, PassesSmhasherVerification) {
  std::string key;
  std::string hashes;
  for (int i = 0; i < 256; ++i) {
    Hash128 h = murmur3_128(key, static_cast<uint32_t>(256 - i));
    for (uint64_t word : {h.low, h.high}) {
      for (int b = 0; b < 8; ++b) {
        hashes += static_cast<char>((word >> (8 * b)) & 0xFF);
      }
    }
    key += static_cast<char>(i);
  }
  Hash128 final_hash = murmur3_128(hashes, 0);
  EXPECT_EQ(final_hash.low & 0xFFFFFFFF, 0x6384BA69u);
}

TEST(CacheHashTest, EmptyInputWithSeedZeroIsZero) {
  EXPECT_EQ(murmur3_128(""), (Hash128{0, 0}));
  EXPECT_NE(murmur3_128("", 1), (Hash128{0, 0}));
}

TEST(CacheHashTest, EveryTailLengthChangesTheHash) {
  // Lengths 1 to 33 cover every tail (0 to 15 bytes) after 0, 1 and 2
  // blocks; changing any one byte changes the hash.
  for (size_t length = 1; length <= 33; ++length) {
    std::string text(length, 'a');
    Hash128 base = murmur3_128(text);
    for (size_t i = 0; i < length; ++i) {
      std::string changed = text;
      changed[i] = 'b';
      EXPECT_NE(murmur3_128(changed), base) << length << " " << i;
    }
  }
}

TEST(CacheHashTest, HexIsLowThenHigh) {
  EXPECT_EQ(to_hex(Hash128{0x0123456789abcdefULL, 0xfedcba9876543210ULL}),
            "0123456789abcdeffedcba9876543210");
}

TEST(CacheHashTest, FieldsAreSeparated) {
  Hash128 ab_c = CacheHasher().add("ab").add("c").finish();
  Hash128 a_bc = CacheHasher().add("a").add("bc").finish();
  EXPECT_NE(ab_c, a_bc);
  EXPECT_NE(CacheHasher().add(uint64_t{1}).finish(),
            CacheHasher().add(uint64_t{2}).finish());
  EXPECT_EQ(CacheHasher().add("x").add(uint64_t{7}).finish(),
            CacheHasher().add("x").add(uint64_t{7}).finish());
}

}  // namespace
}  // namespace fmkit
