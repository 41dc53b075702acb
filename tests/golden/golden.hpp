// SPDX-License-Identifier: MIT
//
// Golden files: expect `actual` to equal the file `golden` byte for byte,
// or, with FMKIT_UPDATE_GOLDEN=1 in the environment, rewrite the file
// (review the diff before committing it).
#pragma once

#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fmkit::testing_support {

inline void check_golden(const std::filesystem::path& golden,
                         const std::string& actual) {
  if (std::getenv("FMKIT_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing";
  EXPECT_EQ(actual, read_bytes(golden)) << "golden " << golden;
}

// Returns `text` with every `from` replaced by `to` (paths of temporary
// folders made stable for goldens).
inline std::string replace_all(std::string text, const std::string& from,
                               const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Runs each command line in `site` and returns the transcript: "$ fmkit
// ARGS", the output, "[stderr]" and its text when there is any, and
// "[exit N]", for a golden of a whole session.
inline std::string transcript(
    const std::filesystem::path& site,
    const std::vector<std::vector<std::string>>& commands) {
  std::string out;
  for (const std::vector<std::string>& args : commands) {
    out += "$ fmkit";
    for (const std::string& arg : args) out += " " + arg;
    CliResult r = run_fmkit(args, environment_in(site));
    out += "\n" + r.out;
    if (!r.err.empty()) out += "[stderr]\n" + r.err;
    out += "[exit " + std::to_string(r.code) + "]\n";
  }
  return out;
}

}  // namespace fmkit::testing_support
