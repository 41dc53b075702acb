// SPDX-License-Identifier: MIT
//
// JSON Pointer (RFC 6901) helpers: building pointers token by token while
// walking a document, and splitting them back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns `token` escaped for a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string escape_pointer_token(std::string_view token);

// Returns `parent` + "/" + escaped `token`.
std::string append_pointer(std::string_view parent, std::string_view token);

// Splits `pointer` into unescaped tokens; "" gives no tokens. A pointer that
// does not start with '/' is treated as a single token (a plain key name).
std::vector<std::string> split_pointer(std::string_view pointer);

}  // namespace fmkit
