// SPDX-License-Identifier: MIT
//
// Fuzz target: reading front matter into JSON with a PositionMap
// (read_document: the splitter, then the YAML, JSON or TOML reader, chosen
// by the text's first line as for any file). For every input:
//   - no crash, no exception, no hang;
//   - every diagnostic has a catalog rule and a span inside the text whose
//     line and column match its offsets;
//   - every position lies inside the front matter, keys before their values
//     (YAML, JSON), each entry inside its parent's span, entries in document
//     order (YAML, JSON);
//   - a value's span starts at the value's first byte: a quoted scalar at its
//     quote (and ends at the closing one), a block scalar at '|' or '>', a
//     flow collection at its bracket, a block sequence at '-', an alias at
//     '*', a plain string at the string's first character (the whole string
//     when it holds on one line, in YAML); a plain key is its token;
//   - a quoted YAML string on one line is its text: '' unescaped in single
//     quotes, as it is in double quotes without a backslash; a YAML string
//     not in double quotes holds no control character but tab and "\n";
//   - for a usable document, every entry names a node of the JSON of its
//     kind, and every node has an entry (but inside an alias's copy);
//   - YAML read as 1.1 has the same positions as read as 1.2;
//   - the text up to `body_begin` reads as the whole text does.
#include "base/json_pointer.hpp"
#include "document/document.hpp"
#include "fuzz_check.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace fmkit;
using fuzz::fuzz_check;
using nlohmann::json;

struct Reading {
  Document document;
  std::vector<Diagnostic> diagnostics;
};

Reading read(std::string_view text, const LineIndex& lines,
             YamlVersion version) {
  Reading r;
  DocumentOptions options;
  options.yaml.version = version;
  r.document = read_document(text, lines, options, r.diagnostics);
  return r;
}

// The node at `pointer` in `root`, or nullptr.
const json* find_node(const json& root, std::string_view pointer) {
  const json* node = &root;
  for (const std::string& token : split_pointer(pointer)) {
    if (node->is_object()) {
      auto it = node->find(token);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      if (token.empty() || token.size() > 9 ||
          token.find_first_not_of("0123456789") != std::string::npos) {
        return nullptr;
      }
      size_t index = std::stoul(token);
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

std::string parent_of(const std::string& pointer) {
  return pointer.substr(0, pointer.rfind('/'));
}

std::string where(const std::string& pointer, const NodeInfo& info,
                  std::string_view text) {
  std::string value(
      text.substr(info.value_begin,
                  std::min<size_t>(info.value_end - info.value_begin, 40)));
  return "'" + pointer + "' at " + std::to_string(info.value_begin) + "-" +
         std::to_string(info.value_end) + " \"" + value + "\"";
}

bool in_span(size_t begin, size_t end, size_t outer_begin, size_t outer_end) {
  return outer_begin <= begin && begin <= end && end <= outer_end;
}

// The span bounds and the nesting of one entry.
void check_bounds(std::string_view text, const Document& doc,
                  const std::string& pointer, const NodeInfo& info) {
  const FrontMatter& fm = doc.front_matter;
  std::string at = where(pointer, info, text);
  fuzz_check(
      in_span(info.value_begin, info.value_end, fm.yaml_begin, fm.yaml_end),
      "value span inside the front matter", at);
  fuzz_check(info.has_key == (info.key_begin != NodeInfo::k_none),
             "has_key iff a key span", at);
  if (info.has_key) {
    fuzz_check(
        in_span(info.key_begin, info.key_end, fm.yaml_begin, fm.yaml_end),
        "key span inside the front matter", at);
    fuzz_check(fm.dialect == Dialect::toml || info.key_end <= info.value_begin,
               "key before its value", at);
  }
  if (pointer.empty()) return;
  const NodeInfo* parent = doc.positions.find(parent_of(pointer));
  fuzz_check(parent != nullptr, "every entry's parent has an entry", at);
  fuzz_check(in_span(info.value_begin, info.value_end, parent->value_begin,
                     parent->value_end),
             "value inside its parent", at);
  if (info.has_key) {
    fuzz_check(in_span(info.key_begin, info.key_end, parent->value_begin,
                       parent->value_end),
               "key inside its parent", at);
  }
}

// A quoted YAML string on one line is its text between the quotes, with
// each "''" one quote (single quotes) or as it is (double quotes without a
// backslash): an oracle independent of the reader.
void check_quoted_text(std::string_view span, char quote, const std::string& s,
                       const std::function<std::string()>& at) {
  std::string_view inner = span.substr(1, span.size() - 2);
  if (inner.find_first_of("\r\n") != std::string_view::npos) return;
  if (quote == '"') {
    if (inner.find('\\') == std::string_view::npos) {
      fuzz_check(s == inner, "a one-line double-quoted string is its text", at);
    }
    return;
  }
  std::string unescaped;
  for (size_t i = 0; i < inner.size(); ++i) {
    unescaped += inner[i];
    if (inner[i] == '\'') ++i;  // the first of "''"
  }
  fuzz_check(s == unescaped,
             "a one-line single-quoted string is its text, '' unescaped", at);
}

// A YAML string not written in double quotes (the only style with
// escapes) holds no control character but tab and line feed: the text
// cannot (check_yaml_characters()), and line breaks read as "\n".
void check_no_control(Dialect dialect, const NodeInfo& info, const json& value,
                      const std::function<std::string()>& at) {
  if (dialect != Dialect::yaml || !value.is_string() ||
      info.style == ScalarStyle::double_quoted) {
    return;
  }
  for (char c : value.get_ref<const std::string&>()) {
    const auto byte = static_cast<unsigned char>(c);
    fuzz_check((byte >= 0x20 && byte != 0x7F) || c == '\t' || c == '\n',
               "a string without escapes holds no control character", at);
  }
}

void check_scalar_start(std::string_view text, Dialect dialect,
                        const NodeInfo& info, const json& value,
                        const std::function<std::string()>& at) {
  check_no_control(dialect, info, value, at);
  std::string_view span =
      text.substr(info.value_begin, info.value_end - info.value_begin);
  switch (info.style) {
    case ScalarStyle::single_quoted:
    case ScalarStyle::double_quoted: {
      char quote = info.style == ScalarStyle::single_quoted ? '\'' : '"';
      fuzz_check(
          span.size() >= 2 && span.front() == quote && span.back() == quote,
          "a quoted scalar spans its quotes", at);
      if (dialect == Dialect::yaml && value.is_string()) {
        check_quoted_text(span, quote, value.get_ref<const std::string&>(), at);
      }
      return;
    }
    case ScalarStyle::literal:
      fuzz_check(span.starts_with('|'), "a literal scalar starts at '|'", at);
      return;
    case ScalarStyle::folded:
      fuzz_check(span.starts_with('>'), "a folded scalar starts at '>'", at);
      return;
    case ScalarStyle::plain:
      break;
  }
  if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
    const std::string& s = value.get_ref<const std::string&>();
    fuzz_check(!span.empty() && span.front() == s.front(),
               "a plain string starts at its first character", at);
    if (dialect == Dialect::yaml &&
        span.find_first_of("\r\n") == std::string_view::npos) {
      fuzz_check(span == s, "a one-line plain string is its text", at);
    }
  } else if (value.is_number()) {
    fuzz_check(
        !span.empty() && std::string_view("+-.0123456789").find(span.front()) !=
                             std::string::npos,
        "a plain number starts with a digit, sign or point", at);
  }
}

// Whether `info` is a mapping of one pair written without braces in a
// flow sequence (`[a: b]`), which spans from its key.
bool implicit_pair(const Document& doc, const std::string& pointer,
                   const NodeInfo& info, std::string_view span) {
  if (info.kind != NodeKind::mapping || span.starts_with('{')) return false;
  const NodeInfo* parent = doc.positions.find(parent_of(pointer));
  return parent != nullptr && parent->kind == NodeKind::sequence &&
         parent->flow;
}

// Where the value's span starts (and, for brackets and quotes, ends).
void check_start(std::string_view text, const Document& doc,
                 const std::string& pointer, const NodeInfo& info,
                 const json& value) {
  const Dialect dialect = doc.front_matter.dialect;
  auto at = [&] { return where(pointer, info, text); };
  std::string_view span =
      text.substr(info.value_begin, info.value_end - info.value_begin);
  if (info.alias) {
    fuzz_check(span.starts_with('*'), "an alias starts at '*'", at);
    return;
  }
  if (info.kind == NodeKind::scalar) {
    check_scalar_start(text, dialect, info, value, at);
  } else if (info.flow && !implicit_pair(doc, pointer, info, span)) {
    bool seq = info.kind == NodeKind::sequence;
    fuzz_check(
        span.starts_with(seq ? '[' : '{') && span.ends_with(seq ? ']' : '}'),
        "a flow collection spans its brackets", at);
  } else if (info.kind == NodeKind::sequence && dialect == Dialect::yaml) {
    fuzz_check(span.starts_with('-'), "a block sequence starts at '-'", at);
  }
  if (!info.has_key || dialect == Dialect::toml) return;
  std::string_view key =
      text.substr(info.key_begin, info.key_end - info.key_begin);
  std::vector<std::string> tokens = split_pointer(pointer);
  if (key.starts_with('"') || key.starts_with('\'')) {
    fuzz_check(key.size() >= 2 && key.back() == key.front(),
               "a quoted key spans its quotes", at);
  } else if (key.find_first_of("\r\n") == std::string_view::npos &&
             !key.starts_with('?') && !key.starts_with('*')) {
    // (An alias as a key is its anchor's text.)
    fuzz_check(key == tokens.back(), "a plain key is its token",
               [&] { return at() + " key \"" + std::string(key) + "\""; });
  }
}

// Every entry names a node of its kind; every node has an entry.
void check_complete(const Document& doc, const json& node,
                    const std::string& pointer, bool in_alias) {
  const NodeInfo* info = doc.positions.find(pointer);
  fuzz_check(in_alias || info != nullptr, "every node has an entry",
             [&] { return "'" + pointer + "'"; });
  in_alias = in_alias || (info != nullptr && info->alias);
  if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      check_complete(doc, child, append_pointer(pointer, key), in_alias);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      check_complete(doc, node[i], pointer + "/" + std::to_string(i), in_alias);
    }
  }
}

void check_positions(std::string_view text, const Document& doc) {
  size_t last_start = 0;
  const bool ordered = doc.front_matter.dialect != Dialect::toml;
  for (const auto& entry : doc.positions.entries()) {
    const std::string& pointer = entry.first;
    const NodeInfo& info = entry.second;
    check_bounds(text, doc, pointer, info);
    size_t start = info.has_key ? info.key_begin : info.value_begin;
    fuzz_check(!ordered || start >= last_start, "entries in document order",
               [&] { return where(pointer, info, text); });
    last_start = start;
    if (!doc.usable) continue;
    const json* value = find_node(doc.data, pointer);
    fuzz_check(value != nullptr, "every entry names a node",
               [&] { return where(pointer, info, text); });
    if (!info.alias) {
      NodeKind kind = value->is_object()  ? NodeKind::mapping
                      : value->is_array() ? NodeKind::sequence
                                          : NodeKind::scalar;
      fuzz_check(kind == info.kind, "an entry's kind is its node's",
                 [&] { return where(pointer, info, text); });
    }
    check_start(text, doc, pointer, info, *value);
  }
  if (doc.usable) check_complete(doc, doc.data, "", false);
}

bool same_info(const NodeInfo& a, const NodeInfo& b) {
  return a.kind == b.kind && a.style == b.style && a.flow == b.flow &&
         a.has_key == b.has_key && a.alias == b.alias &&
         a.key_begin == b.key_begin && a.key_end == b.key_end &&
         a.value_begin == b.value_begin && a.value_end == b.value_end;
}

bool same_positions(const PositionMap& a, const PositionMap& b) {
  return std::equal(a.entries().begin(), a.entries().end(), b.entries().begin(),
                    b.entries().end(), [](const auto& x, const auto& y) {
                      return x.first == y.first &&
                             same_info(x.second, y.second);
                    });
}

bool same_diagnostics(const std::vector<Diagnostic>& a,
                      const std::vector<Diagnostic>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Diagnostic& x, const Diagnostic& y) {
                      return x.rule == y.rule && x.message == y.message &&
                             x.severity == y.severity && x.span == y.span;
                    });
}

void check_reading(std::string_view text, const LineIndex& lines,
                   const Reading& r) {
  fuzz::check_diagnostics(text, lines, r.diagnostics);
  fuzz_check(r.document.data.is_object(), "data is always an object");
  fuzz_check(!r.document.usable || count_errors(r.diagnostics) == 0,
             "a usable document has no error");
  check_positions(text, r.document);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  LineIndex lines(text);
  Reading strict = read(text, lines, YamlVersion::v1_2);
  check_reading(text, lines, strict);
  const FrontMatter& fm = strict.document.front_matter;
  if (fm.status != FrontMatterStatus::ok) return 0;
  if (fm.dialect == Dialect::yaml) {
    Reading yaml11 = read(text, lines, YamlVersion::v1_1);
    check_reading(text, lines, yaml11);
    if (strict.document.usable && yaml11.document.usable) {
      fuzz_check(
          same_positions(strict.document.positions, yaml11.document.positions),
          "YAML 1.1 and 1.2 readings have the same positions");
    }
  }
  std::string_view head = text.substr(0, fm.body_begin);
  LineIndex head_lines(head);
  Reading prefix = read(head, head_lines, YamlVersion::v1_2);
  fuzz_check(prefix.document.usable == strict.document.usable &&
                 prefix.document.data == strict.document.data &&
                 same_positions(prefix.document.positions,
                                strict.document.positions) &&
                 same_diagnostics(prefix.diagnostics, strict.diagnostics),
             "the text up to the body reads as the whole text");
  return 0;
}
