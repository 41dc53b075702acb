// SPDX-License-Identifier: MIT
//
// Validator: checks a Document against a CompiledSchema and turns each
// violation into one Diagnostic at the right span: a wrong value points at
// the value, an unknown key at the key, a missing required key at its parent
// mapping (or the closing "---" for the root). Parent "failed to validate"
// cascades are dropped. Messages name the field and the offending value,
// list allowed values of enums and suggest the nearest key or value.
//
// Rules: schema.<keyword> in kebab case: type, enum, const, format, pattern,
// min-length, max-length, min-items, max-items, unique-items, minimum,
// maximum, exclusive-minimum, exclusive-maximum, multiple-of, required,
// additional-properties, min-properties, max-properties, dependencies,
// property-names, any-of, one-of, not, contains, additional-items, false
// (the `false` schema) and schema.invalid (anything else). Fields are named
// by path: 'tags[1]', 'author.name'; the root is "the front matter".
// Indices in messages are 0-based, like the brackets. The Diagnostic's
// pointer is the value concerned; for a missing key, where it would be.
// Examples:
//   'draft' must be a boolean, got string "no"
//   'seedling2' is not an allowed value for 'status'; expected one of:
//       seedling, budding, evergreen, archived (did you mean 'seedling'?)
//   unknown key 'stauts' (did you mean 'status'?)
//   missing required key 'name' in 'author'
//   'date' is not a valid date: "2024-02-30"
//   duplicate item "llm" in 'tags' (items 1 and 3)
// anyOf/oneOf that no branch matches report the branch the data meant
// (its `if` held, its tag property matched, else the fewest and deepest
// errors; see schema/branches.cpp), with that branch's own rules and
// places; branches failing on one value by const/enum give one
// schema.enum error listing all their values; a type error names every
// type when no branch takes the value's type; otherwise one error lists
// the tied branches: "'x' does not match any schema in 'anyOf': schema 0:
// <message>; schema 1: <message>".
//
// `format` is checked for date, date-time, time, uri, uri-reference and
// email; `pattern` and patternProperties use RE2 (linear time, no stack
// overflow on long input). A Validator is not thread-safe: use one per
// thread; any number may share a CompiledSchema.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace fmkit {

class CompiledSchema;

class Validator {
 public:
  explicit Validator(std::shared_ptr<const CompiledSchema> schema);
  ~Validator();
  Validator(Validator&&) noexcept;
  Validator& operator=(Validator&&) noexcept;

  // Validates `document` (which must be usable) and appends diagnostics;
  // `lines` is the LineIndex of the document's file text.
  void validate(const Document& document, const LineIndex& lines,
                std::vector<Diagnostic>& diagnostics);

  // Validates a bare JSON value (any type) and appends diagnostics with
  // pointers but no spans; messages call the root "the value". For tools
  // and conformance tests.
  void validate(const nlohmann::json& data,
                std::vector<Diagnostic>& diagnostics);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace fmkit
