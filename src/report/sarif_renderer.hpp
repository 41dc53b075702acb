// SPDX-License-Identifier: MIT
//
// The sarif format: one SARIF 2.1.0 log (OASIS), valid against the official
// schema and shaped for GitHub code scanning:
//
// - one run; tool.driver has fmkit's name, version, informationUri and
//   every rule of the catalog (diag/rules.hpp) with its short description,
//   help text, help URI and default level;
// - a result per diagnostic: ruleId and ruleIndex, level, message, one
//   location whose artifact URI is relative to the repository root
//   (uriBaseId "SRCROOT", the root given in run.originalUriBaseIds; '/'-
//   separated, percent-encoded; a file outside the root gets its absolute
//   file: URI), a region of 1-based lines and columns counted in code
//   points (run.columnKind "unicodeCodePoints"; endColumn is just past the
//   span) when the diagnostic has a position, the JSON Pointer in
//   properties.pointer, and partialFingerprints (report/fingerprint.hpp)
//   under "fmkit/v1" and under "primaryLocationLineHash", the one key code
//   scanning reads (the value is fmkit's fingerprint, not a line hash);
// - invocations[0]: exitCode (0, 1 or 2, as the command exits),
//   executionSuccessful (false only for exit code 2) and, as
//   toolExecutionNotifications, the problems outside the files' content
//   that did not stop the run.
//
// No timestamps, so the same run gives the same bytes. Streams: results
// are written as files come; the rules are the catalog. Each rule and each
// result is one line. Not thread-safe.
#pragma once

#include "report/renderer.hpp"
#include "report/repository_paths.hpp"

#include <iosfwd>
#include <memory>
#include <string>

namespace fmkit {

struct SarifOptions {
  // How files are named relative to the repository root.
  RepositoryPaths paths;
  // tool.driver.version (and semanticVersion).
  std::string tool_version;
};

// Returns a Renderer writing the sarif format to `out`, which must outlive
// it.
std::unique_ptr<Renderer> make_sarif_renderer(std::ostream& out,
                                              const SarifOptions& options);

}  // namespace fmkit
