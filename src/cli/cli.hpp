// SPDX-License-Identifier: MIT
//
// The fmkit command line: parses arguments and dispatches to subcommands
// through a table of {name, function} (cli.cpp), answering unknown names
// with "did you mean". Streams and the process's environment (working
// folder, terminals, NO_COLOR, GITHUB_ACTIONS) are parameters, so tests run the
// whole CLI in-process, with no chdir and no global state. Exit codes: 0 clean,
// 1 findings, 2 usage, config, schema or I/O error.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>

namespace fmkit {

// fmkit's version, as --version and SARIF's tool.driver.version give it.

// What the CLI needs from the process it runs in.
struct CliEnvironment {
  // Relative paths on the command line are relative to this absolute
  // folder; fmkit.yaml is looked for from here up.
  std::filesystem::path cwd;
  // Whether `out` / `err` are terminals (colors in --color auto).
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  // Whether NO_COLOR is set to a non-empty value (no colors in auto mode).
  bool no_color = false;
  // Where per-user caches go: $XDG_CACHE_HOME when it is an absolute path,
  // else $HOME/.cache; "" when neither is set (no cache outside the site).
  std::filesystem::path cache_home;
  // Whether GITHUB_ACTIONS is "true" (a GitHub Actions runner): then
  // `validate` writes the github format unless --format says otherwise.
  bool github_actions = false;
  // Standard input, read by `--files-from -`; nullptr when there is none.
  std::istream* in = nullptr;
  // The clock of the progress line; std::chrono::steady_clock::now when
  // empty.
  std::function<std::chrono::steady_clock::time_point()> clock;

  // Returns the environment of this process for the streams `out` and
  // `err`: a stream is a terminal only when it is std::cout (std::cerr) and
  // file descriptor 1 (2) is a TTY; `in` is std::cin.
  static CliEnvironment from_process(const std::ostream& out,
                                     const std::ostream& err);
};

// Returns fmkit's version, "0.1.0".
std::string_view fmkit_version();

// Runs fmkit with `argv` in the environment of this process and returns the
// exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out,
            std::ostream& err);

// Runs fmkit with `argv` in `environment` and returns the exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out,
            std::ostream& err, const CliEnvironment& environment);

}  // namespace fmkit
