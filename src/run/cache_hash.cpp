// SPDX-License-Identifier: MIT
#include "run/cache_hash.hpp"

#include <cstddef>

namespace fmkit {

namespace {

constexpr uint64_t k_c1 = 0x87c37b91114253d5ULL;
constexpr uint64_t k_c2 = 0x4cf5ad432745937fULL;

uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

uint64_t fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// The little-endian 64-bit word of `count` (at most 8) bytes at `p`.
uint64_t load_le(const unsigned char* p, size_t count) {
  uint64_t value = 0;
  for (size_t i = 0; i < count; ++i) value |= uint64_t{p[i]} << (8 * i);
  return value;
}

uint64_t mix_k1(uint64_t k1) { return rotl(k1 * k_c1, 31) * k_c2; }
uint64_t mix_k2(uint64_t k2) { return rotl(k2 * k_c2, 33) * k_c1; }

}  // namespace

Hash128 murmur3_128(std::string_view bytes, uint32_t seed) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t length = bytes.size();
  const size_t blocks = length / 16;
  uint64_t h1 = seed;
  uint64_t h2 = seed;
  for (size_t i = 0; i < blocks; ++i) {
    uint64_t k1 = load_le(data + i * 16, 8);
    uint64_t k2 = load_le(data + i * 16 + 8, 8);
    h1 ^= mix_k1(k1);
    h1 = rotl(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= mix_k2(k2);
    h2 = rotl(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }
  // The tail: up to 15 bytes, the first 8 into k1, the rest into k2.
  const unsigned char* tail = data + blocks * 16;
  const size_t rest = length & 15;
  if (rest > 8) h2 ^= mix_k2(load_le(tail + 8, rest - 8));
  if (rest > 0) h1 ^= mix_k1(load_le(tail, rest < 8 ? rest : 8));

  h1 ^= static_cast<uint64_t>(length);
  h2 ^= static_cast<uint64_t>(length);
  h1 += h2;
  h2 += h1;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 += h2;
  h2 += h1;
  return Hash128{h1, h2};
}

std::string to_hex(const Hash128& hash) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(32);
  for (uint64_t word : {hash.low, hash.high}) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      hex += k_digits[(word >> shift) & 15];
    }
  }
  return hex;
}

CacheHasher& CacheHasher::add(std::string_view bytes) {
  append_u64(bytes.size());
  m_buffer.append(bytes);
  return *this;
}

CacheHasher& CacheHasher::add(uint64_t value) {
  append_u64(8);
  append_u64(value);
  return *this;
}

CacheHasher& CacheHasher::add(const Hash128& hash) {
  append_u64(16);
  append_u64(hash.low);
  append_u64(hash.high);
  return *this;
}

void CacheHasher::append_u64(uint64_t value) {
  for (int i = 0; i < 8; ++i) {
    m_buffer += static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

}  // namespace fmkit
