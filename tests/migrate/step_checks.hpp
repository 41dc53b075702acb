// SPDX-License-Identifier: MIT
//
// The byte checks of one successful migration step, shared by the property
// tests (migrate_property_test.cpp) and the migrate fuzz target
// (fuzz/migrate_fuzzer.cpp), so neither needs GoogleTest to say what is
// wrong: each check returns the problems it finds as messages.
//
// For an op that succeeded on a document (`before` -> `after`):
//   - every value the op carries (carried_pairs() names them, per op, from
//     the JSON alone) has its source bytes at its new place: the same text,
//     or for a value over several lines the same lines shifted by one number
//     of columns (in JSON, each line by its own: see Shift); the one exception
//     is a value carried into a flow collection whose text cannot stand there
//     as it is (an empty value, a scalar over several lines...), or out of
//     a flow collection over several lines, written on one line
//     (migrate/yaml_editor.hpp): a collection's items are then checked
//     instead;
//   - the bytes before and after the front matter, and every top-level entry
//     the op does not name (comments after it on its lines included) are
//     unchanged;
//   - in a front matter whose lines all end in "\r\n", new lines do too.
#pragma once

#include "base/json_pointer.hpp"
#include "document/document.hpp"
#include "migrate/field_path.hpp"
#include "migrate/property_oracle.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit::property {

inline std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t newline = text.find('\n', start);
    lines.emplace_back(text.substr(start, newline - start));
    if (newline == std::string_view::npos) return lines;
    start = newline + 1;
  }
}

// How the lines of a carried value may move: all by one number of columns
// (YAML, where indentation is structure), or each by its own (JSON, whose
// editor moves only the lines that have the value's indentation: its white
// space carries no data).
enum class Shift { one, any };

// Whether `after` is `before` with every line after the first shifted as
// `shift` says (comment and blank lines may shift less).
inline bool same_lines_shifted(std::string_view before, std::string_view after,
                               Shift shift_kind = Shift::one) {
  std::vector<std::string> a = split_lines(before);
  std::vector<std::string> b = split_lines(after);
  if (a.size() != b.size() || a[0] != b[0]) return false;
  std::optional<long> shift;
  for (size_t i = 1; i < a.size(); ++i) {
    // JSON may be indented with tabs too.
    const char* blanks = shift_kind == Shift::one ? " " : " \t";
    size_t la = std::min(a[i].find_first_not_of(blanks), a[i].size());
    size_t lb = std::min(b[i].find_first_not_of(blanks), b[i].size());
    if (a[i].substr(la) != b[i].substr(lb)) return false;
    if (la == a[i].size() || a[i][la] == '#' || a[i][la] == '\r') continue;
    long k = static_cast<long>(lb) - static_cast<long>(la);
    if (shift && *shift != k && shift_kind == Shift::one) return false;
    shift = k;
  }
  return true;
}

inline std::string_view value_text(std::string_view text,
                                   const NodeInfo& info) {
  return text.substr(info.value_begin, info.value_end - info.value_begin);
}

inline bool in_flow(const Document& document, std::string_view pointer) {
  const NodeInfo* parent =
      document.positions.find(pointer.substr(0, pointer.rfind('/')));
  return parent != nullptr && parent->flow;
}

// Whether `pointer` names a node inside what an alias copies.
inline bool inside_alias(const Document& document, std::string_view pointer) {
  for (size_t slash = pointer.rfind('/');
       slash != std::string_view::npos && slash > 0;
       slash = pointer.rfind('/', slash - 1)) {
    const NodeInfo* info = document.positions.find(pointer.substr(0, slash));
    if (info != nullptr) return info->alias;
  }
  return false;
}

// Whether a value written `text` can stand in a flow collection as it is.
inline bool fits_in_flow(const NodeInfo& info, std::string_view text) {
  if (text.empty() || text.find('\n') != std::string_view::npos) return false;
  if (info.alias) return true;  // "*name": no flow indicator in a name
  if (info.kind != NodeKind::scalar) return info.flow;
  if (info.style == ScalarStyle::literal || info.style == ScalarStyle::folded) {
    return false;
  }
  return info.style != ScalarStyle::plain ||
         text.find_first_of(",[]{}") == std::string_view::npos;
}

struct Snapshot {
  std::string_view text;
  const Document& document;
};

// What check_step_bytes() found: the carried values it checked, and the
// problems (empty when the step kept every byte it must).
struct StepCheck {
  size_t carried = 0;
  std::vector<std::string> problems;
};

// `text` as a JSON string, for messages (invalid UTF-8 replaced).
inline std::string json_text(std::string_view text) {
  return nlohmann::json(std::string(text))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Checks that the value at `from` in `before` is at `to` in `after` with
// its source bytes (see the top of the file).
inline void check_carried(const Snapshot& before, const Snapshot& after,
                          const std::string& from, const std::string& to,
                          StepCheck& check) {
  const NodeInfo* a = before.document.positions.find(from);
  const NodeInfo* b = after.document.positions.find(to);
  // What an alias copies has no text of its own, so no position: it
  // carries the alias's text ("*name"), checked at the alias.
  if ((a == nullptr && inside_alias(before.document, from)) ||
      (b == nullptr && inside_alias(after.document, to))) {
    return;
  }
  if (a == nullptr || b == nullptr) {
    check.problems.push_back("carried " + from + " -> " + to +
                             ": no position before or after");
    return;
  }
  std::string_view source = value_text(before.text, *a);
  std::string_view target = value_text(after.text, *b);
  // An empty value has no bytes to keep: wherever it goes, it may be
  // written '' or null.
  if (source.empty()) return;
  // A pair of a flow sequence ("[a: 1]") gets its braces out of it.
  if (a->kind == NodeKind::mapping && a->flow && !source.starts_with('{') &&
      target == "{" + std::string(source) + "}") {
    ++check.carried;
    return;
  }
  // A value over several lines in a flow collection, carried out of it, is
  // written on one line (migrate/yaml_editor.hpp), and into a flow
  // collection, a value whose text cannot stand there is rewritten in flow
  // style: a scalar as the same string, a collection from its items' texts.
  const bool out_of_flow = in_flow(before.document, from) &&
                           !in_flow(after.document, to) &&
                           source.find('\n') != std::string_view::npos;
  if (out_of_flow ||
      (in_flow(after.document, to) && !fits_in_flow(*a, source))) {
    const nlohmann::json* value =
        find_value(before.document.data, split_pointer(from));
    if (a->kind == b->kind && value != nullptr && !is_scalar_json(*value)) {
      for (const auto& [key, unused] : value->items()) {
        check_carried(before, after, append_pointer(from, key),
                      append_pointer(to, key), check);
      }
    }
    return;
  }
  ++check.carried;
  const bool in_json = before.document.front_matter.dialect == Dialect::json;
  if (!same_lines_shifted(source, target, in_json ? Shift::any : Shift::one)) {
    check.problems.push_back("carried " + from + " -> " + to + ": " +
                             json_text(source) + " became " +
                             json_text(target));
  }
}

// The text of each top-level entry by key (unescaped): from its key to the end
// of its value, and in a block YAML front matter from the start of the key's
// line to the end of the value's last line (comments after it included).
inline std::map<std::string, std::string> top_level_entries(const Snapshot& s) {
  std::map<std::string, std::string> out;
  const NodeInfo* root = s.document.positions.find("");
  const bool lines = s.document.front_matter.dialect == Dialect::yaml &&
                     root != nullptr && !root->flow;
  for (const auto& [pointer, info] : s.document.positions.entries()) {
    if (pointer.empty() || pointer.find('/', 1) != std::string::npos) continue;
    size_t begin = info.key_begin;
    size_t end = info.value_end;
    if (lines) {
      // A lone "\r" ends a YAML line too.
      while (begin > 0 && s.text[begin - 1] != '\n' &&
             s.text[begin - 1] != '\r') {
        --begin;
      }
      end = s.text.find_first_of("\r\n", info.value_end);
    }
    out[split_pointer(pointer).front()] =
        std::string(s.text.substr(begin, end - begin));
  }
  return out;
}

// Whether a line of `text` ends in "\n" alone.
inline bool has_lf_line(std::string_view text) {
  for (size_t i = text.find('\n'); i != std::string_view::npos;
       i = text.find('\n', i + 1)) {
    if (i == 0 || text[i - 1] != '\r') return true;
  }
  return false;
}

// Checks the bytes of one successful step of `op` (see the top of the file).
inline StepCheck check_step_bytes(const Snapshot& before, const Snapshot& after,
                                  const nlohmann::json& op) {
  StepCheck check;
  for (const auto& [from, to] :
       carried_pairs(op, before.document.data, after.document.data)) {
    check_carried(before, after, from, to, check);
  }
  const FrontMatter& fm = before.document.front_matter;
  const FrontMatter& now = after.document.front_matter;
  if (after.text.substr(0, fm.yaml_begin) !=
      before.text.substr(0, fm.yaml_begin)) {
    check.problems.push_back("the bytes before the front matter changed");
  }
  if (after.text.substr(now.close_begin) !=
      before.text.substr(fm.close_begin)) {
    check.problems.push_back("the bytes after the front matter changed");
  }
  std::set<std::string> touched = touched_keys(op);
  auto old_entries = top_level_entries(before);
  auto new_entries = top_level_entries(after);
  for (const auto& [key, entry] : old_entries) {
    if (touched.count(key)) continue;
    if (!new_entries.count(key) || new_entries[key] != entry) {
      check.problems.push_back("entry '" + key +
                               "' changed: " + json_text(entry) + " became " +
                               json_text(new_entries[key]));
    }
  }
  std::string_view front = before.text.substr(0, fm.body_begin);
  if (front.find('\n') != std::string_view::npos && !has_lf_line(front) &&
      has_lf_line(after.text.substr(0, now.body_begin))) {
    check.problems.push_back("a new line does not end in \"\\r\\n\"");
  }
  return check;
}

}  // namespace fmkit::property
