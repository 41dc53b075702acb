// SPDX-License-Identifier: MIT
//
// What the site generators' YAML readers do differently from fmkit, for the
// Converter. A tag that is not one of YAML's types makes PyYAML and js-yaml
// reject the file, while Jekyll and Hugo read the value untagged, as fmkit
// does: a warning (yaml.unknown-tag; an error in fmkit's own files). A
// plain "<<" key merges the mapping it names (or each of a list of them)
// into its mapping, for all of them and for fmkit: the mapping's own keys
// win, then the merged ones in order (YAML 1.1's merge key type); the
// merged keys have no positions (diagnostics point at their mapping). libyaml
// and its ports (Psych for Jekyll, go-yaml for Hugo, PyYAML for MkDocs) reject
// a key written as nothing (": v"), an implicit key over 1024 characters, and a
// line separator (U+2028, U+2029, NEL) outside quotes, which YAML 1.1 makes a
// line break: errors (yaml.syntax, yaml.control-character). An empty block
// scalar followed by a line at its collection's indentation, which libfyaml
// reads as the scalar's text while every other reader reads the next entry: an
// error (yaml.unsupported), never a misreading. Front matter only
// (Mode::document): the stream reader follows YAML 1.2.
#include "base/describe.hpp"
#include "base/utf8.hpp"
#include "document/yaml_converter.hpp"
#include "document/yaml_to_json.hpp"

#include <libfyaml.h>

#include <algorithm>

namespace fmkit::detail {

TagKind Converter::read_tag(fy_token* tag) {
  if (tag == nullptr) return TagKind::none;
  const std::string resolved = token_string(tag);
  if (m_flow_depth > 0 && m_mode == Mode::document) check_flow_tag(tag);
  if (m_mode == Mode::document && !in_key_context() &&
      !is_known_tag(resolved)) {
    const fy_mark* start = fy_token_start_mark(tag);
    const size_t begin = start ? offset(start) : m_last_end;
    const size_t end = std::max(begin, token_end(tag));
    const std::string shown =
        quoted_for_message(m_text.substr(begin, end - begin));
    if (m_options.own_file) {
      error("yaml.unknown-tag",
            "unknown tag " + shown +
                ": fmkit reads its own files as plain data and does not know "
                "this tag; remove it",
            begin, end);
    } else {
      report(Severity::warning, "yaml.unknown-tag",
             "unknown tag " + shown +
                 ": PyYAML (MkDocs) and js-yaml (Eleventy, Astro) reject the "
                 "file, Jekyll and Hugo read the value as if it had no tag, "
                 "and so does fmkit; remove the tag",
             begin, end);
    }
  }
  return classify_tag(resolved);
}

void Converter::check_flow_tag(fy_token* tag) {
  const fy_mark* start = fy_token_start_mark(tag);
  if (start == nullptr) return;
  const size_t begin = offset(start);
  const size_t end = std::max(begin, token_end(tag));
  const size_t comma = m_text.substr(begin, end - begin).find(',');
  if (comma == std::string_view::npos) return;
  error("yaml.syntax",
        "a tag ends at a ',' in a flow collection, for YAML and for Psych "
        "(Jekyll), while PyYAML rejects the file and fmkit's parser would read "
        "the tag " +
            quoted_for_message(m_text.substr(begin, end - begin)) +
            ": write a space after the tag",
        begin + comma, begin + comma + 1);
}

bool Converter::check_key(std::string_view key, ScalarStyle style, TagKind tag,
                          size_t begin, size_t end) {
  if (m_mode == Mode::document && !in_key_context() &&
      (end - begin > 1000 ||
       (m_flow_depth > 0 && m_text.substr(begin, end - begin).find('\n') !=
                                std::string_view::npos))) {
    check_implicit_key(style, begin, end);
  }
  if (m_mode == Mode::document && m_flow_depth == 0) {
    check_explicit_key(begin);
  }
  if (m_mode != Mode::document || in_key_context() ||
      style != ScalarStyle::plain || tag != TagKind::none) {
    return false;
  }
  if (key == "<<") return true;
  const size_t colon =
      key.empty() ? implicit_empty_key(begin) : std::string_view::npos;
  if (m_options.keys == MappingKeys::strict &&
      colon != std::string_view::npos) {
    // ": value", "{: value}": YAML 1.2 reads an empty key, PyYAML, Psych
    // and go-yaml reject the file, js-yaml reads a null key.
    error("yaml.syntax",
          "this ':' has no key before it, which the YAML readers of site "
          "generators reject: write the key, or '' for an empty one",
          colon, colon + 1);
  }
  return false;
}

size_t Converter::implicit_empty_key(size_t begin) const {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  size_t before = begin;
  while (before > m_begin && space(m_text[before - 1])) --before;
  if (before > m_begin && m_text[before - 1] == '?') {
    return std::string_view::npos;
  }
  size_t after = begin;
  while (after < m_end && (space(m_text[after]) || m_text[after] == ',')) {
    ++after;
  }
  return after < m_end && m_text[after] == ':' ? after : std::string_view::npos;
}

// Whether a line of the text holds only a '?' (and blanks, a comment).
bool Converter::has_lone_question() const {
  const std::string_view text = m_text.substr(0, m_end);
  for (size_t at = text.find('?', m_begin); at != std::string_view::npos;
       at = text.find('?', at + 1)) {
    size_t before = at;
    while (before > m_begin && is_blank(text[before - 1])) --before;
    if (before > m_begin && text[before - 1] != '\n') continue;
    size_t after = at + 1;
    while (after < m_end && (is_blank(text[after]) || text[after] == '\r')) {
      ++after;
    }
    if (after == m_end || text[after] == '\n' ||
        (text[after] == '#' && after > at + 1)) {
      return true;
    }
  }
  return false;
}

void Converter::check_explicit_key(size_t begin) {
  if (!m_lone_question) m_lone_question = has_lone_question();
  if (!*m_lone_question) return;
  // The line before the key's, comments and blank lines skipped: is it a
  // lone "?" ("? # note" then the key on the next line)?
  size_t line = begin;
  while (line > m_begin && m_text[line - 1] != '\n') --line;
  const size_t column = begin - line;
  size_t end = line;
  while (end > m_begin) {
    size_t start = end - 1;
    while (start > m_begin && m_text[start - 1] != '\n') --start;
    std::string_view text = m_text.substr(start, end - 1 - start);
    const size_t hash = text.find(" #");
    if (text.starts_with('#')) text = {};
    if (hash != std::string_view::npos) text = text.substr(0, hash);
    const size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
      end = start;
      continue;
    }
    const std::string_view rest = text.substr(first);
    // A '?' inside the node before (a block scalar's line) is text.
    if (rest.find_first_not_of(" \t\r", 1) == std::string_view::npos &&
        rest.front() == '?' && column <= first && start + first >= m_last_end) {
      error("yaml.syntax",
            "this key belongs to the '?' on the line before, but is not "
            "indented past it: the YAML readers of Jekyll, Hugo and MkDocs "
            "reject the file; indent the key, or write '? key' on one line",
            begin, begin + 1);
    }
    return;
  }
}

// An implicit key ("key: value", not "? key") must be on one line and at
// most 1024 characters long for the readers of the generators (libyaml and
// its ports, js-yaml), which reject the file otherwise; libfyaml reads a
// key over several lines in a flow collection.
void Converter::check_implicit_key(ScalarStyle style, size_t begin,
                                   size_t end) {
  // With its quotes (whether the span holds them or not).
  const char quote = style == ScalarStyle::single_quoted   ? '\''
                     : style == ScalarStyle::double_quoted ? '"'
                                                           : '\0';
  size_t start = begin;
  size_t colon = end;
  if (quote != '\0' && start > m_begin && m_text[start - 1] == quote) --start;
  if (quote != '\0' && colon < m_end && m_text[colon] == quote) ++colon;
  while (colon < m_end && (m_text[colon] == ' ' || m_text[colon] == '\t')) {
    ++colon;
  }
  if (colon >= m_end || m_text[colon] != ':') return;  // not an implicit key
  size_t before = start;
  while (before > m_begin && m_text[before - 1] == ' ') --before;
  if (before > m_begin && m_text[before - 1] == '?') return;  // "? key"
  const size_t newline = m_text.find('\n', start);
  if (newline < colon) {
    // Reported at the end, unless libfyaml finds an error (an unclosed
    // '[' makes the next line look like such a key).
    m_multi_line_keys.emplace_back(start, newline);
    return;
  }
  const size_t length = count_code_points(m_text.substr(start, colon - start));
  if (length <= 1024) return;
  error("yaml.syntax",
        "this key is " + std::to_string(length) +
            " characters long: the YAML readers of Hugo, Jekyll and MkDocs "
            "(libyaml and its ports) reject a key longer than 1024 "
            "characters; shorten it, or write it as '? key'",
        start, colon);
}

void Converter::report_multi_line_keys() {
  for (const auto& [begin, end] : m_multi_line_keys) {
    error("yaml.syntax",
          "this key runs over several lines: the YAML readers of Hugo, "
          "Jekyll and Eleventy reject a key that is not on one line; put it "
          "on one line, or write it as '? key'",
          begin, end);
  }
}

void Converter::allow_quoted_only(size_t begin, size_t end) {
  std::erase_if(m_quoted_only,
                [&](size_t at) { return at >= begin && at < end; });
}

void Converter::report_quoted_only() {
  for (size_t at : m_quoted_only) {
    if (m_text[at] == '%') {
      error("yaml.syntax",
            "a line cannot start with '%' in front matter: YAML reads it as a "
            "directive, which the readers of Jekyll, Hugo and Eleventy "
            "reject here (fmkit's parser would skip the line); indent it, or "
            "quote the value",
            at, at + 1);
      continue;
    }
    const bool nel = m_text[at] == '\xC2';
    const std::string name = nel ? "U+0085 (NEL)"
                             : m_text[at + 2] == '\xA8'
                                 ? "U+2028 (LINE SEPARATOR)"
                                 : "U+2029 (PARAGRAPH SEPARATOR)";
    error("yaml.control-character",
          name +
              " outside a quoted string: YAML 1.1 reads it as a line break, "
              "so the YAML readers of Jekyll, Hugo and MkDocs reject the "
              "file; remove it, or quote the value",
          at, at + (nel ? 2 : 3));
  }
}

void Converter::check_empty_block_scalar(size_t begin, size_t end) {
  const size_t parent = block_indentation();
  if (parent == std::string_view::npos) return;
  // The header: '|' or '>', then chomping; an indentation digit makes
  // libfyaml read it right.
  size_t at = begin + 1;
  while (at < end && (m_text[at] == '+' || m_text[at] == '-')) ++at;
  if (at < end && m_text[at] >= '1' && m_text[at] <= '9') return;
  // The first line after the header with something on it.
  size_t line = m_text.find('\n', begin);
  while (line != std::string_view::npos && line + 1 < end) {
    size_t first = line + 1;
    size_t text = m_text.find_first_not_of(' ', first);
    if (text == std::string_view::npos || text >= end) return;
    if (m_text[text] != '\n' && m_text[text] != '\r') {
      if (text - first > parent) return;  // indented past its collection
      stop("yaml.unsupported",
           "this block scalar has no lines: the line after it, at its "
           "collection's indentation, is the next entry, but fmkit's YAML "
           "parser (libfyaml) would read it as the scalar's text; write '' "
           "for an empty string",
           begin, begin + 1);
      return;
    }
    line = text;
  }
}

void Converter::add_merge(nlohmann::json&& value, size_t end) {
  Frame& top = m_stack.back();
  top.last_end = std::max(top.last_end, end);
  m_last_end = std::max(m_last_end, end);
  top.have_key = false;
  top.merge_key = false;
  top.key.clear();
  const auto mapping = [](const nlohmann::json& v) { return v.is_object(); };
  if (value.is_object() ||
      (value.is_array() && std::all_of(value.begin(), value.end(), mapping))) {
    top.merges.push_back(std::move(value));
    return;
  }
  error("yaml.merge-key",
        "'<<' merges a mapping, or a list of mappings, into this mapping "
        "(write '<<: *name' for the mapping anchored '&name'); this one is "
        "followed by " +
            describe_value(value, ValueStyle::subject),
        top.key_begin, top.key_end);
}

void Converter::apply_merges(Frame& frame) {
  auto& object = frame.value.get_ref<nlohmann::json::object_t&>();
  // The mapping's own keys win, then the merged mappings in order.
  auto merge = [&](const nlohmann::json& source) {
    for (const auto& [key, value] : source.items())
      object.try_emplace(key, value);
  };
  for (const nlohmann::json& source : frame.merges) {
    if (source.is_object()) {
      merge(source);
    } else {
      for (const nlohmann::json& item : source) merge(item);
    }
  }
  // Partly copied from anchors: edits refuse it as they refuse aliases.
  frame.info.alias = true;
}

}  // namespace fmkit::detail
