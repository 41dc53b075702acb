// SPDX-License-Identifier: MIT
#include "report/json_renderer.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace fmkit {

namespace {

constexpr int k_format_version = 1;

nlohmann::ordered_json number_or_null(const SourcePos& pos, uint32_t value) {
  return pos.valid() ? nlohmann::ordered_json(value) : nlohmann::ordered_json();
}

class JsonRenderer final : public Renderer {
 public:
  explicit JsonRenderer(std::ostream& out) : m_out(out) {}

  void begin(size_t file_count) override {
    m_out << "{\n  \"version\": " << k_format_version
          << ",\n  \"files\": " << file_count << ",\n  \"diagnostics\": [";
  }

  void file(const FileReport& report, const FileContext& context) override {
    if (!context.dialect.empty() && context.dialect != "yaml") {
      m_dialects[report.path] = context.dialect;
    }
    if (report.diagnostics.empty()) return;
    for (const Diagnostic& d : report.diagnostics) {
      m_out << (m_any ? ",\n    " : "\n    ")
            << format_json_diagnostic(report.path, d);
      m_any = true;
    }
  }

  void end(const RunEnd&) override {
    m_out << (m_any ? "\n  ]" : "]");
    // Only files whose front matter is not YAML: the usual case costs
    // nothing, and the output of YAML-only sites keeps its shape.
    if (!m_dialects.empty()) {
      m_out << ",\n  \"dialects\": {";
      bool first = true;
      for (const auto& [path, dialect] : m_dialects.items()) {
        m_out << (first ? "\n    " : ",\n    ") << json_quote(path) << ": "
              << json_quote(dialect.get<std::string>());
        first = false;
      }
      m_out << "\n  }";
    }
    m_out << "\n}\n";
  }

 private:
  std::ostream& m_out;
  bool m_any = false;
  nlohmann::ordered_json m_dialects = nlohmann::ordered_json::object();
};

}  // namespace

std::string json_quote(std::string_view text) {
  // `replace` keeps a message quoting invalid UTF-8 from throwing.
  return nlohmann::json(text).dump(-1, ' ', false,
                                   nlohmann::json::error_handler_t::replace);
}

nlohmann::ordered_json diagnostic_to_json(std::string_view file,
                                          const Diagnostic& d) {
  const SourcePos& begin = d.span.begin;
  const SourcePos& end = d.span.end;
  return nlohmann::ordered_json{
      {"file", file},
      {"line", number_or_null(begin, begin.line)},
      {"column", number_or_null(begin, begin.column)},
      {"end_line", number_or_null(begin, end.line)},
      {"end_column", number_or_null(begin, end.column)},
      {"severity", to_string(d.severity)},
      {"rule", d.rule},
      {"pointer", d.pointer},
      {"message", d.message},
  };
}

std::string format_json_inline(const nlohmann::ordered_json& value) {
  if (value.is_object() && !value.empty()) {
    std::string out = "{";
    for (const auto& [key, member] : value.items()) {
      if (out.size() > 1) out += ", ";
      out += json_quote(key) + ": " + format_json_inline(member);
    }
    return out + '}';
  }
  if (value.is_array() && !value.empty()) {
    std::string out = "[";
    for (const nlohmann::ordered_json& item : value) {
      if (out.size() > 1) out += ", ";
      out += format_json_inline(item);
    }
    return out + ']';
  }
  return value.dump(-1, ' ', false,
                    nlohmann::ordered_json::error_handler_t::replace);
}

std::string format_json_diagnostic(std::string_view file, const Diagnostic& d) {
  return format_json_inline(diagnostic_to_json(file, d));
}

std::unique_ptr<Renderer> make_json_renderer(std::ostream& out) {
  return std::make_unique<JsonRenderer>(out);
}

}  // namespace fmkit
