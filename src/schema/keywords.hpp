// SPDX-License-Identifier: MIT
//
// The JSON Schema vocabulary fmkit reads (internal to schema/): one table of
// the draft-07 keywords, saying for each what its value holds (so that
// walkers know where the subschemas are) and what role it plays (so that a
// keyword next to "$ref", which draft-07 ignores, can be told apart from an
// annotation), plus the draft-07 `format` names. A keyword outside the table
// is ignored by every draft-07 validator, so it checks nothing: the classic
// silent failure (`"requried": ["title"]`). unknown_keyword_message() words
// the warning for it: a near spelling, or the draft or tool it comes from.
// Accepted without a word: "$defs" (draft 2019-09's "definitions", walked
// like it), names starting with "x-" (extensions, as in OpenAPI) and the
// annotations editors add to schemas (VS Code's "markdownDescription",
// "enumDescriptions", ...). Pure functions over constant tables; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fmkit {

// What a keyword's value holds.
enum class Holds {
  data,          // a value: "type", "enum", "minimum", "title", ...
  schema,        // one schema: "not", "if", "additionalProperties", ...
  schema_map,    // an object of schemas: "properties", "definitions", ...
  schema_list,   // a non-empty array of schemas: "allOf", "anyOf", "oneOf"
  schema_items,  // a schema or an array of schemas: "items"
  dependencies,  // an object of schemas or arrays of names: "dependencies"
};

// What a keyword does.
enum class KeywordRole {
  core,        // "$schema", "$id", "$ref", "$comment", "definitions", "$defs"
  assertion,   // checks the value itself: "type", "minLength", "required"
  applicator,  // applies subschemas: "properties", "allOf", "if", ...
  annotation,  // describes only: "title", "description", "default", ...
};

struct Keyword {
  std::string_view name;
  Holds holds;
  KeywordRole role;
};

// Returns the keyword called `name` (case-sensitive), or nullptr when
// draft-07 does not know it and it is not one accepted without a word
// (see above).
const Keyword* find_keyword(std::string_view name);

// Returns what the value of `name` holds: Holds::data for unknown names.
Holds keyword_holds(std::string_view name);

// Returns the warning for `name`, a keyword find_keyword() does not know:
//   unknown keyword 'requried' is ignored, so it checks nothing (did you
//       mean 'required'?)
//   'unevaluatedProperties' is a JSON Schema 2019-09 keyword, not draft-07:
//       it is ignored, so it checks nothing
// or std::nullopt when find_keyword() knows it.
std::optional<std::string> unknown_keyword_message(std::string_view name);

// Returns the warning for a "format" value draft-07 does not define
// ("unknown format 'data' is ignored, so it checks nothing (did you mean
// 'date'?)"), or std::nullopt for a draft-07 format name.
std::optional<std::string> unknown_format_message(std::string_view name);

}  // namespace fmkit
