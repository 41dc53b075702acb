// SPDX-License-Identifier: MIT
//
// CompiledSchema (internal to schema/): a schema bundle compiled by valijson
// plus fmkit's own checks. The loader rewrites every schema object: the
// keywords fmkit checks itself (type, enum, const, format, pattern, the
// length/size/number limits, required, dependencies given as lists,
// patternProperties, additionalProperties, propertyNames, anyOf, oneOf)
// are renamed "$fmkit:<keyword>" so valijson ignores them, and a "$fmkit"
// keyword holding the index of a CheckSpec is added. valijson still walks
// the structure ($ref, properties, items, additionalItems, contains, allOf,
// not, if/then/else, schema dependencies) and calls the fmkit constraint for
// each "$fmkit" it meets. Subschemas fmkit must run itself (anyOf/oneOf
// branches, patternProperties, additionalProperties and propertyNames
// schemas) are compiled as separate valijson schemas, indexed by CheckSpec.
//
// Why: valijson's format and pattern use std::regex (slow, stack overflow
// on long strings, no real calendar), its error texts lose the data a good
// message needs (allowed values, property names), and its anyOf reports
// every branch's errors. fmkit's checks write each error already shaped as
// a diagnostic (encode_error()), so the Validator only has to place it.
//
// Immutable after load; validation through it is thread-safe as long as
// each thread uses its own valijson::Validator.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <valijson/constraint_builder.hpp>
#include <valijson/schema.hpp>
#include <valijson/validation_results.hpp>

#include "schema/formats.hpp"

namespace fmkit {

// JSON Schema types as bits of CheckSpec::types.
namespace type_bits {
constexpr unsigned k_null = 1;
constexpr unsigned k_boolean = 2;
constexpr unsigned k_object = 4;
constexpr unsigned k_array = 8;
constexpr unsigned k_number = 16;
constexpr unsigned k_string = 32;
constexpr unsigned k_integer = 64;
}  // namespace type_bits

struct PatternRule {
  std::string source;              // as written in the schema
  std::shared_ptr<const RE2> regex;
  int subschema = -1;              // patternProperties: the value schema
};

enum class Additional { allowed, forbidden, schema };

// The keywords of one schema object that fmkit checks itself.
struct CheckSpec {
  bool never = false;  // the `false` schema
  unsigned types = 0;  // 0: no "type"
  std::optional<std::vector<nlohmann::json>> enum_values;
  std::optional<nlohmann::json> const_value;
  std::optional<Format> format;
  std::optional<PatternRule> pattern;
  std::optional<uint64_t> min_length, max_length;  // code points
  std::optional<uint64_t> min_items, max_items;
  bool unique_items = false;
  std::optional<nlohmann::json> minimum, maximum, exclusive_minimum,
      exclusive_maximum, multiple_of;
  std::vector<std::string> required;
  std::optional<uint64_t> min_properties, max_properties;
  // "dependencies" entries given as lists of names.
  std::vector<std::pair<std::string, std::vector<std::string>>> dependencies;
  // Members not named in "properties": checked only when `checks_members`.
  bool checks_members = false;
  std::vector<std::string> properties;  // names in "properties", sorted
  std::vector<PatternRule> pattern_properties;
  Additional additional = Additional::allowed;
  int additional_schema = -1;
  int property_names_schema = -1;
  std::vector<int> any_of, one_of;  // subschema indices
};

class CompiledSchema {
 public:
  std::string path;  // the root schema file, for messages
  std::vector<std::unique_ptr<CheckSpec>> checks;
  std::vector<std::unique_ptr<valijson::Schema>> subschemas;
  std::unique_ptr<valijson::Schema> root;
};

// Returns the builder of the "$fmkit" keyword's constraint, for
// SchemaParser::addConstraintBuilder (which takes ownership). `schema`
// must outlive every valijson::Schema parsed with it.
valijson::ConstraintBuilder* make_check_builder(const CompiledSchema& schema);

// ---- Errors as fmkit writes them into valijson::ValidationResults --------
//
// An fmkit error's description starts with k_error_marker; valijson's own
// start with a letter. In `message`, k_field_mark stands for the field the
// error's context names ("'tags[1]'") and k_in_field_mark for " in 'x'"
// naming it (empty at the root); the Validator fills both in.

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
  group = 'g',    // merges the `key` (a count) errors pushed just before
};

struct SchemaError {
  std::string_view rule;     // "schema.enum"
  Anchor anchor = Anchor::value;
  std::string_view key;      // see Anchor; for schema.type the type bits
  std::string_view message;  // with the marks above
};

std::string encode_error(std::string_view rule, Anchor anchor,
                         std::string_view key, std::string_view message);

// Returns the parts of an fmkit error, or std::nullopt for valijson's own.
std::optional<SchemaError> decode_error(std::string_view description);

// Renders a JSON value for a message: strings quoted and cut after 60 code
// points, numbers as written, containers as "an array" / "an object".
std::string describe_json(const nlohmann::json& value);

// "a string", "an integer", "a string or null" for `types` bits.
std::string describe_types(unsigned types);

}  // namespace fmkit
