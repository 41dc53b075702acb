// SPDX-License-Identifier: MIT
//
// Rules across files: what fmkit.yaml declares (run/config_rules), the data
// files references name, and the checks of run/site_rules.hpp over values
// taken from real documents.
#include "run/site_rules.hpp"

#include "report/render_support.hpp"
#include "run/config.hpp"
#include "run/config_rules.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using testing_support::headers;
using testing_support::render;
using testing_support::ScopedTempDir;

constexpr const char* k_rules = R"(collections:
  posts:
    include: ["posts/*.md"]
    schema: post.json
    unique: [slug, {field: /permalink, across: [pages], normalize: url}]
    references:
      author: {data: authors.yml}
      related: {collection: posts, key: slug}
      series: {collection: series, key: stem}
  pages:
    include: ["pages/*.md"]
    schema: page.json
  series:
    include: ["series/*.md"]
    schema: series.json
)";

TEST(SiteRulesConfigTest, ParsesUniqueAndReferences) {
  auto config = parse_config(k_rules, "fmkit.yaml");
  ASSERT_TRUE(config) << render(config.error());
  const CollectionConfig& posts = config->collections[0];
  ASSERT_EQ(posts.unique.size(), 2u);
  EXPECT_EQ(posts.unique[0].field, "slug");
  EXPECT_EQ(posts.unique[0].tokens, std::vector<std::string>{"slug"});
  EXPECT_EQ(posts.unique[0].collections, std::vector<std::string>{"posts"});
  EXPECT_FALSE(posts.unique[0].normalize_url);
  EXPECT_EQ(posts.unique[1].field, "/permalink");
  EXPECT_EQ(posts.unique[1].collections,
            (std::vector<std::string>{"posts", "pages"}));
  EXPECT_TRUE(posts.unique[1].normalize_url);
  EXPECT_EQ(posts.unique[1].span.begin.line, 5u);

  ASSERT_EQ(posts.references.size(), 3u);
  EXPECT_EQ(posts.references[0].field, "author");
  EXPECT_EQ(posts.references[0].data, "authors.yml");
  EXPECT_EQ(posts.references[0].data_span.begin.line, 7u);
  EXPECT_EQ(posts.references[1].collection, "posts");
  EXPECT_EQ(posts.references[1].key_tokens, std::vector<std::string>{"slug"});
  EXPECT_FALSE(posts.references[1].by_stem);
  EXPECT_EQ(posts.references[2].collection, "series");
  EXPECT_TRUE(posts.references[2].by_stem);
}

struct BadRule {
  const char* settings;  // under collection 'posts'
  const char* error;
};

// Each mistake in a rule is a config error at its place, in the one form.
const BadRule k_bad_rules[] = {
    {"    unique: [{field: slug, across: [page]}]\n",
     "fmkit.yaml:5:37: error: unknown collection 'page' (did you mean "
     "'pages'?) [config.rule]\n"},
    {"    unique: [{field: slug, normalize: URLs}]\n",
     "fmkit.yaml:5:39: error: unknown normalization 'URLs': 'normalize' "
     "takes url (did you mean 'url'?) [config.rule]\n"},
    {"    unique: [{field: slug, normalise: url}]\n",
     "fmkit.yaml:5:28: error: unknown key 'normalise' in a 'unique' rule "
     "(did you mean 'normalize'?) [config.unknown-key]\n"},
    {"    unique: ['/a//b']\n",
     "fmkit.yaml:5:14: error: field '/a//b' has an empty token "
     "[config.rule]\n"},
    {"    unique: [{across: [pages]}]\n",
     "fmkit.yaml:5:14: error: a 'unique' rule needs 'field' (a key or a "
     "JSON Pointer) [config.missing-key]\n"},
    {"    references:\n      author: {colection: pages, key: stem}\n",
     "fmkit.yaml:6:15: error: reference 'author' needs 'data' (a data file) "
     "or 'collection' [config.missing-key]\n"
     "fmkit.yaml:6:16: error: unknown key 'colection' in reference 'author' "
     "(did you mean 'collection'?) [config.unknown-key]\n"},
    {"    references:\n      author: {collection: pgaes, key: stem}\n",
     "fmkit.yaml:6:28: error: unknown collection 'pgaes' (did you mean "
     "'pages'?) [config.rule]\n"},
    {"    references:\n      series: {collection: pages}\n",
     "fmkit.yaml:6:15: error: reference 'series' needs 'key': a field of "
     "collection 'pages', or stem (the file name without its extension) "
     "[config.missing-key]\n"},
    {"    references:\n      author: {data: a.yml, collection: pages}\n",
     "fmkit.yaml:6:15: error: reference 'author' needs either 'data' or "
     "'collection', not both [config.rule]\n"},
    {"    references: [author]\n",
     "fmkit.yaml:5:17: error: 'references' must be a mapping of fields to "
     "what they name ({author: {data: data/authors.yml}}), got [\"author\"] "
     "[config.type]\n"},
};

TEST(SiteRulesConfigTest, EachMistakeIsAnErrorAtItsPlace) {
  for (const BadRule& bad : k_bad_rules) {
    std::string text = std::string(
                           "collections:\n  posts:\n    include: '*.md'\n"
                           "    schema: s.json\n") +
                       bad.settings +
                       "  pages:\n    include: 'p/*.md'\n    schema: s.json\n";
    auto config = parse_config(text, "fmkit.yaml");
    ASSERT_FALSE(config) << bad.settings;
    EXPECT_EQ(headers(config.error()), bad.error) << bad.settings;
  }
}

// A site folder with fmkit.yaml naming the data file `data` with `key`.
std::string data_config(const char* data, const char* key) {
  return std::string(
             "collections:\n  posts:\n    include: '*.md'\n"
             "    schema: s.json\n    references:\n"
             "      author: {data: ") +
         data + key + "}\n";
}

TEST(SiteRulesConfigTest, ReadsTheKeysOfDataFilesInEachLanguage) {
  ScopedTempDir dir;
  dir.write("authors.yml", "jdoe: {name: J. Doe}\nasmith: {}\n");
  dir.write("authors.json", R"({"jdoe": {}, "bob": 1})");
  dir.write("authors.toml", "[jdoe]\nname = 'J'\n[carol]\n");
  dir.write("list.yaml", "- id: jdoe\n- id: 42\n");
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"authors.yml", {"asmith", "jdoe"}},
      {"authors.json", {"bob", "jdoe"}},
      {"authors.toml", {"carol", "jdoe"}},
      {"list.yaml", {"42", "jdoe"}}};
  for (const auto& [file, keys] : cases) {
    dir.write(
        "fmkit.yaml",
        data_config(file, std::string(file) == "list.yaml" ? ", key: id" : ""));
    auto config = load_config("fmkit.yaml", dir.path());
    ASSERT_TRUE(config) << render(config.error());
    auto loaded = load_rule_data(*config, dir.path(), dir.path());
    ASSERT_TRUE(loaded) << render(loaded.error());
    EXPECT_EQ(config->collections[0].references[0].data_keys, keys) << file;
  }
}

TEST(SiteRulesConfigTest, AnUnusableDataFileIsAConfigErrorAtItsName) {
  ScopedTempDir dir;
  dir.write("bad.yml", "jdoe: [\n");
  dir.write("list.yml", "- id: jdoe\n- name: nobody\n");
  dir.write("map.yml", "jdoe: {}\n");
  struct Case {
    const char* data;
    const char* key;
    const char* error;
  };
  const Case cases[] = {
      {"missing.yml", "",
       "fmkit.yaml:6:22: error: cannot read the data file 'missing.yml': no "
       "such file or directory [config.data]\n"},
      {"bad.yml", "",
       "fmkit.yaml:6:22: error: the data file 'bad.yml' of reference "
       "'author' cannot be used: 1 error in it [config.data]\n"
       "bad.yml:1:7: error: the list opened here with '[' is never closed; "
       "end it with ']' [yaml.syntax]\n"},
      {"list.yml", ", key: id",
       "fmkit.yaml:6:22: error: the data file 'list.yml' of reference "
       "'author' cannot be used: 1 error in it [config.data]\n"
       "list.yml:2:3: error: item 2 has no 'id' naming it [config.data]\n"},
      {"map.yml", ", key: id",
       "fmkit.yaml:6:22: error: the data file 'map.yml' of reference "
       "'author' cannot be used: 1 error in it [config.data]\n"
       "map.yml:1:1: error: a data file named with 'key: id' must be a list "
       "of mappings, got an object [config.data]\n"},
  };
  for (const Case& c : cases) {
    dir.write("fmkit.yaml", data_config(c.data, c.key));
    auto config = load_config("fmkit.yaml", dir.path());
    ASSERT_TRUE(config) << render(config.error());
    auto loaded = load_rule_data(*config, dir.path(), dir.path());
    ASSERT_FALSE(loaded) << c.data;
    EXPECT_EQ(headers(loaded.error()), c.error) << c.data;
  }
}

// A data file outside the repository is not read (its lines would be
// quoted), unless --allow-outside (no root) says so.
TEST(SiteRulesConfigTest, ADataFileOutsideTheRootIsNotRead) {
  ScopedTempDir dir;
  dir.write("outside.yml", "jdoe: {}\n");
  dir.write("site/fmkit.yaml", data_config("../outside.yml", ""));
  auto config = load_config("site/fmkit.yaml", dir.path());
  ASSERT_TRUE(config) << render(config.error());
  auto refused = load_rule_data(*config, dir.path(), dir.path() / "site");
  ASSERT_FALSE(refused);
  EXPECT_EQ(headers(refused.error()),
            "site/fmkit.yaml:6:22: error: the data file '../outside.yml' is "
            "outside " +
                (dir.path() / "site").string() +
                ": fmkit reads files only inside the repository (or the "
                "working folder), so that an edited fmkit.yaml cannot print "
                "other files; pass --allow-outside to read it anyway "
                "[config.outside]\n");
  auto allowed = load_rule_data(*config, dir.path(), std::nullopt);
  ASSERT_TRUE(allowed) << render(allowed.error());
  EXPECT_EQ(config->collections[0].references[0].data_keys,
            std::vector<std::string>{"jdoe"});
}

// Values of the rules of k_rules from documents, checked.
class SiteRulesTest : public testing::Test {
 protected:
  void SetUp() override {
    auto config = parse_config(k_rules, "fmkit.yaml");
    ASSERT_TRUE(config) << render(config.error());
    m_config = std::move(*config);
    m_config.collections[0].references[0].data_keys = {"asmith", "jdoe"};
    m_rules.emplace(m_config);
    m_checker.emplace(*m_rules);
  }

  // Adds the file `display` of collection `collection` with `front_matter`.
  void add(const std::string& display, size_t collection,
           const std::string& front_matter, bool context = false) {
    std::string text = "---\n" + front_matter + "---\n";
    LineIndex lines(text);
    std::vector<Diagnostic> diagnostics;
    Document document = read_document(text, lines, {}, diagnostics);
    ASSERT_TRUE(document.usable) << text;
    std::vector<RuleValue> values;
    m_rules->collect(collection, document, lines, values);
    m_checker->add(m_files++, display, collection, std::move(values), context);
  }

  // Each finding as "file id line:col: message [rule]", one a line.
  std::string findings() const {
    std::string out;
    for (const RuleFindings& file : m_checker->check()) {
      for (const Diagnostic& d : file.diagnostics) {
        out += std::to_string(file.file) + " " +
               std::to_string(d.span.begin.line) + ":" +
               std::to_string(d.span.begin.column) + ": " + d.message + " [" +
               d.rule + "]\n";
      }
    }
    return out;
  }

  Config m_config;
  std::optional<SiteRules> m_rules;
  std::optional<RuleChecker> m_checker;
  size_t m_files = 0;
};

TEST_F(SiteRulesTest, CleanFilesHaveNoFindings) {
  add("series/intro.md", 2, "title: Intro\n");
  add("posts/a.md", 0,
      "slug: a\npermalink: /a/\nauthor: jdoe\nseries: intro\n");
  add("posts/b.md", 0, "slug: b\nrelated: [a]\nauthor: ''\nseries: [intro]\n");
  EXPECT_EQ(findings(), "");
}

TEST_F(SiteRulesTest, ADuplicateIsReportedAtEachValueNamingTheOther) {
  add("posts/a.md", 0, "title: A\nslug: same\n");
  add("posts/b.md", 0, "slug: same\n");
  add("posts/c.md", 0, "slug: other\n");
  EXPECT_EQ(findings(),
            "0 3:7: duplicate slug 'same', also at posts/b.md:2:7 "
            "[unique.duplicate]\n"
            "1 2:7: duplicate slug 'same', also at posts/a.md:3:7 "
            "[unique.duplicate]\n");
}

TEST_F(SiteRulesTest, ThreeEqualValuesCountTheOtherPlaces) {
  add("posts/a.md", 0, "slug: x\n");
  add("posts/b.md", 0, "slug: x\n");
  add("posts/c.md", 0, "slug: x\n");
  std::string out = findings();
  EXPECT_NE(out.find("2 2:7: duplicate slug 'x', also at posts/a.md:2:7 and "
                     "1 other place [unique.duplicate]"),
            std::string::npos)
      << out;
}

TEST_F(SiteRulesTest, UrlsCompareWithoutCaseAndTrailingSlashAcross) {
  add("posts/a.md", 0, "permalink: /About/\n");
  add("pages/about.md", 1, "permalink: /about\n");
  add("pages/other.md", 1, "permalink: /about-us/\n");
  EXPECT_EQ(findings(),
            "0 2:12: duplicate /permalink '/About/', also at "
            "pages/about.md:2:12 [unique.duplicate]\n"
            "1 2:12: duplicate /permalink '/about', also at posts/a.md:2:12 "
            "[unique.duplicate]\n");
  EXPECT_EQ(normalize_url("/A/b//"), "/a/b");
  EXPECT_EQ(normalize_url("/"), "/");
}

TEST_F(SiteRulesTest, DanglingReferencesSuggestAnExistingName) {
  add("series/intro-to-rust.md", 2, "title: S\n");
  add("posts/a.md", 0, "slug: first-post\n");
  add("posts/b.md", 0,
      "slug: b\nauthor: jdoo\nrelated: [first-psot, b]\n"
      "series: [intro-to-rsut]\n");
  EXPECT_EQ(findings(),
            "2 3:9: author 'jdoo' names no key of authors.yml (did you mean "
            "'jdoe'?) [ref.dangling]\n"
            "2 4:11: related 'first-psot' names no 'slug' of collection "
            "'posts' (did you mean 'first-post'?) [ref.dangling]\n"
            "2 5:10: series 'intro-to-rsut' names no file of collection "
            "'series' (did you mean 'intro-to-rust'?) [ref.dangling]\n");
}

TEST_F(SiteRulesTest, ABundleIsNamedByItsFolder) {
  add("series/rust/index.md", 2, "title: Rust\n");
  add("series/go/_index.md", 2, "title: Go\n");
  add("posts/a.md", 0, "series: [rust, go, index]\n");
  EXPECT_EQ(findings(),
            "2 2:20: series 'index' names no file of collection 'series' "
            "[ref.dangling]\n");
}

TEST_F(SiteRulesTest, ContextFilesCountButGetNoFindings) {
  add("posts/old.md", 0, "slug: reused\nauthor: nobody\n", true);
  add("series/s.md", 2, "title: S\n", true);
  add("posts/new.md", 0, "slug: reused\nseries: s\n");
  EXPECT_EQ(findings(),
            "2 2:7: duplicate slug 'reused', also at posts/old.md:2:7 "
            "[unique.duplicate]\n");
}

TEST_F(SiteRulesTest, AListFieldChecksEachItemAndNumbersAsWritten) {
  m_config.collections[0].unique[0].tokens = {"tags"};
  m_rules.emplace(m_config);
  m_checker.emplace(*m_rules);
  add("posts/a.md", 0, "tags: [x, 7, y, 7]\n");
  EXPECT_EQ(findings(),
            "0 2:11: duplicate slug '7', also at posts/a.md:2:17 "
            "[unique.duplicate]\n"
            "0 2:17: duplicate slug '7', also at posts/a.md:2:11 "
            "[unique.duplicate]\n");
}

}  // namespace
}  // namespace fmkit
