// SPDX-License-Identifier: MIT
//
// The thresholds of schema inference, with their defaults (README, "fmkit
// infer"). A minority is what breaks a field's dominant shape: values of
// another type, strings that miss the format the rest fit, empty strings,
// lists that repeat an item, a key missing where nearly every mapping has
// it, or a key nearly none has. A minority no larger than the allowance is
// reported as outliers (likely mistakes) and does not widen the schema; a
// larger one does (a union of types, an optional key, no format).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace fmkit {

struct InferOptions {
  // The largest share of a field's values that counts as outliers.
  // Default: 0.02 (2%).
  double outlier_ratio = 0.02;
  // A field's values that allow a single outlier whatever the ratio says:
  // one odd value among ten is a likely mistake, one among three is not.
  static constexpr uint64_t k_values_for_one_outlier = 10;
  // A string becomes an enum member only when seen this many times...
  // Default: 3.
  uint64_t min_enum_count = 3;
  // ...and in at least this share of the field's strings. Default: 0.005.
  double min_enum_share = 0.005;
  // The most members an enum may have. Default: 20.
  size_t max_enum_values = 20;
  // Examples written per field. Default: 3.
  size_t max_examples = 3;
  // The schema's `title`; "" for none. Default: none.
  std::string title;

  // Returns how many of `values` values may be outliers.
  uint64_t allowance(uint64_t values) const {
    auto by_ratio = static_cast<uint64_t>(
        std::floor(outlier_ratio * static_cast<double>(values) + 1e-9));
    if (values >= k_values_for_one_outlier && by_ratio == 0) return 1;
    return by_ratio;
  }
};

}  // namespace fmkit
