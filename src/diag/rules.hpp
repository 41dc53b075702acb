// SPDX-License-Identifier: MIT
//
// The rule catalog: every rule a Diagnostic of fmkit can carry, once, with
// its default severity, a short description, help text (what it means and
// how to fix it) and where the README documents it. Output formats that
// describe rules (SARIF's tool.driver.rules) read it; the README's rules
// table is generated from it and a test keeps the two equal; another test
// fails when code emits a rule the catalog lacks, or the catalog lists one
// no code emits. A rule's default severity is the one it has unless an
// option changes it (--no-error-on-unmatched-pattern makes no-match rules
// warnings). Immutable; thread-safe.
#pragma once

#include "diag/diagnostic.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fmkit {

struct RuleInfo {
  std::string_view id;       // "yaml.syntax"
  Severity severity;         // default severity
  std::string_view summary;  // one line, lower-case, no final period
  std::string_view help;     // a sentence or two: what it means, how to fix
  std::string_view anchor;   // README heading anchor, e.g. "rules"
};

// fmkit's home page: SARIF's informationUri, and the base of help URIs.
inline constexpr std::string_view k_fmkit_home =
    "https://github.com/fmkit/fmkit";

// Returns every rule, grouped by family, in a fixed order.
std::span<const RuleInfo> rule_catalog();

// Returns the index of `id` in rule_catalog(), or std::nullopt.
std::optional<size_t> find_rule(std::string_view id);

// Returns the URI of the README section documenting `rule`.
std::string rule_help_uri(const RuleInfo& rule);

}  // namespace fmkit
