// SPDX-License-Identifier: MIT
#include "report/junit_renderer.hpp"

#include "report/escape.hpp"
#include "report/text_renderer.hpp"

#include <ostream>
#include <sstream>
#include <string>

namespace fmkit {

namespace {

constexpr std::string_view k_suite = "fmkit validate";

// Returns the diagnostics of `report` of severity `severity` in the text
// format, with source lines and carets.
std::string text_of(const FileReport& report, Severity severity) {
  FileReport part;
  part.path = report.path;
  part.text = report.text;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity == severity) part.diagnostics.push_back(d);
  }
  std::ostringstream out;
  render_text_file(part, TextOptions{}, out);
  return out.str();
}

// "3:8: message", or the message alone without a position.
std::string headline(const Diagnostic& d) {
  if (!d.span.valid()) return d.message;
  return std::to_string(d.span.begin.line) + ":" +
         std::to_string(d.span.begin.column) + ": " + d.message;
}

class JunitRenderer final : public Renderer {
 public:
  JunitRenderer(std::ostream& out, const JunitOptions& options)
      : m_out(out), m_options(options) {}

  void begin(size_t) override {}

  void file(const FileReport& report, const FileContext& context) override {
    test_case(report, context.collection.empty() ? "fmkit" : context.collection,
              "failure");
  }

  void end(const RunEnd& run) override {
    for (const FileReport& problem : run.problems) {
      test_case(problem, "fmkit", "error");
    }
    std::string counts = " tests=\"" + std::to_string(m_tests) +
                         "\" failures=\"" + std::to_string(m_failures) +
                         "\" errors=\"" + std::to_string(m_errors) + "\"";
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          << "<testsuites name=\"" << k_suite << "\"" << counts << ">\n"
          << "  <testsuite name=\"" << k_suite << "\"" << counts
          << " skipped=\"0\">\n"
          << m_cases.str() << "  </testsuite>\n</testsuites>\n";
  }

 private:
  // Adds the test case of `report`; its errors go in an element named
  // `element` ("failure" or "error").
  void test_case(const FileReport& report, std::string_view classname,
                 std::string_view element) {
    ++m_tests;
    std::string name = m_options.paths.repository_path(report.path);
    m_cases << "    <testcase name=\"" << escape_xml_attribute(name)
            << "\" classname=\"" << escape_xml_attribute(classname) << "\"";
    const Diagnostic* first_error = nullptr;
    bool warnings = false;
    for (const Diagnostic& d : report.diagnostics) {
      if (d.severity == Severity::error && first_error == nullptr) {
        first_error = &d;
      }
      warnings = warnings || d.severity == Severity::warning;
    }
    if (first_error == nullptr && !warnings) {
      m_cases << "/>\n";
      return;
    }
    m_cases << ">\n";
    if (first_error != nullptr) {
      (element == "error" ? m_errors : m_failures) += 1;
      m_cases << "      <" << element << " message=\""
              << escape_xml_attribute(headline(*first_error)) << "\" type=\""
              << escape_xml_attribute(first_error->rule) << "\">"
              << escape_xml_text(text_of(report, Severity::error)) << "</"
              << element << ">\n";
    }
    if (warnings) {
      m_cases << "      <system-out>"
              << escape_xml_text(text_of(report, Severity::warning))
              << "</system-out>\n";
    }
    m_cases << "    </testcase>\n";
  }

  std::ostream& m_out;
  JunitOptions m_options;
  std::ostringstream m_cases;
  size_t m_tests = 0;
  size_t m_failures = 0;
  size_t m_errors = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_junit_renderer(std::ostream& out,
                                              const JunitOptions& options) {
  return std::make_unique<JunitRenderer>(out, options);
}

}  // namespace fmkit
