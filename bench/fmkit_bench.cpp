// SPDX-License-Identifier: MIT
//
// Per-document costs of each stage on the seed post (19 keys, ~1.5 KB of
// front matter, Chinese and English values): reading the file, splitting
// the front matter, checking its characters, reading the YAML with
// positions, validating, hashing for the result cache, rendering a report,
// planning a migration step and diffing it; and pattern matching on
// 100,000-character strings (tests/schema/pattern_test.cpp checks the
// answers; the time is measured here, never asserted).
#include "document/document.hpp"
#include "document/yaml_characters.hpp"
#include "edit/unified_diff.hpp"
#include "migrate/migration.hpp"
#include "migrate/planner.hpp"
#include "report/text_renderer.hpp"
#include "run/cache_hash.hpp"
#include "run/file_reader.hpp"
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

constexpr const char* k_seed_path = FMKIT_SOURCE_DIR
    "/fixtures/site/content/posts/2024/gwern-ai-forecasting.md";

const std::string& seed_post() {
  static const std::string text = read_file(k_seed_path);
  return text;
}

// The example site's post schema; nullptr when it cannot be loaded.
std::shared_ptr<const CompiledSchema> post_schema() {
  SchemaRegistry registry(
      [](const std::filesystem::path& path) -> Expected<std::string> {
        return read_file(path.string());
      });
  auto schema = registry.load(FMKIT_SOURCE_DIR "/schemas/post.schema.json");
  return schema ? *schema : nullptr;
}

// The example site's first migration step (a rename and a value map);
// nullptr when it cannot be read.
const Migration* seed_migration() {
  static const auto migration = parse_migration(
      read_file(FMKIT_SOURCE_DIR "/migrations/0002-speaker-becomes-host.yaml"),
      "0002-speaker-becomes-host.yaml");
  return migration ? &*migration : nullptr;
}

void BM_ReadFile(benchmark::State& state) {
  for (auto _ : state) {
    auto read = read_front_matter(k_seed_path, {});
    if (!read) {
      state.SkipWithError(read.error().c_str());
      break;
    }
    benchmark::DoNotOptimize(read);
  }
}
BENCHMARK(BM_ReadFile);

void BM_SplitFrontMatter(benchmark::State& state) {
  const std::string& text = seed_post();
  for (auto _ : state) {
    benchmark::DoNotOptimize(split_front_matter(text));
  }
}
BENCHMARK(BM_SplitFrontMatter);

void BM_CheckCharacters(benchmark::State& state) {
  const std::string& text = seed_post();
  const LineIndex lines(text);
  const FrontMatter fm = split_front_matter(text);
  std::vector<Diagnostic> diagnostics;
  for (auto _ : state) {
    benchmark::DoNotOptimize(check_yaml_characters(
        text, fm.yaml_begin, fm.yaml_end, lines, diagnostics));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(fm.yaml_end - fm.yaml_begin));
}
BENCHMARK(BM_CheckCharacters);

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
  std::shared_ptr<const CompiledSchema> schema = post_schema();
  if (!schema) {
    state.SkipWithError("cannot load schemas/post.schema.json");
    return;
  }
  Validator validator(schema);
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

void BM_CacheHash(benchmark::State& state) {
  const std::string& text = seed_post();
  for (auto _ : state) benchmark::DoNotOptimize(murmur3_128(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CacheHash);

// The text report of a post with three errors (source lines and carets).
void BM_RenderText(benchmark::State& state) {
  std::string text = seed_post();
  text.replace(text.find("draft: true"), 11, "draft: nope");
  const LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  std::shared_ptr<const CompiledSchema> schema = post_schema();
  if (!schema) {
    state.SkipWithError("cannot load schemas/post.schema.json");
    return;
  }
  Validator(schema).validate(document, lines, diagnostics);
  const FileReport report{"content/posts/a.md", text, diagnostics};
  for (auto _ : state) {
    std::ostringstream out;
    render_text_file(report, {}, out);
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel(std::to_string(diagnostics.size()) + " diagnostics");
}
BENCHMARK(BM_RenderText);

// One step of the example site's migrations (a rename and a value map),
// planned on the seed post, then the diff a dry run prints.
void BM_MigrateStep(benchmark::State& state) {
  const Migration* migration = seed_migration();
  if (migration == nullptr) {
    state.SkipWithError("cannot read the migration");
    return;
  }
  const std::string& text = seed_post();
  for (auto _ : state) {
    OpsResult result = apply_ops(text, migration->ops);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_MigrateStep);

void BM_UnifiedDiff(benchmark::State& state) {
  const Migration* migration = seed_migration();
  if (migration == nullptr) {
    state.SkipWithError("cannot read the migration");
    return;
  }
  const std::string& text = seed_post();
  const std::string after = apply_ops(text, migration->ops).text;
  for (auto _ : state) {
    benchmark::DoNotOptimize(unified_diff(text, after, "a/p.md", "b/p.md"));
  }
}
BENCHMARK(BM_UnifiedDiff);

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
