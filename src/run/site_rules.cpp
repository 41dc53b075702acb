// SPDX-License-Identifier: MIT
#include "run/site_rules.hpp"

#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "migrate/field_path.hpp"

#include <algorithm>
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

Diagnostic finding(std::string rule, std::string message,
                   const RuleValue& value) {
  return Diagnostic{Severity::error, std::move(rule), std::move(message),
                    value.pointer, value.span};
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

void RuleChecker::add(size_t file, std::string_view display, size_t collection,
                      std::vector<RuleValue> values, bool context) {
  m_stems.resize(m_rules.m_stem_sets.size());
  for (size_t i = 0; i < m_rules.m_stem_sets.size(); ++i) {
    if (m_rules.m_stem_sets[i] != collection) continue;
    m_stems[i].push_back(std::filesystem::path(display).stem().string());
  }
  if (values.empty()) return;
  m_files.push_back(
      File{file, std::string(display), std::move(values), context});
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
    Place first;
    Place second;
    size_t count = 0;
  };
  using Kind = SiteRules::SlotKind;
  // Per group: each value as compared, and where it was seen first.
  std::vector<std::unordered_map<std::string, Seen>> seen(
      m_rules.m_groups.size());
  auto key_of = [&](const RuleValue& value, size_t group) {
    return m_rules.m_groups[group].rule->normalize_url
               ? normalize_url(value.text)
               : value.text;
  };
  for (size_t f = 0; f < m_files.size(); ++f) {
    for (size_t v = 0; v < m_files[f].values.size(); ++v) {
      const SiteRules::Slot& slot = m_rules.m_slots[m_files[f].values[v].slot];
      if (slot.kind != Kind::unique) continue;
      Seen& entry =
          seen[slot.target][key_of(m_files[f].values[v], slot.target)];
      if (entry.count == 0) entry.first = Place{f, v};
      if (entry.count == 1) entry.second = Place{f, v};
      ++entry.count;
    }
  }
  for (size_t f = 0; f < m_files.size(); ++f) {
    if (m_files[f].context) continue;
    for (size_t v = 0; v < m_files[f].values.size(); ++v) {
      const RuleValue& value = m_files[f].values[v];
      const SiteRules::Slot& slot = m_rules.m_slots[value.slot];
      if (slot.kind != Kind::unique) continue;
      const Seen& entry = seen[slot.target].at(key_of(value, slot.target));
      if (entry.count < 2) continue;
      bool first = entry.first.file == f && entry.first.value == v;
      Place other = first ? entry.second : entry.first;
      const File& other_file = m_files[other.file];
      std::string message =
          "duplicate " + m_rules.m_groups[slot.target].rule->field + " " +
          in_quotes(value.text) + ", also at " +
          place_text(other_file.display, other_file.values[other.value].span);
      if (entry.count > 2) {
        message += " and " + count_noun(entry.count - 2, "other place");
      }
      out[f].push_back(finding("unique.duplicate", std::move(message), value));
    }
  }
}

void RuleChecker::check_references(
    std::vector<std::vector<Diagnostic>>& out) const {
  using Kind = SiteRules::SlotKind;
  const auto& sets = m_rules.m_key_sets;
  // Each key set's names: views into the rules, the stems or the values.
  std::vector<std::vector<std::string_view>> names(sets.size());
  for (size_t s = 0; s < sets.size(); ++s) {
    const ReferenceRule& rule = *sets[s].rule;
    if (!rule.data.empty()) {
      names[s].assign(rule.data_keys.begin(), rule.data_keys.end());
    } else if (rule.by_stem && sets[s].stems_of < m_stems.size()) {
      const std::vector<std::string>& stems = m_stems[sets[s].stems_of];
      names[s].assign(stems.begin(), stems.end());
    }
  }
  for (const File& file : m_files) {
    for (const RuleValue& value : file.values) {
      const SiteRules::Slot& slot = m_rules.m_slots[value.slot];
      if (slot.kind == Kind::key) names[slot.target].push_back(value.text);
    }
  }
  std::vector<std::unordered_set<std::string_view>> lookup(sets.size());
  for (size_t s = 0; s < sets.size(); ++s) {
    lookup[s].insert(names[s].begin(), names[s].end());
  }
  for (size_t f = 0; f < m_files.size(); ++f) {
    if (m_files[f].context) continue;
    for (const RuleValue& value : m_files[f].values) {
      const SiteRules::Slot& slot = m_rules.m_slots[value.slot];
      if (slot.kind != Kind::reference ||
          lookup[slot.target].contains(value.text)) {
        continue;
      }
      const ReferenceRule& rule = *slot.reference;
      std::string what =
          !rule.data.empty()
              ? (rule.key.empty() ? "key of " + rule.data
                                  : "'" + rule.key + "' in " + rule.data)
          : rule.by_stem
              ? "file of collection '" + rule.collection + "'"
              : "'" + rule.key + "' of collection '" + rule.collection + "'";
      std::vector<std::string> candidates(names[slot.target].begin(),
                                          names[slot.target].end());
      out[f].push_back(finding("ref.dangling",
                               rule.field + " " + in_quotes(value.text) +
                                   " names no " + what +
                                   did_you_mean(value.text, candidates),
                               value));
    }
  }
}

}  // namespace fmkit
