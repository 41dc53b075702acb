// SPDX-License-Identifier: MIT
//
// How YAML 1.1 reads a plain scalar, where that differs from the YAML 1.2
// core schema fmkit uses: the one implementation behind both the yaml11-*
// warnings (document/) and the writer's quoting (migrate/yaml_writer).
//
// Two sources, kept apart:
// - the readers site generators use, as measured (tests/document/README.md
//   has the table and how it was made): PyYAML 6.0 (Debian python3-yaml),
//   Jekyll (Ruby Psych 4.0, Psych.safe_load as Jekyll 4.3 calls it),
//   Eleventy's js-yaml 3 (gray-matter 4; js-yaml 3.15), js-yaml 4 (4.3) and
//   Hugo's go-yaml v2 (Hugo 0.111, Debian). Each reading names exactly the
//   readers that read the value differently from YAML 1.2, and what each
//   makes of it (Psych reads base 60 its own way: '1:30' is 5400);
// - YAML 1.1's type repository (yaml.org/type), which some forms match that
//   no measured reader takes as a non-string ('1.2.3' and '...' match its
//   float regex). Such a reading has no readers: it is not warned about,
//   but the writer still quotes it.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

// The readers of the table, in the order messages name them.
enum class Yaml11Reader : unsigned {
  pyyaml = 1u << 0,    // "PyYAML"
  jekyll = 1u << 1,    // "Jekyll" (Ruby Psych)
  eleventy = 1u << 2,  // "Eleventy's js-yaml 3"
  js_yaml4 = 1u << 3,  // "js-yaml 4"
  hugo = 1u << 4,      // "Hugo's go-yaml v2"
};

// One way some readers read a value: "the boolean true" by PyYAML and
// Jekyll.
struct Yaml11Group {
  std::string value;     // "the integer 90 (base 60)", "the string \"08\""
  unsigned readers = 0;  // Yaml11Reader bits
};

struct Yaml11Reading {
  // The warning's rule: yaml11-bool, yaml11-null, yaml11-octal,
  // yaml11-sexagesimal, yaml11-timestamp or yaml11-number.
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
// schema; std::nullopt when all read it alike. Linear in `s`.
std::optional<Yaml11Reading> read_as_yaml11(std::string_view s);

// Returns the warning message for `s`:
// "'1:30' is the string \"1:30\" in YAML 1.2 but the integer 90 (base 60)
// in YAML 1.1 (PyYAML, Eleventy's js-yaml 3), the integer 5400 in Jekyll;
// quote it to keep a string: '1:30'". `reading` must have groups.
std::string yaml11_message(std::string_view s, const Yaml11Reading& reading);

// Returns the names of `readers` (Yaml11Reader bits), comma-separated:
// "PyYAML, Jekyll".
std::string yaml11_reader_names(unsigned readers);

}  // namespace fmkit
