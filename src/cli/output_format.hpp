// SPDX-License-Identifier: MIT
//
// The output formats of `fmkit validate --format`: text, json, sarif,
// github, junit and gitlab, each a Renderer (report/). Without --format,
// github on a GitHub Actions runner (GITHUB_ACTIONS=true), else text. The
// code-host formats (sarif, github, junit, gitlab) name files relative to
// the repository root: the git working tree's top, else the config file's
// folder, else the working folder.
#pragma once

#include "cli/cli.hpp"
#include "report/renderer.hpp"
#include "report/repository_paths.hpp"
#include "report/text_renderer.hpp"
#include "run/plan.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace fmkit {

// What the formats are made from.
struct FormatContext {
  TextOptions text;
  RepositoryPaths paths;
};

// Adds --format to `app`, checked against the known formats; "" when not
// given.
void add_format_option(CLI::App& app, std::string& format);

// Returns the renderer of `format` ("": the default for `environment`)
// writing to `out`.
std::unique_ptr<Renderer> make_renderer(std::string_view format,
                                        const FormatContext& context,
                                        const CliEnvironment& environment,
                                        std::ostream& out);

// Returns whether `format` ("": the default) is the text format, the one
// whose output is not a document.
bool is_text_format(std::string_view format, const CliEnvironment& environment);

// Returns the folder the code-host formats name files relative to.
std::filesystem::path repository_root(const Plan& plan,
                                      const CliEnvironment& environment);

}  // namespace fmkit
