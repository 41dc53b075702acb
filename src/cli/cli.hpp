// SPDX-License-Identifier: MIT
//
// The fmkit command line: parses arguments and dispatches to subcommands.
// Streams are parameters so tests run the whole CLI in-process.
#pragma once

#include <iosfwd>

namespace fmkit {

// Runs fmkit with `argv` and returns the exit code: 0 clean, 1 findings,
// 2 usage, config, schema or I/O error.
int run_cli(int argc, const char* const* argv, std::ostream& out,
            std::ostream& err);

}  // namespace fmkit
