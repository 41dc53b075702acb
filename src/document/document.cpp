// SPDX-License-Identifier: MIT
#include "document/document.hpp"

namespace fmkit {

Document read_document(std::string_view, const LineIndex&,
                       const DocumentOptions&, std::vector<Diagnostic>&) {
  return Document{};
}

}  // namespace fmkit
