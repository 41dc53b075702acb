// SPDX-License-Identifier: MIT
//
// Files a command writes for the user (fmkit infer --out, fmkit init):
// never overwritten unless asked (Overwrite::yes), written atomically
// (run/atomic_file.hpp), their folder created when missing. Errors are
// Problems naming the file as shown ("schemas/post.schema.json: error:
// exists already; pass --force to replace it [io]"). Thread-safe for
// different paths.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace fmkit {

enum class Overwrite { yes, no };

// Fails when something is at `path` (shown as `shown`) and `overwrite` is
// no: for checking every file before writing any.
Expected<void, Problems> check_writable(const std::filesystem::path& path,
                                        const std::string& shown,
                                        Overwrite overwrite);

// Writes `text` to `path` (shown as `shown`): creates it, or with
// Overwrite::yes replaces what is there.
Expected<void, Problems> write_output_file(const std::filesystem::path& path,
                                           const std::string& shown,
                                           std::string_view text,
                                           Overwrite overwrite);

}  // namespace fmkit
