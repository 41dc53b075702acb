// SPDX-License-Identifier: MIT
#include "run/baseline.hpp"

#include "base/describe.hpp"
#include "base/spelling.hpp"
#include "report/json_renderer.hpp"
#include "run/atomic_file.hpp"
#include "run/file_reader.hpp"
#include "schema/schema_problem.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>
#include <utility>

namespace fmkit {

namespace {

constexpr int k_baseline_version = 1;

using json = nlohmann::json;

// Checks a parsed baseline; collects a problem per offending value.
class Checker {
 public:
  explicit Checker(std::vector<SchemaProblem>& problems)
      : m_problems(problems) {}

  void add(std::string pointer, ProblemAt at, std::string message) {
    SchemaProblem problem;
    problem.rule = "baseline.invalid";
    problem.message = std::move(message);
    problem.pointer = std::move(pointer);
    problem.at = at;
    m_problems.push_back(std::move(problem));
  }

  // Checks that the object at `pointer` has only `keys`.
  void only_keys(const json& object, const std::string& pointer,
                 const std::vector<std::string>& keys) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      add(pointer + "/" + key, ProblemAt::key,
          "unknown key '" + key + "' in a baseline" + did_you_mean(key, keys));
    }
  }

  // Returns the string at `object[key]`, or "" after a problem.
  std::string text(const json& object, const std::string& pointer,
                   const std::string& key) {
    auto it = object.find(key);
    if (it == object.end()) {
      add(pointer, ProblemAt::value, "a finding needs '" + key + "'");
    } else if (!it->is_string()) {
      add(pointer + "/" + key, ProblemAt::value,
          "'" + key + "' must be a string, got " +
              describe_value(*it, ValueStyle::subject));
    } else {
      return it->get<std::string>();
    }
    return "";
  }

 private:
  std::vector<SchemaProblem>& m_problems;
};

// Reads the findings of `root` into `counts`.
void read_findings(const json& root, Checker& check,
                   std::map<std::tuple<std::string, std::string, std::string>,
                            size_t, std::less<>>& counts) {
  if (!root.is_object()) {
    check.add("", ProblemAt::value,
              "a baseline is a JSON object with 'version' and 'findings'");
    return;
  }
  check.only_keys(root, "", {"version", "findings"});
  auto version = root.find("version");
  if (version == root.end() || *version != k_baseline_version) {
    check.add(version == root.end() ? "" : "/version", ProblemAt::value,
              version == root.end()
                  ? "a baseline needs 'version': 1"
                  : "unsupported baseline version " +
                        describe_value(*version, ValueStyle::subject) +
                        " (this fmkit reads version 1)");
  }
  auto findings = root.find("findings");
  if (findings == root.end() || !findings->is_array()) {
    check.add(findings == root.end() ? "" : "/findings", ProblemAt::value,
              "a baseline needs 'findings', a list");
    return;
  }
  for (size_t i = 0; i < findings->size(); ++i) {
    const json& finding = (*findings)[i];
    std::string pointer = "/findings/" + std::to_string(i);
    if (!finding.is_object()) {
      check.add(pointer, ProblemAt::value,
                "a finding is an object with 'file', 'rule' and 'pointer'");
      continue;
    }
    check.only_keys(finding, pointer, {"file", "rule", "pointer", "count"});
    size_t count = 1;
    if (auto it = finding.find("count"); it != finding.end()) {
      if (!it->is_number_unsigned() || it->get<uint64_t>() == 0) {
        check.add(pointer + "/count", ProblemAt::value,
                  "'count' must be a whole number of at least 1, got " +
                      describe_value(*it, ValueStyle::subject));
      } else {
        count = static_cast<size_t>(it->get<uint64_t>());
      }
    }
    counts[{check.text(finding, pointer, "file"),
            check.text(finding, pointer, "rule"),
            check.text(finding, pointer, "pointer")}] += count;
  }
}

}  // namespace

bool is_finding(const Diagnostic& d) {
  return !(d.rule == "io" || d.rule == "internal") || d.span.valid();
}

Expected<Baseline, Problems> Baseline::parse(std::string text,
                                             const std::string& shown) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& error) {
    SchemaProblem problem = json_problem(error, shown, std::move(text));
    problem.rule = "baseline.json";
    return unexpected(to_problems(problem));
  }
  std::vector<SchemaProblem> problems;
  Checker check(problems);
  Baseline baseline;
  read_findings(root, check, baseline.m_left);
  if (problems.empty()) return baseline;
  Problems all;
  for (SchemaProblem& problem : problems) {
    problem.shown = shown;
    problem.text = text;
    for (FileReport& report : to_problems(problem)) {
      if (!all.empty()) {
        all.front().diagnostics.push_back(std::move(report.diagnostics[0]));
      } else {
        all.push_back(std::move(report));
      }
    }
  }
  sort_diagnostics(all.front().diagnostics);
  return unexpected(std::move(all));
}

Expected<Baseline, Problems> Baseline::load(const std::filesystem::path& path,
                                            const std::string& shown) {
  Expected<std::string> text = read_whole_file(path);
  if (!text) {
    return unexpected(problem_at_file(
        shown, "io", "cannot read the baseline: " + text.error()));
  }
  return parse(std::move(*text), shown);
}

size_t Baseline::suppress(const std::string& file,
                          std::vector<Diagnostic>& diagnostics) {
  m_checked.insert(file);
  size_t before = diagnostics.size();
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (!is_finding(d)) return false;
    auto it = m_left.find(std::tie(file, d.rule, d.pointer));
    if (it == m_left.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
  return before - diagnostics.size();
}

size_t Baseline::unmatched(const RunScope& scope,
                           const std::filesystem::path& root) const {
  size_t count = 0;
  for (const auto& [key, left] : m_left) {
    const std::string& file = std::get<0>(key);
    if (left == 0) continue;
    if (m_checked.contains(file) ||
        scope.covers((root / file).lexically_normal().native())) {
      count += left;
    }
  }
  return count;
}

size_t BaselineWriter::add(const std::string& file,
                           std::vector<Diagnostic>& diagnostics) {
  size_t before = diagnostics.size();
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (!is_finding(d)) return false;
    ++m_counts[{file, d.rule, d.pointer}];
    return true;
  });
  m_findings += before - diagnostics.size();
  return before - diagnostics.size();
}

std::string BaselineWriter::text() const {
  std::string out = "{\n  \"version\": " + std::to_string(k_baseline_version) +
                    ",\n  \"findings\": [";
  bool first = true;
  for (const auto& [key, count] : m_counts) {
    const auto& [file, rule, pointer] = key;
    out += first ? "\n    " : ",\n    ";
    out += "{\"file\": " + json_quote(file) +
           ", \"rule\": " + json_quote(rule) +
           ", \"pointer\": " + json_quote(pointer);
    if (count > 1) out += ", \"count\": " + std::to_string(count);
    out += "}";
    first = false;
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

Expected<void, Problems> write_baseline(const std::filesystem::path& path,
                                        const std::string& shown,
                                        std::string_view text) {
  std::error_code ec;
  Expected<void> written;
  if (std::filesystem::exists(path, ec)) {
    Expected<FileSnapshot> old = read_file_snapshot(path);
    written = old ? write_file_atomically(path, text, *old)
                  : Expected<void>(unexpected(old.error()));
  } else {
    written = create_file_atomically(path, text);
  }
  if (!written) {
    return unexpected(problem_at_file(
        shown, "io", "cannot write the baseline: " + written.error()));
  }
  return {};
}

}  // namespace fmkit
