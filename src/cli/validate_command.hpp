// SPDX-License-Identifier: MIT
//
// `fmkit validate [PATH...] [--config FILE | --schema FILE] [--format
// text|json] [-j N] [--quiet] [--color auto|always|never]`
//
// Without --schema, the config file (--config, or the first fmkit.yaml in
// the working folder or a parent) decides which schema each file gets;
// without PATHs, its collections decide which files are checked. With
// --schema, the files found from the PATHs (at least one) are checked
// against that schema alone. Diagnostics go to `out` in the chosen format,
// in sorted file order whatever -j; --quiet leaves warnings out and prints
// the text summary only when there are errors. Operational problems go to
// `err` as "fmkit: error: ...". Exit codes: 0 no errors (warnings allowed),
// 1 errors found, 2 usage, config, schema or I/O error (a file that can't
// be read is reported and the others still checked).
#pragma once

#include "cli/command.hpp"

namespace fmkit {

int validate_command(int argc, const char* const* argv,
                     CommandContext& context);

}  // namespace fmkit
