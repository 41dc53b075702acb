// SPDX-License-Identifier: MIT
//
// The entry points: checks that the text may be parsed at all (size,
// characters), then runs the Converter (document/yaml_converter.hpp). A
// front matter document is parsed strictly first; only when libfyaml stops
// at a flow collection or quoted string indented no more than its block
// parent, which every site generator's reader accepts, is it parsed again
// with sloppy flow indentation, with a yaml.indentation warning at each such
// line. So a clean file is parsed once. Streams (conformance tests, tools)
// are read strictly.
#include "document/yaml_to_json.hpp"

#include "base/describe.hpp"
#include "document/yaml_characters.hpp"
#include "document/yaml_converter.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace fmkit {

namespace {

using detail::Converter;
using detail::FlowIndentation;
using detail::Mode;

// Checks what must hold before libfyaml sees the text: its size and its
// characters (yaml_characters.hpp).
// The offsets of its line separators go to `line_separators` (see
// Converter::set_quoted_only).
bool may_parse(std::string_view text, size_t begin, size_t end,
               const LineIndex& lines, const YamlOptions& options,
               std::vector<Diagnostic>& diagnostics,
               std::vector<size_t>& line_separators) {
  if (!check_text_size("yaml", begin, end, options.max_bytes, lines,
                       diagnostics)) {
    return false;
  }
  return check_yaml_characters(text, begin, end, lines, diagnostics,
                               CharacterSyntax::yaml, &line_separators);
}

// Appends the offset of each '%' that starts a line and is not a directive
// (those stand only before a document: at the start, or after "...").
void add_percent_lines(std::string_view text, size_t begin, size_t end,
                       std::vector<size_t>& quoted_only) {
  bool prologue = true;
  for (size_t at = begin; at < end;) {
    const char c = text[at];
    if (c == '%' && !prologue) quoted_only.push_back(at);
    if (text.substr(at, 3) == "...") {
      prologue = true;
    } else if (c != '%' && c != '#' && c != '\n' && c != '\r') {
      prologue = false;
    }
    const size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) break;
    at = newline + 1;
  }
  std::sort(quoted_only.begin(), quoted_only.end());
}

YamlDocument take_document(YamlDocument&& document, Converter& converter) {
  std::vector<nlohmann::json>& documents = converter.documents();
  if (!documents.empty()) document.value = std::move(documents.front());
  return std::move(document);
}

// After a strict parse failed on flow indentation: parses again the way
// site generators read it. Returns the document, or std::nullopt with the
// sloppy parse's errors (which then name the real cause, such as a string
// never closed) appended to `diagnostics`.
std::optional<YamlDocument> parse_sloppily(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, size_t strict_error,
    std::vector<size_t> quoted_only, std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> found;
  YamlDocument document;
  Converter converter(text, begin, end, lines, options, Mode::document,
                      FlowIndentation::sloppy, found, &document.positions);
  converter.set_quoted_only(std::move(quoted_only));
  const bool ok = converter.run();
  const bool warned = std::any_of(
      found.begin(), found.end(),
      [](const Diagnostic& d) { return d.rule == "yaml.indentation"; });
  if (ok && !warned) {
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = "yaml.indentation";
    d.message =
        "this line is not indented past the block it belongs to; strict "
        "YAML readers reject this: indent it more";
    d.span = lines.span(strict_error, strict_error + 1);
    diagnostics.push_back(std::move(d));
  }
  std::move(found.begin(), found.end(), std::back_inserter(diagnostics));
  if (!ok) return std::nullopt;
  return take_document(std::move(document), converter);
}

}  // namespace

std::optional<YamlDocument> parse_yaml_document(
    std::string_view text, size_t begin, size_t end, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  std::vector<size_t> quoted_only;
  if (!may_parse(text, begin, end, lines, options, diagnostics, quoted_only)) {
    return std::nullopt;
  }
  add_percent_lines(text, begin, end, quoted_only);
  const size_t before = diagnostics.size();
  YamlDocument document;
  Converter strict(text, begin, end, lines, options, Mode::document,
                   FlowIndentation::strict, diagnostics, &document.positions);
  strict.set_quoted_only(quoted_only);
  if (strict.run()) return take_document(std::move(document), strict);
  if (!strict.failed_on_flow_indentation()) return std::nullopt;
  // Drop what the strict parse found: the sloppy one reads it all again.
  diagnostics.erase(diagnostics.begin() + static_cast<ptrdiff_t>(before),
                    diagnostics.end());
  return parse_sloppily(text, begin, end, lines, options, strict.strict_error(),
                        std::move(quoted_only), diagnostics);
}

std::optional<std::vector<nlohmann::json>> parse_yaml_stream(
    std::string_view text, const YamlOptions& options,
    std::vector<Diagnostic>& diagnostics) {
  LineIndex lines(text);
  std::vector<size_t> line_separators;  // YAML 1.2: ordinary characters
  if (!may_parse(text, 0, text.size(), lines, options, diagnostics,
                 line_separators)) {
    return std::nullopt;
  }
  // Positions are not returned, but duplicate keys name the first one's.
  PositionMap positions;
  Converter converter(text, 0, text.size(), lines, options, Mode::stream,
                      FlowIndentation::strict, diagnostics, &positions);
  if (!converter.run()) return std::nullopt;
  return std::move(converter.documents());
}

std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string quoted_for_message(std::string_view s) {
  return single_quoted(shorten(s));
}

}  // namespace fmkit
