// SPDX-License-Identifier: MIT
#include "schema/validator.hpp"

#include "base/json_pointer.hpp"
#include "schema/compiled_schema.hpp"
#include "schema/schema_error.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <cassert>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace fmkit {

namespace {

using nlohmann::json;

struct LeafText {
  std::string_view description;  // valijson 1.0's wording
  std::string_view rule;
  std::string_view message;  // after the field
};

// valijson errors that are leaves (the keywords fmkit leaves to valijson).
constexpr LeafText k_leaves[] = {
    {"Target should not validate against schema specified in 'not' constraint.",
     "schema.not", " must not match the schema in 'not'"},
    {"Failed to any values against subschema in 'contains' constraint.",
     "schema.contains", " must contain at least one item matching 'contains'"},
    {"Array contains more items than allowed by items constraint.",
     "schema.additional-items", " has more items than 'items' allows"},
};

bool has_unsigned_above_int64(const json& value) {
  switch (value.type()) {
    case json::value_t::number_unsigned:
      return value.get<uint64_t>() >
             static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    case json::value_t::array:
    case json::value_t::object:
      for (const json& child : value) {
        if (has_unsigned_above_int64(child)) return true;
      }
      return false;
    default:
      return false;
  }
}

// valijson's adapter reads every integer as int64; an unsigned value above
// INT64_MAX would wrap to a negative one, so it is validated as a double.
json widen_big_unsigned(const json& value) {
  if (value.is_number_unsigned() &&
      value.get<uint64_t>() >
          static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    return json(static_cast<double>(value.get<uint64_t>()));
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& child : value) out.push_back(widen_big_unsigned(child));
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, child] : value.items())
      out[key] = widen_big_unsigned(child);
    return out;
  }
  return value;
}

// Where a valijson context leads in the data.
struct Place {
  std::string pointer;  // JSON Pointer
  std::string name;     // "tags[1]", "author.name"; "" for the root
};

Place locate(const std::vector<std::string>& context, const json& data) {
  Place place;
  const json* node = &data;
  // context[0] is "<root>"; each further element is "[key]" or "[index]".
  for (size_t i = 1; i < context.size(); ++i) {
    std::string_view token = context[i];
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
    }
    if (node != nullptr && node->is_array()) {
      place.name += "[" + std::string(token) + "]";
      size_t index = 0;
      auto [end, ec] =
          std::from_chars(token.data(), token.data() + token.size(), index);
      bool valid = ec == std::errc() && end == token.data() + token.size() &&
                   index < node->size();
      node = valid ? &(*node)[index] : nullptr;
    } else {
      if (!place.name.empty()) place.name += '.';
      place.name += token;
      const json* next = nullptr;
      if (node != nullptr && node->is_object()) {
        auto it = node->find(std::string(token));
        if (it != node->end()) next = &*it;
      }
      node = next;
    }
    place.pointer = append_pointer(place.pointer, token);
  }
  return place;
}

std::string parent_pointer(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos
             ? std::string()
             : std::string(pointer.substr(0, slash));
}

// Turns valijson results into diagnostics: places, words and merges them.
class Reporter {
 public:
  Reporter(const json& data, const Document* document, const LineIndex* lines,
           std::string_view root_name)
      : m_data(data),
        m_document(document),
        m_lines(lines),
        m_root_name(root_name) {}

  void report(const valijson::ValidationResults& results,
              std::vector<Diagnostic>& diagnostics) {
    std::vector<std::optional<Diagnostic>> produced;
    produced.reserve(results.numErrors());
    for (const auto& error : results) {
      produced.push_back(convert(error, produced));
    }
    size_t first = diagnostics.size();
    for (std::optional<Diagnostic>& d : produced) {
      if (!d) continue;
      bool duplicate = false;
      for (size_t i = first; i < diagnostics.size() && !duplicate; ++i) {
        const Diagnostic& e = diagnostics[i];
        duplicate = e.rule == d->rule && e.pointer == d->pointer &&
                    e.message == d->message && e.span == d->span;
      }
      if (!duplicate) diagnostics.push_back(std::move(*d));
    }
    if (diagnostics.size() == first) {
      // valijson said no without a usable error: say so rather than pass.
      Diagnostic d;
      d.rule = "schema.invalid";
      d.message = m_root_name + " does not match the schema";
      d.span = missing_span("");
      diagnostics.push_back(std::move(d));
    }
  }

 private:
  std::optional<Diagnostic> convert(
      const valijson::ValidationResults::Error& error,
      std::vector<std::optional<Diagnostic>>& produced) {
    Place place = locate(error.context, m_data);
    std::optional<SchemaError> own = decode_error(error.description);
    if (!own) return convert_valijson(error.description, place);

    Diagnostic d;
    d.rule = std::string(own->rule);
    d.message = render(own->message, place);
    std::string child = own->key.empty()
                            ? place.pointer
                            : append_pointer(place.pointer, own->key);
    switch (own->anchor) {
      case Anchor::value:
        d.pointer = place.pointer;
        d.span = value_span(place.pointer);
        break;
      case Anchor::entry: {
        d.pointer = place.pointer;
        const NodeInfo* node = find(place.pointer);
        d.span = node != nullptr && node->has_key ? key_span(place.pointer)
                                                  : value_span(place.pointer);
        break;
      }
      case Anchor::key:
        d.pointer = child;
        d.span = key_span(child);
        break;
      case Anchor::child:
        d.pointer = child;
        d.span = value_span(child);
        break;
      case Anchor::missing:
        d.pointer = child;
        d.span = missing_span(place.pointer);
        break;
      case Anchor::group:
        d.pointer = place.pointer;
        d.span = value_span(place.pointer);
        d.message += list_group(own->key, produced);
        break;
    }
    return d;
  }

  std::optional<Diagnostic> convert_valijson(std::string_view description,
                                             const Place& place) {
    if (is_cascade(description)) return std::nullopt;
    Diagnostic d;
    d.pointer = place.pointer;
    d.span = value_span(place.pointer);
    for (const LeafText& leaf : k_leaves) {
      if (description == leaf.description) {
        d.rule = std::string(leaf.rule);
        d.message = field(place) + std::string(leaf.message);
        return d;
      }
    }
    // Wording valijson may add later: keep its text, cleaned up.
    std::string text(description);
    if (!text.empty() && text.back() == '.') text.pop_back();
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] += 'a' - 'A';
    d.rule = "schema.invalid";
    d.message = field(place) + " does not match the schema: " + text;
    return d;
  }

  // ": schema 0: <message>; schema 2: <message>" from the errors pushed
  // just before a group (one per listed branch), which it replaces.
  static std::string list_group(
      std::string_view branches,
      std::vector<std::optional<Diagnostic>>& produced) {
    std::vector<std::string_view> numbers;
    for (size_t at = 0; !branches.empty() && at <= branches.size();) {
      size_t comma = std::min(branches.find(',', at), branches.size());
      numbers.push_back(branches.substr(at, comma - at));
      at = comma + 1;
    }
    bool more = !numbers.empty() && numbers.back() == "...";
    if (more) numbers.pop_back();
    size_t count = std::min(numbers.size(), produced.size());
    std::string out;
    for (size_t i = 0; i < count; ++i) {
      std::optional<Diagnostic>& member = produced[produced.size() - count + i];
      if (!member) continue;
      out += (out.empty() ? ": schema " : "; schema ") +
             std::string(numbers[i]) + ": " + member->message;
      member.reset();
    }
    if (more) out += "; ...";
    return out;
  }

  std::string field(const Place& place) const {
    return place.name.empty() ? m_root_name : "'" + place.name + "'";
  }

  std::string render(std::string_view message, const Place& place) const {
    std::string out;
    out.reserve(message.size() + 32);
    for (char c : message) {
      if (c == k_field_mark) {
        out += field(place);
      } else if (c == k_in_field_mark) {
        if (!place.name.empty()) out += " in '" + place.name + "'";
      } else {
        out += c;
      }
    }
    return out;
  }

  const NodeInfo* find(const std::string& pointer) const {
    return m_document != nullptr ? m_document->positions.find(pointer)
                                 : nullptr;
  }

  // The value's span; a pointer the map does not know falls back to its
  // nearest known ancestor.
  SourceSpan value_span(std::string pointer) const {
    if (m_document == nullptr) return {};
    while (true) {
      if (const NodeInfo* node = find(pointer)) {
        return m_lines->span(node->value_begin, node->value_end);
      }
      if (pointer.empty()) return {};
      pointer = parent_pointer(pointer);
    }
  }

  SourceSpan key_span(const std::string& pointer) const {
    const NodeInfo* node = find(pointer);
    if (node != nullptr && node->has_key &&
        node->key_begin != NodeInfo::k_none) {
      return m_lines->span(node->key_begin, node->key_end);
    }
    return value_span(pointer);
  }

  // Where a key missing from the mapping at `pointer` is reported: the
  // closing "---" for the root (the object's "}" in JSON), else the
  // mapping's key (or its start).
  SourceSpan missing_span(const std::string& pointer) const {
    if (m_document == nullptr) return {};
    if (pointer.empty()) {
      SourceSpan span = missing_root_key_span(*m_document, *m_lines);
      return span.valid() ? span : value_span(pointer);
    }
    const NodeInfo* node = find(pointer);
    if (node == nullptr) return value_span(pointer);
    if (node->has_key && node->key_begin != NodeInfo::k_none) {
      return m_lines->span(node->key_begin, node->key_end);
    }
    return m_lines->span(node->value_begin, node->value_begin);
  }

  const json& m_data;
  const Document* m_document;
  const LineIndex* m_lines;
  std::string m_root_name;
};

}  // namespace

struct Validator::Impl {
  explicit Impl(std::shared_ptr<const CompiledSchema> compiled)
      : schema(std::move(compiled)) {}

  // Returns true when `data` is valid; else fills `results`.
  bool run(const json& data, valijson::ValidationResults& results) {
    return validator.validate(
        *schema->root, valijson::adapters::NlohmannJsonAdapter(data), &results);
  }

  void validate(const json& data, const Document* document,
                const LineIndex* lines, std::string_view root_name,
                std::vector<Diagnostic>& diagnostics) {
    std::optional<json> widened;
    const json* input = &data;
    if (has_unsigned_above_int64(data)) {
      widened = widen_big_unsigned(data);
      input = &*widened;
    }
    valijson::ValidationResults results;
    if (run(*input, results)) return;
    Reporter(*input, document, lines, root_name).report(results, diagnostics);
  }

  std::shared_ptr<const CompiledSchema> schema;
  valijson::Validator validator{valijson::Validator::kStrongTypes};
};

Validator::Validator(std::shared_ptr<const CompiledSchema> schema)
    : m_impl(std::make_unique<Impl>(std::move(schema))) {
  assert(m_impl->schema != nullptr);
}
Validator::~Validator() = default;
Validator::Validator(Validator&&) noexcept = default;
Validator& Validator::operator=(Validator&&) noexcept = default;

void Validator::validate(const Document& document, const LineIndex& lines,
                         std::vector<Diagnostic>& diagnostics) {
  assert(document.usable);
  m_impl->validate(document.data, &document, &lines, "the front matter",
                   diagnostics);
}

void Validator::validate(const nlohmann::json& data,
                         std::vector<Diagnostic>& diagnostics) {
  m_impl->validate(data, nullptr, nullptr, "the value", diagnostics);
}

}  // namespace fmkit
