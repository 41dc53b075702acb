// SPDX-License-Identifier: MIT
#include "report/sarif_renderer.hpp"

#include "diag/rules.hpp"
#include "report/fingerprint.hpp"
#include "report/json_renderer.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fmkit {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json";
constexpr std::string_view k_root_id = "SRCROOT";

std::string_view level(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

ordered_json rule_json(const RuleInfo& rule) {
  return ordered_json{
      {"id", rule.id},
      {"shortDescription", {{"text", rule.summary}}},
      {"fullDescription", {{"text", rule.help}}},
      {"help", {{"text", rule.help}}},
      {"helpUri", rule_help_uri(rule)},
      {"defaultConfiguration", {{"level", level(rule.severity)}}},
      {"properties",
       {{"precision", "very-high"},
        {"problem.severity", level(rule.severity)}}},
  };
}

// The region of `span`; std::nullopt when it has no position. The end is
// left out when it does not follow the start.
std::optional<ordered_json> region_json(const SourceSpan& span) {
  if (!span.valid()) return std::nullopt;
  ordered_json region{{"startLine", span.begin.line},
                      {"startColumn", span.begin.column}};
  const SourcePos& end = span.end;
  bool ordered =
      end.valid() &&
      (end.line > span.begin.line ||
       (end.line == span.begin.line && end.column >= span.begin.column));
  if (ordered) {
    region["endLine"] = end.line;
    region["endColumn"] = end.column;
  }
  return region;
}

class SarifRenderer final : public Renderer {
 public:
  SarifRenderer(std::ostream& out, const SarifOptions& options)
      : m_out(out), m_options(options) {}

  void begin(size_t) override {
    m_out << "{\n  \"$schema\": " << json_quote(k_schema)
          << ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
          << "      \"tool\": {\n        \"driver\": {\n"
          << "          \"name\": \"fmkit\",\n"
          << "          \"version\": " << json_quote(m_options.tool_version)
          << ",\n          \"semanticVersion\": "
          << json_quote(m_options.tool_version)
          << ",\n          \"informationUri\": " << json_quote(k_fmkit_home)
          << ",\n          \"rules\": [";
    bool first = true;
    for (const RuleInfo& rule : rule_catalog()) {
      m_out << (first ? "\n            " : ",\n            ")
            << format_json_inline(rule_json(rule));
      first = false;
    }
    ordered_json root{{k_root_id, {{"uri", root_uri()}}}};
    m_out << "\n          ]\n        }\n      },\n"
          << "      \"originalUriBaseIds\": " << format_json_inline(root)
          << ",\n      \"columnKind\": \"unicodeCodePoints\",\n"
          << "      \"results\": [";
  }

  void file(const FileReport& report, const FileContext&) override {
    if (report.diagnostics.empty()) return;
    std::string path = m_options.paths.repository_path(report.path);
    std::vector<std::string> prints = fingerprints(path, report.diagnostics);
    for (size_t i = 0; i < report.diagnostics.size(); ++i) {
      const Diagnostic& d = report.diagnostics[i];
      ordered_json result = rule_reference(d.rule, "ruleId", "ruleIndex");
      result["level"] = level(d.severity);
      result["message"] = {{"text", d.message}};
      result["locations"] = ordered_json::array({location(report.path, d)});
      result["partialFingerprints"] = {{"fmkit/v1", prints[i]},
                                       {"primaryLocationLineHash", prints[i]}};
      result["properties"] = {{"pointer", d.pointer}};
      m_out << (m_any ? ",\n        " : "\n        ")
            << format_json_inline(result);
      m_any = true;
    }
  }

  void end(const RunEnd& run) override {
    m_out << (m_any ? "\n      ],\n" : "],\n");
    m_out << "      \"invocations\": [\n        {\n"
          << "          \"executionSuccessful\": "
          << (run.exit_code == 2 ? "false" : "true") << ",\n"
          << "          \"exitCode\": " << run.exit_code << ",\n"
          << "          \"toolExecutionNotifications\": [";
    bool first = true;
    for (const FileReport& problem : run.problems) {
      for (const Diagnostic& d : problem.diagnostics) {
        ordered_json note{{"level", level(d.severity)},
                          {"message", {{"text", d.message}}},
                          {"locations", {location(problem.path, d)}}};
        ordered_json rule = rule_reference(d.rule, "id", "index");
        note["associatedRule"] = rule;
        m_out << (first ? "\n            " : ",\n            ")
              << format_json_inline(note);
        first = false;
      }
    }
    m_out << (first ? "]\n" : "\n          ]\n")
          << "        }\n      ]\n    }\n  ]\n}\n";
  }

 private:
  // The root's file: URI, ending in '/' as a base URI must.
  std::string root_uri() const {
    std::string root = m_options.paths.absolute(
        m_options.paths.root.lexically_normal().generic_string());
    if (!root.ends_with('/')) root += '/';
    return file_uri(root);
  }

  // {id_key: rule, index_key: its index in the catalog}; the index is left
  // out for a rule the catalog lacks (the rules test keeps that from
  // happening).
  static ordered_json rule_reference(const std::string& rule,
                                     std::string_view id_key,
                                     std::string_view index_key) {
    ordered_json out{{id_key, rule}};
    if (std::optional<size_t> index = find_rule(rule)) out[index_key] = *index;
    return out;
  }

  ordered_json location(std::string_view shown, const Diagnostic& d) const {
    ordered_json artifact;
    if (std::optional<std::string> path = m_options.paths.under_root(shown)) {
      artifact = {{"uri", percent_encode_path(*path)},
                  {"uriBaseId", k_root_id}};
    } else {
      artifact = {{"uri", file_uri(m_options.paths.absolute(shown))}};
    }
    ordered_json physical{{"artifactLocation", std::move(artifact)}};
    if (std::optional<ordered_json> region = region_json(d.span)) {
      physical["region"] = std::move(*region);
    }
    return ordered_json{{"physicalLocation", std::move(physical)}};
  }

  std::ostream& m_out;
  SarifOptions m_options;
  bool m_any = false;
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer(std::ostream& out,
                                              const SarifOptions& options) {
  return std::make_unique<SarifRenderer>(out, options);
}

}  // namespace fmkit
