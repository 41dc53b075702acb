// SPDX-License-Identifier: MIT
//
// The result cache's file (run/cache.hpp holds the policy): the bytes of
// one cache file and the diagnostics of one entry, encoded and checked.
//
// A cache file is a 48-byte header, then the entries:
//
//   header   "fmkitRC\n" (8 bytes), format version (u32), 0 (u32),
//            payload size in bytes (u64), entry count (u64),
//            MurmurHash3_x64_128 of the payload (16 bytes)
//   entry    path (u32 size + bytes), key (16 bytes),
//            diagnostics (u32 size + the bytes of encode_diagnostics()),
//            rule values (u32 size + the bytes of encode_rule_values())
//
// and one entry's diagnostics are a u32 count, then per diagnostic its
// severity (u8: 0 error, 1 warning), rule, message and pointer (u32 size +
// bytes each) and its span: begin line, column (u32), offset (u64), end
// line, column (u32), offset (u64). One entry's rule values (the values the
// rules across files need: run/site_rules.hpp) are a u32 count, then per
// value its slot (u32), text and pointer (u32 size + bytes) and its span as
// above. Every number is little-endian. Every
// field a renderer reads is stored, so an entry renders exactly as the
// diagnostics it was made from.
//
// decode_cache_file() trusts nothing: another magic or format version, a
// size that disagrees with the file, a checksum that does not match, a
// field running past its end, trailing bytes or a path listed twice make
// the whole file unusable (std::nullopt). Pure functions; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "run/cache_hash.hpp"
#include "run/site_rules.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace fmkit {

inline constexpr uint32_t k_cache_format_version = 2;

// One entry as stored: views into the file's bytes.
struct CacheEntryView {
  Hash128 key;
  std::string_view diagnostics;  // encode_diagnostics() bytes
  std::string_view values = {};  // encode_rule_values() bytes
  // Not stored: set by ResultCache when a run found the entry still good,
  // so it is written again.
  bool kept = false;
};

// The entries of a decoded file, by path; views into its bytes.
using CacheEntryViews = std::unordered_map<std::string_view, CacheEntryView>;

// Returns the bytes of `diagnostics` as stored in an entry.
std::string encode_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Returns the diagnostics of `bytes`, or std::nullopt when they are not
// exactly what encode_diagnostics() writes.
std::optional<std::vector<Diagnostic>> decode_diagnostics(
    std::string_view bytes);

// Returns the bytes of `values` as stored in an entry.
std::string encode_rule_values(const std::vector<RuleValue>& values);

// Returns the values of `bytes`, or std::nullopt when they are not exactly
// what encode_rule_values() writes.
std::optional<std::vector<RuleValue>> decode_rule_values(
    std::string_view bytes);

// Returns a whole cache file holding `entries` ({path, key, diagnostics
// bytes}, written in the order given).
std::string encode_cache_file(
    const std::vector<std::pair<std::string_view, CacheEntryView>>& entries);

// Returns the entries of the cache file `bytes` (views into it), or
// std::nullopt when it is not a whole cache file of this format.
std::optional<CacheEntryViews> decode_cache_file(std::string_view bytes);

}  // namespace fmkit
