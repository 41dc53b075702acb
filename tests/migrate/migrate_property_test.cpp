// SPDX-License-Identifier: MIT
//
// Property test: random documents (block and flow collections, quoted and
// plain scalars, block scalars, comments, CRLF, BOM, 2- or 4-space indents)
// times random op sequences. For every pair:
//   - the edited front matter re-parses to what the ops make of the JSON;
//   - the edit never fails internally (a wrong splice);
//   - the bytes before and after the front matter and every unchanged
//     top-level entry (comments inside included) keep their bytes; new
//     lines use the file's line ending;
//   - a migration run a second time changes nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include "document/document.hpp"
#include "migrate/migration.hpp"
#include "migrate/planner.hpp"

namespace fmkit {
namespace {

using nlohmann::json;

const char* const k_keys[] = {"title", "tags", "status", "draft", "series",
                              "speaker", "seo", "links", "a", "b"};
const char* const k_plain[] = {"alpha", "beta gamma", "ML", "12", "1.5",
                               "true", "null", "~", "no", "2024-01-02",
                               "失控", "https://x.io/a"};
const char* const k_quoted[] = {"'no'", "'2024-11-13'", "''", "'it''s'",
                                "\"x: y\"", "\"tab\\there\"", "'  spaced '",
                                "'1.0'"};

class DocumentGenerator {
 public:
  explicit DocumentGenerator(uint32_t seed) : m_rng(seed) {}

  std::string generate() {
    m_eol = pick(4) == 0 ? "\r\n" : "\n";
    m_indent = pick(3) == 0 ? 4 : 2;
    m_compact = pick(2) == 0;
    std::string out = pick(8) == 0 ? "\xEF\xBB\xBF" : "";
    out += "---" + m_eol;
    mapping(out, 0, 0, 3 + pick(6));
    if (pick(4) == 0) out += "# closing comment" + m_eol;
    out += "---" + m_eol + "Body line one." + m_eol + m_eol + "Last line";
    if (pick(2) == 0) out += m_eol;
    return out;
  }

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(m_rng); }

 private:
  std::string scalar() {
    return pick(3) == 0 ? k_quoted[pick(std::size(k_quoted))]
                        : k_plain[pick(std::size(k_plain))];
  }

  std::string flow_scalar() {
    std::string s = scalar();
    return s.find_first_of(",:[]{}#") == std::string::npos ? s : "'f'";
  }

  std::string spaces(size_t n) { return std::string(n, ' '); }

  void comment(std::string& out, size_t column) {
    if (pick(6) == 0) out += spaces(column) + "# note" + m_eol;
    if (pick(10) == 0) out += m_eol;
  }

  void mapping(std::string& out, size_t column, int depth, size_t count) {
    std::vector<std::string> keys(std::begin(k_keys), std::end(k_keys));
    std::shuffle(keys.begin(), keys.end(), m_rng);
    for (size_t i = 0; i < count && i < keys.size(); ++i) {
      comment(out, column);
      out += spaces(column) + keys[i] + ":";
      value(out, column, depth);
    }
  }

  // Writes what follows "key:" (a key at `column`), line ending included.
  void value(std::string& out, size_t column, int depth) {
    size_t kind = pick(depth >= 2 ? 4 : 8);
    switch (kind) {
      case 0:
      case 1:
      case 2:
        out += " " + scalar();
        if (pick(5) == 0) out += " # c";
        out += m_eol;
        return;
      case 3: {
        out += " [";
        size_t n = pick(4);
        for (size_t i = 0; i < n; ++i) {
          out += (i ? ", " : "") + flow_scalar();
        }
        out += "]" + m_eol;
        return;
      }
      case 4: {
        out += m_eol;
        size_t dash = column + (m_compact ? 0 : m_indent);
        size_t n = 1 + pick(4);
        for (size_t i = 0; i < n; ++i) {
          comment(out, dash);
          out += spaces(dash) + "-";
          if (pick(5) == 0 && depth < 2) {
            out += " k: " + scalar() + m_eol;
            out += spaces(dash + 2) + "v: " + scalar() + m_eol;
          } else {
            out += " " + scalar() + m_eol;
          }
        }
        return;
      }
      case 5:
        out += m_eol;
        mapping(out, column + m_indent, depth + 1, 1 + pick(3));
        return;
      case 6:
        out += " {k: " + flow_scalar() + ", v: " + flow_scalar() + "}" + m_eol;
        return;
      default: {
        const char* headers[] = {"|", "|-", ">", "|+"};
        out += std::string(" ") + headers[pick(4)] + m_eol;
        size_t n = 1 + pick(3);
        for (size_t i = 0; i < n; ++i) {
          out += spaces(column + m_indent) + "line " + std::to_string(i) + m_eol;
        }
        return;
      }
    }
  }

  std::mt19937 m_rng;
  std::string m_eol;
  size_t m_indent = 2;
  bool m_compact = false;
};

json random_value(DocumentGenerator& gen) {
  const json values[] = {"x",  "no",   "2024-11-13", "", "a: b", " lead",
                         1,    2.5,    true,         nullptr, "yes", "ML",
                         json::array({"p", "q"}), json{{"k", "v"}}};
  return values[gen.pick(std::size(values))];
}

std::string random_field(DocumentGenerator& gen, const json& data) {
  std::vector<std::string> fields;
  for (const auto& [key, value] : data.items()) {
    fields.push_back(key);
    if (value.is_object()) {
      for (const auto& [inner, unused] : value.items()) {
        fields.push_back("/" + key + "/" + inner);
      }
    }
    if (value.is_array() && !value.empty()) fields.push_back("/" + key + "/0");
  }
  if (fields.empty() || gen.pick(5) == 0) {
    return k_keys[gen.pick(std::size(k_keys))];
  }
  return fields[gen.pick(fields.size())];
}

json random_op(DocumentGenerator& gen, const json& data) {
  std::string field = random_field(gen, data);
  std::string other = random_field(gen, data);
  std::string fresh = std::string(k_keys[gen.pick(std::size(k_keys))]) + "2";
  switch (gen.pick(15)) {
    case 0: return {{"rename", {{"from", field}, {"to", fresh}}}};
    case 1: return {{"move", {{"from", field}, {"to", "/" + fresh + "/x"}}}};
    case 2: return {{"move", {{"from", field}, {"to", fresh}}}};
    case 3: return {{"copy", {{"from", field}, {"to", other}}}};
    case 4: return {{"delete", {{"field", field}}}};
    case 5: {
      json args = {{"field", gen.pick(2) ? field : fresh},
                   {"value", random_value(gen)}};
      if (gen.pick(2)) args[gen.pick(2) ? "if_missing" : "overwrite"] = true;
      return {{"set", args}};
    }
    case 6:
      return {{"map_values",
               {{"field", field}, {"map", {{"alpha", "omega"}, {"ML", "no"}}}}}};
    case 7: {
      const char* targets[] = {"list", "scalar", "string"};
      return {{"convert", {{"field", field}, {"to", targets[gen.pick(3)]}}}};
    }
    case 8: {
      const char* kinds[] = {"trim", "lower", "upper", "slugify"};
      return {{kinds[gen.pick(4)], {{"field", field}}}};
    }
    case 9:
      return {{"replace",
               {{"field", field}, {"pattern", "a"}, {"with", "A: "}}}};
    case 10: return {{"append", {{"field", field}, {"value", random_value(gen)}}}};
    case 11: return {{"remove", {{"field", field}, {"value", "alpha"}}}};
    case 12: return {{"dedupe", {{"field", field}}}};
    case 13: return {{"sort", {{"field", field}}}};
    default:
      return {{"set", {{"field", "/" + fresh + "/deep"},
                       {"value", random_value(gen)}}}};
  }
}

Document read(std::string_view text) {
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  return read_document(text, lines, {}, diagnostics);
}

// Returns the text of each top-level entry of `document` (key line to the
// end of its value's last line), by key.
std::map<std::string, std::string> top_level_entries(std::string_view text,
                                                     const Document& document) {
  std::map<std::string, std::string> out;
  for (const auto& [pointer, info] : document.positions.entries()) {
    if (pointer.empty() || pointer.find('/', 1) != std::string::npos) continue;
    size_t begin = info.key_begin;
    while (begin > 0 && text[begin - 1] != '\n') --begin;
    size_t end = text.find('\n', info.value_end);
    out[pointer.substr(1)] = std::string(text.substr(begin, end - begin));
  }
  return out;
}

TEST(MigratePropertyTest, RandomDocumentsTimesRandomOps) {
  size_t runs = 0;
  size_t migrated = 0;
  size_t conflicts = 0;
  size_t unsupported = 0;
  // FMKIT_PROPERTY_RUNS=20000 explores further than the default.
  const char* env = std::getenv("FMKIT_PROPERTY_RUNS");
  const uint32_t count = env != nullptr ? std::stoul(env) : 600;
  const char* first = std::getenv("FMKIT_PROPERTY_FIRST");
  for (uint32_t seed = first ? std::stoul(first) : 1; seed <= count; ++seed) {
    DocumentGenerator gen(seed);
    const std::string text = gen.generate();
    Document original = read(text);
    ASSERT_TRUE(original.usable) << "seed " << seed << "\n" << text;

    std::string ops_yaml;
    std::set<std::string> touched;  // top-level keys the ops name
    json model = original.data;
    bool model_conflict = false;
    std::vector<OpPtr> ops;
    for (size_t n = 1 + gen.pick(4); ops.size() < n;) {
      json op = random_op(gen, model);
      std::string line = "  - " + op.dump() + "\n";
      Expected<Migration> parsed =
          parse_migration("version: 2\nops:\n" + line, "m.yaml");
      if (!parsed) continue;  // e.g. from and to containing each other
      ops_yaml += line;
      for (const auto& [name, args] : op.items()) {
        for (const char* arg : {"field", "from", "to"}) {
          if (args.contains(arg)) {
            touched.insert(parse_field_path(args[arg].get<std::string>())
                               ->tokens.front());
          }
        }
      }
      ops.push_back(parsed->ops.at(0));
      if (!model_conflict) {
        OpOutcome outcome;
        ops.back()->apply_to_json(model, outcome);
        model_conflict = !outcome.conflicts.empty();
      }
    }
    ++runs;
    OpsResult result = apply_ops(text, ops);
    std::string context = "seed " + std::to_string(seed) + "\n" +
                          json(text).dump() + "\nops:\n" + ops_yaml;
    if (count_errors(result.diagnostics) > 0) {
      const Diagnostic& d = result.diagnostics.front();
      ASSERT_NE(d.rule, "migrate.internal") << d.message << "\n" << context;
      EXPECT_EQ(result.text, text);
      if (d.rule == "migrate.conflict") {
        EXPECT_TRUE(model_conflict) << context;
        ++conflicts;
      } else {
        EXPECT_EQ(d.rule, "migrate.unsupported") << d.message << "\n" << context;
        ++unsupported;
        std::cout << "unsupported: " << d.message << "\n" << context << "\n";
      }
      continue;
    }
    ++migrated;
    ASSERT_FALSE(model_conflict) << context;
    Document edited = read(result.text);
    ASSERT_TRUE(edited.usable) << context << "\n" << result.text;
    EXPECT_EQ(edited.data, model) << context << "\n" << result.text;

    // Bytes outside the front matter, and before it, are unchanged.
    EXPECT_EQ(result.text.substr(0, original.front_matter.yaml_begin),
              text.substr(0, original.front_matter.yaml_begin));
    EXPECT_EQ(result.text.substr(edited.front_matter.close_begin),
              text.substr(original.front_matter.close_begin))
        << context;
    // Top-level entries no op names keep their text.
    auto before = top_level_entries(text, original);
    auto after = top_level_entries(result.text, edited);
    for (const auto& [key, entry] : before) {
      if (touched.count(key) || !model.contains(key) ||
          model[key] != original.data[key]) {
        continue;
      }
      EXPECT_TRUE(after.count(key) && after[key] == entry)
          << "entry '" << key << "' changed\n" << context << "\n"
          << result.text;
    }
    // New lines use the file's line ending.
    bool crlf = text.find("\r\n") != std::string::npos;
    if (crlf) {
      std::string_view front(result.text.data(), edited.front_matter.body_begin);
      for (size_t i = 0; i < front.size(); ++i) {
        if (front[i] == '\n') {
          ASSERT_TRUE(i > 0 && front[i - 1] == '\r') << context << "\n"
                                                     << result.text;
        }
      }
    }
  }
  // Most runs must migrate; a few hit conflicts by design.
  EXPECT_GT(migrated, runs / 2);
  EXPECT_LT(unsupported, runs / 20 + 1) << "too many unsupported layouts";
  std::cout << "runs " << runs << ", migrated " << migrated << ", conflicts "
            << conflicts << ", unsupported " << unsupported << "\n";
}

TEST(MigratePropertyTest, SecondRunChangesNothing) {
  for (uint32_t seed = 1000; seed < 1100; ++seed) {
    DocumentGenerator gen(seed);
    const std::string text = gen.generate();
    Document original = read(text);
    std::string ops_yaml;
    for (int i = 0; i < 3; ++i) {
      ops_yaml += "  - " + random_op(gen, original.data).dump() + "\n";
    }
    Expected<MigrationChain> chain =
        load_chain({{"0002-x.yaml", "version: 2\nops:\n" + ops_yaml}});
    if (!chain) continue;
    DocumentPlan first = plan_document(text, *chain, {});
    if (!first.ok()) continue;
    DocumentPlan second = plan_document(first.text, *chain, {});
    EXPECT_EQ(second.status, PlanStatus::up_to_date);
    EXPECT_EQ(second.text, first.text);
    EXPECT_FALSE(second.changed);
  }
}

}  // namespace
}  // namespace fmkit
