// SPDX-License-Identifier: MIT
#include "document/document.hpp"

#include "document/json_reader.hpp"
#include "document/toml_to_json.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace fmkit {

namespace {

void add_error(std::vector<Diagnostic>& diagnostics, std::string rule,
               std::string message, SourceSpan span) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.span = span;
  diagnostics.push_back(std::move(d));
}

std::string_view json_kind(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::array:
      return "a sequence";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return "a number";
    default:
      return "a scalar";
  }
}

// A directive ("%YAML 1.2", "%TAG ...") must be followed by a "---" line,
// and in front matter that line ends the block: every site generator's
// reader rejects the text (libfyaml even takes "%TAG" without one).
// Reports the first directive line before any content, at its name;
// returns whether there was one.
bool add_directive_error(std::string_view text, const FrontMatter& fm,
                         const LineIndex& lines,
                         std::vector<Diagnostic>& diagnostics) {
  constexpr size_t npos = std::string_view::npos;
  for (size_t line = fm.yaml_begin; line < fm.yaml_end;) {
    const size_t end = std::min(text.find('\n', line), fm.yaml_end);
    const std::string_view s = text.substr(line, end - line);
    const size_t first = s.find_first_not_of(" \t\r");
    if (first != npos && s[first] != '#') {
      if (first != 0 || s[0] != '%') return false;  // content
      const size_t name = std::min(s.find_first_of(" \t\r"), s.size());
      add_error(diagnostics, "yaml.syntax",
                quoted_for_message(s.substr(0, name)) +
                    " is a YAML directive, which front matter cannot hold: it "
                    "needs a '---' line after it, and that line ends the "
                    "front matter; remove it",
                lines.span(line, line + name));
      return true;
    }
    line = end + 1;
  }
  return false;
}

// The one dispatch from a front matter's dialect to its reader: each reader
// gives the same value model and PositionMap, in file coordinates.
std::optional<YamlDocument> parse_front_matter(
    std::string_view text, const FrontMatter& fm, const LineIndex& lines,
    const YamlOptions& options, std::vector<Diagnostic>& diagnostics) {
  switch (fm.dialect) {
    case Dialect::yaml:
      if (add_directive_error(text, fm, lines, diagnostics)) return {};
      return parse_yaml_document(text, fm.yaml_begin, fm.yaml_end, lines,
                                 options, diagnostics);
    case Dialect::json:
      return parse_json_document(text, fm.yaml_begin, fm.yaml_end, lines,
                                 options, diagnostics);
    case Dialect::toml:
      return parse_toml_document(text, fm.yaml_begin, fm.yaml_end, lines,
                                 options, diagnostics);
    case Dialect::other:
      break;
  }
  std::string_view tag = text.substr(fm.tag_begin, fm.tag_end - fm.tag_begin);
  add_error(diagnostics, "front-matter.language",
            "fmkit cannot read front matter written in '" + std::string(tag) +
                "' (it reads yaml, json and toml)",
            lines.span(fm.tag_begin, fm.tag_end));
  return std::nullopt;
}

// Whether `text` starts with blank lines, then a "---" line.
bool blank_lines_then_dashes(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && first > 0 &&
         text.find('\n') < first && text.substr(first).starts_with("---");
}

// Says why a file has no front matter when the cause is not plain to see:
// it is empty, its lines end in a lone CR (classic Mac OS: the generators
// find no "---" line), a second BOM or a blank line comes before "---".
// The place is the cause, else the whole first line.
void add_missing_error(std::string_view text, const FrontMatter& fm,
                       const LineIndex& lines,
                       std::vector<Diagnostic>& diagnostics) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  const size_t begin = fm.bom ? bom.size() : 0;
  const std::string_view rest = text.substr(begin);
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  std::string why = "the file must start with a '---' line";
  SourceSpan span = lines.span(begin, end);
  if (rest.empty()) {
    why = "the file is empty";
  } else if ((rest.starts_with("---\r") || rest.starts_with("+++\r")) &&
             !rest.substr(3).starts_with("\r\n")) {
    why =
        "its lines end in a lone carriage return (CR); site generators "
        "find the '" +
        std::string(rest.substr(0, 3)) +
        "' line only when lines end in LF or CRLF";
    span = lines.span(begin + 3, begin + 4);
  } else if (rest.starts_with(bom)) {
    why =
        "a second byte-order mark (U+FEFF) comes before the '---' line; "
        "remove it";
    span = lines.span(begin, begin + bom.size());
  } else if (blank_lines_then_dashes(rest)) {
    why = "the file must start with a '---' line, not with a blank line";
  }
  add_error(diagnostics, "front-matter.missing", "no front matter: " + why,
            span);
}

// A reader may stop reading past the size limit (see run/file_reader.hpp):
// then the closing line may lie beyond what was read, and the message must
// hold either way.
void add_unclosed_error(const FrontMatter& fm, const LineIndex& lines,
                        const DocumentOptions& options,
                        std::vector<Diagnostic>& diagnostics) {
  const bool json = fm.dialect == Dialect::json && fm.open_end == fm.open_begin;
  const bool plus = fm.dialect == Dialect::toml && fm.tag_begin == fm.tag_end;
  std::string what = json   ? "no '}' matches this '{'"
                     : plus ? "no '+++' line follows this '+++'"
                            : "no '---' or '...' line follows this '---'";
  std::string message =
      fm.yaml_end - fm.yaml_begin > options.yaml.max_bytes
          ? "front matter is not closed within the size limit of " +
                std::to_string(options.yaml.max_bytes) + " bytes: " + what
          : "front matter is not closed: " + what;
  add_error(diagnostics, "front-matter.unclosed", std::move(message),
            lines.span(fm.open_begin, fm.open_begin + (json ? 1 : 3)));
}

}  // namespace

SourceSpan missing_root_key_span(const Document& document,
                                 const LineIndex& lines) {
  const FrontMatter& fm = document.front_matter;
  if (fm.status != FrontMatterStatus::ok) return {};
  const NodeInfo* root = document.positions.find("");
  if (fm.dialect == Dialect::json && root != nullptr &&
      root->value_end > root->value_begin) {
    return lines.span(root->value_end - 1, root->value_end);
  }
  return lines.span(fm.close_begin, fm.close_end);
}

Document read_document(std::string_view text, const LineIndex& lines,
                       const DocumentOptions& options,
                       std::vector<Diagnostic>& diagnostics) {
  Document document;
  document.front_matter = split_front_matter(text);
  const FrontMatter& fm = document.front_matter;

  switch (fm.status) {
    case FrontMatterStatus::missing:
      if (options.require_front_matter == RequireFrontMatter::yes) {
        add_missing_error(text, fm, lines, diagnostics);
      }
      return document;
    case FrontMatterStatus::unclosed:
      add_unclosed_error(fm, lines, options, diagnostics);
      return document;
    case FrontMatterStatus::ok:
      break;
  }

  std::optional<YamlDocument> yaml =
      parse_front_matter(text, fm, lines, options.yaml, diagnostics);
  if (!yaml) return document;

  document.positions = std::move(yaml->positions);
  if (yaml->value.is_null()) {
    // Empty front matter (or only comments, or a bare `null`): an empty
    // mapping. Its root sits where the first key would go.
    NodeInfo root;
    root.kind = NodeKind::mapping;
    root.value_begin = root.value_end = fm.yaml_begin;
    document.positions.insert("", root);
    document.usable = true;
    return document;
  }
  if (!yaml->value.is_object()) {
    const NodeInfo* root = document.positions.find("");
    SourceSpan span = root ? lines.span(root->value_begin, root->value_end)
                           : lines.span(fm.yaml_begin, fm.yaml_begin);
    add_error(diagnostics, "front-matter.not-mapping",
              "front matter must be a mapping of keys to values, not " +
                  std::string(json_kind(yaml->value)),
              span);
    return document;
  }
  document.data = std::move(yaml->value);
  document.usable = true;
  return document;
}

}  // namespace fmkit
