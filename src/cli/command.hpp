// SPDX-License-Identifier: MIT
//
// What every subcommand gets: its arguments (argv[0] is the subcommand's
// name), the output streams and the environment, plus the helpers the
// subcommands share (exit codes, CLI11 error handling, color choice).
// Subcommands run on the calling thread; a CommandContext is not shared.
#pragma once

#include "cli/cli.hpp"
#include "diag/diagnostic.hpp"
#include "report/text_renderer.hpp"
#include "run/config.hpp"
#include "run/plan.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace fmkit {

inline constexpr int k_exit_clean = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_error = 2;

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  const CliEnvironment& environment;
};

using CommandFunction = int (*)(int argc, const char* const* argv,
                                CommandContext& context);

// Adds "--config FILE" to `app`, storing it in `path`.
CLI::Option* add_config_option(CLI::App& app, std::string& path);

// Loads the config file `given` (--config), or when it is empty the first
// fmkit.yaml from the working folder up, shown relative to it
// ("fmkit.yaml", "../fmkit.yaml"). `hint` ends the message when there is
// none ("pass --config FILE").
Expected<Config, Problems> find_and_load_config(
    const std::string& given, const CliEnvironment& environment,
    std::string_view hint);

// The options of the commands that check files: PATHs, --config, -j,
// --color, --no-error-on-unmatched-pattern, the selectors --changed-since,
// --staged and --files-from (one at most; with PATHs, the files both
// name), and --shard.
struct FileArguments {
  std::vector<std::string> paths;
  std::string config_path;
  std::string color;
  int jobs = 0;
  bool allow_unmatched = false;
  bool allow_outside = false;
  std::string changed_since;  // a git revision; "" when not given
  bool staged = false;
  std::string files_from;  // a file, "-" for standard input; "" when not given
  std::string shard;       // "K/N", checked when parsed; "" when not given

  // Adds the options to `app`; `paths_help` describes the PATHs.
  void add_to(CLI::App& app, std::string_view paths_help);
  // Whether a selector names the files.
  bool selects() const;
  // Returns the options of the plan, with the files the selector names
  // (asking git, or reading the list from a file or `environment.in`).
  // Fails when git or the list fails (git.*, io).
  Expected<PlanOptions, Problems> plan_options(
      const CliEnvironment& environment) const;
  // Text options for `out` (colors as --color says).
  TextOptions text_options(const CliEnvironment& environment) const;

 private:
  void add_selectors(CLI::App& app);
};

// Writes `problems` to `err` in the text format (source line and caret),
// colored when `err` is a terminal and NO_COLOR is not set. Returns whether
// one of them is an error.
bool print_problems(const Problems& problems, CommandContext& context);

// Adds "-j,--jobs N" (files read in parallel; 0, the default: one per
// CPU) to `app`, storing it in `jobs`.
void add_jobs_option(CLI::App& app, int& jobs);

// Adds "--color auto|always|never" (default auto) to `app`, storing the
// choice in `choice`.
void add_color_option(CLI::App& app, std::string& choice);

// Returns whether to color a stream: "always" yes, "never" no, "auto" when
// `is_terminal` and NO_COLOR is not set.
UseColor decide_color(std::string_view choice, bool is_terminal,
                      const CliEnvironment& environment);

// Makes `app` print CLI11's parse errors as "fmkit: error: ... [usage]"
// with a hint to run --help.
void use_fmkit_error_style(CLI::App& app);

// Parses `argv` with `app`. Returns std::nullopt when the command should go
// on, or the exit code to return: 0 after --help, 2 after a usage error
// (CLI11's own codes, 100 and up, are mapped to 2).
std::optional<int> parse_arguments(CLI::App& app, int argc,
                                   const char* const* argv,
                                   CommandContext& context);

// Writes a usage error, "fmkit: error: <message> [usage]", to `err`: the
// one form of every problem, with "fmkit" where a file would be.
void print_error(std::ostream& err, std::string_view message);

}  // namespace fmkit
