// SPDX-License-Identifier: MIT
// GCC 12 with -fsanitize reports -Wmaybe-uninitialized false positives
// inside libstdc++'s <regex> and <functional>, which valijson's headers
// instantiate; CI builds with sanitizers and -Werror. The pragma has to
// be in force where those headers are first read, so it comes first.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "schema/compiled_schema.hpp"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <new>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/std_string_adapter.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/validator.hpp>

#include "base/source_span.hpp"
#include "base/spelling.hpp"
#include "schema/ecma_regex.hpp"
#pragma GCC diagnostic pop

namespace fmkit {

namespace {

using valijson::ValidationResults;
using valijson::adapters::Adapter;
using valijson::adapters::NlohmannJsonAdapter;
using valijson::adapters::StdStringAdapter;
using Context = std::vector<std::string>;

constexpr char k_separator = '\x1f';
constexpr size_t k_max_quoted = 60;      // code points of a quoted value
constexpr size_t k_max_listed = 20;      // enum values listed in a message
const std::string k_field(1, k_field_mark);
const std::string k_in_field(1, k_in_field_mark);

// Cuts `text` after `limit` code points, marking the cut with "...".
std::string shorten(std::string_view text, size_t limit) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == limit) {
      return std::string(text.substr(0, i)) + "...";
    }
  }
  return std::string(text);
}

std::string quote(std::string_view text) {
  // dump() escapes quotes and control characters; invalid UTF-8 (already
  // reported by the YAML reader) is replaced rather than thrown on.
  return nlohmann::json(shorten(text, k_max_quoted))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string plural(uint64_t count, std::string_view word) {
  std::string out = std::to_string(count) + " " + std::string(word);
  if (count != 1) out += 's';
  return out;
}

std::string number_text(const nlohmann::json& number) { return number.dump(); }

// A JSON number as both exact kinds: int64 when it is one, and long double
// (exact for int64, uint64 and double on the platforms fmkit targets).
struct Number {
  bool is_integer = false;
  int64_t integer = 0;
  long double value = 0;
};

std::optional<Number> read_number(const Adapter& target) {
  Number n;
  if (target.isInteger()) {
    if (!target.getInteger(n.integer)) return std::nullopt;
    n.is_integer = true;
    n.value = static_cast<long double>(n.integer);
    return n;
  }
  double d = 0;
  if (target.isDouble() && target.getDouble(d)) {
    n.value = d;
    return n;
  }
  return std::nullopt;
}

long double json_number(const nlohmann::json& number) {
  if (number.is_number_unsigned()) {
    return static_cast<long double>(number.get<uint64_t>());
  }
  if (number.is_number_integer()) {
    return static_cast<long double>(number.get<int64_t>());
  }
  return static_cast<long double>(number.get<double>());
}

std::string describe_number(const Number& n) {
  if (n.is_integer) return std::to_string(n.integer);
  return nlohmann::json(static_cast<double>(n.value)).dump();
}

// "string \"no\"", "number 5", "boolean true", "null", "an array".
std::string describe_value(const Adapter& target) {
  if (target.isString()) return "string " + quote(target.getString());
  if (target.isBool()) return target.getBool() ? "boolean true" : "boolean false";
  if (target.isNull()) return "null";
  if (auto n = read_number(target)) return "number " + describe_number(*n);
  if (target.isArray()) return "an array";
  if (target.isObject()) return "an object";
  return "a value";
}

// The value as the subject of a sentence: 'seedling2', 5, true, an array.
std::string subject(const Adapter& target) {
  if (target.isString()) return "'" + shorten(target.getString(), k_max_quoted) + "'";
  if (target.isBool()) return target.getBool() ? "true" : "false";
  if (target.isNull()) return "null";
  if (auto n = read_number(target)) return describe_number(*n);
  if (target.isArray()) return "an array";
  return "an object";
}

bool is_integral(const Adapter& target) {
  if (target.isInteger()) return true;
  double d = 0;
  return target.isDouble() && target.getDouble(d) && std::isfinite(d) &&
         d == std::floor(d);
}

bool matches_types(const Adapter& target, unsigned types) {
  using namespace type_bits;
  if ((types & k_null) && target.isNull()) return true;
  if ((types & k_boolean) && target.isBool()) return true;
  if ((types & k_object) && target.isObject()) return true;
  if ((types & k_array) && target.isArray()) return true;
  if ((types & k_number) && target.isNumber()) return true;
  if ((types & k_string) && target.isString()) return true;
  if ((types & k_integer) && is_integral(target)) return true;
  return false;
}

bool is_multiple(const Number& value, const nlohmann::json& divisor) {
  if (value.is_integer && divisor.is_number_integer() &&
      !divisor.is_number_unsigned()) {
    int64_t d = divisor.get<int64_t>();
    return d > 0 && value.integer % d == 0;
  }
  // Floating point: the quotient must be an integer up to rounding error.
  // A quotient that overflows a double is not (1e308 / 0.123456789).
  double q = static_cast<double>(value.value) / divisor.get<double>();
  if (!std::isfinite(q)) return false;
  double tolerance = std::max(1e-9, std::fabs(q) * 4 * DBL_EPSILON);
  return std::fabs(q - std::nearbyint(q)) <= tolerance;
}

Context rebase(const Context& base, const Context& nested) {
  Context out = base;
  // Every valijson context starts with "<root>", the nested target.
  out.insert(out.end(), nested.begin() + (nested.empty() ? 0 : 1), nested.end());
  return out;
}

// Runs `f` with the concrete adapter valijson visits `target` with: the
// nlohmann adapter, or the string adapter inside propertyNames.
template <typename F>
bool with_concrete(const Adapter& target, F f) {
  if (const auto* json = dynamic_cast<const NlohmannJsonAdapter*>(&target)) {
    return f(*json);
  }
  if (const auto* text = dynamic_cast<const StdStringAdapter*>(&target)) {
    return f(*text);
  }
  return true;  // valijson visits no other adapter type
}

struct Branch {
  bool valid = true;
  std::vector<ValidationResults::Error> errors;  // rebased
};

// Returns whether `errors` include a type mismatch of the value itself
// (at depth `depth`), adding the types it wanted to `types`.
bool type_mismatch(const std::vector<ValidationResults::Error>& errors,
                   size_t depth, unsigned& types) {
  bool found = false;
  for (const auto& error : errors) {
    if (error.context.size() != depth) continue;
    std::optional<SchemaError> e = decode_error(error.description);
    if (!e || e->anchor != Anchor::value) continue;
    if (e->rule == "schema.false") {
      found = true;
    } else if (e->rule == "schema.type" || e->rule == "schema.any-of" ||
               e->rule == "schema.one-of") {
      unsigned bits = 0;
      auto [end, ec] = std::from_chars(e->key.data(), e->key.data() + e->key.size(), bits);
      if (ec == std::errc() && end == e->key.data() + e->key.size() && bits != 0) {
        types |= bits;
        found = true;
      }
    }
  }
  return found;
}

class Checker {
 public:
  Checker(const CompiledSchema& schema, const CheckSpec& spec,
          const Adapter& target, const Context& context,
          ValidationResults* results)
      : m_schema(schema), m_spec(spec), m_target(target), m_context(context),
        m_results(results) {}

  bool run() {
    if (m_spec.never) {
      return fail("schema.false", Anchor::entry, "", k_field + " is not allowed");
    }
    if (m_spec.types != 0 && !matches_types(m_target, m_spec.types)) {
      return fail("schema.type", Anchor::value, std::to_string(m_spec.types),
                  k_field + " must be " + describe_types(m_spec.types) +
                      ", got " + describe_value(m_target));
    }
    bool ok = true;
    // Each step returns false on failure; without results the first
    // failure ends the check (valijson only wants the answer then).
    for (auto step : {&Checker::check_enum, &Checker::check_const,
                      &Checker::check_string, &Checker::check_number,
                      &Checker::check_array, &Checker::check_object,
                      &Checker::check_any_of, &Checker::check_one_of}) {
      if (!(this->*step)()) {
        ok = false;
        if (m_results == nullptr) return false;
      }
    }
    return ok;
  }

 private:
  bool fail(std::string_view rule, Anchor anchor, std::string_view key,
            std::string_view message) {
    push(m_context, rule, anchor, key, message);
    return false;
  }

  void push(const Context& context, std::string_view rule, Anchor anchor,
            std::string_view key, std::string_view message) {
    if (m_results) {
      m_results->pushError(context, encode_error(rule, anchor, key, message));
    }
  }

  // The target's text, read once (the adapter hands out copies).
  const std::string& text() {
    if (!m_text) m_text = m_target.getString();
    return *m_text;
  }

  bool equals(const nlohmann::json& value) {
    if (m_target.isString()) return value.is_string() && value.get_ref<const std::string&>() == text();
    return NlohmannJsonAdapter(value).equalTo(m_target, true);
  }

  bool check_enum() {
    if (!m_spec.enum_values) return true;
    std::vector<std::string> names;
    for (const nlohmann::json& value : *m_spec.enum_values) {
      if (equals(value)) return true;
    }
    if (!m_results) return false;
    std::string listed;
    size_t count = 0;
    for (const nlohmann::json& value : *m_spec.enum_values) {
      std::string name = value.is_string() ? value.get<std::string>()
                                           : describe_json(value);
      if (value.is_string()) names.push_back(name);
      if (count++ < k_max_listed) {
        if (!listed.empty()) listed += ", ";
        listed += name;
      }
    }
    if (count > k_max_listed) {
      listed += ", ... (" + std::to_string(count - k_max_listed) + " more)";
    }
    std::string message = subject(m_target) + " is not an allowed value for " +
                          k_field + "; expected one of: " + listed;
    if (m_target.isString()) {
      if (auto near = suggest_spelling(text(), names)) {
        message += " (did you mean '" + *near + "'?)";
      }
    }
    return fail("schema.enum", Anchor::value, "", message);
  }

  bool check_const() {
    if (!m_spec.const_value) return true;
    if (equals(*m_spec.const_value)) return true;
    return fail("schema.const", Anchor::value, "",
                k_field + " must be " + describe_json(*m_spec.const_value) +
                    ", got " + describe_value(m_target));
  }

  bool check_string() {
    if (!m_target.isString()) return true;
    if (!m_spec.min_length && !m_spec.max_length && !m_spec.pattern &&
        !m_spec.format) {
      return true;
    }
    const std::string& text = this->text();
    bool ok = true;
    auto step = [&](bool passed) {
      if (!passed) ok = false;
      return passed || m_results != nullptr;
    };
    if (m_spec.min_length || m_spec.max_length) {
      size_t length = count_code_points(text);
      if (m_spec.min_length && length < *m_spec.min_length) {
        std::string message =
            length == 0 && *m_spec.min_length == 1
                ? k_field + " must not be empty"
                : k_field + " must be at least " +
                      plural(*m_spec.min_length, "character") + " long, got " +
                      std::to_string(length);
        if (!step(fail("schema.min-length", Anchor::value, "", message))) return false;
      }
      if (m_spec.max_length && length > *m_spec.max_length) {
        if (!step(fail("schema.max-length", Anchor::value, "",
                       k_field + " must be at most " +
                           plural(*m_spec.max_length, "character") +
                           " long, got " + std::to_string(length)))) {
          return false;
        }
      }
    }
    if (m_spec.pattern && !regex_search(*m_spec.pattern->regex, text)) {
      if (!step(fail("schema.pattern", Anchor::value, "",
                     k_field + " does not match pattern '" +
                         m_spec.pattern->source + "': " + quote(text)))) {
        return false;
      }
    }
    if (m_spec.format && !check_format(*m_spec.format, text)) {
      if (!step(fail("schema.format", Anchor::value, "",
                     k_field + " is not a valid " +
                         std::string(format_name(*m_spec.format)) + ": " +
                         quote(text)))) {
        return false;
      }
    }
    return ok;
  }

  bool check_number() {
    if (!m_target.isNumber()) return true;
    std::optional<Number> n = read_number(m_target);
    if (!n) return true;
    bool ok = true;
    struct Limit {
      const std::optional<nlohmann::json>& bound;
      const char* rule;
      const char* relation;
      bool (*passes)(long double, long double);
    };
    const Limit limits[] = {
        {m_spec.minimum, "schema.minimum", ">=",
         [](long double v, long double b) { return v >= b; }},
        {m_spec.exclusive_minimum, "schema.exclusive-minimum", ">",
         [](long double v, long double b) { return v > b; }},
        {m_spec.maximum, "schema.maximum", "<=",
         [](long double v, long double b) { return v <= b; }},
        {m_spec.exclusive_maximum, "schema.exclusive-maximum", "<",
         [](long double v, long double b) { return v < b; }},
    };
    for (const Limit& limit : limits) {
      if (!limit.bound || limit.passes(n->value, json_number(*limit.bound))) {
        continue;
      }
      ok = fail(limit.rule, Anchor::value, "",
                k_field + " must be " + limit.relation + " " +
                    number_text(*limit.bound) + ", got " + describe_number(*n));
      if (!m_results) return false;
    }
    if (m_spec.multiple_of && !is_multiple(*n, *m_spec.multiple_of)) {
      ok = fail("schema.multiple-of", Anchor::value, "",
                k_field + " must be a multiple of " +
                    number_text(*m_spec.multiple_of) + ", got " +
                    describe_number(*n));
    }
    return ok;
  }

  bool check_array() {
    if (!m_target.isArray()) return true;
    if (!m_spec.min_items && !m_spec.max_items && !m_spec.unique_items) {
      return true;
    }
    size_t size = m_target.getArraySize();
    bool ok = true;
    if (m_spec.min_items && size < *m_spec.min_items) {
      ok = fail("schema.min-items", Anchor::value, "",
                k_field + " must have at least " + plural(*m_spec.min_items, "item"));
      if (!m_results) return false;
    }
    if (m_spec.max_items && size > *m_spec.max_items) {
      ok = fail("schema.max-items", Anchor::value, "",
                k_field + " must have at most " +
                    plural(*m_spec.max_items, "item") + ", got " +
                    std::to_string(size));
      if (!m_results) return false;
    }
    if (m_spec.unique_items && size > 1) {
      const auto* json = dynamic_cast<const NlohmannJsonAdapter*>(&m_target);
      if (json != nullptr && !check_unique(*json)) ok = false;
    }
    return ok;
  }

  // Reports each item equal to an earlier one, once, naming the first.
  bool check_unique(const NlohmannJsonAdapter& array) {
    std::vector<NlohmannJsonAdapter> items;
    for (const NlohmannJsonAdapter& item : array.asArray()) items.push_back(item);
    // Strings (the common case) are compared sorted, the rest pairwise.
    std::vector<std::pair<std::string, size_t>> strings;
    for (size_t j = 0; j < items.size(); ++j) {
      if (items[j].isString()) strings.emplace_back(items[j].getString(), j);
    }
    std::sort(strings.begin(), strings.end());
    std::vector<std::optional<size_t>> earlier(items.size());
    for (size_t k = 1; k < strings.size(); ++k) {
      if (strings[k].first == strings[k - 1].first) {
        earlier[strings[k].second] = earlier[strings[k - 1].second].value_or(strings[k - 1].second);
      }
    }
    bool ok = true;
    for (size_t j = 0; j < items.size(); ++j) {
      std::optional<size_t> first = earlier[j];
      if (!items[j].isString()) {
        for (size_t i = 0; i < j && !first; ++i) {
          if (!items[i].isString() && items[i].equalTo(items[j], true)) first = i;
        }
      }
      if (!first) continue;
      ok = false;
      if (!m_results) return false;
      std::string index = std::to_string(j);
      std::string item;
      if (items[j].isString()) {
        item = quote(items[j].getString()) + " ";
      } else if (!items[j].isArray() && !items[j].isObject()) {
        item = subject(items[j]) + " ";
      }
      push(m_context, "schema.unique-items", Anchor::child, index,
           "duplicate item " + item + "in " + k_field + " (items " +
               std::to_string(*first) + " and " + index + ")");
    }
    return ok;
  }

  bool check_object() {
    if (!m_target.isObject()) return true;
    const auto* object = dynamic_cast<const NlohmannJsonAdapter*>(&m_target);
    if (object == nullptr) return true;
    bool ok = true;
    const auto members = object->asObject();
    auto has = [&](const std::string& name) {
      return members.find(name) != members.end();
    };
    for (const std::string& name : m_spec.required) {
      if (has(name)) continue;
      ok = false;
      if (!m_results) return false;
      push(m_context, "schema.required", Anchor::missing, name,
           "missing required key '" + name + "'" + k_in_field);
    }
    size_t size = m_target.getObjectSize();
    if (m_spec.min_properties && size < *m_spec.min_properties) {
      ok = fail("schema.min-properties", Anchor::value, "",
                k_field + " must have at least " +
                    plural(*m_spec.min_properties, "key"));
      if (!m_results) return false;
    }
    if (m_spec.max_properties && size > *m_spec.max_properties) {
      ok = fail("schema.max-properties", Anchor::value, "",
                k_field + " must have at most " +
                    plural(*m_spec.max_properties, "key") + ", got " +
                    std::to_string(size));
      if (!m_results) return false;
    }
    for (const auto& [name, needed] : m_spec.dependencies) {
      if (!has(name)) continue;
      for (const std::string& other : needed) {
        if (has(other)) continue;
        ok = false;
        if (!m_results) return false;
        push(m_context, "schema.dependencies", Anchor::key, name,
             "missing key '" + other + "'" + k_in_field + ", required when '" +
                 name + "' is present");
      }
    }
    if (m_spec.checks_members && !check_members(*object)) {
      ok = false;
      if (!m_results) return false;
    }
    if (m_spec.property_names_schema >= 0 && !check_property_names(*object)) {
      ok = false;
    }
    return ok;
  }

  bool check_members(const NlohmannJsonAdapter& object) {
    bool ok = true;
    for (const auto& [name, value] : object.asObject()) {
      bool matched = std::binary_search(m_spec.properties.begin(),
                                        m_spec.properties.end(), name);
      Context child;
      auto child_context = [&]() -> const Context& {
        if (child.empty()) {
          child = m_context;
          child.push_back("[" + name + "]");
        }
        return child;
      };
      for (const PatternRule& rule : m_spec.pattern_properties) {
        if (!regex_search(*rule.regex, name)) continue;
        matched = true;
        if (rule.subschema >= 0 &&
            !run_subschema(rule.subschema, value, child_context())) {
          ok = false;
          if (!m_results) return false;
        }
      }
      if (matched) continue;
      if (m_spec.additional == Additional::forbidden) {
        ok = false;
        if (!m_results) return false;
        std::string message = "unknown key '" + name + "'" + k_in_field;
        if (auto near = suggest_spelling(name, m_spec.properties)) {
          message += " (did you mean '" + *near + "'?)";
        }
        push(m_context, "schema.additional-properties", Anchor::key, name, message);
      } else if (m_spec.additional == Additional::schema &&
                 !run_subschema(m_spec.additional_schema, value, child_context())) {
        ok = false;
        if (!m_results) return false;
      }
    }
    return ok;
  }

  bool check_property_names(const NlohmannJsonAdapter& object) {
    bool ok = true;
    for (const auto& member : object.asObject()) {
      const std::string& name = member.first;
      StdStringAdapter key(name);
      if (!m_results) {
        if (!run_subschema(m_spec.property_names_schema, key, m_context)) return false;
        continue;
      }
      Branch branch = run_branch(m_spec.property_names_schema, key);
      if (branch.valid) continue;
      ok = false;
      // One diagnostic per bad key, at the key, worded from the first
      // error; its field mark names the key, inside the mapping.
      std::string nested = k_field + " does not match 'propertyNames'";
      for (const auto& error : branch.errors) {
        std::optional<SchemaError> e = decode_error(error.description);
        if (e && e->anchor != Anchor::group) {
          nested = std::string(e->message);
          break;
        }
      }
      std::string text;
      for (char c : nested) {
        if (c == k_field_mark) {
          text += "key '" + name + "'" + k_in_field;
        } else if (c != k_in_field_mark) {
          text += c;
        }
      }
      push(m_context, "schema.property-names", Anchor::key, name, text);
    }
    return ok;
  }

  bool check_any_of() {
    if (m_spec.any_of.empty()) return true;
    if (!m_results) {
      for (int index : m_spec.any_of) {
        if (run_subschema_any(index, m_context)) return true;
      }
      return false;
    }
    std::vector<Branch> branches;
    for (int index : m_spec.any_of) {
      branches.push_back(run_branch_any(index));
      if (branches.back().valid) return true;
    }
    report_no_match(branches, "schema.any-of", "anyOf");
    return false;
  }

  bool check_one_of() {
    if (m_spec.one_of.empty()) return true;
    std::vector<Branch> branches;
    std::vector<size_t> matched;
    for (size_t k = 0; k < m_spec.one_of.size(); ++k) {
      if (!m_results) {
        if (run_subschema_any(m_spec.one_of[k], m_context)) matched.push_back(k);
        if (matched.size() > 1) return false;
        continue;
      }
      branches.push_back(run_branch_any(m_spec.one_of[k]));
      if (branches.back().valid) matched.push_back(k);
    }
    if (matched.size() == 1) return true;
    if (!m_results) return false;
    if (matched.size() > 1) {
      return fail("schema.one-of", Anchor::value, "",
                  k_field + " matches more than one schema in 'oneOf' (schemas " +
                      std::to_string(matched[0]) + " and " +
                      std::to_string(matched[1]) + ")");
    }
    report_no_match(branches, "schema.one-of", "oneOf");
    return false;
  }

  // No branch matched: when every branch wants another type, one type
  // error; when one branch has the right type, its errors; otherwise the
  // errors of the branch with the fewest, merged into one by a group.
  void report_no_match(const std::vector<Branch>& branches, std::string_view rule,
                       std::string_view keyword) {
    unsigned types = 0;
    std::vector<size_t> candidates;
    for (size_t k = 0; k < branches.size(); ++k) {
      if (!type_mismatch(branches[k].errors, m_context.size(), types)) {
        candidates.push_back(k);
      }
    }
    if (candidates.empty()) {
      std::string message =
          types != 0 ? k_field + " must be " + describe_types(types) + ", got " +
                           describe_value(m_target)
                     : k_field + " does not match any schema in '" +
                           std::string(keyword) + "'";
      push(m_context, rule, Anchor::value, types != 0 ? std::to_string(types) : "",
           message);
      return;
    }
    size_t best = candidates[0];
    for (size_t k : candidates) {
      if (branches[k].errors.size() < branches[best].errors.size()) best = k;
    }
    for (const auto& error : branches[best].errors) {
      m_results->pushError(error.context, error.description);
    }
    if (candidates.size() > 1) {
      push(m_context, rule, Anchor::group,
           std::to_string(branches[best].errors.size()),
           k_field + " does not match any schema in '" + std::string(keyword) + "'");
    }
  }

  template <typename A>
  bool run_subschema(int index, const A& target, const Context& context) {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    const valijson::Schema& schema = *m_schema.subschemas[index];
    if (!m_results) return validator.validate(schema, target, nullptr);
    ValidationResults nested;
    if (validator.validate(schema, target, &nested)) return true;
    ValidationResults::Error error;
    while (nested.popError(error)) {
      m_results->pushError(rebase(context, error.context), error.description);
    }
    return false;
  }

  bool run_subschema_any(int index, const Context& context) {
    return with_concrete(m_target, [&](const auto& target) {
      return run_subschema(index, target, context);
    });
  }

  template <typename A>
  Branch run_branch(int index, const A& target) {
    Branch branch;
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    ValidationResults nested;
    branch.valid = validator.validate(*m_schema.subschemas[index], target, &nested);
    ValidationResults::Error error;
    while (nested.popError(error)) {
      branch.errors.push_back({rebase(m_context, error.context), error.description});
    }
    return branch;
  }

  Branch run_branch_any(int index) {
    Branch branch;
    with_concrete(m_target, [&](const auto& target) {
      branch = run_branch(index, target);
      return true;
    });
    return branch;
  }

  const CompiledSchema& m_schema;
  const CheckSpec& m_spec;
  const Adapter& m_target;
  const Context& m_context;
  ValidationResults* m_results;
  std::optional<std::string> m_text;
};

class CheckConstraint : public valijson::constraints::PolyConstraint {
 public:
  CheckConstraint(const CompiledSchema& schema, const CheckSpec& spec)
      : m_schema(&schema), m_spec(&spec) {}

  bool validate(const Adapter& target, const Context& context,
                ValidationResults* results) const override {
    return Checker(*m_schema, *m_spec, target, context, results).run();
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* memory) const override {
    return new (memory) CheckConstraint(*this);
  }
  size_t sizeOf() const override { return sizeof(CheckConstraint); }

  const CompiledSchema* m_schema;
  const CheckSpec* m_spec;
};

class CheckBuilder : public valijson::ConstraintBuilder {
 public:
  explicit CheckBuilder(const CompiledSchema& schema) : m_schema(schema) {}

  valijson::constraints::Constraint* make(const Adapter& value) const override {
    int64_t index = -1;
    if (!value.getInteger(index) || index < 0 ||
        static_cast<size_t>(index) >= m_schema.checks.size()) {
      valijson::throwRuntimeError("'$fmkit' is reserved for fmkit");
    }
    return new CheckConstraint(m_schema, *m_schema.checks[static_cast<size_t>(index)]);
  }

 private:
  const CompiledSchema& m_schema;
};

}  // namespace

valijson::ConstraintBuilder* make_check_builder(const CompiledSchema& schema) {
  return new CheckBuilder(schema);
}

std::string encode_error(std::string_view rule, Anchor anchor,
                         std::string_view key, std::string_view message) {
  std::string out;
  out.reserve(rule.size() + key.size() + message.size() + 16);
  out += k_error_marker;
  out += rule;
  out += k_separator;
  out += static_cast<char>(anchor);
  out += std::to_string(key.size());
  out += ':';
  out += key;
  out += message;
  return out;
}

std::optional<SchemaError> decode_error(std::string_view description) {
  if (description.empty() || description[0] != k_error_marker) return std::nullopt;
  size_t separator = description.find(k_separator);
  if (separator == std::string_view::npos || separator + 2 > description.size()) {
    return std::nullopt;
  }
  SchemaError error;
  error.rule = description.substr(1, separator - 1);
  error.anchor = static_cast<Anchor>(description[separator + 1]);
  size_t colon = description.find(':', separator + 2);
  if (colon == std::string_view::npos) return std::nullopt;
  size_t length = 0;
  std::string_view digits = description.substr(separator + 2, colon - separator - 2);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
  if (ec != std::errc() || end != digits.data() + digits.size() ||
      colon + 1 + length > description.size()) {
    return std::nullopt;
  }
  error.key = description.substr(colon + 1, length);
  error.message = description.substr(colon + 1 + length);
  return error;
}

std::string describe_json(const nlohmann::json& value) {
  if (value.is_string()) return quote(value.get_ref<const std::string&>());
  return shorten(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                 k_max_quoted);
}

std::string describe_types(unsigned types) {
  using namespace type_bits;
  // "integer" is implied by "number".
  if (types & k_number) types &= ~k_integer;
  static constexpr std::pair<unsigned, const char*> k_names[] = {
      {k_string, "a string"},  {k_number, "a number"}, {k_integer, "an integer"},
      {k_boolean, "a boolean"}, {k_array, "an array"},  {k_object, "an object"},
      {k_null, "null"},
  };
  std::vector<const char*> names;
  for (const auto& [bit, name] : k_names) {
    if (types & bit) names.push_back(name);
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? (names.size() > 2 ? ", or " : " or ") : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace fmkit
