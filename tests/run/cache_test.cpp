// SPDX-License-Identifier: MIT
//
// The result cache through the runner: a hit gives exactly the fresh
// result, every input of the key invalidates, damaged cache files are
// survived and rewritten, pruning, and concurrent runs.
#include "run/cache.hpp"

#include "report/render_support.hpp"
#include "run/cache_key.hpp"
#include "run/cache_store.hpp"
#include "run/config.hpp"
#include "run/scoped_temp_dir.hpp"
#include "schema/schema_registry.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace fmkit {
namespace {

namespace fs = std::filesystem;
using testing_support::render;
using testing_support::ScopedTempDir;

constexpr const char* k_config =
    "collections:\n"
    "  posts:\n"
    "    include: 'content/**/*.md'\n"
    "    schema: schemas/post.json\n"
    "    migrations: migrations/\n";

// Renders results as the text format does, with the text kept per file.
std::string render_results(const std::vector<FileResult>& results) {
  std::ostringstream out;
  for (const FileResult& r : results) {
    out << "== " << r.report.path << (r.failed ? " failed" : "") << " text "
        << r.report.text.size() << "\n";
    render_text_file(r.report, TextOptions{}, out);
  }
  return out.str();
}

struct CacheRun {
  std::string output;  // render_results()
  size_t hits = 0;
  size_t misses = 0;
};

class ResultCacheTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("fmkit.yaml", k_config);
    m_site.write("schemas/post.json",
                 R"({"required": ["title"], "properties": {"title": )"
                 R"({"type": "string"}, "status": {"$ref": )"
                 R"("common.json#/definitions/status"}}})");
    m_site.write("schemas/common.json",
                 R"({"definitions": {"status": {"enum": ["draft", "done"]}}})");
    m_site.write("schemas/v2.json", R"({"required": ["host"]})");
    m_site.write("migrations/0002-host.yaml",
                 "version: 2\nops:\n  - rename: {from: speaker, to: host}\n");
    m_site.write("content/good.md", "---\ntitle: Good\n---\nbody\n");
    m_site.write("content/bad.md",
                 "---\ntitle: 42\nstatus: drfat\ndraft: yes\n---\nbody\n");
    m_site.write("content/sub/none.md", "no front matter\n");
    m_site.write("content/sub/v2.md",
                 "---\nschema_version: 2\ntitle: x\n---\n");
    m_site.write("content/unclosed.md", "---\ntitle: open\n");
  }

  // Plans the site and runs it through its cache; `paths` scope the run.
  CacheRun run(size_t jobs = 1, std::string identity = "fmkit test",
               std::vector<std::string> paths = {},
               PlanOptions plan_options = {}) {
    InputDigest inputs;
    SchemaRegistry registry(inputs.reader());
    auto config = load_config("fmkit.yaml", m_site.path());
    EXPECT_TRUE(config) << render(config.error());
    if (!config) return {};
    inputs.add(m_site.path() / "fmkit.yaml", config->text);
    auto plan =
        plan_with_config(*config, paths, m_site.path(), registry, plan_options);
    EXPECT_TRUE(plan) << render(plan.error());
    if (!plan) return {};
    ResultCache cache(
        folder(), plan->folder,
        collection_keys(*plan, inputs.value(plan->folder), identity));
    RunOptions options;
    options.jobs = jobs;
    options.cache = &cache;
    CacheRun result;
    result.output = render_results(run_validate(*plan, options));
    EXPECT_TRUE(cache.save(run_scope(paths, m_site.path())).has_value());
    result.hits = cache.hits();
    result.misses = cache.misses();
    return result;
  }

  // The same run without a cache.
  std::string fresh() {
    SchemaRegistry registry(
        [](const fs::path& path) { return read_whole_file(path); });
    auto config = load_config("fmkit.yaml", m_site.path());
    auto plan = plan_with_config(*config, {}, m_site.path(), registry, {});
    return render_results(run_validate(*plan, RunOptions{}));
  }

  fs::path folder() const { return m_site.path() / ".fmkit-cache"; }
  fs::path file() const { return folder() / "validate.cache"; }

  // The paths the cache file holds, sorted.
  std::vector<std::string> cached_paths() const {
    std::string bytes = testing_support::read_bytes(file());
    auto entries = decode_cache_file(bytes);
    EXPECT_TRUE(entries.has_value());
    std::vector<std::string> paths;
    if (entries) {
      for (const auto& [path, entry] : *entries) paths.emplace_back(path);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  }

  ino_t inode() const {
    struct stat st {};
    ::stat(file().c_str(), &st);
    return st.st_ino;
  }

  ScopedTempDir m_site;
};

TEST_F(ResultCacheTest, AHitGivesExactlyTheFreshResult) {
  std::string expected = fresh();
  ASSERT_NE(expected.find("[schema.enum]"), std::string::npos) << expected;
  ASSERT_NE(expected.find("[yaml11-bool]"), std::string::npos) << expected;
  CacheRun cold = run();
  EXPECT_EQ(cold.output, expected);
  EXPECT_EQ(cold.hits, 0u);
  EXPECT_EQ(cold.misses, 5u);
  for (size_t jobs : {1, 2, 4}) {
    CacheRun warm = run(jobs);
    EXPECT_EQ(warm.output, expected) << jobs;
    EXPECT_EQ(warm.hits, 5u) << jobs;
    EXPECT_EQ(warm.misses, 0u) << jobs;
  }
  EXPECT_EQ(m_site.read(".fmkit-cache/.gitignore"),
            "# created by fmkit: the result cache of 'fmkit validate'\n*\n");
  EXPECT_TRUE(
      m_site.read(".fmkit-cache/CACHEDIR.TAG")
          .starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"));
}

TEST_F(ResultCacheTest, AHitIsTakenFromTheCacheNotComputed) {
  run();
  // Rewrite bad.md's entry with another diagnostic under the same key: a
  // hit must show it, proving the file was not validated again.
  std::string bytes = testing_support::read_bytes(file());
  auto entries = decode_cache_file(bytes);
  ASSERT_TRUE(entries);
  Diagnostic planted{Severity::warning, "planted", "from the cache", "", {}};
  std::string planted_bytes = encode_diagnostics({planted});
  std::vector<std::pair<std::string_view, CacheEntryView>> rewritten;
  for (const auto& [path, entry] : *entries) {
    rewritten.emplace_back(path, path == "content/bad.md"
                                     ? CacheEntryView{entry.key, planted_bytes}
                                     : entry);
  }
  m_site.write(".fmkit-cache/validate.cache", encode_cache_file(rewritten));
  CacheRun warm = run();
  EXPECT_EQ(warm.hits, 5u);
  EXPECT_NE(warm.output.find("content/bad.md: warning: from the cache "
                             "[planted]"),
            std::string::npos)
      << warm.output;
}

TEST_F(ResultCacheTest, WarmRunWritesNothing) {
  run();
  ino_t before = inode();
  std::string bytes = testing_support::read_bytes(file());
  run();
  EXPECT_EQ(inode(), before);  // not replaced
  EXPECT_EQ(testing_support::read_bytes(file()), bytes);
}

TEST_F(ResultCacheTest, FrontMatterAndPathAreInTheKeyButNotTheBody) {
  run();
  m_site.write("content/good.md", "---\ntitle: Good\n---\nanother body\n");
  CacheRun body = run();
  EXPECT_EQ(body.misses, 0u);  // the body is not in the key
  m_site.write("content/good.md", "---\ntitle: 7\n---\nanother body\n");
  CacheRun changed = run();
  EXPECT_EQ(changed.misses, 1u);
  EXPECT_EQ(changed.output, fresh());
  EXPECT_NE(changed.output.find("content/good.md:2:8: error:"),
            std::string::npos);
  // The same bytes under another path.
  fs::rename(m_site.path() / "content/bad.md",
             m_site.path() / "content/worse.md");
  CacheRun moved = run();
  EXPECT_EQ(moved.misses, 1u);
  EXPECT_EQ(moved.output, fresh());
  // Unclosed front matter: every byte read counts.
  m_site.write("content/unclosed.md", "---\ntitle: open\nmore: 1\n");
  EXPECT_EQ(run().misses, 1u);
}

TEST_F(ResultCacheTest, SchemasRefsConfigAndMigrationsAreInTheKey) {
  run();
  struct Change {
    const char* file;
    const char* text;
  };
  const Change changes[] = {
      // A file the schema $refs, the root schema, the config (a comment
      // only), a migration's schema, a new migration.
      {"schemas/common.json",
       R"({"definitions": {"status": {"enum": ["drfat"]}}})"},
      {"schemas/post.json", R"({"required": ["title"]})"},
      {"fmkit.yaml", "# a comment\n"},
      {"migrations/0002-host.yaml",
       "version: 2\nschema: ../schemas/v2.json\nops: []\n"},
      {"migrations/0003-next.yaml", "version: 3\nops: []\n"},
  };
  for (const Change& change : changes) {
    std::string old = m_site.read(change.file);
    std::string text = change.text;
    if (std::string(change.file) == "fmkit.yaml") text = old + text;
    m_site.write(change.file, text);
    CacheRun changed = run();
    EXPECT_EQ(changed.hits, 0u) << change.file;
    EXPECT_EQ(changed.output, fresh()) << change.file;
    EXPECT_EQ(run().misses, 0u) << change.file;
  }
}

TEST_F(ResultCacheTest, FmkitBuildAndReadingOptionsAreInTheKey) {
  run(1, "fmkit 0.1.0 build aaaa");
  EXPECT_EQ(run(1, "fmkit 0.1.0 build bbbb").hits, 0u);
  PlanOptions limits;
  limits.yaml.max_depth = 3;
  EXPECT_EQ(run(1, "fmkit 0.1.0 build bbbb", {}, limits).hits, 0u);
  EXPECT_EQ(run(1, "fmkit 0.1.0 build bbbb", {}, limits).misses, 0u);
}

TEST_F(ResultCacheTest, DamagedCacheFilesAreIgnoredAndRewritten) {
  std::string expected = fresh();
  run();
  std::string good = testing_support::read_bytes(file());
  std::string foreign = good;
  foreign[8] = 9;  // format version 9
  std::string flipped = good;
  flipped[good.size() - 3] ^= 0x10;
  const std::string damaged[] = {
      good.substr(0, good.size() / 2),  // truncated
      good.substr(0, 10),               // header cut
      "",                               // empty
      flipped,                          // corrupt
      foreign,                          // another format version
      "garbage \xFF\xFE not a cache at all\n",
  };
  for (const std::string& bytes : damaged) {
    m_site.write(".fmkit-cache/validate.cache", bytes);
    CacheRun survived = run();
    EXPECT_EQ(survived.output, expected);
    EXPECT_EQ(survived.hits, 0u);
    EXPECT_EQ(testing_support::read_bytes(file()), good);  // rewritten
    EXPECT_EQ(run().hits, 5u);
  }
}

TEST_F(ResultCacheTest, WholeRunsPruneGoneFilesScopedRunsKeepOthers) {
  run();
  EXPECT_EQ(cached_paths(),
            (std::vector<std::string>{
                "content/bad.md", "content/good.md", "content/sub/none.md",
                "content/sub/v2.md", "content/unclosed.md"}));
  fs::remove(m_site.path() / "content/good.md");
  fs::remove(m_site.path() / "content/sub/v2.md");
  // A run over one file keeps every other entry.
  CacheRun one = run(1, "fmkit test", {"content/bad.md"});
  EXPECT_EQ(one.hits, 1u);
  EXPECT_EQ(cached_paths().size(), 5u);
  // A run over a folder drops what is gone from that folder only.
  run(1, "fmkit test", {"content/sub"});
  EXPECT_EQ(cached_paths(), (std::vector<std::string>{
                                "content/bad.md", "content/good.md",
                                "content/sub/none.md", "content/unclosed.md"}));
  // A run over the whole config drops the rest.
  run();
  EXPECT_EQ(cached_paths(),
            (std::vector<std::string>{"content/bad.md", "content/sub/none.md",
                                      "content/unclosed.md"}));
}

TEST_F(ResultCacheTest, ConcurrentRunsLeaveAValidCache) {
  std::string expected = fresh();
  for (int round = 0; round < 3; ++round) {
    fs::remove_all(folder());
    std::vector<std::string> outputs(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < outputs.size(); ++t) {
      threads.emplace_back([&, t] { outputs[t] = run(2).output; });
    }
    for (std::thread& thread : threads) thread.join();
    for (const std::string& output : outputs) EXPECT_EQ(output, expected);
    EXPECT_EQ(cached_paths().size(), 5u);
    CacheRun after = run();
    EXPECT_EQ(after.hits, 5u);
    EXPECT_EQ(after.output, expected);
  }
  // No temporary file is left behind.
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(folder())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos);
    ++files;
  }
  EXPECT_EQ(files, 3u);  // validate.cache, .gitignore, CACHEDIR.TAG
}

// A collection read as YAML 1.1 types values otherwise: switching the mode
// must never serve the other mode's results, even with the same inputs.
TEST(CacheKeyTest, TheYamlVersionIsInTheKey) {
  Plan plan;
  plan.collections.emplace_back();
  plan.collections[0].name = "posts";
  const Hash128 inputs = murmur3_128("inputs");
  std::vector<Hash128> yaml12 = collection_keys(plan, inputs, "fmkit test");
  plan.collections[0].document.yaml.version = YamlVersion::v1_1;
  std::vector<Hash128> yaml11 = collection_keys(plan, inputs, "fmkit test");
  ASSERT_EQ(yaml11.size(), 1u);
  EXPECT_FALSE(yaml11[0] == yaml12[0]);
  plan.collections[0].document.yaml.version = YamlVersion::v1_2;
  EXPECT_TRUE(collection_keys(plan, inputs, "fmkit test")[0] == yaml12[0]);
}

TEST(CacheKeyTest, BuildIdIsThisExecutables) {
  std::string id = build_id();
  EXPECT_EQ(id, build_id());
  // Debian's toolchain always writes a build-id (SHA-1: 40 hex digits).
  EXPECT_EQ(id.size(), 40u) << id;
}

TEST(CacheKeyTest, DefaultFolderIsBesideTheConfigElseTheUserCache) {
  ScopedTempDir dir;
  Plan plan;
  plan.folder = dir.path() / "site";
  fs::create_directories(plan.folder);
  EXPECT_EQ(default_cache_folder(plan, "", "/home/u/.cache"),
            plan.folder / ".fmkit-cache");
  Plan schema_run;
  fs::path home = default_cache_folder(schema_run, "/s/post.json", "/c");
  EXPECT_EQ(home.parent_path(), "/c/fmkit");
  EXPECT_TRUE(home.filename().string().starts_with("schema-")) << home;
  EXPECT_NE(home, default_cache_folder(schema_run, "/s/other.json", "/c"));
  EXPECT_EQ(default_cache_folder(schema_run, "/s/post.json", ""), "");
}

}  // namespace
}  // namespace fmkit
