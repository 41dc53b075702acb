// SPDX-License-Identifier: MIT
#include "schema/checker.hpp"

#include "base/source_span.hpp"
#include "base/spelling.hpp"
#include "schema/ecma_regex.hpp"
#include "schema/value_text.hpp"

#include <valijson/adapters/std_string_adapter.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>

// The keywords fmkit checks itself (see compiled_schema.hpp), and running
// the subschemas they own.

namespace fmkit {

namespace {

using valijson::ValidationResults;
using valijson::adapters::Adapter;
using valijson::adapters::NlohmannJsonAdapter;
using valijson::adapters::StdStringAdapter;

const std::string k_field(1, k_field_mark);
const std::string k_in_field(1, k_in_field_mark);

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
  out.insert(out.end(), nested.begin() + (nested.empty() ? 0 : 1),
             nested.end());
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

}  // namespace

nlohmann::json message_value(const Adapter& target) {
  if (target.isString()) return target.getString();
  if (target.isBool()) return target.getBool();
  if (target.isNull()) return nullptr;
  if (auto n = read_number(target)) {
    if (n->is_integer) return n->integer;
    return static_cast<double>(n->value);
  }
  if (target.isArray()) return nlohmann::json::array();
  return nlohmann::json::object();
}

bool Checker::run() {
  // The values fmkit walks go first, as valijson's walk of them did: their
  // errors come before this schema's own, whatever its type says.
  bool ok = check_walked();
  if (!ok && m_results == nullptr) return false;
  if (m_spec.never) {
    return fail("schema.false", Anchor::entry, "", k_field + " is not allowed");
  }
  if (m_spec.types != 0 && !matches_types(m_target, m_spec.types)) {
    return fail("schema.type", Anchor::value, std::to_string(m_spec.types),
                k_field + " must be " + describe_types(m_spec.types) +
                    ", got " +
                    describe_value(message_value(m_target), ValueStyle::typed));
  }
  // Each step returns false on failure; without results the first
  // failure ends the check (valijson only wants the answer then).
  for (auto step :
       {&Checker::check_enum, &Checker::check_const, &Checker::check_string,
        &Checker::check_number, &Checker::check_array, &Checker::check_object,
        &Checker::check_any_of, &Checker::check_one_of}) {
    if (!(this->*step)()) {
      ok = false;
      if (m_results == nullptr) return false;
    }
  }
  return ok;
}

bool Checker::fail(std::string_view rule, Anchor anchor, std::string_view key,
                   std::string_view message) {
  push(m_context, rule, anchor, key, message);
  return false;
}

void Checker::push(const Context& context, std::string_view rule, Anchor anchor,
                   std::string_view key, std::string_view message) {
  if (m_results) {
    m_results->pushError(context, encode_error(rule, anchor, key, message));
  }
}

// The target's text, read once (the adapter hands out copies).
const std::string& Checker::text() {
  if (!m_text) m_text = m_target.getString();
  return *m_text;
}

bool Checker::equals(const nlohmann::json& value) {
  if (m_target.isString())
    return value.is_string() && value.get_ref<const std::string&>() == text();
  return NlohmannJsonAdapter(value).equalTo(m_target, true);
}

bool Checker::check_enum() {
  if (!m_spec.enum_values) return true;
  for (const nlohmann::json& value : *m_spec.enum_values) {
    if (equals(value)) return true;
  }
  if (!m_results) return false;
  std::vector<const nlohmann::json*> allowed;
  for (const nlohmann::json& value : *m_spec.enum_values)
    allowed.push_back(&value);
  return fail("schema.enum", Anchor::value, std::to_string(m_spec.index),
              enum_message(message_value(m_target), allowed));
}

bool Checker::check_const() {
  if (!m_spec.const_value) return true;
  if (equals(*m_spec.const_value)) return true;
  return fail("schema.const", Anchor::value, std::to_string(m_spec.index),
              k_field + " must be " +
                  describe_value(*m_spec.const_value, ValueStyle::literal) +
                  ", got " +
                  describe_value(message_value(m_target), ValueStyle::typed));
}

bool Checker::check_string() {
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
  // A code point is 1 to 4 bytes: the byte count often decides alone.
  const bool length_known_fine =
      (!m_spec.min_length || text.size() / 4 >= *m_spec.min_length) &&
      (!m_spec.max_length || text.size() <= *m_spec.max_length);
  if ((m_spec.min_length || m_spec.max_length) && !length_known_fine) {
    size_t length = count_code_points(text);
    if (m_spec.min_length && length < *m_spec.min_length) {
      std::string message =
          length == 0 && *m_spec.min_length == 1
              ? k_field + " must not be empty"
              : k_field + " must be at least " +
                    count_noun(*m_spec.min_length, "character") +
                    " long, got " + std::to_string(length);
      if (!step(fail("schema.min-length", Anchor::value, "", message)))
        return false;
    }
    if (m_spec.max_length && length > *m_spec.max_length) {
      if (!step(fail("schema.max-length", Anchor::value, "",
                     k_field + " must be at most " +
                         count_noun(*m_spec.max_length, "character") +
                         " long, got " + std::to_string(length)))) {
        return false;
      }
    }
  }
  if (m_spec.pattern && !regex_search(*m_spec.pattern->regex, text)) {
    if (!step(fail("schema.pattern", Anchor::value, "",
                   k_field + " does not match pattern '" +
                       m_spec.pattern->source + "': " + quote_text(text)))) {
      return false;
    }
  }
  if (m_spec.format && !check_format(*m_spec.format, text)) {
    if (!step(fail("schema.format", Anchor::value, "",
                   k_field + " is not a valid " +
                       std::string(format_name(*m_spec.format)) + ": " +
                       quote_text(text)))) {
      return false;
    }
  }
  return ok;
}

bool Checker::check_number() {
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
      {m_spec.minimum, "schema.minimum",
       ">=", [](long double v, long double b) { return v >= b; }},
      {m_spec.exclusive_minimum, "schema.exclusive-minimum", ">",
       [](long double v, long double b) { return v > b; }},
      {m_spec.maximum, "schema.maximum",
       "<=", [](long double v, long double b) { return v <= b; }},
      {m_spec.exclusive_maximum, "schema.exclusive-maximum", "<",
       [](long double v, long double b) { return v < b; }},
  };
  for (const Limit& limit : limits) {
    if (!limit.bound || limit.passes(n->value, json_number(*limit.bound))) {
      continue;
    }
    ok = fail(limit.rule, Anchor::value, "",
              k_field + " must be " + limit.relation + " " +
                  describe_value(*limit.bound, ValueStyle::literal) + ", got " +
                  describe_value(message_value(m_target), ValueStyle::literal));
    if (!m_results) return false;
  }
  if (m_spec.multiple_of && !is_multiple(*n, *m_spec.multiple_of)) {
    ok = fail("schema.multiple-of", Anchor::value, "",
              k_field + " must be a multiple of " +
                  describe_value(*m_spec.multiple_of, ValueStyle::literal) +
                  ", got " +
                  describe_value(message_value(m_target), ValueStyle::literal));
  }
  return ok;
}

bool Checker::check_array() {
  if (!m_target.isArray()) return true;
  if (!m_spec.min_items && !m_spec.max_items && !m_spec.unique_items) {
    return true;
  }
  size_t size = m_target.getArraySize();
  bool ok = true;
  if (m_spec.min_items && size < *m_spec.min_items) {
    ok = fail("schema.min-items", Anchor::value, "",
              k_field + " must have at least " +
                  count_noun(*m_spec.min_items, "item"));
    if (!m_results) return false;
  }
  if (m_spec.max_items && size > *m_spec.max_items) {
    ok = fail("schema.max-items", Anchor::value, "",
              k_field + " must have at most " +
                  count_noun(*m_spec.max_items, "item") + ", got " +
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
bool Checker::check_unique(const JsonAdapter& array) {
  std::vector<NlohmannJsonAdapter> items;
  for (const NlohmannJsonAdapter& item : array.asArray()) items.push_back(item);
  // Strings (the common case) are read once (the adapter hands out copies)
  // and compared sorted, by index, the rest pairwise.
  std::vector<std::string> texts(items.size());
  std::vector<size_t> strings;
  bool others = false;
  for (size_t j = 0; j < items.size(); ++j) {
    if (items[j].isString()) {
      texts[j] = items[j].getString();
      strings.push_back(j);
    } else {
      others = true;
    }
  }
  std::sort(strings.begin(), strings.end(), [&](size_t a, size_t b) {
    int order = texts[a].compare(texts[b]);
    return order != 0 ? order < 0 : a < b;
  });
  std::vector<std::optional<size_t>> earlier(items.size());
  for (size_t k = 1; k < strings.size(); ++k) {
    if (texts[strings[k]] == texts[strings[k - 1]]) {
      earlier[strings[k]] = earlier[strings[k - 1]].value_or(strings[k - 1]);
    }
  }
  bool ok = true;
  for (size_t j = 0; j < items.size(); ++j) {
    std::optional<size_t> first = earlier[j];
    if (others && !items[j].isString()) {
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
      item = quote_text(texts[j]) + " ";
    } else if (!items[j].isArray() && !items[j].isObject()) {
      item = describe_value(message_value(items[j]), ValueStyle::subject) + " ";
    }
    push(m_context, "schema.unique-items", Anchor::child, index,
         "duplicate item " + item + "in " + k_field + " (items " +
             std::to_string(*first) + " and " + index + ")");
  }
  return ok;
}

bool Checker::check_object() {
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
                  count_noun(*m_spec.min_properties, "key"));
    if (!m_results) return false;
  }
  if (m_spec.max_properties && size > *m_spec.max_properties) {
    ok = fail("schema.max-properties", Anchor::value, "",
              k_field + " must have at most " +
                  count_noun(*m_spec.max_properties, "key") + ", got " +
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

bool Checker::check_members(const JsonAdapter& object) {
  bool ok = true;
  for (const auto& [name, value] : object.asObject()) {
    bool matched = std::binary_search(m_spec.properties.begin(),
                                      m_spec.properties.end(), name);
    Context child;
    // A lambda capturing a structured binding is C++20 that clang 14 (the
    // fuzz build's) lacks: capture a reference instead.
    const auto& key = name;
    auto child_context = [&]() -> const Context& {
      if (child.empty()) {
        child = m_context;
        child.push_back("[" + key + "]");
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
      push(m_context, "schema.additional-properties", Anchor::key, name,
           message);
    } else if (m_spec.additional == Additional::schema &&
               !run_subschema(m_spec.additional_schema, value,
                              child_context())) {
      ok = false;
      if (!m_results) return false;
    }
  }
  return ok;
}

bool Checker::check_property_names(const JsonAdapter& object) {
  bool ok = true;
  for (const auto& member : object.asObject()) {
    const std::string& name = member.first;
    StdStringAdapter key(name);
    if (!m_results) {
      if (!run_subschema(m_spec.property_names_schema, key, m_context))
        return false;
      continue;
    }
    BranchResult branch = run_branch(m_spec.property_names_schema, key);
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

template <typename A>
bool Checker::run_subschema(int index, const A& target,
                            const Context& context) {
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

template <typename A>
BranchResult Checker::run_branch(int index, const A& target) {
  BranchResult branch;
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  ValidationResults nested;
  branch.valid =
      validator.validate(*m_schema.subschemas[index], target, &nested);
  ValidationResults::Error error;
  while (nested.popError(error)) {
    branch.errors.push_back(
        {rebase(m_context, error.context), error.description});
  }
  return branch;
}

BranchResult Checker::run_branch_any(int index) {
  BranchResult branch;
  with_concrete(m_target, [&](const auto& target) {
    branch = run_branch(index, target);
    return true;
  });
  return branch;
}

bool Checker::holds(int index) const {
  return with_concrete(m_target, [&](const auto& target) {
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    return validator.validate(*m_schema.subschemas[index], target, nullptr);
  });
}

}  // namespace fmkit
