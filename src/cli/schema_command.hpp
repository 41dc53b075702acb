// SPDX-License-Identifier: MIT
//
// `fmkit schema check FILE... [--color auto|always|never]`: is each FILE a
// usable JSON Schema (draft-07)? Loads it and the files its `$ref`s reach
// as `validate` would, and reports, in the text format on `out`, what stops
// it from loading (invalid JSON, a keyword value draft-07 does not allow, a
// pattern RE2 cannot run, a `$ref` that leads nowhere: errors) and what
// loads but checks less than it seems to (an unknown keyword, with "did you
// mean", a keyword next to a `$ref`, an unknown format, an `enum` value its
// own `type` excludes: warnings; rules in schema/schema_registry.hpp), then
// a summary. A file reached from several FILEs is reported once. A FILE
// that cannot be read goes to `err`. Exit codes: 0 nothing found, 1
// something found (an error or a warning), 2 usage error or a FILE that
// cannot be read.
#pragma once

#include "cli/command.hpp"

namespace fmkit {

// `fmkit schema <subcommand>`: dispatches to `check`.
int schema_command(int argc, const char* const* argv, CommandContext& context);

}  // namespace fmkit
