// SPDX-License-Identifier: MIT
#include "schema/checker.hpp"

#include <algorithm>
#include <string>

// The "items" and "properties" fmkit walks itself (CheckSpec::items_check,
// property_checks): each value's CheckSpec runs directly, with the context
// valijson would have given it ("[2]", "[name]" after the parent's).

namespace fmkit {

bool Checker::check_walked() {
  if (m_spec.items_check < 0 && m_spec.property_checks.empty()) return true;
  const auto* json = dynamic_cast<const JsonAdapter*>(&m_target);
  if (json == nullptr) return true;
  Context child = m_context;
  child.emplace_back();
  bool ok = true;
  auto run = [&](int check, const JsonAdapter& value) {
    const CheckSpec& spec = *m_schema.checks[static_cast<size_t>(check)];
    if (Checker(m_schema, spec, value, child, m_results).run()) return true;
    ok = false;
    return m_results != nullptr;  // without results the answer is known
  };
  if (m_spec.items_check >= 0 && json->isArray()) {
    size_t index = 0;
    for (const JsonAdapter& item : json->asArray()) {
      child.back() = "[" + std::to_string(index++) + "]";
      if (!run(m_spec.items_check, item)) return false;
    }
  }
  if (!m_spec.property_checks.empty() && json->isObject()) {
    const auto& checks = m_spec.property_checks;
    for (const auto& [name, value] : json->asObject()) {
      auto it = std::lower_bound(checks.begin(), checks.end(), name,
                                 [](const auto& entry, const std::string& key) {
                                   return entry.first < key;
                                 });
      if (it == checks.end() || it->first != name) continue;
      child.back() = "[" + name + "]";
      if (!run(it->second, value)) return false;
    }
  }
  return ok;
}

}  // namespace fmkit
