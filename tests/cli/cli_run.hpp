// SPDX-License-Identifier: MIT
//
// Runs the whole CLI in-process, through run_cli with string streams and a
// CliEnvironment whose working folder is given (no chdir), for the CLI and
// golden tests. Not thread-safe.
#pragma once

#include "cli/cli.hpp"

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit::testing_support {

struct CliResult {
  int code;
  std::string out;
  std::string err;
};

// Returns a CliEnvironment in the folder `cwd`, not on a terminal.
inline CliEnvironment environment_in(const std::filesystem::path& cwd) {
  CliEnvironment environment;
  environment.cwd = cwd;
  return environment;
}

// Runs `fmkit args...` in `environment`.
inline CliResult run_fmkit(const std::vector<std::string>& args,
                           const CliEnvironment& environment) {
  std::vector<const char*> argv = {"fmkit"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err,
                     environment);
  return {code, out.str(), err.str()};
}

}  // namespace fmkit::testing_support
