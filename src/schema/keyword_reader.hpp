// SPDX-License-Identifier: MIT
//
// Reading the keywords fmkit checks itself (internal to schema/): each
// keyword's value, as a schema file writes it, into the CheckSpec of its
// schema object (compiled_schema.hpp), refusing values that are not what
// draft-07 allows. One table lists the keywords and their readers; the
// bundler renames exactly those. Pure functions; thread-safe.
#pragma once

#include "base/expected.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_problem.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// What a reader gets besides the value.
struct KeywordInput {
  std::string_view keyword;
  const nlohmann::json& value;
  // Where the value sits in the bundle ("/$fmkit/0/properties/x/anyOf").
  const std::string& out;
  // Registers the subschema at the bundle pointer `out` and returns its
  // index (for anyOf/oneOf branches, patternProperties, ...).
  const std::function<int(const std::string& out)>& add_subschema;
};

// A refused keyword value: what is wrong, and where under the value
// ("" for the value itself, "/1" for its item 1, "/^x-" for a key).
struct KeywordProblem {
  std::string message;
  std::string where;
  ProblemAt at = ProblemAt::value;
};

// Whether fmkit checks `keyword` itself, so that the bundler renames it.
bool is_own_keyword(std::string_view keyword);

// The keywords fmkit checks itself, in name order: draft-07 keywords
// (schema/keywords.hpp), and "id", renamed so valijson ignores it.
std::vector<std::string_view> own_keywords();

// Reads `input` into `spec`. anyOf/oneOf get their Branch::schema only.
Expected<void, KeywordProblem> read_keyword(const KeywordInput& input,
                                            CheckSpec& spec);

// Whether `schema` accepts everything ({} or true), so needs no run.
bool accepts_all(const nlohmann::json& schema);

}  // namespace fmkit
