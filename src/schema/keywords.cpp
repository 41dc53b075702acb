// SPDX-License-Identifier: MIT
#include "schema/keywords.hpp"

#include "base/spelling.hpp"

#include <vector>

namespace fmkit {

namespace {

using enum Holds;
using enum KeywordRole;

// Draft-07: the core, validation and annotation keywords of
// draft-handrews-json-schema-01 and -validation-01, in the spec's order.
constexpr Keyword k_draft07[] = {
    {"$schema", data, core},
    {"$id", data, core},
    {"$ref", data, core},
    {"$comment", data, core},
    {"definitions", schema_map, core},
    {"multipleOf", data, assertion},
    {"maximum", data, assertion},
    {"exclusiveMaximum", data, assertion},
    {"minimum", data, assertion},
    {"exclusiveMinimum", data, assertion},
    {"maxLength", data, assertion},
    {"minLength", data, assertion},
    {"pattern", data, assertion},
    {"items", schema_items, applicator},
    {"additionalItems", schema, applicator},
    {"maxItems", data, assertion},
    {"minItems", data, assertion},
    {"uniqueItems", data, assertion},
    {"contains", schema, applicator},
    {"maxProperties", data, assertion},
    {"minProperties", data, assertion},
    {"required", data, assertion},
    {"properties", schema_map, applicator},
    {"patternProperties", schema_map, applicator},
    {"additionalProperties", schema, applicator},
    {"dependencies", Holds::dependencies, applicator},
    {"propertyNames", schema, applicator},
    {"type", data, assertion},
    {"enum", data, assertion},
    {"const", data, assertion},
    {"if", schema, applicator},
    {"then", schema, applicator},
    {"else", schema, applicator},
    {"allOf", schema_list, applicator},
    {"anyOf", schema_list, applicator},
    {"oneOf", schema_list, applicator},
    {"not", schema, applicator},
    {"format", data, assertion},
    {"contentEncoding", data, annotation},
    {"contentMediaType", data, annotation},
    {"title", data, annotation},
    {"description", data, annotation},
    {"default", data, annotation},
    {"readOnly", data, annotation},
    {"writeOnly", data, annotation},
    {"examples", data, annotation},
};

// Not draft-07, accepted without a word: "$defs" is where 2019-09 schemas
// keep "definitions" (refs reach into it either way); the rest are
// annotations: 2019-09's "deprecated" and what VS Code's JSON language
// service reads (hover texts, completions, error texts).
constexpr Keyword k_accepted[] = {
    {"$defs", schema_map, core},
    {"deprecated", data, annotation},
    {"markdownDescription", data, annotation},
    {"enumDescriptions", data, annotation},
    {"markdownEnumDescriptions", data, annotation},
    {"deprecationMessage", data, annotation},
    {"errorMessage", data, annotation},
    {"patternErrorMessage", data, annotation},
    {"defaultSnippets", data, annotation},
    {"doNotSuggest", data, annotation},
    {"suggestSortText", data, annotation},
    {"allowComments", data, annotation},
    {"allowTrailingCommas", data, annotation},
};

// Keywords of other drafts and dialects that draft-07 ignores, with what
// to write instead when draft-07 has it.
struct Foreign {
  std::string_view name;
  std::string_view origin;
  std::string_view instead;
};

constexpr Foreign k_foreign[] = {
    {"id", "a draft-04", "draft-07 names it '$id'"},
    {"$anchor", "a JSON Schema 2019-09", ""},
    {"$recursiveRef", "a JSON Schema 2019-09", ""},
    {"$recursiveAnchor", "a JSON Schema 2019-09", ""},
    {"$vocabulary", "a JSON Schema 2019-09", ""},
    {"dependentRequired", "a JSON Schema 2019-09",
     "use 'dependencies' with a list of names"},
    {"dependentSchemas", "a JSON Schema 2019-09",
     "use 'dependencies' with a schema"},
    {"minContains", "a JSON Schema 2019-09", ""},
    {"maxContains", "a JSON Schema 2019-09", ""},
    {"unevaluatedItems", "a JSON Schema 2019-09", ""},
    {"unevaluatedProperties", "a JSON Schema 2019-09",
     "'additionalProperties' is the nearest draft-07 keyword"},
    {"$dynamicRef", "a JSON Schema 2020-12", ""},
    {"$dynamicAnchor", "a JSON Schema 2020-12", ""},
    {"prefixItems", "a JSON Schema 2020-12",
     "use 'items' with an array of schemas"},
    {"nullable", "an OpenAPI", "add \"null\" to 'type'"},
    {"discriminator", "an OpenAPI", ""},
    {"example", "an OpenAPI", "draft-07 has 'examples', a list"},
};

// The "format" names draft-07 defines (section 7.3).
constexpr std::string_view k_formats[] = {
    "date-time",     "date",         "time",          "email",
    "idn-email",     "hostname",     "idn-hostname",  "ipv4",
    "ipv6",          "uri",          "uri-reference", "iri",
    "iri-reference", "uri-template", "json-pointer",  "relative-json-pointer",
    "regex",
};

constexpr std::string_view k_ignored = ": it is ignored, so it checks nothing";

}  // namespace

const Keyword* find_keyword(std::string_view name) {
  for (const Keyword& keyword : k_draft07) {
    if (keyword.name == name) return &keyword;
  }
  for (const Keyword& keyword : k_accepted) {
    if (keyword.name == name) return &keyword;
  }
  if (name.starts_with("x-")) {
    static constexpr Keyword k_extension{"x-", data, annotation};
    return &k_extension;
  }
  return nullptr;
}

Holds keyword_holds(std::string_view name) {
  const Keyword* keyword = find_keyword(name);
  return keyword == nullptr ? data : keyword->holds;
}

std::optional<std::string> unknown_keyword_message(std::string_view name) {
  if (find_keyword(name) != nullptr) return std::nullopt;
  std::string quoted = "'" + std::string(name) + "'";
  for (const Foreign& foreign : k_foreign) {
    if (foreign.name != name) continue;
    std::string message = quoted + " is " + std::string(foreign.origin) +
                          " keyword, not draft-07" + std::string(k_ignored);
    if (!foreign.instead.empty())
      message += "; " + std::string(foreign.instead);
    return message;
  }
  std::vector<std::string> names;
  for (const Keyword& keyword : k_draft07) names.emplace_back(keyword.name);
  return "unknown keyword " + quoted + " is ignored, so it checks nothing" +
         did_you_mean(name, names);
}

std::optional<std::string> unknown_format_message(std::string_view name) {
  std::vector<std::string> names;
  for (std::string_view format : k_formats) {
    if (format == name) return std::nullopt;
    names.emplace_back(format);
  }
  return "unknown format '" + std::string(name) +
         "' is ignored, so it checks nothing" + did_you_mean(name, names);
}

}  // namespace fmkit
