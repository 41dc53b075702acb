// SPDX-License-Identifier: MIT
#include "report/fingerprint.hpp"

#include "base/fnv.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace fmkit {

namespace {

// Hashes the field's length before it, so ("ab", "c") and ("a", "bc")
// differ whatever bytes the fields hold.
void hash_field(uint64_t& hash, std::string_view field) {
  hash = fnv1a_64(std::to_string(field.size()) + ':', hash);
  hash = fnv1a_64(field, hash);
}

std::string hex(uint64_t value) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = k_digits[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace

std::vector<std::string> fingerprints(
    std::string_view path, const std::vector<Diagnostic>& diagnostics) {
  std::map<std::pair<std::string_view, std::string_view>, size_t> seen;
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) {
    size_t occurrence = seen[{d.rule, d.pointer}]++;
    uint64_t hash = k_fnv1a_64_offset;
    hash_field(hash, path);
    hash_field(hash, d.rule);
    hash_field(hash, d.pointer);
    hash_field(hash, std::to_string(occurrence));
    out.push_back(hex(hash));
  }
  return out;
}

}  // namespace fmkit
