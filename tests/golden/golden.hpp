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
#include <functional>
#include <initializer_list>
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

// Runs each command line with `run` and returns the transcript: "$ fmkit
// ARGS", the output, "[stderr]" and its text when there is any, and
// "[exit N]", for a golden of a whole session.
inline std::string transcript(
    const std::vector<std::vector<std::string>>& commands,
    const std::function<CliResult(const std::vector<std::string>&)>& run) {
  std::string out;
  for (const std::vector<std::string>& args : commands) {
    out += "$ fmkit";
    for (const std::string& arg : args) out += " " + arg;
    CliResult r = run(args);
    out += "\n" + r.out;
    if (!r.err.empty()) out += "[stderr]\n" + r.err;
    out += "[exit " + std::to_string(r.code) + "]\n";
  }
  return out;
}

// The same, each command run in `site`.
inline std::string transcript(
    const std::filesystem::path& site,
    const std::vector<std::vector<std::string>>& commands) {
  return transcript(commands, [&](const std::vector<std::string>& args) {
    return run_fmkit(args, environment_in(site));
  });
}

// A fixture site in a repository of its own, REPO/.git and REPO/site/,
// holding copies of the entries `names` of the folder `fixture`.
class FixtureRepo {
 public:
  FixtureRepo(const std::filesystem::path& fixture,
              std::initializer_list<const char*> names) {
    std::filesystem::create_directory(m_repo.path() / ".git");
    std::filesystem::create_directory(site());
    for (const char* name : names) {
      std::filesystem::copy(fixture / name, site() / name,
                            std::filesystem::copy_options::recursive);
    }
  }

  std::filesystem::path path() const { return m_repo.path(); }
  std::filesystem::path site() const { return m_repo.path() / "site"; }
  // `text` with the repository's temporary path written "/REPO".
  std::string stable(const std::string& text) const {
    return replace_all(text, m_repo.path().string(), "/REPO");
  }

 private:
  ScopedTempDir m_repo;
};

}  // namespace fmkit::testing_support
