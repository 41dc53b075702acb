// SPDX-License-Identifier: MIT
//
// How the YAML readers of site generators type a plain, untagged scalar:
// one model per reader, transcribed from its source and checked against
// what the reader itself returned for every value of
// tests/data/yaml-readers/readers.tsv (measured by measure.sh there):
// - PyYAML 6.0, yaml.safe_load (MkDocs, Pelican): the implicit resolvers of
//   yaml/resolver.py and the constructors of yaml/constructor.py;
// - Jekyll 4.3: Ruby Psych 4.0's ScalarScanner#tokenize, which
//   Psych.safe_load(yaml, permitted_classes: [Date, Time]) calls;
// - Eleventy (gray-matter 4): js-yaml 3.15's safeLoad, DEFAULT_SAFE_SCHEMA;
// - js-yaml 4.3's load (Astro and others): its default schema;
// - Hugo 0.111: go-yaml v2's resolve(), timestamps decoded as strings.
// The first three read YAML 1.1's types, js-yaml 4 and go-yaml v2 mostly
// YAML 1.2's with exceptions. document/yaml11.hpp turns the models into
// the yaml11-* warnings, the writer's quoting and the typing of
// `yaml: "1.1"` collections. Not modelled: errors (PyYAML rejects `<<`,
// `=` and impossible dates, Psych a `:symbol`); such a scalar is read as
// a string. Pure functions, linear in the scalar; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

namespace fmkit {

// The readers, in the order messages name them.
enum class Yaml11Reader : unsigned {
  pyyaml = 1u << 0,    // "PyYAML"
  jekyll = 1u << 1,    // "Jekyll" (Ruby Psych)
  eleventy = 1u << 2,  // "Eleventy's js-yaml 3"
  js_yaml4 = 1u << 3,  // "js-yaml 4"
  hugo = 1u << 4,      // "Hugo's go-yaml v2"
};

inline constexpr Yaml11Reader k_yaml11_readers[] = {
    Yaml11Reader::pyyaml, Yaml11Reader::jekyll, Yaml11Reader::eleventy,
    Yaml11Reader::js_yaml4, Yaml11Reader::hugo};

// What a reader makes of a scalar; the comment is how messages name it.
enum class Yaml11Form {
  string,            // the string "S"
  null,              // null
  boolean,           // the boolean true
  integer,           // the integer N (YAML 1.2's int)
  number,            // the number N (a decimal int or float)
  octal,             // the integer N (octal)
  binary,            // the integer N (binary)
  hexadecimal,       // the integer N (hexadecimal)
  base60_integer,    // the integer N (base 60)
  base60_float,      // the float X (base 60)
  weighted_integer,  // the integer N: Psych's base 60, 1:30 is 5400
  weighted_float,    // the float X: the same with a fraction
  date,              // a date
  timestamp,         // a timestamp
  infinity,          // infinity
  nan,               // NaN
};

struct Yaml11Value {
  Yaml11Form form = Yaml11Form::string;
  // The value as fmkit stores it: a date, a timestamp, infinity and NaN as
  // the scalar's text (JSON has no such values).
  nlohmann::json value;
};

// Returns what `reader` makes of the plain, untagged scalar `s`.
Yaml11Value read_with(Yaml11Reader reader, std::string_view s);

// Returns what the YAML 1.2 core schema (fmkit's reading) makes of `s`:
// string, null, boolean, integer, number, infinity or nan.
Yaml11Value read_with_core(std::string_view s);

// Returns false when every reader above reads `s` as the core schema does
// (and YAML 1.1's type repository has nothing else to say), from a glance:
// a word longer than five letters, a word not starting with one of
// yYnNtTfFoO, a path, a plain decimal number (42, -3, 1.5). Most scalars
// stop here.
bool may_read_otherwise(std::string_view s);

}  // namespace fmkit
