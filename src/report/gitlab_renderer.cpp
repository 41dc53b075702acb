// SPDX-License-Identifier: MIT
#include "report/gitlab_renderer.hpp"

#include "report/fingerprint.hpp"
#include "report/json_renderer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace fmkit {

namespace {

class GitlabRenderer final : public Renderer {
 public:
  GitlabRenderer(std::ostream& out, const GitlabOptions& options)
      : m_out(out), m_options(options) {}

  void begin(size_t) override { m_out << "["; }

  void file(const FileReport& report, const FileContext&) override {
    issues(report);
  }

  void end(const RunEnd& run) override {
    for (const FileReport& problem : run.problems) issues(problem);
    m_out << (m_any ? "\n]\n" : "]\n");
  }

 private:
  void issues(const FileReport& report) {
    if (report.diagnostics.empty()) return;
    std::string path = m_options.paths.repository_path(report.path);
    std::vector<std::string> prints = fingerprints(path, report.diagnostics);
    for (size_t i = 0; i < report.diagnostics.size(); ++i) {
      const Diagnostic& d = report.diagnostics[i];
      uint32_t begin = d.span.valid() ? d.span.begin.line : 1;
      uint32_t end = std::max(begin, d.span.valid() ? d.span.end.line : 1);
      nlohmann::ordered_json issue{
          {"description", d.message},
          {"check_name", d.rule},
          {"fingerprint", prints[i]},
          {"severity", d.severity == Severity::error ? "major" : "minor"},
          {"location",
           {{"path", path}, {"lines", {{"begin", begin}, {"end", end}}}}},
      };
      m_out << (m_any ? ",\n  " : "\n  ") << format_json_inline(issue);
      m_any = true;
    }
  }

  std::ostream& m_out;
  GitlabOptions m_options;
  bool m_any = false;
};

}  // namespace

std::unique_ptr<Renderer> make_gitlab_renderer(std::ostream& out,
                                               const GitlabOptions& options) {
  return std::make_unique<GitlabRenderer>(out, options);
}

}  // namespace fmkit
