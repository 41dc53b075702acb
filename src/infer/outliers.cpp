// SPDX-License-Identifier: MIT
//
// The second pass of inference: the values of one document that its
// collection's inferred rules reject. Each check mirrors a keyword that
// rule_schema() writes, so validating the document against the schema
// reports the same values.
#include "base/describe.hpp"
#include "base/json_pointer.hpp"
#include "base/spelling.hpp"
#include "infer/inference.hpp"

#include <string>
#include <unordered_set>

namespace fmkit {

namespace {

using nlohmann::json;

std::string_view type_phrase(JsonType type) {
  constexpr std::string_view k_phrases[] = {
      "null",     "a boolean", "an integer", "a number",
      "a string", "a list",    "a mapping"};
  return k_phrases[static_cast<size_t>(type)];
}

// The value as the subject of "is ... here": the string "yes", a list.
std::string found(const json& value) {
  switch (json_type_of(value)) {
    case JsonType::null:
      return "null";
    case JsonType::array:
      return "a list";
    case JsonType::object:
      return "a mapping";
    case JsonType::string:
      return "the string " + describe_value(value, ValueStyle::literal);
    case JsonType::boolean:
      return "the boolean " + describe_value(value, ValueStyle::literal);
    default:
      return "the number " + describe_value(value, ValueStyle::literal);
  }
}

std::string expected_types(const FieldRule& rule) {
  std::string text;
  for (size_t i = 0; i < rule.schema_types.size(); ++i) {
    if (i > 0) text += i + 1 == rule.schema_types.size() ? " or " : ", ";
    text += type_phrase(rule.schema_types[i]);
  }
  return text;
}

std::string enum_phrase(const FieldRule& rule) {
  constexpr size_t k_listed = 5;
  if (rule.enum_values.size() > k_listed) {
    return "one of " + std::to_string(rule.enum_values.size()) + " values";
  }
  std::string text;
  for (size_t i = 0; i < rule.enum_values.size(); ++i) {
    if (i > 0) text += i + 1 == rule.enum_values.size() ? " or " : ", ";
    text += "'" + rule.enum_values[i] + "'";
  }
  return text;
}

std::string format_phrase(Format format) {
  switch (format) {
    case Format::date:
      return "a date (YYYY-MM-DD)";
    case Format::date_time:
      return "a date-time (RFC 3339)";
    case Format::uri:
      return "a URI";
    case Format::email:
      return "an email address";
    default:
      return "a " + std::string(format_name(format));
  }
}

class OutlierFinder {
 public:
  OutlierFinder(const Document& document, const LineIndex& lines)
      : m_document(document), m_lines(lines) {}

  void check(const FieldRule& rule, const json& value,
             const std::string& pointer) {
    if (rule.values == 0) return;
    JsonType type = json_type_of(value);
    if (!rule.allows(type)) {
      report(pointer, rule.name.subject + " is " + found(value) + " here but " +
                          expected_types(rule) + " " +
                          in_count(rule.allowed_count, rule.values, rule.name));
      return;
    }
    if (type == JsonType::string) check_string(rule, value, pointer);
    if (type == JsonType::array) check_list(rule, value, pointer);
    if (type == JsonType::object) check_mapping(rule, value, pointer);
  }

  std::vector<Diagnostic> take() { return std::move(m_found); }

 private:
  void check_string(const FieldRule& rule, const json& value,
                    const std::string& pointer) {
    const auto& text = value.get_ref<const std::string&>();
    std::string quoted = describe_value(value, ValueStyle::literal);
    if (!rule.enum_values.empty() && !rule.enum_set.contains(text)) {
      report(pointer, rule.name.subject + " is " + quoted + " here but " +
                          enum_phrase(rule) + " " +
                          in_count(rule.enum_count, rule.values, rule.name) +
                          did_you_mean(text, rule.enum_values));
    } else if (rule.min_length && text.empty()) {
      report(pointer, rule.name.subject +
                          " is empty here but a non-empty string " +
                          in_count(rule.non_empty, rule.values, rule.name));
    } else if (rule.format && !check_format(*rule.format, text)) {
      report(pointer, rule.name.subject + " is " + quoted + " here but " +
                          format_phrase(*rule.format) + " " +
                          in_count(rule.format_fits, rule.values, rule.name));
    }
  }

  void check_list(const FieldRule& rule, const json& list,
                  const std::string& pointer) {
    if (rule.unique_items) {
      std::unordered_set<std::string> seen;
      for (const json& item : list) {
        if (seen.insert(item.dump()).second) continue;
        report(pointer, rule.name.subject + " holds " +
                            describe_value(item, ValueStyle::literal) +
                            " twice here but no item twice " +
                            in_count(rule.lists_not_repeating, rule.lists,
                                     FieldName{"", "", "list", "lists"}));
        break;
      }
    }
    if (!rule.items) return;
    for (size_t i = 0; i < list.size(); ++i) {
      check(*rule.items, list[i], append_pointer(pointer, std::to_string(i)));
    }
  }

  void check_mapping(const FieldRule& rule, const json& mapping,
                     const std::string& pointer) {
    std::vector<std::string> known;
    for (const MemberRule& member : rule.members) known.push_back(member.key);
    for (const std::string& key :
         keys_as_written(mapping, pointer, m_document.positions)) {
      std::string child = append_pointer(pointer, key);
      if (const MemberRule* member = rule.member(key)) {
        check(*member->rule, mapping[key], child);
      } else if (rule.closed) {
        std::string path =
            rule.name.path.empty() ? key : rule.name.path + "." + key;
        report_at(key_span(child), child,
                  "'" + path + "' is set here but only " +
                      in_count(rule.rare_key_counts.at(key), rule.mappings,
                               rule.container) +
                      did_you_mean(key, known));
      }
    }
    for (const MemberRule& member : rule.members) {
      if (!member.required || mapping.contains(member.key)) continue;
      report_at(missing_span(pointer), pointer,
                member.rule->name.subject + " is missing here but present " +
                    in_count(member.present, rule.mappings, rule.container));
    }
  }

  SourceSpan value_span(std::string pointer) const {
    const NodeInfo* node = m_document.positions.find_nearest(pointer);
    if (node == nullptr) return {};
    return m_lines.span(node->value_begin, node->value_end);
  }

  SourceSpan key_span(const std::string& pointer) const {
    const NodeInfo* node = m_document.positions.find(pointer);
    if (node != nullptr && node->has_key && node->key_begin != NodeInfo::k_none)
      return m_lines.span(node->key_begin, node->key_end);
    return value_span(pointer);
  }

  // Where a key missing from the mapping at `pointer` is reported, as the
  // validator does: missing_root_key_span() for the root, else the mapping's
  // key.
  SourceSpan missing_span(const std::string& pointer) const {
    if (pointer.empty()) {
      SourceSpan span = missing_root_key_span(m_document, m_lines);
      if (span.valid()) return span;
    }
    return key_span(pointer);
  }

  void report(const std::string& pointer, std::string message) {
    report_at(value_span(pointer), pointer, std::move(message));
  }

  void report_at(SourceSpan span, const std::string& pointer,
                 std::string message) {
    m_found.push_back(Diagnostic{Severity::warning, "infer.outlier",
                                 std::move(message), pointer, span});
  }

  const Document& m_document;
  const LineIndex& m_lines;
  std::vector<Diagnostic> m_found;
};

}  // namespace

std::vector<Diagnostic> find_outliers(const InferredSchema& inferred,
                                      const Document& document,
                                      const LineIndex& lines) {
  if (!document.usable || !inferred.root) return {};
  OutlierFinder finder(document, lines);
  finder.check(*inferred.root, document.data, "");
  std::vector<Diagnostic> found = finder.take();
  sort_diagnostics(found);
  return found;
}

}  // namespace fmkit
