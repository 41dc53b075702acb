// SPDX-License-Identifier: MIT
//
// The yaml-test-suite (data release 2022-01-17, vendored in
// tests/data/yaml-test-suite/, see its README.md):
// every case must be judged as the suite says. A valid case with in.json
// must give the same JSON values (one per document, compared as compact
// JSON text, so 1 and 1.0 differ); a valid case without in.json must be
// accepted; an error case must be rejected. No case is skipped.
//
// Cases are read with MappingKeys::lenient: the suite holds valid YAML with
// collection keys and repeated (null) keys, which JSON cannot hold and
// front matter rejects on purpose (see yaml_test.cpp for that).
#include "document/yaml_to_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

const fs::path k_suite =
    fs::path(FMKIT_SOURCE_DIR) / "tests" / "data" / "yaml-test-suite";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// in.json holds zero or more JSON texts, one per YAML document.
std::vector<nlohmann::json> parse_json_texts(const std::string& text) {
  std::vector<nlohmann::json> values;
  std::istringstream in(text);
  while (in >> std::ws && in.peek() != std::char_traits<char>::eof()) {
    nlohmann::json value;
    in >> value;
    values.push_back(std::move(value));
  }
  return values;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  std::istringstream in(read_file(k_suite / "cases.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty()) names.push_back(line.substr(0, line.find('\t')));
  }
  return names;
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += std::to_string(d.span.begin.line) + ":" +
           std::to_string(d.span.begin.column) + ": " + d.message + " [" +
           d.rule + "]; ";
  }
  return out;
}

// Returns "" when the case passes, else why it fails.
std::string run_case(const std::string& name) {
  const fs::path dir = k_suite / name;
  const std::string yaml = read_file(dir / "in.yaml");
  const bool must_fail = fs::exists(dir / "error");
  YamlOptions options;
  options.keys = MappingKeys::lenient;
  std::vector<Diagnostic> diagnostics;
  auto documents = parse_yaml_stream(yaml, options, diagnostics);
  if (must_fail) {
    return documents ? "accepted, but the suite says it is invalid" : "";
  }
  if (!documents) return "rejected: " + describe(diagnostics);
  if (!fs::exists(dir / "in.json")) return "";
  std::vector<nlohmann::json> expected =
      parse_json_texts(read_file(dir / "in.json"));
  std::string want;
  std::string got;
  for (const auto& v : expected) want += v.dump() + "\n";
  for (const auto& v : *documents) got += v.dump() + "\n";
  if (want != got) return "JSON differs:\n  want " + want + "  got  " + got;
  return "";
}

TEST(YamlConformanceTest, EveryCaseOfTheYamlTestSuite) {
  ASSERT_TRUE(fs::exists(k_suite / "cases.tsv")) << k_suite;
  std::vector<std::string> names = case_names();
  ASSERT_EQ(names.size(), 402u);
  size_t passed = 0;
  for (const std::string& name : names) {
    std::string failure = run_case(name);
    if (failure.empty()) {
      ++passed;
    } else {
      std::string title = read_file(k_suite / name / "===");
      while (!title.empty() && title.back() == '\n') title.pop_back();
      ADD_FAILURE() << name << " (" << title << "): " << failure;
    }
  }
  std::cout << "yaml-test-suite: " << passed << "/" << names.size()
            << " cases\n";
  EXPECT_EQ(passed, names.size());
}

// Front matter is read the way site generators read it: a flow collection
// or quoted string whose lines sit at their parent's column is accepted with
// a yaml.indentation warning (PyYAML, Psych, js-yaml 3 and 4 and Hugo all
// read these two cases). Every other error case stays an error, and the
// stream reading above stays strict.
TEST(YamlConformanceTest, FrontMatterAcceptsOnlyWhatGeneratorsRead) {
  const std::vector<std::string> generators_read = {"9C9N", "QB6E"};
  std::vector<std::string> accepted;
  for (const std::string& name : case_names()) {
    const fs::path dir = k_suite / name;
    if (!fs::exists(dir / "error")) continue;
    const std::string yaml = read_file(dir / "in.yaml");
    LineIndex lines(yaml);
    YamlOptions options;
    options.keys = MappingKeys::lenient;
    std::vector<Diagnostic> diagnostics;
    if (parse_yaml_document(yaml, 0, yaml.size(), lines, options,
                            diagnostics)) {
      accepted.push_back(name);
      EXPECT_EQ(diagnostics.at(0).rule, "yaml.indentation") << name;
    }
  }
  std::sort(accepted.begin(), accepted.end());
  EXPECT_EQ(accepted, generators_read);
}

// Every valid single-document case, read as one document, must give
// positions that agree with what is written there: each span lies in the
// text and after its key; quoted scalars start and end with their quote,
// block scalars start at "|" or ">", flow sequences are bracketed, no
// collection ends in blanks, aliases start with "*", and a single-line
// plain string reads as its span.
std::string check_positions(const std::string& text,
                            const YamlDocument& document) {
  std::string problems;
  const std::string_view all = text;
  for (const auto& [pointer, info] : document.positions.entries()) {
    if (info.value_begin > info.value_end || info.value_end > text.size()) {
      problems += " " + pointer + ": span out of range;";
      continue;
    }
    if (info.has_key &&
        (info.key_begin > info.key_end || info.key_end > info.value_begin)) {
      problems += " " + pointer + ": key span;";
      continue;
    }
    std::string_view v =
        all.substr(info.value_begin, info.value_end - info.value_begin);
    bool ok = true;
    if (info.alias) {
      ok = v.starts_with('*');
    } else if (info.kind != NodeKind::scalar) {
      // A flow sequence is always bracketed; a mapping may start with a
      // bracketed key (`[a]: b`, `{x: 1}: y`), so only its end is checked.
      // (A last line of spaces only is a block scalar's content: "   "
      // under "  x" holds one space.)
      const size_t last_line = v.rfind('\n') + 1;  // 0 without one
      ok = !v.empty() && v.back() != '\n' &&
           (v.back() != ' ' ||
            (last_line > 0 &&
             v.substr(last_line).find_first_not_of(' ') == v.npos));
      if (info.kind == NodeKind::sequence && info.flow) {
        ok = v.starts_with('[') && v.ends_with(']');
      }
    } else {
      switch (info.style) {
        case ScalarStyle::single_quoted:
          ok = v.size() >= 2 && v.front() == '\'' && v.back() == '\'';
          break;
        case ScalarStyle::double_quoted:
          ok = v.size() >= 2 && v.front() == '"' && v.back() == '"';
          break;
        case ScalarStyle::literal:
          ok = v.starts_with('|');
          break;
        case ScalarStyle::folded:
          ok = v.starts_with('>');
          break;
        case ScalarStyle::plain: {
          const nlohmann::json& value =
              document.value.at(nlohmann::json::json_pointer(pointer));
          if (value.is_string() && v.find('\n') == v.npos) {
            ok = v == value.get<std::string>();
          }
          break;
        }
      }
    }
    if (!ok) problems += " " + pointer + ": [" + std::string(v) + "];";
  }
  return problems;
}

TEST(YamlConformanceTest, PositionsAgreeWithTheTextAcrossTheSuite) {
  size_t documents = 0;
  size_t entries = 0;
  for (const std::string& name : case_names()) {
    const fs::path dir = k_suite / name;
    if (fs::exists(dir / "error")) continue;
    const std::string yaml = read_file(dir / "in.yaml");
    LineIndex lines(yaml);
    YamlOptions options;
    options.keys = MappingKeys::lenient;
    std::vector<Diagnostic> diagnostics;
    auto document =
        parse_yaml_document(yaml, 0, yaml.size(), lines, options, diagnostics);
    if (!document) continue;  // several documents: see the test above
    ++documents;
    entries += document->positions.size();
    std::string problems = check_positions(yaml, *document);
    EXPECT_EQ(problems, "") << name;
  }
  // Most cases are single documents; make sure the test did look at them.
  EXPECT_GT(documents, 250u);
  EXPECT_GT(entries, 1000u);
}

}  // namespace
}  // namespace fmkit
