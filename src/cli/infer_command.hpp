// SPDX-License-Identifier: MIT
//
// `fmkit infer [PATH...] [--collection NAME] [--out FILE]`: writes the JSON
// Schema inferred from the front matter of the files (infer/inference.hpp)
// to --out or standard output, and the likely mistakes (infer.outlier
// warnings) and the files it could not read (errors) to standard error.
// Exit codes: 0 the schema was written (outliers are warnings, as in
// ESLint), 1 some files could not be read (their errors are shown; the
// schema is inferred from the others), 2 usage, config or I/O error, or
// --out names a file that exists without --force.
#pragma once

#include "cli/command.hpp"
#include "infer/infer_options.hpp"

namespace CLI {
class App;
}

namespace fmkit {

int infer_command(int argc, const char* const* argv, CommandContext& context);

// Adds the inference thresholds (--outlier-ratio, --min-enum-count,
// --min-enum-share, --max-enum-values, --max-examples) to `app`: for infer
// and init.
void add_threshold_options(CLI::App& app, InferOptions& options);

}  // namespace fmkit
