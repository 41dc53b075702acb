// SPDX-License-Identifier: MIT
//
// `fmkit init`: run in a site's folder, recognises its generator, proposes
// collections, infers a schema per collection into schemas/, writes
// fmkit.yaml (run/site_init.hpp), validates the site as `fmkit validate`
// does, and prints what it did, the likely mistakes and the next command,
// all to standard output. It writes nothing when a file it would write
// exists, unless --force (exit 2, naming each file); --dry-run prints the
// files instead of writing them. Exit codes: 0 done (findings are reported,
// not failures: the setup worked), 2 nothing to set up, a file exists, or
// an I/O error.
#pragma once

#include "cli/command.hpp"

namespace fmkit {

int init_command(int argc, const char* const* argv, CommandContext& context);

}  // namespace fmkit
