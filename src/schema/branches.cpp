// SPDX-License-Identifier: MIT
#include "schema/checker.hpp"
#include "schema/value_text.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

// anyOf and oneOf. When no branch matches, valijson would report every
// branch's errors; fmkit reports the branch the data meant, found the way
// better-ajv-errors and Pydantic's discriminated unions do:
//
// 1. A branch that refuses the value whole (another type, `false`, an `if`
//    that failed into `else: false`) is out. When every branch is out for
//    its type, one type error names every type the branches allow.
// 2. Of the rest, a branch that the data chose beats the others: its
//    top-level `if` held (so its `then` failed), or a tag property (a
//    const/enum property that several branches constrain) matched it.
//    A branch whose tag did not match comes last.
// 3. Within the best group, the fewest errors win, then the deepest (the
//    branch that got furthest into the data).
// 4. One winner: its errors, at their own places with their own rules.
//    Several whose one error is a const/enum at the same place (MDN's
//    `^Web/API/` and `.*` branches both deciding 'page-type'; a tag that
//    matches no branch): one schema.enum error listing the union of the
//    allowed values, in schema order. Otherwise one error listing each
//    winner's first error ("... does not match any schema in 'anyOf':
//    schema 0: ...; schema 1: ...").
//
// This runs only when a value fails; valid data never gets here.

namespace fmkit {

namespace {

using valijson::ValidationResults;
using Error = ValidationResults::Error;

const std::string k_field(1, k_field_mark);
constexpr size_t k_max_listed_branches = 3;

bool is_value_rule(std::string_view rule) {
  return rule == "schema.enum" || rule == "schema.const";
}

std::optional<unsigned> type_bits_of(const SchemaError& e) {
  if (e.anchor != Anchor::value ||
      (e.rule != "schema.type" && e.rule != "schema.any-of" &&
       e.rule != "schema.one-of")) {
    return std::nullopt;
  }
  unsigned bits = 0;
  auto [end, ec] =
      std::from_chars(e.key.data(), e.key.data() + e.key.size(), bits);
  if (ec != std::errc() || end != e.key.data() + e.key.size() || bits == 0) {
    return std::nullopt;
  }
  return bits;
}

// Reads the errors of one failed branch; `depth` is the size of the
// anyOf's own context. Adds the types a wrong-type branch wanted to `types`.
Analysis analyse(const BranchResult& result, size_t depth, unsigned& types) {
  Analysis a;
  size_t members = 0;
  for (const Error& error : result.errors) {
    std::optional<SchemaError> e = decode_error(error.description);
    if (!e && is_cascade(error.description)) continue;
    ++a.leaves;
    a.depth = std::max(a.depth, error.context.size());
    a.firsts.push_back(&error);
    if (!e) continue;
    if (e->anchor == Anchor::group) {
      // One member per listed branch; a final "..." lists none.
      members +=
          static_cast<size_t>(std::count(e->key.begin(), e->key.end(), ',')) +
          1;
      if (e->key.ends_with("...")) --members;
    }
    if (error.context.size() != depth) continue;
    if (e->rule == "schema.false") {
      a.tier = Tier::out;
    } else if (auto bits = type_bits_of(*e)) {
      types |= *bits;
      a.tier = Tier::out;
      a.wrong_type = true;
    }
  }
  a.leaves -= std::min(members, a.leaves);
  return a;
}

bool starts_with(const Context& context, const Context& prefix) {
  return context.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), context.begin());
}

// The enum/const errors of `result` exactly at `context`.
const Error* value_error_at(const BranchResult& result,
                            const Context& context) {
  for (const Error& error : result.errors) {
    if (error.context != context) continue;
    std::optional<SchemaError> e = decode_error(error.description);
    if (e && is_value_rule(e->rule)) return &error;
  }
  return nullptr;
}

}  // namespace

// Both keywords first ask each branch yes or no, which builds no error
// text: valid data, the common case, pays nothing for the reporting. Only
// when that fails are the branches run again for their errors.
bool Checker::check_any_of() {
  if (m_spec.any_of.empty()) return true;
  for (const Branch& branch : m_spec.any_of) {
    if (holds(branch.schema)) return true;
  }
  if (!m_results) return false;
  std::vector<BranchResult> results;
  for (const Branch& branch : m_spec.any_of) {
    results.push_back(run_branch_any(branch.schema));
  }
  report_no_match(m_spec.any_of, results, "schema.any-of", "anyOf");
  return false;
}

bool Checker::check_one_of() {
  if (m_spec.one_of.empty()) return true;
  std::vector<size_t> matched;
  for (size_t k = 0; k < m_spec.one_of.size() && matched.size() < 2; ++k) {
    if (holds(m_spec.one_of[k].schema)) matched.push_back(k);
  }
  if (matched.size() == 1) return true;
  if (!m_results) return false;
  if (matched.size() > 1) {
    return fail("schema.one-of", Anchor::value, "",
                k_field + " matches more than one schema in 'oneOf' (schemas " +
                    std::to_string(matched[0]) + " and " +
                    std::to_string(matched[1]) + ")");
  }
  std::vector<BranchResult> results;
  for (const Branch& branch : m_spec.one_of) {
    results.push_back(run_branch_any(branch.schema));
  }
  report_no_match(m_spec.one_of, results, "schema.one-of", "oneOf");
  return false;
}

// Steps 1 and 2 of the comment at the top of this file: each branch's
// errors read, and its tier. Adds the types wrong-type branches want to
// `types`.
std::vector<Analysis> Checker::classify(
    const std::vector<Branch>& branches,
    const std::vector<BranchResult>& results, unsigned& types) const {
  std::vector<Analysis> analyses;
  const auto* object = dynamic_cast<const JsonAdapter*>(&m_target);
  for (size_t k = 0; k < branches.size(); ++k) {
    Analysis a = analyse(results[k], m_context.size(), types);
    if (a.tier != Tier::out) {
      if (branches[k].if_schema >= 0 && holds(branches[k].if_schema))
        a.tier = Tier::chosen;
      for (const std::string& tag : branches[k].discriminators) {
        if (a.tier == Tier::chosen || object == nullptr || !object->isObject())
          break;
        const auto members = object->asObject();
        if (members.find(tag) == members.end()) continue;
        bool failed = value_error_at(results[k], child_context(tag)) != nullptr;
        a.tier = failed ? Tier::tag_failed : Tier::chosen;
      }
    }
    analyses.push_back(std::move(a));
  }
  return analyses;
}

// Steps 3 and 4 (see the top of this file).
void Checker::report_no_match(const std::vector<Branch>& branches,
                              const std::vector<BranchResult>& results,
                              std::string_view rule, std::string_view keyword) {
  unsigned types = 0;
  std::vector<Analysis> analyses = classify(branches, results, types);
  Tier best = Tier::out;
  for (const Analysis& a : analyses) best = std::min(best, a.tier);
  if (best == Tier::out) {
    bool all_types =
        std::all_of(analyses.begin(), analyses.end(),
                    [](const Analysis& a) { return a.wrong_type; });
    if (all_types) {
      push(m_context, rule, Anchor::value, std::to_string(types),
           k_field + " must be " + describe_types(types) + ", got " +
               describe_value(message_value(m_target), ValueStyle::typed));
    } else {
      push(m_context, rule, Anchor::value, "",
           k_field + " does not match any schema in '" + std::string(keyword) +
               "'");
    }
    return;
  }
  if (best == Tier::tag_failed &&
      report_unknown_tag(branches, results, analyses))
    return;
  std::vector<size_t> chosen = winners(analyses, best);
  auto same_errors = [&](size_t k) {
    const auto& a = results[k].errors;
    const auto& b = results[chosen[0]].errors;
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Error& x, const Error& y) {
                        return x.context == y.context &&
                               x.description == y.description;
                      });
  };
  if (std::all_of(chosen.begin(), chosen.end(), same_errors)) {
    for (const Error& error : results[chosen[0]].errors) {
      m_results->pushError(error.context, error.description);
    }
    return;
  }
  std::vector<const Error*> singles;
  for (size_t k : chosen) {
    if (analyses[k].leaves == 1 && analyses[k].firsts.size() == 1) {
      singles.push_back(analyses[k].firsts[0]);
    }
  }
  if (singles.size() == chosen.size() && report_merged_values(singles)) return;
  std::vector<const Error*> firsts;
  std::string listed;
  for (size_t k : chosen) {
    if (analyses[k].firsts.empty()) continue;
    if (firsts.size() == k_max_listed_branches) {
      listed += ",...";
      break;
    }
    firsts.push_back(analyses[k].firsts[0]);
    listed += (listed.empty() ? "" : ",") + std::to_string(k);
  }
  std::string message =
      k_field + " does not match any schema in '" + std::string(keyword) + "'";
  if (firsts.empty()) {
    push(m_context, rule, Anchor::value, "", message);
    return;
  }
  for (const Error* error : firsts) {
    m_results->pushError(error->context, error->description);
  }
  push(m_context, rule, Anchor::group, listed, message);
}

// A tag that no branch has: the tag's allowed values, nothing else (the
// other errors only follow from reading the wrong branch). Returns false
// when the branches' tags failed at different properties.
bool Checker::report_unknown_tag(const std::vector<Branch>& branches,
                                 const std::vector<BranchResult>& results,
                                 const std::vector<Analysis>& analyses) {
  std::vector<const Error*> tags;
  for (size_t k = 0; k < branches.size(); ++k) {
    if (analyses[k].tier != Tier::tag_failed) continue;
    for (const std::string& tag : branches[k].discriminators) {
      if (const Error* e = value_error_at(results[k], child_context(tag))) {
        tags.push_back(e);
        break;
      }
    }
  }
  return tags.size() > 1 && report_merged_values(tags);
}

// The branches of tier `best` with the fewest errors, then the deepest.
std::vector<size_t> Checker::winners(const std::vector<Analysis>& analyses,
                                     Tier best) {
  auto rank = [&](size_t k) {
    return std::make_tuple(analyses[k].leaves, ~analyses[k].depth);
  };
  std::vector<size_t> chosen;
  for (size_t k = 0; k < analyses.size(); ++k) {
    if (analyses[k].tier != best) continue;
    if (!chosen.empty() && rank(k) > rank(chosen[0])) continue;
    if (!chosen.empty() && rank(k) < rank(chosen[0])) chosen.clear();
    chosen.push_back(k);
  }
  return chosen;
}

Context Checker::child_context(const std::string& name) const {
  Context context = m_context;
  context.push_back("[" + name + "]");
  return context;
}

// Merges const/enum errors at one place into one schema.enum error that
// lists every value they allow. Returns false (pushing nothing) when the
// errors are of other kinds or at different places.
bool Checker::report_merged_values(const std::vector<const Error*>& errors) {
  std::vector<const nlohmann::json*> allowed;
  std::string key;
  for (const Error* error : errors) {
    std::optional<SchemaError> e = decode_error(error->description);
    if (!e || !is_value_rule(e->rule) || error->context != errors[0]->context) {
      return false;
    }
    for (size_t at = 0; at < e->key.size();) {
      size_t comma = std::min(e->key.find(',', at), e->key.size());
      size_t index = 0;
      std::from_chars(e->key.data() + at, e->key.data() + comma, index);
      if (index >= m_schema.checks.size()) return false;
      const CheckSpec& spec = *m_schema.checks[index];
      auto add = [&](const nlohmann::json& value) {
        auto same = [&](const nlohmann::json* other) {
          return *other == value;
        };
        if (std::none_of(allowed.begin(), allowed.end(), same))
          allowed.push_back(&value);
      };
      if (spec.const_value) add(*spec.const_value);
      if (spec.enum_values) {
        for (const nlohmann::json& value : *spec.enum_values) add(value);
      }
      key += (key.empty() ? "" : ",") + std::to_string(index);
      at = comma + 1;
    }
  }
  std::optional<nlohmann::json> value = value_at(errors[0]->context);
  if (!value) return false;
  push(errors[0]->context, "schema.enum", Anchor::value, key,
       enum_message(*value, allowed));
  return true;
}

// The value at `context` (inside the target) for a message.
std::optional<nlohmann::json> Checker::value_at(const Context& context) const {
  const auto* start = dynamic_cast<const JsonAdapter*>(&m_target);
  if (start == nullptr || !starts_with(context, m_context)) return std::nullopt;
  // Adapters hold references, so they are rebuilt rather than assigned.
  std::optional<JsonAdapter> node(*start);
  for (size_t i = m_context.size(); i < context.size(); ++i) {
    std::string_view token = context[i];
    if (token.size() < 2) return std::nullopt;
    std::string name(token.substr(1, token.size() - 2));
    if (node->isObject()) {
      const auto members = node->asObject();
      auto it = members.find(name);
      if (it == members.end()) return std::nullopt;
      node.emplace((*it).second);
    } else if (node->isArray()) {
      size_t index = 0;
      auto [end, ec] =
          std::from_chars(name.data(), name.data() + name.size(), index);
      if (ec != std::errc() || index >= node->getArraySize())
        return std::nullopt;
      size_t position = 0;
      for (const JsonAdapter& item : node->asArray()) {
        if (position++ == index) {
          node.emplace(item);
          break;
        }
      }
    } else {
      return std::nullopt;
    }
  }
  return message_value(*node);
}

}  // namespace fmkit
