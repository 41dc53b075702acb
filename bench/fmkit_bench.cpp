// SPDX-License-Identifier: MIT
//
// Per-document costs of the validate hot path on the seed post (19 keys,
// ~1.5 KB of front matter, Chinese and English values), and pattern
// matching on 100,000-character strings (tests/schema/pattern_test.cpp
// checks the answers; the time is measured here, never asserted).
#include "document/document.hpp"
#include "schema/ecma_regex.hpp"
#include "schema/schema_registry.hpp"
#include "schema/validator.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& seed_post() {
  static const std::string text =
      read_file(FMKIT_SOURCE_DIR
                "/fixtures/site/content/posts/2024/gwern-ai-forecasting.md");
  return text;
}

void BM_SplitFrontMatter(benchmark::State& state) {
  const std::string& text = seed_post();
  for (auto _ : state) {
    benchmark::DoNotOptimize(split_front_matter(text));
  }
}
BENCHMARK(BM_SplitFrontMatter);

void BM_ReadDocument(benchmark::State& state) {
  const std::string& text = seed_post();
  for (auto _ : state) {
    LineIndex lines(text);
    std::vector<Diagnostic> diagnostics;
    Document document = read_document(text, lines, {}, diagnostics);
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ReadDocument);

void BM_Validate(benchmark::State& state) {
  const std::string& text = seed_post();
  SchemaRegistry registry(
      [](const std::filesystem::path& path) -> Expected<std::string> {
        return read_file(path.string());
      });
  auto schema = registry.load(FMKIT_SOURCE_DIR "/schemas/post.schema.json");
  if (!schema) {
    state.SkipWithError("cannot load schemas/post.schema.json");
    return;
  }
  Validator validator(*schema);
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  for (auto _ : state) {
    diagnostics.clear();
    validator.validate(document, lines, diagnostics);
    benchmark::DoNotOptimize(diagnostics);
  }
}
BENCHMARK(BM_Validate);

// Patterns that backtrack exponentially in std::regex, on 100,000
// characters: the argument picks the case; even cases match, odd ones fail
// only at their last character. RE2 is linear, so every case should run at
// about the same bytes per second (~800 MB/s on the 2-core machine).
struct PatternCase {
  const char* pattern;
  std::string text;
};

const std::vector<PatternCase>& pattern_cases() {
  static const std::vector<PatternCase> cases = [] {
    const std::string long_a(100'000, 'a');
    std::string slug;
    while (slug.size() < 100'000) slug += "abc-";
    slug += "z";
    return std::vector<PatternCase>{
        {"^(a|aa)+$", long_a},
        {"^(a|aa)+$", long_a + "b"},
        {"^(a+)+$", long_a},
        {"^(a+)+$", long_a + "!"},
        {"^[a-z0-9]+(-[a-z0-9]+)*$", slug},
        {"^[a-z0-9]+(-[a-z0-9]+)*$", slug + "-"},
    };
  }();
  return cases;
}

void BM_PatternLongString(benchmark::State& state) {
  const PatternCase& c = pattern_cases()[static_cast<size_t>(state.range(0))];
  auto re = compile_ecma_regex(c.pattern);
  if (!re) {
    state.SkipWithError(re.error().c_str());
    return;
  }
  const bool want = state.range(0) % 2 == 0;
  for (auto _ : state) {
    bool found = regex_search(**re, c.text);
    if (found != want) {
      state.SkipWithError("wrong answer");
      break;
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetLabel(std::string(c.pattern) + (want ? " match" : " no match"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(c.text.size()));
}
BENCHMARK(BM_PatternLongString)->DenseRange(0, 5);

}  // namespace
}  // namespace fmkit

BENCHMARK_MAIN();
