// SPDX-License-Identifier: MIT
#include "base/spelling.hpp"

#include "base/utf8.hpp"

#include <algorithm>
#include <cstdint>

namespace fmkit {

namespace {

// Decodes UTF-8 (base/utf8.hpp) and folds ASCII upper case, so "Status" is
// one edit from nothing and zero from "status". An ill-formed byte stands
// for itself, as a value past U+10FFFF that no code point collides with.
std::vector<uint32_t> code_points(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text.substr(i));
    uint32_t value = c.code_point;
    if (!c.valid()) {
      value = 0x110000 + static_cast<unsigned char>(text[i]);
    } else if (value >= 'A' && value <= 'Z') {
      value += 'a' - 'A';
    }
    out.push_back(value);
    i += c.length;
  }
  return out;
}

size_t distance(const std::vector<uint32_t>& a,
                const std::vector<uint32_t>& b) {
  // Three rows of the optimal-string-alignment table.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1),
      current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
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
  std::optional<std::string> near = suggest_spelling(word, candidates);
  return near ? " (did you mean '" + *near + "'?)" : std::string();
}

}  // namespace fmkit
