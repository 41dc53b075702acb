// SPDX-License-Identifier: MIT
//
// The 128-bit hash of the result cache (run/cache.hpp): MurmurHash3_x64_128
// (Austin Appleby, public domain, SMHasher), a well-studied non-cryptographic
// hash that passes SMHasher's collision and distribution tests. 128 bits make
// an accidental collision among the keys of even millions of files
// negligible (about 2^-64 for 2^32 keys). It is not a defence against a
// crafted collision; whoever can craft one can edit the files anyway. Bytes
// are read as little-endian words whatever the machine, so a cache file
// means the same everywhere. Pure functions; thread-safe.
//
// CacheHasher folds several fields into one key. Each field is written with
// its length first, so ("ab", "c") and ("a", "bc") give different keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fmkit {

struct Hash128 {
  uint64_t low = 0;   // h1 of MurmurHash3_x64_128, its first 8 output bytes
  uint64_t high = 0;  // h2, the last 8

  friend bool operator==(const Hash128&, const Hash128&) = default;
};

// Returns MurmurHash3_x64_128 of `bytes` with `seed`.
Hash128 murmur3_128(std::string_view bytes, uint32_t seed = 0);

// Returns the 32 lower-case hex digits of `hash`, `low` first.
std::string to_hex(const Hash128& hash);

class CacheHasher {
 public:
  // Adds a field; each returns *this, to chain.
  CacheHasher& add(std::string_view bytes);
  CacheHasher& add(uint64_t value);
  CacheHasher& add(const Hash128& hash);

  // Returns the hash of the fields added so far.
  Hash128 finish() const { return murmur3_128(m_buffer); }

 private:
  void append_u64(uint64_t value);

  std::string m_buffer;
};

}  // namespace fmkit
