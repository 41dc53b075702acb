// SPDX-License-Identifier: MIT
#include "run/site_rules.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "migrate/field_path.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace fmkit {

namespace {

using nlohmann::json;

// The value as rules compare it; std::nullopt when it names nothing (null,
// "", a collection).
std::optional<std::string> value_text(const json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.empty()) return std::nullopt;
    return text;
  }
  if (value.is_number() || value.is_boolean()) return value.dump();
  return std::nullopt;
}

std::optional<size_t> collection_index(const Config& config,
                                       std::string_view name) {
  for (size_t i = 0; i < config.collections.size(); ++i) {
    if (config.collections[i].name == name) return i;
  }
  return std::nullopt;
}

std::string in_quotes(std::string_view text) {
  return "'" + shorten(text) + "'";
}

std::string place_text(std::string_view display, const SourceSpan& span) {
  return std::string(display) + ":" + std::to_string(span.begin.line) + ":" +
         std::to_string(span.begin.column);
}

// The names a reference of a key set may take: "key of data/authors.yml".
std::string what_names(const ReferenceRule& rule) {
  if (!rule.data.empty()) {
    return rule.key.empty() ? "key of " + rule.data
                            : "'" + rule.key + "' in " + rule.data;
  }
  return rule.by_stem
             ? "file of collection '" + rule.collection + "'"
             : "'" + rule.key + "' of collection '" + rule.collection + "'";
}

// The name a file is referenced by with `key: stem`: its name without the
// extension, or its folder's name for a page bundle's index.md or
// _index.md (Hugo's leaf and branch bundles).
std::string file_stem(std::string_view display) {
  std::filesystem::path path(display);
  std::string stem = path.stem().string();
  if ((stem == "index" || stem == "_index") &&
      path.parent_path().has_filename()) {
    return path.parent_path().filename().string();
  }
  return stem;
}

}  // namespace

std::string normalize_url(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

SiteRules::SiteRules(const Config& config) : m_config(config) {
  const auto& collections = config.collections;
  for (size_t c = 0; c < collections.size(); ++c) {
    for (const UniqueRule& rule : collections[c].unique) {
      // The same rule declared by each of its collections is one group.
      auto same = [&](const UniqueGroup& group) {
        const UniqueRule& other = *group.rule;
        return other.tokens == rule.tokens &&
               other.normalize_url == rule.normalize_url &&
               std::is_permutation(
                   other.collections.begin(), other.collections.end(),
                   rule.collections.begin(), rule.collections.end());
      };
      if (std::any_of(m_groups.begin(), m_groups.end(), same)) continue;
      m_groups.push_back(UniqueGroup{&rule});
      for (const std::string& name : rule.collections) {
        if (auto member = collection_index(config, name)) {
          m_slots.push_back(Slot{*member, rule.tokens, SlotKind::unique,
                                 m_groups.size() - 1, nullptr});
        }
      }
    }
    for (const ReferenceRule& rule : collections[c].references) {
      std::optional<size_t> target = collection_index(config, rule.collection);
      if (rule.data.empty() && !target) continue;  // a config error
      size_t set = key_set_for(rule, target.value_or(0));
      m_slots.push_back(Slot{c, rule.tokens, SlotKind::reference, set, &rule});
    }
  }
}

size_t SiteRules::key_set_for(const ReferenceRule& rule, size_t target) {
  KeySet set{&rule};
  if (rule.by_stem) {
    auto it = std::find(m_stem_sets.begin(), m_stem_sets.end(), target);
    if (it == m_stem_sets.end()) it = m_stem_sets.insert(it, target);
    set.stems_of = static_cast<size_t>(it - m_stem_sets.begin());
  }
  m_key_sets.push_back(set);
  size_t index = m_key_sets.size() - 1;
  if (rule.data.empty() && !rule.by_stem) {
    m_slots.push_back(
        Slot{target, rule.key_tokens, SlotKind::key, index, nullptr});
  }
  return index;
}

bool SiteRules::involves(size_t collection) const {
  return std::any_of(
             m_slots.begin(), m_slots.end(),
             [&](const Slot& s) { return s.collection == collection; }) ||
         std::find(m_stem_sets.begin(), m_stem_sets.end(), collection) !=
             m_stem_sets.end();
}

void SiteRules::collect(size_t collection, const Document& document,
                        const LineIndex& lines,
                        std::vector<RuleValue>& out) const {
  auto add = [&](uint32_t slot, const json& value, const std::string& pointer) {
    std::optional<std::string> text = value_text(value);
    if (!text) return;
    RuleValue rule_value{slot, std::move(*text), pointer, {}};
    if (const NodeInfo* node = document.positions.find_nearest(pointer)) {
      rule_value.span = lines.span(node->value_begin, node->value_end);
    }
    out.push_back(std::move(rule_value));
  };
  for (size_t i = 0; i < m_slots.size(); ++i) {
    const Slot& slot = m_slots[i];
    if (slot.collection != collection) continue;
    const json* value = find_value(document.data, slot.tokens);
    if (value == nullptr) continue;
    std::string pointer = to_pointer(slot.tokens);
    if (!value->is_array()) {
      add(static_cast<uint32_t>(i), *value, pointer);
      continue;
    }
    for (size_t item = 0; item < value->size(); ++item) {
      add(static_cast<uint32_t>(i), (*value)[item],
          append_pointer(pointer, std::to_string(item)));
    }
  }
}

RuleChecker::Text RuleChecker::keep(std::string_view text) {
  constexpr size_t k_block = size_t{1} << 20;
  if (m_text.empty() ||
      m_text.back().capacity() - m_text.back().size() < text.size()) {
    m_text.emplace_back().reserve(std::max(k_block, text.size()));
  }
  std::string& block = m_text.back();
  Text kept{static_cast<uint32_t>(m_text.size() - 1),
            static_cast<uint32_t>(text.size()), block.size()};
  block.append(text);
  return kept;
}

void RuleChecker::add(size_t file, std::string_view display, size_t collection,
                      std::vector<RuleValue> values, bool context) {
  m_stems.resize(m_rules.m_stem_sets.size());
  for (size_t i = 0; i < m_rules.m_stem_sets.size(); ++i) {
    if (m_rules.m_stem_sets[i] != collection) continue;
    m_stems[i].push_back(keep(file_stem(display)));
  }
  if (values.empty()) return;
  auto index = static_cast<uint32_t>(m_files.size());
  m_files.push_back(File{file, keep(display), context});
  for (const RuleValue& value : values) {
    m_values.push_back(Value{value.slot, index, keep(value.text),
                             keep(value.pointer), value.span});
  }
}

Diagnostic RuleChecker::finding(std::string rule, std::string message,
                                const Value& value) const {
  return Diagnostic{Severity::error, std::move(rule), std::move(message),
                    std::string(view(value.pointer)), value.span};
}

std::vector<RuleFindings> RuleChecker::check() const {
  std::vector<std::vector<Diagnostic>> out(m_files.size());
  check_unique(out);
  check_references(out);
  std::vector<RuleFindings> findings;
  for (size_t i = 0; i < m_files.size(); ++i) {
    if (out[i].empty()) continue;
    sort_diagnostics(out[i]);
    findings.push_back(RuleFindings{m_files[i].id, std::move(out[i])});
  }
  return findings;
}

void RuleChecker::check_unique(
    std::vector<std::vector<Diagnostic>>& out) const {
  struct Seen {
    size_t first = 0;   // index in m_values
    size_t second = 0;  // the same, when count > 1
    size_t count = 0;
  };
  using Kind = SiteRules::SlotKind;
  // Per group: each value as compared, and where it was seen first.
  std::vector<std::unordered_map<std::string_view, Seen>> seen(
      m_rules.m_groups.size());
  std::deque<std::string> normalized;  // the keys `normalize: url` makes
  std::vector<std::string_view> keys(m_values.size());
  for (size_t v = 0; v < m_values.size(); ++v) {
    const SiteRules::Slot& slot = m_rules.m_slots[m_values[v].slot];
    if (slot.kind != Kind::unique) continue;
    keys[v] = view(m_values[v].text);
    if (m_rules.m_groups[slot.target].rule->normalize_url) {
      keys[v] = normalized.emplace_back(normalize_url(keys[v]));
    }
    Seen& entry = seen[slot.target][keys[v]];
    if (entry.count == 0) entry.first = v;
    if (entry.count == 1) entry.second = v;
    ++entry.count;
  }
  for (size_t v = 0; v < m_values.size(); ++v) {
    const Value& value = m_values[v];
    const SiteRules::Slot& slot = m_rules.m_slots[value.slot];
    if (slot.kind != Kind::unique || m_files[value.file].context) continue;
    const Seen& entry = seen[slot.target].at(keys[v]);
    if (entry.count < 2) continue;
    const Value& other =
        m_values[entry.first == v ? entry.second : entry.first];
    std::string message =
        "duplicate " + m_rules.m_groups[slot.target].rule->field + " " +
        in_quotes(view(value.text)) + ", also at " +
        place_text(view(m_files[other.file].display), other.span);
    if (entry.count > 2) {
      message += " and " + count_noun(entry.count - 2, "other place");
    }
    out[value.file].push_back(
        finding("unique.duplicate", std::move(message), value));
  }
}

void RuleChecker::check_references(
    std::vector<std::vector<Diagnostic>>& out) const {
  using Kind = SiteRules::SlotKind;
  const auto& sets = m_rules.m_key_sets;
  // Each key set's names: views into the rules or into m_text.
  std::vector<std::vector<std::string_view>> names(sets.size());
  for (size_t s = 0; s < sets.size(); ++s) {
    const ReferenceRule& rule = *sets[s].rule;
    if (!rule.data.empty()) {
      names[s].assign(rule.data_keys.begin(), rule.data_keys.end());
    } else if (rule.by_stem && sets[s].stems_of < m_stems.size()) {
      for (Text stem : m_stems[sets[s].stems_of]) {
        names[s].push_back(view(stem));
      }
    }
  }
  for (const Value& value : m_values) {
    const SiteRules::Slot& slot = m_rules.m_slots[value.slot];
    if (slot.kind == Kind::key) names[slot.target].push_back(view(value.text));
  }
  std::vector<std::unordered_set<std::string_view>> lookup(sets.size());
  for (size_t s = 0; s < sets.size(); ++s) {
    lookup[s].insert(names[s].begin(), names[s].end());
  }
  std::vector<std::vector<std::string>> suggestions(sets.size());
  for (const Value& value : m_values) {
    const SiteRules::Slot& slot = m_rules.m_slots[value.slot];
    std::string_view text = view(value.text);
    if (slot.kind != Kind::reference || m_files[value.file].context ||
        lookup[slot.target].contains(text)) {
      continue;
    }
    // Made once per key set, for the first of its dangling references.
    std::vector<std::string>& candidates = suggestions[slot.target];
    if (candidates.empty()) {
      candidates.assign(names[slot.target].begin(), names[slot.target].end());
    }
    out[value.file].push_back(finding(
        "ref.dangling",
        slot.reference->field + " " + in_quotes(text) + " names no " +
            what_names(*slot.reference) + did_you_mean(text, candidates),
        value));
  }
}

}  // namespace fmkit
