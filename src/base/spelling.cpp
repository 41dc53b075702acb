// SPDX-License-Identifier: MIT
#include "base/spelling.hpp"

#include <algorithm>
#include <cstdint>

namespace fmkit {

namespace {

// Decodes UTF-8 leniently (an invalid byte stands for itself) and folds
// ASCII upper case, so "Status" is one edit from nothing and zero from
// "status".
std::vector<uint32_t> code_points(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3
                                     : byte >= 0xC0 ? 2 : 1;
    if (i + length > text.size()) length = 1;
    uint32_t value = byte;
    if (length > 1) {
      value = byte & (0xFF >> (length + 1));
      for (size_t k = 1; k < length; ++k) {
        value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
    } else if (value >= 'A' && value <= 'Z') {
      value += 'a' - 'A';
    }
    out.push_back(value);
    i += length;
  }
  return out;
}

size_t distance(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  // Three rows of the optimal-string-alignment table.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1),
      current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(code_points(a), code_points(b));
}

std::optional<std::string> suggest_spelling(
    std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<uint32_t> target = code_points(word);
  size_t limit = std::max<size_t>(1, target.size() / 3);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    std::vector<uint32_t> other = code_points(candidate);
    size_t d = distance(target, other);
    if (d < best_distance && d < std::max(target.size(), other.size())) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word,
                         const std::vector<std::string>& candidates) {
  std::optional<std::string> nearest = suggest_spelling(word, candidates);
  return nearest ? " (did you mean '" + *nearest + "'?)" : "";
}

}  // namespace fmkit
