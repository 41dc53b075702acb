// SPDX-License-Identifier: MIT
//
// Schema errors as fmkit writes them into valijson::ValidationResults
// (internal to schema/). valijson carries only a context (where in the
// data) and a description string per error, so fmkit's checks encode each
// error, already shaped as a diagnostic, into the description:
//
//   k_error_marker rule k_separator anchor <key length> ':' key message
//
// valijson's own descriptions start with a letter. In `message`,
// k_field_mark stands for the field the error's context names ("'tags[1]'")
// and k_in_field_mark for " in 'x'" naming it (empty at the root); the
// Validator fills both in. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fmkit {

constexpr char k_error_marker = '\x01';
constexpr char k_field_mark = '\x02';
constexpr char k_in_field_mark = '\x03';

// Where the diagnostic goes.
enum class Anchor : char {
  value = 'v',    // the value at the context
  entry = 'e',    // its key when it is a mapping entry, else the value
  key = 'k',      // the key `key` of the mapping at the context
  child = 'c',    // the value of `key` (an index or key) at the context
  missing = 'm',  // `key` is missing from the mapping at the context
  // Lists the errors pushed just before it, one per failed branch of an
  // anyOf/oneOf: `key` holds the branch numbers ("0,2"), with ",..." when
  // more branches failed than are listed.
  group = 'g',
};

// What `key` holds besides Anchor's use of it: for schema.type (and the
// any-of/one-of type errors) the wanted type bits as a decimal number; for
// schema.enum and schema.const the indices of the CheckSpecs whose values
// were allowed ("3" or, merged from several branches, "3,7").
struct SchemaError {
  std::string_view rule;  // "schema.enum"
  Anchor anchor = Anchor::value;
  std::string_view key;
  std::string_view message;  // with the marks above
};

std::string encode_error(std::string_view rule, Anchor anchor,
                         std::string_view key, std::string_view message);

// Returns the parts of an fmkit error, or std::nullopt for valijson's own.
std::optional<SchemaError> decode_error(std::string_view description);

// Whether `description` is one of valijson's errors that only say a child
// failed (the child's own error is reported; these are dropped).
bool is_cascade(std::string_view description);

}  // namespace fmkit
