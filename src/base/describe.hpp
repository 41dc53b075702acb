// SPDX-License-Identifier: MIT
//
// How messages show values: the one place that turns a JSON value, a piece
// of text or a count into message text, for every module (schema
// violations, fmkit.yaml, migrations, summaries). Long text is cut after 60
// code points ("..."); invalid UTF-8 (already reported by the YAML reader)
// is replaced, never thrown on. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fmkit {

enum class ValueStyle {
  // With its type, after "got": string "no", number 5, boolean true, null,
  // an array, an object.
  typed,
  // As the subject of a sentence, or after "got" in fmkit's own files:
  // 'no', 5, true, null, [1,2], {"a":1} (collections as JSON, cut).
  subject,
  // As JSON writes it: "no", 5, true, null, {"a":1}, [1,2].
  literal,
};

std::string describe_value(const nlohmann::json& value, ValueStyle style);

// `text` as a JSON string literal, cut: "it's \"x\"".
std::string quote_text(std::string_view text);

// `text` cut after `limit` code points, the cut marked with "...".
std::string shorten(std::string_view text, size_t limit = 60);

// `n` and `singular`, with an "s" unless `n` is 1: "1 file", "3 files".
std::string count_noun(uint64_t n, std::string_view singular);

}  // namespace fmkit
