// SPDX-License-Identifier: MIT
#include "report/github_renderer.hpp"

#include "report/escape.hpp"

#include <ostream>
#include <sstream>
#include <string>

namespace fmkit {

namespace {

class GithubRenderer final : public Renderer {
 public:
  GithubRenderer(std::ostream& out, const GithubOptions& options)
      : m_out(out), m_options(options) {}

  void begin(size_t) override {}

  void file(const FileReport& report, const FileContext&) override {
    annotate(report);
    render_text_file(report, m_options.text, m_text);
  }

  void end(const RunEnd& run) override {
    for (const FileReport& problem : run.problems) annotate(problem);
    m_out << m_text.str();
    render_summary_line(run.summary, m_options.text, m_out);
  }

 private:
  void annotate(const FileReport& report) {
    if (report.diagnostics.empty()) return;
    std::string path = m_options.paths.repository_path(report.path);
    for (const Diagnostic& d : report.diagnostics) {
      m_out << format_workflow_command(path, d) << '\n';
    }
  }

  std::ostream& m_out;
  GithubOptions m_options;
  std::ostringstream m_text;
};

}  // namespace

std::string format_workflow_command(std::string_view path,
                                    const Diagnostic& d) {
  std::string out = d.severity == Severity::error ? "::error" : "::warning";
  out += " file=" + escape_workflow_property(path);
  const SourceSpan& span = d.span;
  if (span.valid()) {
    out += ",line=" + std::to_string(span.begin.line);
    bool one_line = span.end.line == span.begin.line &&
                    span.end.column >= span.begin.column;
    if (one_line) out += ",col=" + std::to_string(span.begin.column);
    if (span.end.line >= span.begin.line) {
      out += ",endLine=" + std::to_string(span.end.line);
    }
    if (one_line) out += ",endColumn=" + std::to_string(span.end.column);
  }
  if (!d.rule.empty()) out += ",title=" + escape_workflow_property(d.rule);
  return out + "::" + escape_workflow_data(d.message);
}

std::unique_ptr<Renderer> make_github_renderer(std::ostream& out,
                                               const GithubOptions& options) {
  return std::make_unique<GithubRenderer>(out, options);
}

}  // namespace fmkit
