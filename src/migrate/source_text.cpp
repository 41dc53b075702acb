// SPDX-License-Identifier: MIT
#include "migrate/source_text.hpp"

#include "base/json_pointer.hpp"
#include "document/yaml_scalar.hpp"
#include "migrate/field_path.hpp"

namespace fmkit {

std::optional<std::string_view> SourceText::written_number(
    const nlohmann::json& value, std::string_view pointer) const {
  if (m_document == nullptr || !value.is_number()) return std::nullopt;
  const NodeInfo* info = m_document->positions.find(pointer);
  if (info == nullptr || info->kind != NodeKind::scalar ||
      info->style != ScalarStyle::plain || info->alias) {
    return std::nullopt;
  }
  // The text is the value's only if the value is the document's there: an
  // op asking with a pointer of another document gets the JSON text, not
  // another value's digits.
  const nlohmann::json* held =
      find_value(m_document->data, split_pointer(pointer));
  if (held == nullptr || *held != value) return std::nullopt;
  std::string_view written =
      m_text.substr(info->value_begin, info->value_end - info->value_begin);
  // Only the digits of the value itself: a document read as YAML 1.1 holds
  // 493 for `0755` and 90 for `1:30`, which are not those numbers' digits.
  nlohmann::json as_12;
  if (resolve_scalar(written, ScalarStyle::plain, TagKind::none, as_12) !=
          Resolution::ok ||
      as_12 != value) {
    return std::nullopt;
  }
  return written;
}

std::string SourceText::text(const nlohmann::json& value,
                             std::string_view pointer) const {
  if (auto written = written_number(value, pointer)) {
    return std::string(*written);
  }
  return json_text(value);
}

std::string json_text(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace fmkit
