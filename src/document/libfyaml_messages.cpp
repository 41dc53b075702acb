// SPDX-License-Identifier: MIT
#include "document/libfyaml_messages.hpp"

#include "base/utf8.hpp"
#include "document/yaml_to_json.hpp"  // quoted_for_message()

#include <algorithm>
#include <iterator>

namespace fmkit {

namespace {

constexpr size_t npos = std::string_view::npos;

// Turns a libfyaml message into our style: lower-case start, no final
// period.
std::string tidy_message(std::string_view message) {
  while (!message.empty() && (message.back() == '.' || message.back() == ' ' ||
                              message.back() == '\n')) {
    message.remove_suffix(1);
  }
  std::string out(message);
  if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' &&
      !(out[1] >= 'A' && out[1] <= 'Z')) {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  if (out.empty()) out = "invalid YAML";
  return out;
}

// Lines of the YAML slice, by offset.
struct Text {
  const YamlErrorContext& c;

  size_t line_start(size_t at) const {
    at = std::min(at, c.end);
    size_t nl = at == 0 ? npos : c.text.rfind('\n', at - 1);
    return nl == npos || nl < c.begin ? c.begin : nl + 1;
  }
  size_t line_end(size_t at) const {
    size_t nl = c.text.find('\n', at);
    size_t e = nl == npos || nl > c.end ? c.end : nl;
    return e > at && c.text[e - 1] == '\r' ? e - 1 : e;
  }
  size_t first_non_blank(size_t line) const {
    while (line < c.end && is_blank(c.text[line])) ++line;
    return line;
  }
  std::string_view slice(size_t b, size_t e) const {
    return c.text.substr(b, e - b);
  }
  // The plain text from `at` to the end of its line, before a " #" comment,
  // without trailing blanks.
  std::string_view rest_of_line(size_t at) const {
    std::string_view s = slice(at, line_end(at));
    if (size_t hash = s.find(" #"); hash != npos) s = s.substr(0, hash);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
  }
  // The key of the line holding `at`: its text up to the first ':'.
  std::string_view key_of_line(size_t at) const {
    size_t b = first_non_blank(line_start(at));
    std::string_view s = slice(b, line_end(b));
    if (s.starts_with("- ")) s.remove_prefix(2);
    return s.substr(0, std::min(s.find(':'), s.size()));
  }
  // Where a ':' is followed by something other than a blank on the line of
  // `at` ("other:value"), when the line has no ": " at all; else npos.
  size_t colon_without_space(size_t at) const {
    size_t b = line_start(at);
    // Without its comment: a ':' in "c # d:x" is no key's.
    std::string_view s = rest_of_line(b);
    if (s.find(": ") != npos || s.find(":\t") != npos) return npos;
    size_t colon = s.find(':');
    return colon == npos || colon + 1 >= s.size() ? npos : b + colon;
  }
};

// A CR not followed by LF on the line of `at`, before it: YAML ends a line
// there, where the file's other lines end with LF, so whatever error
// libfyaml meets after it is the CR's. Returns npos when there is none.
size_t lone_carriage_return(const Text& t, size_t at) {
  for (size_t i = t.line_start(at); i < at && i < t.c.end; ++i) {
    if (t.c.text[i] == '\r' && (i + 1 >= t.c.end || t.c.text[i + 1] != '\n')) {
      return i;
    }
  }
  return npos;
}

using Explainer = bool (*)(const Text& t, const LibfyamlError& e,
                           ExplainedError& out);

bool unclosed_quote(const Text& t, const LibfyamlError& e,
                    ExplainedError& out) {
  // libfyaml reports it just past the opening quote.
  size_t quote = e.begin;
  if (quote > t.c.begin &&
      (t.c.text[quote - 1] == '"' || t.c.text[quote - 1] == '\'')) {
    --quote;
  }
  out = {"the string opened here is never closed", quote, quote + 1};
  return true;
}

bool trailing_content(const Text& t, const LibfyamlError& e,
                      ExplainedError& out) {
  const bool double_quoted = e.message.find("double") != npos;
  out = {double_quoted
             ? "text after the string's closing '\"'; inside double quotes "
               "write a quote as \\\""
             : "text after the string's closing \"'\"; inside single quotes "
               "write a quote as ''",
         e.begin, t.line_end(e.begin)};
  (void)t;
  return true;
}

bool colon_in_value(const Text& t, const LibfyamlError& e,
                    ExplainedError& out) {
  // The value starts after the first ": " of the line.
  size_t line = t.line_start(e.begin);
  std::string_view s = t.slice(line, e.begin);
  size_t sep = s.find(": ");
  if (sep == npos) return false;
  size_t value = t.first_non_blank(line + sep + 2);
  std::string_view v = t.rest_of_line(value);
  out = {"the value " + quoted_for_message(v) +
             " contains ': ', which starts a nested mapping; quote the "
             "value: " +
             quoted_for_message(v),
         e.begin, e.begin + 1};
  return true;
}

bool multiline_key(const Text& t, const LibfyamlError& e, ExplainedError& out) {
  if (size_t colon = t.colon_without_space(e.begin); colon != npos) {
    std::string_view line =
        t.rest_of_line(t.first_non_blank(t.line_start(colon)));
    std::string fixed(line);
    fixed.insert(colon - t.first_non_blank(t.line_start(colon)) + 1, " ");
    out = {"missing space after ':' in " + quoted_for_message(line) +
               "; write " + quoted_for_message(fixed),
           colon, colon + 1};
    return true;
  }
  // A key on a later line, indented more than the key above it.
  size_t last = t.first_non_blank(t.line_start(std::max(e.end, e.begin)));
  if (t.line_start(last) == t.line_start(e.begin)) return false;
  std::string_view key = t.key_of_line(last);
  std::string_view above = t.key_of_line(e.begin);
  out = {quoted_for_message(key) + " is indented more than " +
             quoted_for_message(above) + " above it; align it with " +
             quoted_for_message(above) + ", or remove the value after " +
             quoted_for_message(above) + " to nest it there",
         last, last + key.size()};
  return true;
}

bool bad_indentation(const Text& t, const LibfyamlError& e,
                     ExplainedError& out) {
  size_t key = t.first_non_blank(t.line_start(e.begin));
  std::string_view name = t.key_of_line(key);
  out = {quoted_for_message(name) + " is indented to column " +
             std::to_string(count_code_points(t.slice(t.line_start(key), key)) +
                            1) +
             ", like no key above it; indent it like the keys it belongs "
             "with",
         key, key + name.size()};
  return true;
}

bool value_after_mapping(const Text& t, const LibfyamlError& e,
                         ExplainedError& out) {
  if (size_t colon = t.colon_without_space(e.begin); colon != npos) {
    return multiline_key(t, e, out);
  }
  size_t b = t.first_non_blank(t.line_start(e.begin));
  std::string_view line = t.rest_of_line(b);
  if (b != e.begin || line.find(':') != npos) return false;
  out = {quoted_for_message(line) +
             " is neither a 'key: value' entry nor a '- ' list item",
         b, b + line.size()};
  return true;
}

bool list_in_mapping(const Text& t, const LibfyamlError& e,
                     ExplainedError& out) {
  if (e.begin >= t.c.end || t.c.text[e.begin] != '-') return false;
  out = {
      "a list item where a key was expected: a mapping's keys and list "
      "items cannot share one level; put the list under a key",
      e.begin, e.begin + 1};
  return true;
}

bool mapping_in_list(const Text& t, const LibfyamlError& e,
                     ExplainedError& out) {
  std::string_view key = t.key_of_line(e.begin);
  out = {quoted_for_message(key) +
             " is at the level of the list items above it but is not one: a "
             "list and a mapping cannot share one level; start it with '- ' "
             "or indent it like the keys it belongs with",
         e.begin, e.begin + key.size()};
  return true;
}

bool unclosed_flow(const Text& t, const LibfyamlError& e, ExplainedError& out) {
  const size_t open = t.c.open_bracket;
  if (open == npos || open >= t.c.end) return false;
  const bool list = t.c.text[open] == '[';
  // libfyaml notices only at a later line that starts no further left than
  // the bracket's own line: the next key of the enclosing mapping.
  const size_t open_line = t.line_start(open);
  const size_t line = t.line_start(e.begin);
  const bool never_closed =
      e.message.find("without a closing") != npos ||
      (line != open_line && t.first_non_blank(line) - line <=
                                t.first_non_blank(open_line) - open_line);
  if (never_closed) {
    out = {list ? "the list opened here with '[' is never closed; end it "
                  "with ']'"
                : "the mapping opened here with '{' is never closed; end it "
                  "with '}'",
           open, open + 1};
  } else {
    out = {list ? "missing ',' between two items of this '[...]' list"
                : "missing ',' between two entries of this '{...}' mapping",
           e.begin, e.begin + 1};
  }
  return true;
}

bool stray_closing(const Text& t, const LibfyamlError& e, ExplainedError& out) {
  const bool bracket = e.begin < t.c.end && t.c.text[e.begin] == ']';
  out = {bracket ? "']' closes no '['; remove it, or quote the value if it "
                   "is text"
                 : "'}' closes no '{'; remove it, or quote the value if it "
                   "is text",
         e.begin, e.begin + 1};
  return true;
}

bool list_on_key_line(const Text& t, const LibfyamlError& e,
                      ExplainedError& out) {
  out = {
      "a list cannot start on the line of its key; put each '- ' item on "
      "a line of its own below the key, or quote the value if it is text",
      e.begin, e.begin + 1};
  (void)t;
  return true;
}

bool reserved_start(const Text& t, const LibfyamlError& e,
                    ExplainedError& out) {
  std::string_view v = t.rest_of_line(e.begin);
  if (v.empty()) return false;
  out = {"a plain value cannot start with '" + std::string(1, v[0]) +
             "' (reserved in YAML); quote it: " + quoted_for_message(v),
         e.begin, e.begin + 1};
  return true;
}

bool empty_alias(const Text& t, const LibfyamlError& e, ExplainedError& out) {
  const bool alias = e.message.find("alias") != npos;
  size_t at = e.begin > t.c.begin ? e.begin - 1 : e.begin;
  out = {alias ? "'*' starts an alias, which needs a name (*name); quote the "
                 "value if it is text"
               : "'&' starts an anchor, which needs a name (&name); quote "
                 "the value if it is text",
         at, at + 1};
  return true;
}

// libfyaml words tab indentation four ways (one misspelt); say it one
// clear way, at the first tab of the line's indentation.
bool tab_indentation(const Text& t, const LibfyamlError& e,
                     ExplainedError& out) {
  if (e.message.find("ndent") == npos && e.message.find("ndendation") == npos) {
    return false;
  }
  out = {"tab character used as indentation; indent with spaces", e.begin,
         e.end};
  for (size_t i = t.line_start(e.begin); i < t.c.end && is_blank(t.c.text[i]);
       ++i) {
    if (t.c.text[i] == '\t') {
      out.begin = i;
      out.end = i + 1;
      break;
    }
  }
  return true;
}

struct Entry {
  std::string_view contains;
  Explainer explain;
};

// Checked in order: the first entry whose text the message contains and
// whose explainer accepts the error wins.
constexpr Entry k_table[] = {
    {"scalar without closing quote", unclosed_quote},
    {"invalid trailing content after", trailing_content},
    {"invalid nested block mapping on the same line", colon_in_value},
    {"invalid multiline plain key", multiline_key},
    {"invalid indentation in mapping", bad_indentation},
    {"invalid value after mapping", value_after_mapping},
    {"did not find expected key", list_in_mapping},
    {"invalid scalar at the end of block sequence", mapping_in_list},
    {"without a closing", unclosed_flow},
    {"missing comma in flow", unclosed_flow},
    {"with invalid extra closing", stray_closing},
    {"block sequence on the same line as a mapping key", list_on_key_line},
    {"plain scalar cannot start with", reserved_start},
    {"invalid alias detected", empty_alias},
    {"invalid anchor detected", empty_alias},
    {"tab", tab_indentation},
};

}  // namespace

ExplainedError explain_libfyaml_error(const LibfyamlError& error,
                                      const YamlErrorContext& context) {
  const Text t{context};
  ExplainedError out{tidy_message(error.message), error.begin, error.end};
  if (size_t cr = lone_carriage_return(t, error.begin); cr != npos) {
    return {
        "a lone carriage return (CR) in the middle of a line, which YAML "
        "reads as a line break; remove it, or end the lines with LF or "
        "CRLF",
        cr, cr + 1};
  }
  for (const Entry& entry : k_table) {
    if (error.message.find(entry.contains) == npos) continue;
    ExplainedError explained;
    if (entry.explain(t, error, explained)) {
      out = std::move(explained);
      break;
    }
  }
  // A multi-line place is shown by its first line only; an empty one gets
  // one character, so that renderers can underline it.
  out.end = std::clamp(out.end, out.begin, t.line_end(out.begin));
  if (out.end == out.begin && out.begin < context.end &&
      context.text[out.begin] != '\n' && context.text[out.begin] != '\r') {
    out.end = next_code_point(context.text.substr(0, context.end), out.begin);
  }
  return out;
}

}  // namespace fmkit
