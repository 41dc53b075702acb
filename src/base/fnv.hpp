// SPDX-License-Identifier: MIT
//
// 64-bit FNV-1a, the one small stable hash of fmkit: shards (--shard K/N)
// and the fingerprints of findings (SARIF, GitLab) use it, so both stay the
// same on every machine and across releases. Not for the result cache,
// which wants 128 bits (run/cache_hash.hpp). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace fmkit {

inline constexpr uint64_t k_fnv1a_64_offset = 0xcbf29ce484222325ULL;

// Returns the 64-bit FNV-1a hash of `bytes`, continuing from `hash` (the
// hash of the bytes before them; the offset basis to start).
constexpr uint64_t fnv1a_64(std::string_view bytes,
                            uint64_t hash = k_fnv1a_64_offset) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace fmkit
