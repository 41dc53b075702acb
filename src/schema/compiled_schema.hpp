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
// each "$fmkit" it meets. "items" and "properties" whose subschemas hold
// only keywords fmkit checks are renamed too, and fmkit walks them: valijson's
// walk costs more than the checks (a copied context per value). Subschemas
// fmkit must run itself (anyOf/oneOf
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

#include "schema/formats.hpp"

#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <valijson/constraint_builder.hpp>
#include <valijson/schema.hpp>
#include <valijson/validation_results.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  std::string source;  // as written in the schema
  std::shared_ptr<const RE2> regex;
  int subschema = -1;  // patternProperties: the value schema
};

enum class Additional { allowed, forbidden, schema };

// One branch of an anyOf/oneOf, and what tells whether the data meant it
// (used only to word the error when no branch matches).
struct Branch {
  int schema = -1;     // subschema index
  int if_schema = -1;  // the branch's top-level "if", when it has one
  // Properties with a const/enum in this branch that other branches of the
  // same anyOf/oneOf also constrain with const/enum: the union's tags
  // (Astro's `type: {const: "a"}`), sorted.
  std::vector<std::string> discriminators;
};

// The keywords of one schema object that fmkit checks itself.
struct CheckSpec {
  size_t index = 0;    // in CompiledSchema::checks
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
  std::vector<Branch> any_of, one_of;
  // "items" (one schema) and "properties" whose subschemas fmkit checks
  // whole (every keyword its own, recursively): fmkit walks them instead of
  // valijson, running their CheckSpecs directly. The item's check index
  // (-1: none, or the items are left to valijson), and each property's,
  // sorted by name (properties whose schema checks nothing are left out).
  int items_check = -1;
  std::vector<std::pair<std::string, int>> property_checks;
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

}  // namespace fmkit
