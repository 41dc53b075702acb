// SPDX-License-Identifier: MIT
//
// Fingerprints: identities of diagnostics that stay the same across runs,
// for SARIF's partialFingerprints and GitLab Code Quality's fingerprint.
// A fingerprint hashes the file's repository path, the rule, the JSON
// Pointer and the occurrence (0 for the first diagnostic of that rule and
// pointer in the file, 1 for the next, ...), never the line or the
// message: a problem keeps its identity when lines above it are added or
// removed, or when its value is edited and still wrong, and two files never
// share one. 64-bit FNV-1a, written as 16 lower-case hex digits; the same
// on every machine. Pure functions; thread-safe.
#pragma once

#include "diag/diagnostic.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns the fingerprint of each of `diagnostics` (all in the file
// `path`, in their order), index for index.
std::vector<std::string> fingerprints(
    std::string_view path, const std::vector<Diagnostic>& diagnostics);

}  // namespace fmkit
