// SPDX-License-Identifier: MIT
#include "document/front_matter.hpp"

namespace fmkit {

FrontMatter split_front_matter(std::string_view) { return FrontMatter{}; }

}  // namespace fmkit
