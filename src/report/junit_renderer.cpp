// SPDX-License-Identifier: MIT
#include "report/junit_renderer.hpp"

#include "report/escape.hpp"
#include "report/text_renderer.hpp"

#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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
    size_t failures = 0;
    size_t errors = 0;
    std::ostringstream cases;
    for (const Case& c : m_cases) {
      if (!c.type.empty()) (c.element == "error" ? errors : failures) += 1;
      render(c, cases);
    }
    std::string counts = " tests=\"" + std::to_string(m_cases.size()) +
                         "\" failures=\"" + std::to_string(failures) +
                         "\" errors=\"" + std::to_string(errors) + "\"";
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          << "<testsuites name=\"" << k_suite << "\"" << counts << ">\n"
          << "  <testsuite name=\"" << k_suite << "\"" << counts
          << " skipped=\"0\">\n"
          << cases.str() << "  </testsuite>\n</testsuites>\n";
  }

 private:
  // One test case: a file, whose reports (its own, then the findings of
  // the rules across files) are merged, or a problem outside the files.
  struct Case {
    std::string name;
    std::string classname;
    std::string_view element;  // "failure" or "error"
    std::string message;       // of the first error
    std::string type;          // its rule; "" when there is no error
    std::string errors;        // every error, in the text format
    std::string warnings;      // every warning, in the text format
  };

  // Adds `report` to the test case of its file; its errors go in an
  // element named `element` ("failure" or "error").
  void test_case(const FileReport& report, std::string_view classname,
                 std::string_view element) {
    std::string name = m_options.paths.repository_path(report.path);
    auto [it, added] = m_index.try_emplace(name, m_cases.size());
    if (added) {
      m_cases.push_back(
          Case{name, std::string(classname), element, "", "", "", ""});
    }
    Case& c = m_cases[it->second];
    bool warnings = false;
    bool errors = false;
    for (const Diagnostic& d : report.diagnostics) {
      if (d.severity == Severity::error && c.type.empty()) {
        c.message = headline(d);
        c.type = d.rule;
      }
      (d.severity == Severity::error ? errors : warnings) = true;
    }
    if (errors) c.errors += text_of(report, Severity::error);
    if (warnings) c.warnings += text_of(report, Severity::warning);
  }

  static void render(const Case& c, std::ostream& out) {
    out << "    <testcase name=\"" << escape_xml_attribute(c.name)
        << "\" classname=\"" << escape_xml_attribute(c.classname) << "\"";
    if (c.type.empty() && c.warnings.empty()) {
      out << "/>\n";
      return;
    }
    out << ">\n";
    if (!c.type.empty()) {
      out << "      <" << c.element << " message=\""
          << escape_xml_attribute(c.message) << "\" type=\""
          << escape_xml_attribute(c.type) << "\">" << escape_xml_text(c.errors)
          << "</" << c.element << ">\n";
    }
    if (!c.warnings.empty()) {
      out << "      <system-out>" << escape_xml_text(c.warnings)
          << "</system-out>\n";
    }
    out << "    </testcase>\n";
  }

  std::ostream& m_out;
  JunitOptions m_options;
  std::vector<Case> m_cases;
  std::unordered_map<std::string, size_t> m_index;  // by name
};

}  // namespace

std::unique_ptr<Renderer> make_junit_renderer(std::ostream& out,
                                              const JunitOptions& options) {
  return std::make_unique<JunitRenderer>(out, options);
}

}  // namespace fmkit
