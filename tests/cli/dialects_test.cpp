// SPDX-License-Identifier: MIT
//
// Front-matter dialects (JSON, TOML, language tags) and the files a walk takes
// (.md, .markdown, .mdx, `extensions:`, a collection's own extensions), end
// to end through run_cli.
#include "cli/cli_run.hpp"
#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using testing_support::CliResult;
using testing_support::environment_in;
using testing_support::run_fmkit;
using testing_support::ScopedTempDir;

constexpr const char* k_schema = R"({
  "type": "object",
  "required": ["title"],
  "properties": {"title": {"type": "string"}, "draft": {"type": "boolean"}}
})";

// A site with YAML, JSON and tagged front matter in .md, .mdx, .markdown
// and .html files, and files no walk takes.
class DialectsTest : public testing::Test {
 protected:
  void SetUp() override {
    m_site.write("schema.json", k_schema);
    write_config("");
    m_site.write("docs/a.md", "---\ntitle: A\n---\nbody\n");
    m_site.write("docs/b.mdx",
                 "---\ntitle: 3\n---\nimport X from './x.astro';\n<X />\n");
    m_site.write("docs/c.md",
                 "{\n  \"title\": \"C\",\n  \"draft\": \"no\"\n}\nbody\n");
    m_site.write("docs/d.markdown", "---json\n{\"draft\": true}\n---\n");
    m_site.write("docs/notes.txt", "---\ntitle: 1\n---\n");
    m_site.write("docs/img.png", "not an image");
    m_site.write("pages/p.html",
                 "---\ntitle: P\ndraft: 1\n---\n<p>{{ content }}</p>\n");
    m_site.write("pages/q.njk", "{% extends \"base.njk\" %}\n");
  }

  void write_config(const std::string& top) {
    m_site.write("fmkit.yaml", top +
                                   "collections:\n"
                                   "  docs:\n"
                                   "    include: 'docs/**'\n"
                                   "    schema: schema.json\n"
                                   "  pages:\n"
                                   "    include: 'pages/*.html'\n"
                                   "    schema: schema.json\n");
  }

  CliResult run(std::vector<std::string> args) {
    return run_fmkit(args, environment_in(m_site.path()));
  }

  ScopedTempDir m_site;
};

constexpr const char* k_expected =
    "docs/b.mdx:2:8: error: 'title' must be a string, got number 3 "
    "[schema.type]\n"
    "title: 3\n"
    "       ^\n"
    "docs/c.md:3:12: error: 'draft' must be a boolean, got string \"no\" "
    "[schema.type]\n"
    "  \"draft\": \"no\"\n"
    "           ^~~~\n"
    "docs/d.markdown:2:15: error: missing required key 'title' "
    "[schema.required]\n"
    "{\"draft\": true}\n"
    "              ^\n"
    "pages/p.html:3:8: error: 'draft' must be a boolean, got number 1 "
    "[schema.type]\n"
    "draft: 1\n"
    "       ^\n"
    "5 files, 4 with errors, 4 errors, 0 warnings\n";

TEST_F(DialectsTest, WalksTakeMarkdownMdxAndTheExtensionsOfCollections) {
  // Without PATHs (the collections' folders) and with a PATH: the same
  // files; not .txt, .png or .njk (no collection names them).
  CliResult all = run({"validate", "--no-cache"});
  EXPECT_EQ(all.code, 1) << all.err;
  EXPECT_EQ(all.err, "");
  EXPECT_EQ(all.out, k_expected);
  CliResult walked = run({"validate", "--no-cache", "."});
  EXPECT_EQ(walked.out, k_expected);
  EXPECT_EQ(walked.err, "");
}

TEST_F(DialectsTest, JsonOutputNamesTheDialectOfEachNonYamlFile) {
  CliResult r = run({"validate", "--no-cache", "--format", "json"});
  EXPECT_EQ(r.code, 1) << r.err;
  nlohmann::json output = nlohmann::json::parse(r.out);
  EXPECT_EQ(output["dialects"],
            nlohmann::json::parse(
                R"({"docs/c.md": "json", "docs/d.markdown": "json"})"));
  EXPECT_NE(r.out.find("  ],\n  \"dialects\": {\n    \"docs/c.md\": \"json\","
                       "\n    \"docs/d.markdown\": \"json\"\n  }\n}\n"),
            std::string::npos)
      << r.out;
  // The cache gives the same output.
  std::vector<std::string> cached = {"validate", "--format", "json"};
  EXPECT_EQ(run(cached).out, r.out);
  EXPECT_EQ(run(cached).out, r.out);
  // A site of YAML only: no "dialects" key.
  CliResult yaml_only =
      run({"validate", "--no-cache", "--format", "json", "docs/a.md"});
  EXPECT_EQ(yaml_only.out.find("dialects"), std::string::npos) << yaml_only.out;
}

TEST_F(DialectsTest, ExtensionsReplaceTheDefaultList) {
  write_config("extensions: [md, .txt]\n");
  CliResult r = run({"validate", "--no-cache"});
  EXPECT_EQ(r.code, 1) << r.err;
  // .mdx and .markdown are not walked now; .txt is; .html still comes from
  // its collection's glob.
  EXPECT_EQ(r.out.find("docs/b.mdx"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("docs/d.markdown"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("docs/notes.txt:2:8: error:"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("pages/p.html:3:8: error:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 files, 3 with errors"), std::string::npos) << r.out;
}

TEST_F(DialectsTest, BadExtensionsAreConfigErrors) {
  write_config("extension: [md]\n");
  CliResult typo = run({"validate", "--no-cache"});
  EXPECT_EQ(typo.code, 2);
  EXPECT_EQ(typo.err,
            "fmkit.yaml:1:1: error: unknown key 'extension' (did you mean "
            "'extensions'?) [config.unknown-key]\n"
            "extension: [md]\n"
            "^~~~~~~~~\n");
  write_config("extensions: ['*.md', md, 3]\n");
  CliResult bad = run({"validate", "--no-cache"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err,
            "fmkit.yaml:1:14: error: 'extensions' must be a file name ending "
            "without wildcards or '/' (md, mdx, html), got '*.md' "
            "[config.type]\n"
            "extensions: ['*.md', md, 3]\n"
            "             ^~~~~~\n"
            "fmkit.yaml:1:26: error: 'extensions' must be a file name ending "
            "without wildcards or '/' (md, mdx, html), got 3 "
            "[config.type]\n"
            "extensions: ['*.md', md, 3]\n"
            "                         ^\n");
  write_config("extensions: md\n");
  EXPECT_NE(run({"validate", "--no-cache"})
                .err.find("'extensions' must be a list of file name endings"),
            std::string::npos);
}

TEST_F(DialectsTest, DumpNamesTheDialect) {
  CliResult r = run({"dump", "--positions", "docs/d.markdown"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\n"
            "  \"dialect\": \"json\",\n"
            "  \"data\": {\n"
            "    \"draft\": true\n"
            "  },\n"
            "  \"positions\": {\n"
            "    \"\": {\"value\": {\"line\": 2, \"column\": 1, \"offset\": 8, "
            "\"end_line\": 2, \"end_column\": 16, \"end_offset\": 23}},\n"
            "    \"/draft\": {\"key\": {\"line\": 2, \"column\": 2, "
            "\"offset\": 9, \"end_line\": 2, \"end_column\": 9, "
            "\"end_offset\": 16}, \"value\": {\"line\": 2, \"column\": 11, "
            "\"offset\": 18, \"end_line\": 2, \"end_column\": 15, "
            "\"end_offset\": 22}}\n"
            "  }\n"
            "}\n");
  EXPECT_EQ(run({"dump", "docs/c.md"}).out,
            "{\n  \"title\": \"C\",\n  \"draft\": \"no\"\n}\n");
}

TEST_F(DialectsTest, ALanguageFmkitCannotReadIsAnError) {
  m_site.write("docs/e.md", "---coffee\ntitle: 'E'\n---\n");
  CliResult dump = run({"dump", "docs/e.md"});
  EXPECT_EQ(dump.code, 1);
  EXPECT_EQ(dump.out, "");
  EXPECT_EQ(dump.err,
            "docs/e.md:1:4: error: fmkit cannot read front matter written in "
            "'coffee' (it reads yaml, json and toml) [front-matter.language]\n"
            "---coffee\n"
            "   ^~~~~~\n");
  CliResult validate = run({"validate", "--no-cache", "docs/e.md"});
  EXPECT_EQ(validate.code, 1);
  EXPECT_NE(validate.out.find("[front-matter.language]"), std::string::npos);
}

TEST_F(DialectsTest, MigrateEditsJsonFrontMatterInItsOwnStyle) {
  m_site.write("fmkit.yaml",
               "collections:\n"
               "  docs:\n"
               "    include: 'docs/*.md'\n"
               "    schema: schema.json\n"
               "    migrations: migrations/\n");
  m_site.write("migrations/0002-rename.yaml",
               "version: 2\nops:\n  - rename: {from: draft, to: hidden}\n");
  m_site.write("docs/a.md", "---\ntitle: A\ndraft: true\n---\nbody\n");

  CliResult r = run({"migrate", "--write"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  // Hugo's "{": the key renamed in place, the version added as the last
  // member at the members' indentation; the body untouched.
  EXPECT_EQ(m_site.read("docs/c.md"),
            "{\n  \"title\": \"C\",\n  \"hidden\": \"no\",\n"
            "  \"schema_version\": 2\n}\nbody\n");
  EXPECT_EQ(m_site.read("docs/a.md"),
            "---\ntitle: A\nhidden: true\nschema_version: 2\n---\nbody\n");

  // gray-matter's "---json", on one line: it stays on one line.
  m_site.write("docs/c.md",
               "---json\n{\"title\": \"C\", \"draft\": true}\n---\n");
  r = run({"migrate"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("-{\"title\": \"C\", \"draft\": true}\n"
                       "+{\"title\": \"C\", \"hidden\": true, "
                       "\"schema_version\": 2}\n"),
            std::string::npos)
      << r.out;
}

// TOML front matter is migrated like YAML: a dry run shows the diff, --write
// writes it, and a second run finds the file up to date. A layout TOML
// cannot take (null) is refused, and nothing is written.
TEST_F(DialectsTest, MigrateEditsTomlFrontMatter) {
  m_site.write("fmkit.yaml",
               "collections:\n"
               "  docs:\n"
               "    include: 'docs/*.md'\n"
               "    schema: schema.json\n"
               "    migrations: migrations/\n");
  m_site.write("migrations/0002-hide.yaml",
               "version: 2\nops:\n  - rename: {from: draft, to: hidden}\n");
  const std::string before =
      "+++\ntitle = 'T'\ndraft = true # not yet\n\n[params]\nx = 1\n+++\n"
      "body\n";
  m_site.write("docs/t.md", before);

  CliResult r = run({"migrate", "docs/t.md"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "--- a/docs/t.md\n"
            "+++ b/docs/t.md\n"
            "@@ -1,6 +1,7 @@\n"
            " +++\n"
            " title = 'T'\n"
            "-draft = true # not yet\n"
            "+hidden = true # not yet\n"
            "+schema_version = 2\n"
            " \n"
            " [params]\n"
            " x = 1\n"
            "docs: 1 file, 1 to migrate to version 2, 0 up to date, 0 failed\n"
            "dry run: nothing written; run 'fmkit migrate --write' to apply\n");
  EXPECT_EQ(m_site.read("docs/t.md"), before);

  r = run({"migrate", "--write", "docs/t.md"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(m_site.read("docs/t.md"),
            "+++\ntitle = 'T'\nhidden = true # not yet\nschema_version = 2\n\n"
            "[params]\nx = 1\n+++\nbody\n");
  r = run({"migrate", "docs/t.md"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "docs: 1 file, 0 to migrate to version 2, 1 up to date, 0 failed\n");

  m_site.write("migrations/0003-null.yaml",
               "version: 3\nops:\n  - set: {field: summary, value: null}\n");
  const std::string migrated = m_site.read("docs/t.md");
  r = run({"migrate", "--write", "docs/t.md"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("docs/t.md: error: cannot edit the TOML ('set' at "
                       "migrations/0003-null.yaml:3:5): TOML has no null (the "
                       "value of '/summary') [migrate.unsupported]\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(m_site.read("docs/t.md"), migrated);
}

}  // namespace
}  // namespace fmkit
