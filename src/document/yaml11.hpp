// SPDX-License-Identifier: MIT
//
// How YAML 1.1 reads a plain scalar, where that differs from the YAML 1.2
// core schema: the one implementation behind the yaml11-* warnings of
// `yaml: "1.2"` collections, the typing of `yaml: "1.1"` collections
// (document/) and the writer's quoting (migrate/yaml_writer). It is built
// on the reader models of document/yaml11_readers.hpp (PyYAML, Jekyll's
// Psych, Eleventy's js-yaml 3, js-yaml 4, Hugo's go-yaml v2), measured in
// tests/data/yaml-readers/, and on YAML 1.1's type repository
// (yaml.org/type), which some forms match that no reader takes as a
// non-string ('1.2.3' and '...' match its float regex): such a reading has
// no readers and no warning, but the writer still quotes it.
//
// The typing of a `yaml: "1.1"` collection follows the three YAML 1.1
// readers of front matter, PyYAML, Jekyll and Eleventy's js-yaml 3: a value
// they all read alike gets that value (`0755` is 493, `1_000` is 1000);
// where they disagree it gets what two of them read (`yes` is true, as
// PyYAML and Jekyll read it, though js-yaml 3 reads the string "yes";
// `1:30` is 90, Psych's 5400 aside), or the YAML 1.2 value when no two
// agree, and a yaml11-ambiguous warning names who reads what. Dates and
// timestamps stay strings (JSON has none; `format` checks them); .inf and
// .nan are as in YAML 1.2.
//
// Pure functions; thread-safe.
#pragma once

#include "document/yaml11_readers.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// One way some readers read a value: "the boolean true" by PyYAML and
// Jekyll.
struct Yaml11Group {
  std::string value;     // "the integer 90 (base 60)", "the string \"08\""
  unsigned readers = 0;  // Yaml11Reader bits
};

struct Yaml11Reading {
  // The warning's rule: yaml11-bool, yaml11-null, yaml11-octal,
  // yaml11-sexagesimal, yaml11-timestamp or yaml11-number; empty for a
  // reading only the YAML 1.1 spec has.
  std::string_view rule;
  std::string in_12;  // how YAML 1.2 reads it: "the string \"yes\""
  // The readers that read it otherwise, grouped by what they make of it, in
  // the order of Yaml11Reader; empty for a reading only the YAML 1.1 spec
  // has.
  std::vector<Yaml11Group> groups;
  std::string fix;  // "quote it to keep a string: 'yes'"
  // Whether YAML 1.1 (its type repository or any reader above) reads it as
  // something other than a string: a writer must quote such a string.
  bool non_string = false;
};

// Returns how YAML 1.1 reads the plain, untagged scalar `s` where some
// reader or the YAML 1.1 spec reads it differently from the YAML 1.2 core
// schema; std::nullopt when all read it alike, and when YAML 1.2 reads it
// as infinity or NaN (the yaml.non-finite warning covers those). Linear in
// `s`.
std::optional<Yaml11Reading> read_as_yaml11(std::string_view s);

// Returns the warning message for `s`:
// "'1:30' is the string \"1:30\" in YAML 1.2 but the integer 90 (base 60)
// in YAML 1.1 (PyYAML, Eleventy's js-yaml 3), the integer 5400 in Jekyll;
// quote it to keep a string: '1:30'". `reading` must have groups.
std::string yaml11_message(std::string_view s, const Yaml11Reading& reading);

// Returns the names of `readers` (Yaml11Reader bits), comma-separated:
// "PyYAML, Jekyll".
std::string yaml11_reader_names(unsigned readers);

// The value of a plain scalar in a `yaml: "1.1"` collection (see above).
struct Yaml11Typing {
  nlohmann::json value;
  // The yaml11-ambiguous message when PyYAML, Jekyll and Eleventy's
  // js-yaml 3 disagree: "'yes' is the boolean true in PyYAML and Jekyll
  // but the string \"yes\" in Eleventy's js-yaml 3; fmkit reads the boolean
  // true, as most of them do; write true, or quote it to keep a string:
  // 'yes'". Empty when they agree.
  std::string ambiguity;
};

// Returns the YAML 1.1 value of the plain, untagged scalar `s`, or
// std::nullopt when it is the YAML 1.2 value and the three readers agree
// (most scalars), or YAML 1.2 reads it as infinity or NaN. Linear in `s`.
std::optional<Yaml11Typing> type_as_yaml11(std::string_view s);

}  // namespace fmkit
