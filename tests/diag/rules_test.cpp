// SPDX-License-Identifier: MIT
//
// The rule catalog (diag/rules.hpp) against the code and the README: every
// rule id written in src/ is in the catalog, every catalog rule is written
// somewhere in src/, and the README's rules table is the catalog's
// (FMKIT_UPDATE_GOLDEN=1 rewrites the table; review the diff).
#include "diag/rules.hpp"

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::read_bytes;

// Returns the contents of the string literals of the C++ source `code`
// (escapes left as written), skipping comments, character literals and
// digit separators (100'000).
std::vector<std::string> string_literals(std::string_view code) {
  std::vector<std::string> out;
  size_t i = 0;
  auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  };
  while (i < code.size()) {
    char c = code[i];
    if (code.substr(i, 2) == "//") {
      i = code.find('\n', i);
      if (i == std::string_view::npos) break;
    } else if (code.substr(i, 2) == "/*") {
      i = code.find("*/", i + 2);
      if (i == std::string_view::npos) break;
      i += 2;
    } else if (c == '"' && i > 0 && code[i - 1] == 'R') {
      size_t open = code.find('(', i);
      std::string close = ")" + std::string(code.substr(i + 1, open - i - 1));
      size_t end = code.find(close + "\"", open);
      out.emplace_back(code.substr(open + 1, end - open - 1));
      i = end + close.size() + 1;
    } else if (c == '"' || (c == '\'' && (i == 0 || !is_word(code[i - 1])))) {
      size_t j = i + 1;
      while (j < code.size() && code[j] != c) j += code[j] == '\\' ? 2 : 1;
      if (c == '"') out.emplace_back(code.substr(i + 1, j - i - 1));
      i = j + 1;
    } else {
      ++i;
    }
  }
  return out;
}

TEST(RuleCatalogTest, StringLiteralsSkipCommentsAndCharacters) {
  EXPECT_EQ(string_literals("f(\"a.b\"); // \"c.d\"\n/* \"e.f\" */ g('\"', "
                            "100'000, \"x\\\"y\", R\"(r.s)\");"),
            (std::vector<std::string>{"a.b", "x\\\"y", "r.s"}));
}

// Every string literal in src/ that has the shape of a rule id.
std::set<std::string> rule_shaped_literals() {
  // Dotted lower-case names ("yaml.syntax", "config.no-match"), the
  // yaml11- warnings, and the two rules without a family.
  static const std::regex k_shape(
      "[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+|"
      "yaml11-[a-z]+|io|internal|cache");
  std::set<std::string> found;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(FMKIT_SOURCE_DIR) / "src")) {
    std::string extension = entry.path().extension().string();
    if (extension != ".cpp" && extension != ".hpp") continue;
    for (std::string& literal : string_literals(read_bytes(entry.path()))) {
      if (std::regex_match(literal, k_shape)) found.insert(std::move(literal));
    }
  }
  return found;
}

// Rule-shaped literals in src/ that are not rules. A new one is either a
// rule (add it to the catalog) or belongs here.
const std::set<std::string> k_not_rules = {
    "config.toml",              // Hugo's and Zola's settings file
    "fmkit.yaml",               // the config file's name
    "problem.severity",         // a SARIF rule property GitHub reads
    "sarif-schema-2.1.0.json",  // the tail of the SARIF schema's URI
    "validate.cache",           // the result cache's file name
};

TEST(RuleCatalogTest, EveryRuleInTheCodeIsInTheCatalogAndBack) {
  std::set<std::string> literals = rule_shaped_literals();
  ASSERT_FALSE(literals.empty());
  std::vector<std::string> missing;
  for (const std::string& literal : literals) {
    if (!find_rule(literal) && !k_not_rules.contains(literal)) {
      missing.push_back(literal);
    }
  }
  EXPECT_EQ(missing, std::vector<std::string>{})
      << "rules written in src/ but not in src/diag/rules.cpp";
  std::vector<std::string> unused;
  for (const RuleInfo& rule : rule_catalog()) {
    if (!literals.contains(std::string(rule.id))) {
      unused.emplace_back(rule.id);
    }
  }
  EXPECT_EQ(unused, std::vector<std::string>{})
      << "rules in the catalog that no code in src/ writes";
  for (const std::string& name : k_not_rules) {
    EXPECT_TRUE(literals.contains(name)) << name << " is no longer in src/";
  }
}

// The anchors GitHub gives the README's headings: lower-case, spaces to
// '-', other punctuation dropped ("Config: `fmkit.yaml`" ->
// "config-fmkityaml").
std::set<std::string> readme_anchors() {
  std::set<std::string> anchors;
  std::string text = read_bytes(fs::path(FMKIT_SOURCE_DIR) / "README.md");
  bool in_code = false;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    if (line.starts_with("```")) in_code = !in_code;
    if (in_code || !line.starts_with('#')) continue;
    std::string anchor;
    for (char c : line.substr(line.find_first_not_of('#'))) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        anchor +=
            static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (c == ' ' || c == '-' || c == '_') {
        anchor += c == ' ' ? '-' : c;
      }
    }
    anchors.insert(anchor.substr(anchor.find_first_not_of('-')));
  }
  return anchors;
}

TEST(RuleCatalogTest, ReadmeAnchorsAreGithubs) {
  std::set<std::string> anchors = readme_anchors();
  EXPECT_TRUE(anchors.contains("config-fmkityaml"));
  EXPECT_TRUE(anchors.contains("checking-only-some-files"));
  EXPECT_FALSE(anchors.contains("config"));
}

TEST(RuleCatalogTest, EntriesAreCompleteAndUnique) {
  std::set<std::string_view> ids;
  const std::set<std::string> anchors = readme_anchors();
  for (const RuleInfo& rule : rule_catalog()) {
    EXPECT_TRUE(ids.insert(rule.id).second) << rule.id << " twice";
    EXPECT_FALSE(rule.summary.empty()) << rule.id;
    // Summaries read like messages: lower-case, no final period.
    EXPECT_FALSE(std::isupper(static_cast<unsigned char>(rule.summary[0])))
        << rule.id;
    EXPECT_FALSE(rule.summary.ends_with('.')) << rule.id;
    // Help is sentences.
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(rule.help[0])))
        << rule.id;
    EXPECT_TRUE(rule.help.ends_with('.')) << rule.id;
    EXPECT_TRUE(anchors.contains(std::string(rule.anchor)))
        << rule.id << ": no README heading has the anchor " << rule.anchor;
  }
}

TEST(RuleCatalogTest, FindRuleAndHelpUri) {
  std::optional<size_t> index = find_rule("schema.enum");
  ASSERT_TRUE(index.has_value());
  const RuleInfo& rule = rule_catalog()[*index];
  EXPECT_EQ(rule.id, "schema.enum");
  EXPECT_EQ(rule.severity, Severity::error);
  EXPECT_EQ(rule_help_uri(rule), std::string(k_fmkit_home) + "#rules");
  EXPECT_EQ(rule_catalog()[*find_rule("yaml11-bool")].severity,
            Severity::warning);
  EXPECT_FALSE(find_rule("schema").has_value());
  EXPECT_FALSE(find_rule("").has_value());
}

// The README's rules table, as the catalog gives it.
std::string rules_table() {
  std::string out =
      "| rule | severity | what | how to fix |\n|---|---|---|---|\n";
  auto cell = [](std::string_view text) {
    std::string escaped;
    for (char c : text) {
      // '|' would end the cell; '*' could start emphasis ('**' in globs).
      if (c == '|' || c == '*') escaped += '\\';
      escaped += c;
    }
    return escaped;
  };
  for (const RuleInfo& rule : rule_catalog()) {
    out += "| `" + std::string(rule.id) + "` | " +
           std::string(to_string(rule.severity)) + " | " + cell(rule.summary) +
           " | " + cell(rule.help) + " |\n";
  }
  return out;
}

constexpr std::string_view k_table_begin =
    "<!-- rules table: generated from src/diag/rules.cpp -->\n";
constexpr std::string_view k_table_end = "<!-- end of rules table -->\n";

TEST(RuleCatalogTest, ReadmeTableIsTheCatalog) {
  fs::path readme = fs::path(FMKIT_SOURCE_DIR) / "README.md";
  std::string text = read_bytes(readme);
  size_t begin = text.find(k_table_begin);
  size_t end = text.find(k_table_end);
  ASSERT_NE(begin, std::string::npos) << "no rules table in README.md";
  ASSERT_NE(end, std::string::npos) << "the rules table does not end";
  begin += k_table_begin.size();
  std::string expected = rules_table();
  if (std::getenv("FMKIT_UPDATE_GOLDEN")) {
    text.replace(begin, end - begin, expected);
    std::ofstream(readme, std::ios::binary) << text;
    return;
  }
  EXPECT_EQ(text.substr(begin, end - begin), expected)
      << "README.md's rules table differs from src/diag/rules.cpp";
}

}  // namespace
}  // namespace fmkit
