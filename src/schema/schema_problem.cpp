// SPDX-License-Identifier: MIT
#include "schema/schema_problem.hpp"

#include "base/source_span.hpp"
#include "document/yaml_to_json.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

// The span of `pointer` in `text`, or of its nearest ancestor the reader
// placed; an invalid span when the text does not read as YAML.
SourceSpan find_span(const std::string& text, const LineIndex& lines,
                     std::string pointer, ProblemAt at) {
  YamlOptions options;
  // A schema may be large and deep; this read only looks for a position.
  options.max_bytes = text.size() + 1;
  options.max_nodes = std::max<size_t>(options.max_nodes, text.size());
  options.max_depth = 4096;
  options.max_expanded_bytes =
      std::max(options.max_expanded_bytes, text.size() * 2);
  options.keys = MappingKeys::lenient;
  std::vector<Diagnostic> ignored;
  auto document =
      parse_yaml_document(text, 0, text.size(), lines, options, ignored);
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

// The byte before `offset` that is not white space, or npos.
size_t previous_token(std::string_view text, size_t offset) {
  while (offset > 0) {
    char c = text[--offset];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return offset;
  }
  return std::string_view::npos;
}

}  // namespace

Problems to_problems(const SchemaProblem& problem) {
  const std::string& shown = problem.shown;
  if (problem.at == ProblemAt::file || problem.text.empty()) {
    return problem_at_file(shown, problem.rule, problem.message);
  }
  LineIndex lines(problem.text);
  Diagnostic d;
  d.rule = problem.rule;
  d.message = problem.message;
  d.pointer = problem.pointer;
  if (problem.at == ProblemAt::byte) {
    size_t begin = std::min(problem.offset, problem.text.size());
    d.span = lines.span(begin, std::min(begin + 1, problem.text.size()));
  } else {
    d.span = find_span(problem.text, lines, problem.pointer, problem.at);
  }
  Problems problems;
  problems.push_back(FileReport{shown, problem.text, {std::move(d)}});
  return problems;
}

SchemaProblem json_problem(const nlohmann::json::parse_error& error,
                           std::string shown, std::string text) {
  SchemaProblem problem;
  problem.rule = "schema-file.json";
  problem.shown = std::move(shown);
  problem.at = ProblemAt::byte;
  // `byte` counts from 1 and names the character that stopped the parser.
  problem.offset =
      error.byte > 0 ? std::min<size_t>(error.byte - 1, text.size()) : 0;
  std::string_view what = error.what();
  size_t colon = what.find(": ");
  std::string detail(colon == std::string_view::npos ? what
                                                     : what.substr(colon + 2));
  constexpr std::string_view k_prefix = "syntax error while parsing ";
  if (detail.starts_with(k_prefix)) detail.erase(0, k_prefix.size());
  char at = problem.offset < text.size() ? text[problem.offset] : '\0';
  size_t before = previous_token(text, problem.offset);
  if ((at == '}' || at == ']') && before != std::string::npos &&
      text[before] == ',') {
    problem.message = std::string("invalid JSON: trailing comma before '") +
                      at + "' (JSON allows none)";
    problem.offset = before;
  } else if (at == '/' ||
             (before != std::string::npos && text[before] == '/')) {
    problem.message = "invalid JSON: comments are not allowed in JSON";
  } else if (at == '\'') {
    problem.message = "invalid JSON: strings must be in double quotes";
  } else if (detail.find("invalid literal") != std::string::npos) {
    // The parser stops after the word; point at the word itself.
    size_t start = problem.offset;
    size_t end = problem.offset;
    auto is_word = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9') || c == '_';
    };
    while (start > 0 && is_word(text[start - 1])) --start;
    while (end < text.size() && is_word(text[end])) ++end;
    std::string word = text.substr(start, end - start);
    problem.offset = start;
    problem.message =
        word.empty()
            ? "invalid JSON: " + detail
            : "invalid JSON: '" + word +
                  "' is not a JSON value (strings need double quotes; the "
                  "literals are true, false and null)";
  } else if (problem.offset >= text.size() || error.byte > text.size()) {
    problem.message = "invalid JSON: the text ends early: " + detail;
  } else {
    problem.message = "invalid JSON: " + detail;
  }
  problem.text = std::move(text);
  return problem;
}

}  // namespace fmkit
