// SPDX-License-Identifier: MIT
//
// Checker (internal to schema/): runs the keywords of one CheckSpec on one
// value for valijson, pushing each failure as an encoded SchemaError
// (schema_error.hpp). Without results (valijson only asks yes or no) the
// first failure ends the check. The keywords are in checker.cpp; anyOf and
// oneOf, which must pick what to say when no branch matches, in
// branches.cpp. A Checker lives for one call; it is not shared.
#pragma once

#include "schema/compiled_schema.hpp"
#include "schema/schema_error.hpp"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_results.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

using Context = std::vector<std::string>;

// The outcome of running one subschema for its errors.
struct BranchResult {
  bool valid = true;
  std::vector<valijson::ValidationResults::Error> errors;  // rebased
};

// How a failed anyOf/oneOf branch stands (branches.cpp).
enum class Tier { chosen, plain, tag_failed, out };

struct Analysis {
  Tier tier = Tier::plain;
  bool wrong_type = false;
  size_t leaves = 0;  // errors that are not cascades or group members
  size_t depth = 0;   // context size of the deepest
  std::vector<const valijson::ValidationResults::Error*>
      firsts;  // leaves in order
};

// `target` as a JSON value for messages: scalars as they are, arrays and
// objects as empty ones (messages only say "an array").
nlohmann::json message_value(const valijson::adapters::Adapter& target);

class Checker {
 public:
  Checker(const CompiledSchema& schema, const CheckSpec& spec,
          const valijson::adapters::Adapter& target, const Context& context,
          valijson::ValidationResults* results)
      : m_schema(schema),
        m_spec(spec),
        m_target(target),
        m_context(context),
        m_results(results) {}

  // Returns whether the value passes every keyword.
  bool run();

 private:
  using Adapter = valijson::adapters::Adapter;
  using JsonAdapter = valijson::adapters::NlohmannJsonAdapter;

  bool fail(std::string_view rule, Anchor anchor, std::string_view key,
            std::string_view message);
  void push(const Context& context, std::string_view rule, Anchor anchor,
            std::string_view key, std::string_view message);
  const std::string& text();
  bool equals(const nlohmann::json& value);

  // checker.cpp: one function per group of keywords.
  bool check_enum();
  bool check_const();
  bool check_string();
  bool check_number();
  bool check_array();
  bool check_unique(const JsonAdapter& array);
  bool check_object();
  bool check_members(const JsonAdapter& object);
  bool check_property_names(const JsonAdapter& object);
  // walk.cpp: "items" and "properties" fmkit walks.
  bool check_walked();

  // branches.cpp.
  bool check_any_of();
  bool check_one_of();
  std::vector<Analysis> classify(const std::vector<Branch>& branches,
                                 const std::vector<BranchResult>& results,
                                 unsigned& types) const;
  void report_no_match(const std::vector<Branch>& branches,
                       const std::vector<BranchResult>& results,
                       std::string_view rule, std::string_view keyword);
  bool report_unknown_tag(const std::vector<Branch>& branches,
                          const std::vector<BranchResult>& results,
                          const std::vector<Analysis>& analyses);
  static std::vector<size_t> winners(const std::vector<Analysis>& analyses,
                                     Tier best);
  Context child_context(const std::string& name) const;
  bool report_merged_values(
      const std::vector<const valijson::ValidationResults::Error*>& errors);
  std::optional<nlohmann::json> value_at(const Context& context) const;

  // Running subschemas (checker.cpp).
  template <typename A>
  bool run_subschema(int index, const A& target, const Context& context);
  bool holds(int index) const;
  template <typename A>
  BranchResult run_branch(int index, const A& target);
  BranchResult run_branch_any(int index);

  const CompiledSchema& m_schema;
  const CheckSpec& m_spec;
  const Adapter& m_target;
  const Context& m_context;
  valijson::ValidationResults* m_results;
  std::optional<std::string> m_text;
};

}  // namespace fmkit
