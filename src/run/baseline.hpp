// SPDX-License-Identifier: MIT
//
// Baseline: the findings of a site recorded at one time, so that a site
// adopting fmkit (or a stricter schema) can gate on new findings only.
// `fmkit validate --write-baseline FILE` records every finding;
// `--baseline FILE` reports only findings the file does not hold.
//
// A finding is matched by its file (relative to the config file's folder,
// or to the working folder with --schema), its rule and its JSON Pointer,
// never by line or message, so an edit above a finding, or a reworded
// message, does not bring it back. When a file has the same rule at the
// same pointer several times, the entry's count is used up one finding at
// a time, in the order of the file's diagnostics. The `io` and `internal`
// failures of a file that could not be checked are never findings.
//
// The file is JSON, written in a stable order (file, then rule, then
// pointer, byte order), one finding a line, `count` only above 1:
//
//   {
//     "version": 1,
//     "findings": [
//       {"file": "posts/a.md", "rule": "schema.enum", "pointer": "/status"},
//       {"file": "posts/b.md", "rule": "yaml11-bool", "pointer": "/draft",
//        "count": 2}
//     ]
//   }
//
// Problems with the file are reported in fmkit's one form: `io` (cannot be
// read or written), `baseline.json` (not JSON, at the byte where it fails),
// `baseline.invalid` (another shape, at the offending value). Not
// thread-safe.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "run/runner.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace fmkit {

// Whether `d` is a finding (not the failure of a file that could not be
// checked).
bool is_finding(const Diagnostic& d);

class Baseline {
 public:
  // Parses `text`, the baseline file shown as `shown`.
  static Expected<Baseline, Problems> parse(std::string text,
                                            const std::string& shown);

  // Reads and parses the baseline file `path`, shown as `shown`.
  static Expected<Baseline, Problems> load(const std::filesystem::path& path,
                                           const std::string& shown);

  // Removes from `diagnostics` the findings of `file` the baseline holds,
  // using up the counts; returns how many were removed. Records that `file`
  // was checked.
  size_t suppress(const std::string& file,
                  std::vector<Diagnostic>& diagnostics);

  // Returns how many recorded findings were not met in files that were
  // checked (suppress() was called) or whose path lies in `scope` once
  // joined to the absolute folder `root`: findings that were fixed, in
  // files fixed, removed or no longer checked.
  size_t unmatched(const RunScope& scope,
                   const std::filesystem::path& root) const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, size_t, std::less<>> m_left;  // (file, rule, pointer) -> count
  std::set<std::string, std::less<>> m_checked;
};

// Collects the findings of a run for --write-baseline.
class BaselineWriter {
 public:
  // Removes the findings of `file` from `diagnostics`, recording them;
  // returns how many.
  size_t add(const std::string& file, std::vector<Diagnostic>& diagnostics);

  // The baseline file's text, as described above.
  std::string text() const;

  size_t findings() const { return m_findings; }

 private:
  std::map<std::tuple<std::string, std::string, std::string>, size_t> m_counts;
  size_t m_findings = 0;
};

// Writes `text` to the baseline file `path` (shown as `shown`), replacing
// it atomically (run/atomic_file.hpp). Errors: an `io` problem.
Expected<void, Problems> write_baseline(const std::filesystem::path& path,
                                        const std::string& shown,
                                        std::string_view text);

}  // namespace fmkit
