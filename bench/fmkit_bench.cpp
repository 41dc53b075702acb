// SPDX-License-Identifier: MIT
//
// Per-document costs of the validate hot path on the seed post (19 keys,
// ~1.5 KB of front matter, Chinese and English values).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "document/document.hpp"
#include "schema/schema_registry.hpp"
#include "schema/validator.hpp"

namespace fmkit {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& seed_post() {
  static const std::string text = read_file(
      FMKIT_SOURCE_DIR "/fixtures/site/content/posts/2024/gwern-ai-forecasting.md");
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
  SchemaRegistry registry([](const std::filesystem::path& path)
                              -> Expected<std::string> {
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

}  // namespace
}  // namespace fmkit

BENCHMARK_MAIN();
