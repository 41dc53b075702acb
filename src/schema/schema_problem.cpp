// SPDX-License-Identifier: MIT
#include "schema/schema_problem.hpp"

#include "base/source_span.hpp"
#include "document/json_reader.hpp"
#include "document/yaml_to_json.hpp"

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

// The file's text read as YAML, for positions only; std::nullopt when it
// does not read as YAML.
std::optional<YamlDocument> read_positions(const std::string& text,
                                           const LineIndex& lines) {
  YamlOptions options;
  // A schema may be large and deep; this read only looks for a position.
  options.max_bytes = text.size() + 1;
  options.max_nodes = std::max<size_t>(options.max_nodes, text.size());
  options.max_depth = 4096;
  options.max_expanded_bytes =
      std::max(options.max_expanded_bytes, text.size() * 2);
  options.keys = MappingKeys::lenient;
  std::vector<Diagnostic> ignored;
  return parse_yaml_document(text, 0, text.size(), lines, options, ignored);
}

// The span of `pointer` in `document`, or of its nearest ancestor the
// reader placed; an invalid span when there is no document.
SourceSpan find_span(const std::optional<YamlDocument>& document,
                     const LineIndex& lines, std::string pointer,
                     ProblemAt at) {
  if (!document) return {};
  while (true) {
    if (const NodeInfo* node = document->positions.find(pointer)) {
      if (at == ProblemAt::key && node->has_key &&
          node->key_begin != NodeInfo::k_none) {
        return lines.span(node->key_begin, node->key_end);
      }
      return lines.span(node->value_begin, node->value_end);
    }
    if (pointer.empty()) return {};
    pointer.erase(pointer.rfind('/'));
  }
}

}  // namespace

Problems to_problems(const SchemaProblem& problem) {
  return to_problems(std::vector<SchemaProblem>{problem});
}

Problems to_problems(const std::vector<SchemaProblem>& problems) {
  // One report per file; its text is read for positions once. A deque, so
  // that a report's text stays where its LineIndex points.
  struct Placed {
    FileReport report;
    std::unique_ptr<LineIndex> lines;
    std::optional<YamlDocument> document;
  };
  std::deque<Placed> files;
  for (const SchemaProblem& problem : problems) {
    auto same = std::find_if(files.begin(), files.end(), [&](const Placed& p) {
      return p.report.path == problem.shown;
    });
    if (same == files.end()) {
      files.emplace_back();
      same = files.end() - 1;
      same->report.path = problem.shown;
    }
    Diagnostic d;
    d.severity = problem.severity;
    d.rule = problem.rule;
    d.message = problem.message;
    if (problem.at != ProblemAt::file && !problem.text.empty()) {
      if (!same->lines) {
        same->report.text = problem.text;
        same->lines = std::make_unique<LineIndex>(same->report.text);
        same->document = read_positions(same->report.text, *same->lines);
      }
      d.pointer = problem.pointer;
      const LineIndex& lines = *same->lines;
      const std::string& text = same->report.text;
      if (problem.at == ProblemAt::byte) {
        size_t begin = std::min(problem.offset, text.size());
        d.span = lines.span(begin, std::min(begin + 1, text.size()));
      } else {
        d.span = find_span(same->document, lines, problem.pointer, problem.at);
      }
    }
    same->report.diagnostics.push_back(std::move(d));
  }
  Problems out;
  for (Placed& placed : files) {
    sort_diagnostics(placed.report.diagnostics);
    out.push_back(std::move(placed.report));
  }
  return out;
}

SchemaProblem json_problem(const nlohmann::json::parse_error& error,
                           std::string shown, std::string text) {
  SchemaProblem problem;
  problem.rule = "schema-file.json";
  problem.shown = std::move(shown);
  problem.at = ProblemAt::byte;
  // Worded by fmkit's JSON reader, as for JSON front matter.
  if (std::optional<JsonError> found = find_json_error(text)) {
    problem.offset = found->offset;
    problem.message = std::move(found->message);
  } else {
    // nlohmann refused what fmkit reads (not seen): its own words.
    problem.offset =
        error.byte > 0 ? std::min<size_t>(error.byte - 1, text.size()) : 0;
    problem.message = std::string("invalid JSON: ") + error.what();
  }
  problem.text = std::move(text);
  return problem;
}

}  // namespace fmkit
