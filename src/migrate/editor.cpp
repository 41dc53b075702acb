// SPDX-License-Identifier: MIT
#include "migrate/editor.hpp"

#include "migrate/yaml_editor.hpp"

namespace fmkit {

std::unique_ptr<Editor> make_editor(std::string_view text,
                                    const Document& document,
                                    const YamlStyle& yaml_style) {
  switch (document.front_matter.dialect) {
    case Dialect::yaml:
    case Dialect::other:
      break;
    case Dialect::json:
    case Dialect::toml:
      return nullptr;  // their editors come next
  }
  return std::make_unique<YamlEditor>(text, document, yaml_style);
}

}  // namespace fmkit
