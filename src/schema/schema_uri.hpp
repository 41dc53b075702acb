// SPDX-License-Identifier: MIT
//
// The URI arithmetic of `$ref` (internal to schema/): which refs are
// remote, how pointer tokens are escaped for valijson, percent-decoding,
// and whether a path stays under a folder. Pure functions; thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fmkit {

// A pointer token as valijson reads it: "~" and "/" escaped as in RFC 6901,
// then "%" escaped because valijson percent-decodes each token.
std::string encode_token(std::string_view token);

// Returns `text` with %XX sequences decoded, or std::nullopt when one is
// malformed.
std::optional<std::string> percent_decode(std::string_view text);

// Whether `uri` names something fmkit must not fetch: it has a scheme
// ("https:", "file:", "urn:") or an authority ("//host/x.json").
bool is_remote(std::string_view uri);

// Whether `path` lies strictly inside `folder` (both lexically normal).
bool is_under(const std::filesystem::path& path,
              const std::filesystem::path& folder);

// "https://x/schemas/post.json" -> "https://x/schemas/"; "" unless `id` is
// an absolute URI with a path.
std::string id_folder(std::string_view id);

// `uri` without its "#fragment".
std::string strip_fragment(std::string_view uri);

}  // namespace fmkit
