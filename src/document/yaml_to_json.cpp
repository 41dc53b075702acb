// SPDX-License-Identifier: MIT
#include "document/yaml_to_json.hpp"

namespace fmkit {

std::optional<YamlDocument> parse_yaml_document(std::string_view, size_t,
                                                size_t, const LineIndex&,
                                                const YamlOptions&,
                                                std::vector<Diagnostic>&) {
  return std::nullopt;
}

std::optional<std::vector<nlohmann::json>> parse_yaml_stream(
    std::string_view, const YamlOptions&, std::vector<Diagnostic>&) {
  return std::nullopt;
}

}  // namespace fmkit
