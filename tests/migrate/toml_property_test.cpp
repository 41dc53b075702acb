// SPDX-License-Identifier: MIT
//
// Property test of migrations on TOML front matter: random documents (root
// keys, dotted keys, `[tables]`, indented or not, tables only `[a.b]`
// implies, arrays of tables (in such a table too), inline arrays on one line or
// one item per line with comments, inline tables, strings of the four kinds,
// numbers in forms JSON loses -- 1.10, 0xff, 1_000, +5, 1e3, 0o17 --, dates and
// times, comments, CRLF, a blank line before "+++") times random op sequences
// (property::random_op), run one op at a time. For every op that succeeds:
//   - the edited front matter re-reads as what the op makes of the JSON
//     (the planner checks it too: a migrate.internal error fails the test);
//   - the bytes before the TOML text and from the closing "+++" on are
//     unchanged, and so is every top-level entry the op does not name (the
//     lines of its keys and values, comments after them included); new
//     lines use the file's line ending;
//   - every value the op carries (property_oracle.hpp) has its source bytes
//     at its new place; a table carried into an inline table, each value
//     in it.
// An op that fails fails with a conflict the model predicts, or with a
// refusal from the documented list k_refusals (migrate/toml_editor.hpp).
// Seeded and deterministic: FMKIT_PROPERTY_FIRST and FMKIT_PROPERTY_RUNS
// explore further.
#include "base/json_pointer.hpp"
#include "document/document.hpp"
#include "migrate/migration.hpp"
#include "migrate/op_picker.hpp"
#include "migrate/planner.hpp"
#include "migrate/property_generator.hpp"
#include "migrate/property_oracle.hpp"
#include "migrate/source_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>

namespace fmkit {
namespace {

using property::read;

using nlohmann::json;
using property::op_args;
using property::op_name;

// The refusals an op may meet on a valid TOML document (all
// migrate.unsupported), as toml_editor.hpp lists them.
const char* const k_refusals[] = {
    "TOML has no null",
    "is an array of tables ([[...]]); fmkit does not rewrite its tables",
    "is an array of tables ([[...]]); fmkit does not replace it",
    "is an array of tables ([[...]]); fmkit does not unwrap it",
    "is written as [table] sections; fmkit replaces such a table only by",
    "has dotted keys; fmkit does not edit inside it",
    "holds comments, which the inline table it becomes cannot keep",
    "has a comment after it, which the inline table it goes into cannot hold",
    "has comments between items that do not stand one per line",
    "has comments, which unwrapping it would drop",
};

const char* const k_scalars[] = {
    "\"alpha\"",
    "\"beta gamma\"",
    "'C:\\x'",
    "'it is'",
    "\"\"\"\nline one\nline \"two\\\"\"\"\"",
    "'''\nraw \\n\nline'''",
    "\"tab\\there\"",
    "\"\\u00e9 ✓\"",
    "\"2024-01-02\"",
    "\"ML\"",
    "''",
    "1.10",
    "0xff",
    "1_000",
    "+5",
    "1e3",
    "0o17",
    "-0.5",
    "2.50",
    "12",
    "true",
    "false",
    "inf",
    "1979-05-27",
    "1979-05-27T07:32:00Z",
    "1979-05-27 07:32:00-05:00",
    "07:32:00",
    "1979-05-27T00:32:00.999",
};
const char* const k_sections[] = {"params", "extra", "author"};
const char* const k_arrays[] = {"items", "resources"};

class TomlGenerator {
 public:
  explicit TomlGenerator(uint32_t seed) : m_rng(seed) {}

  std::string generate() {
    m_eol = pick(4) == 0 ? "\r\n" : "\n";
    std::string out = pick(6) == 0 ? m_eol : "";
    out += "+++" + m_eol;
    std::vector<std::string> keys = shuffled();
    table_body(out, "", keys, pick(6));
    size_t sections = pick(3);
    std::vector<std::string> names(std::begin(k_sections),
                                   std::end(k_sections));
    std::shuffle(names.begin(), names.end(), m_rng);
    for (size_t i = 0; i < sections; ++i) section(out, names[i]);
    if (pick(3) == 0) array_of_tables(out, k_arrays[pick(2)]);
    if (pick(6) == 0) array_of_tables(out, "extra.list");
    if (pick(5) == 0) out += "# closing comment" + m_eol;
    out += "+++" + m_eol + "Body line one." + m_eol + "Last line";
    if (pick(2) == 0) out += m_eol;
    return out;
  }

  size_t pick(size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(m_rng);
  }

 private:
  std::vector<std::string> shuffled() {
    std::vector<std::string> keys(std::begin(property::k_keys),
                                  std::end(property::k_keys));
    std::shuffle(keys.begin(), keys.end(), m_rng);
    return keys;
  }

  // A scalar as TOML text, its line breaks in the file's line ending.
  std::string scalar() {
    std::string s = k_scalars[pick(std::size(k_scalars))];
    std::string out;
    for (char c : s) out += c == '\n' ? m_eol : std::string(1, c);
    return out;
  }

  std::string one_line_scalar() {
    std::string s = scalar();
    return s.find('\n') == std::string::npos ? s : "\"one\"";
  }

  std::string array(const std::string& indent) {
    size_t n = pick(4);
    switch (pick(3)) {
      case 0: {
        std::string out = "[";
        for (size_t i = 0; i < n; ++i) {
          out += (i ? ", " : "") + one_line_scalar();
        }
        return out + (n > 0 && pick(4) == 0 ? ", ]" : "]");
      }
      case 1: {  // one item per line
        std::string out = "[" + m_eol;
        bool trailing = pick(2) == 0;
        for (size_t i = 0; i <= n; ++i) {
          if (pick(5) == 0) out += indent + "  # about it" + m_eol;
          out += indent + "  " + scalar() + (i < n || trailing ? "," : "");
          out += (pick(4) == 0 ? " # item" : "") + m_eol;
        }
        return out + indent + "]";
      }
      default:  // several items on a line, maybe a comment between
        return "[" + m_eol + indent + "  " + one_line_scalar() + ", " +
               one_line_scalar() + "," + (pick(3) == 0 ? " # c" : "") + m_eol +
               indent + "  " + one_line_scalar() + m_eol + indent + "]";
    }
  }

  // A key as written: bare, or quoted.
  std::string key_text(const std::string& key) {
    switch (pick(8)) {
      case 0:
        return "\"" + key + "\"";
      case 1:
        return "'" + key + "'";
      default:
        return key;
    }
  }

  std::string value(const std::string& indent) {
    switch (pick(12)) {
      case 0:
      case 1:
        return array(indent);
      case 2:
        return "{ k = " + one_line_scalar() + ", v = " + one_line_scalar() +
               " }";
      case 3:
        return "[[1, 2], [" + one_line_scalar() + "]]";
      case 4:
        return "[{ n = " + one_line_scalar() + " }, { n = 2 }]";
      case 5:
        return pick(3) == 0 ? "{ k.a = 1, v = " + one_line_scalar() + " }"
                            : "{}";
      default:
        return scalar();
    }
  }

  void comment(std::string& out, const std::string& indent) {
    if (pick(6) == 0) out += indent + "# note" + m_eol;
    if (pick(8) == 0) out += m_eol;
  }

  // Writes `count` entries of a table whose keys are `keys`: `key = value`
  // lines, and dotted keys (`key.x = 1`, `key.y = 2`).
  void table_body(std::string& out, const std::string& indent,
                  const std::vector<std::string>& keys, size_t count) {
    for (size_t i = 0; i < count && i < keys.size(); ++i) {
      comment(out, indent);
      const std::string& key = keys[i];
      if (pick(5) == 0) {
        out += indent + key_text(key) + ".x = " + value(indent) + m_eol;
        if (pick(2) == 0) {
          out += indent + key_text(key) + ".y = " + scalar() + m_eol;
        }
        continue;
      }
      out += indent + key_text(key) + " = " + value(indent);
      out += (pick(5) == 0 ? " # c" : "") + m_eol;
    }
  }

  void section(std::string& out, const std::string& name) {
    std::string indent = pick(4) == 0 ? "  " : "";
    out += m_eol;
    if (pick(4) != 0) {
      out += indent + "[" + name + "]" + m_eol;
      table_body(out, indent, shuffled(), pick(4));
    }
    if (pick(3) == 0) {  // a sub-table (alone, it implies its parent)
      out += indent + "[" + name + ".sub]" + m_eol;
      table_body(out, indent, shuffled(), 1 + pick(2));
    }
  }

  void array_of_tables(std::string& out, const std::string& name) {
    size_t n = 1 + pick(3);
    for (size_t i = 0; i < n; ++i) {
      out += m_eol + "[[" + name + "]]" + m_eol;
      table_body(out, "", shuffled(), 1 + pick(2));
      if (pick(4) == 0) {
        out += "[" + name + ".meta]" + m_eol + "n = " + scalar() + m_eol;
      }
    }
  }

  std::mt19937 m_rng;
  std::string m_eol;
};

struct Snapshot {
  std::string_view text;
  const Document& document;
};

// Whether the value at `pointer` is a table written with headers or dotted
// keys (or an array of tables), which a carry may turn into an inline one.
bool is_table(const Snapshot& s, const std::string& pointer) {
  const NodeInfo* node = s.document.positions.find(pointer);
  return node != nullptr && node->kind != NodeKind::scalar && !node->flow;
}

// The text the value at `pointer` is written with, or with `table`, the
// texts of the scalars in it, by pointer relative to it.
std::map<std::string, std::string> written_values(const Snapshot& s,
                                                  const std::string& pointer,
                                                  bool table) {
  std::map<std::string, std::string> out;
  for (const auto& [at, info] : s.document.positions.entries()) {
    bool inside = at.starts_with(pointer + "/");
    if (table ? !inside || info.kind != NodeKind::scalar : at != pointer) {
      continue;
    }
    out[at.substr(pointer.size())] = std::string(
        s.text.substr(info.value_begin, info.value_end - info.value_begin));
  }
  return out;
}

// Each line of `text` that holds a key or a value under the top-level
// `key`, as written.
std::vector<std::string> entry_lines(const Snapshot& s,
                                     const std::string& key) {
  std::vector<std::string> lines;
  auto line_of = [&](size_t offset) {
    size_t begin = s.text.rfind('\n', offset == 0 ? 0 : offset - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    size_t end = s.text.find('\n', offset);
    return std::string(s.text.substr(begin, end - begin));
  };
  std::string pointer = "/" + escape_pointer_token(key);
  for (const auto& [at, info] : s.document.positions.entries()) {
    if (at != pointer && !at.starts_with(pointer + "/")) continue;
    if (info.has_key) lines.push_back(line_of(info.key_begin));
    lines.push_back(line_of(info.value_begin));
    lines.push_back(line_of(info.value_end));
  }
  return lines;
}

void expect_bytes_kept(const Snapshot& before, const Snapshot& after,
                       const json& op, const std::string& context,
                       size_t& carried) {
  const FrontMatter& fm = before.document.front_matter;
  const FrontMatter& now = after.document.front_matter;
  EXPECT_EQ(after.text.substr(0, now.yaml_begin),
            before.text.substr(0, fm.yaml_begin))
      << context;
  EXPECT_EQ(after.text.substr(now.close_begin),
            before.text.substr(fm.close_begin))
      << context;
  std::set<std::string> touched = property::touched_keys(op);
  for (const auto& [key, unused] : before.document.data.items()) {
    if (touched.count(key)) continue;
    EXPECT_EQ(entry_lines(after, key), entry_lines(before, key))
        << "entry '" << key << "' changed\n"
        << context << "\n"
        << after.text;
  }
  for (const auto& [from, to] :
       property::carried_pairs(op, before.document.data, after.document.data)) {
    bool table = is_table(before, from);
    auto source = written_values(before, from, table);
    EXPECT_EQ(written_values(after, to, table), source)
        << "carried " << from << " -> " << to << "\n"
        << context << "\n"
        << after.text;
    carried += source.size();
  }
  if (before.text.find("\r\n") != std::string_view::npos) {
    std::string_view front = after.text.substr(0, now.body_begin);
    for (size_t i = 0; i < front.size(); ++i) {
      if (front[i] == '\n') {
        EXPECT_TRUE(i > 0 && front[i - 1] == '\r') << context << "\n"
                                                   << after.text;
      }
    }
  }
}

// Runs `op` on `text`; on failure checks that the failure is one the model
// predicts or a documented refusal, and returns std::nullopt.
std::optional<std::string> run_step(std::string_view text, const OpPtr& op,
                                    const std::string& context,
                                    std::map<std::string, size_t>& refused) {
  OpsResult result = apply_ops(text, {op});
  if (count_errors(result.diagnostics) == 0) return result.text;
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(result.text, text);
  if (d.rule == "migrate.conflict") {
    Document document = read(text);
    json model = document.data;
    OpOutcome outcome;
    op->apply_to_json(model, SourceText(text, document), outcome);
    EXPECT_FALSE(outcome.conflicts.empty()) << d.message << "\n" << context;
    return std::nullopt;
  }
  auto known = std::find_if(
      std::begin(k_refusals), std::end(k_refusals),
      [&](const char* r) { return d.message.find(r) != std::string::npos; });
  EXPECT_TRUE(d.rule == "migrate.unsupported" && known != std::end(k_refusals))
      << d.rule << ": " << d.message << "\n"
      << context;
  if (known != std::end(k_refusals)) ++refused[*known];
  return std::nullopt;
}

struct Case {
  std::string text;
  std::vector<json> ops;
  std::vector<OpPtr> parsed;
};

Case make_case(uint32_t seed) {
  TomlGenerator gen(seed);
  property::DocumentGenerator picker(seed);  // random_op's choices
  Case c;
  c.text = gen.generate();
  property::PickedOps ops =
      property::pick_ops(picker, read(c.text).data, 1 + gen.pick(4));
  c.ops = std::move(ops.json_ops);
  c.parsed = std::move(ops.parsed);
  return c;
}

std::string describe(uint32_t seed, const Case& c) {
  std::string out =
      "seed " + std::to_string(seed) + "\n" + json(c.text).dump() + "\nops:\n";
  for (const json& op : c.ops) out += "  - " + op.dump() + "\n";
  return out;
}

TEST(TomlPropertyTest, RandomDocumentsTimesRandomOps) {
  std::map<std::string, size_t> succeeded;  // op name -> successful steps
  std::map<std::string, size_t> carried;    // op name -> values checked
  std::map<std::string, size_t> refused;    // refusal -> times
  uint32_t first = 1;
  uint32_t count = 4000;
  if (const char* env = std::getenv("FMKIT_PROPERTY_FIRST")) {
    first = static_cast<uint32_t>(std::stoul(env));
  }
  if (const char* env = std::getenv("FMKIT_PROPERTY_RUNS")) {
    count = static_cast<uint32_t>(std::stoul(env));
  }
  for (uint32_t seed = first; seed < first + count; ++seed) {
    Case c = make_case(seed);
    std::string context = describe(seed, c);
    std::string text = c.text;
    for (size_t i = 0; i < c.ops.size(); ++i) {
      Document before = read(text);
      ASSERT_TRUE(before.usable) << context;
      json expected = before.data;
      OpOutcome outcome;
      c.parsed[i]->apply_to_json(expected, SourceText(text, before), outcome);
      std::optional<std::string> next =
          run_step(text, c.parsed[i], context, refused);
      if (!next) break;
      Document after = read(*next);
      ASSERT_TRUE(after.usable) << context << "\n" << *next;
      EXPECT_EQ(after.data, expected) << context << "\n" << *next;
      std::string name = op_name(c.ops[i]);
      ++succeeded[name];
      expect_bytes_kept({text, before}, {*next, after}, c.ops[i],
                        context + "step " + std::to_string(i), carried[name]);
      text = std::move(*next);
    }
  }
  for (const auto& [name, n] : succeeded) {
    std::cout << name << ": " << n << " steps, " << carried[name]
              << " carried values checked\n";
  }
  for (const auto& [refusal, n] : refused) {
    std::cout << "refused " << n << " times: " << refusal << "\n";
  }
  // Not a pass count: a guard that the generator reaches every op, and
  // every op that carries values, so that the checks above are not vacuous.
  for (std::string_view name : op_names()) {
    EXPECT_GT(succeeded[std::string(name)], 0u) << name;
  }
  for (const char* name :
       {"rename", "move", "copy", "delete", "map_values", "convert", "trim",
        "append", "remove", "dedupe", "sort"}) {
    EXPECT_GT(carried[name], 0u) << name;
  }
}

}  // namespace
}  // namespace fmkit
