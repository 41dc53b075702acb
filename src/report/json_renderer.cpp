// SPDX-License-Identifier: MIT
#include "report/json_renderer.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace fmkit {

namespace {

constexpr int k_format_version = 1;

std::string number_or_null(const SourcePos& pos, uint32_t value) {
  return pos.valid() ? std::to_string(value) : "null";
}

class JsonRenderer final : public Renderer {
 public:
  explicit JsonRenderer(std::ostream& out) : m_out(out) {}

  void begin(size_t file_count) override {
    m_out << "{\n  \"version\": " << k_format_version
          << ",\n  \"files\": " << file_count << ",\n  \"diagnostics\": [";
  }

  void file(const FileReport& report) override {
    if (report.diagnostics.empty()) return;
    for (const Diagnostic& d : report.diagnostics) {
      m_out << (m_any ? ",\n    " : "\n    ")
            << format_json_diagnostic(report.path, d);
      m_any = true;
    }
  }

  void end(const Summary&) override {
    m_out << (m_any ? "\n  ]\n}\n" : "]\n}\n");
  }

 private:
  std::ostream& m_out;
  bool m_any = false;
};

}  // namespace

std::string json_quote(std::string_view text) {
  // `replace` keeps a message quoting invalid UTF-8 from throwing.
  return nlohmann::json(text).dump(-1, ' ', false,
                                   nlohmann::json::error_handler_t::replace);
}

std::string format_json_diagnostic(std::string_view file, const Diagnostic& d) {
  const SourcePos& begin = d.span.begin;
  const SourcePos& end = d.span.end;
  return "{\"file\": " + json_quote(file) +
         ", \"line\": " + number_or_null(begin, begin.line) +
         ", \"column\": " + number_or_null(begin, begin.column) +
         ", \"end_line\": " + number_or_null(begin, end.line) +
         ", \"end_column\": " + number_or_null(begin, end.column) +
         ", \"severity\": " + json_quote(to_string(d.severity)) +
         ", \"rule\": " + json_quote(d.rule) +
         ", \"pointer\": " + json_quote(d.pointer) +
         ", \"message\": " + json_quote(d.message) + '}';
}

std::unique_ptr<Renderer> make_json_renderer(std::ostream& out) {
  return std::make_unique<JsonRenderer>(out);
}

}  // namespace fmkit
