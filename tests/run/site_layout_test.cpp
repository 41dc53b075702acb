// SPDX-License-Identifier: MIT
//
// Generator detection and collection proposals for the layouts without a
// fixture site of their own (MkDocs, Docusaurus, a Jekyll collection), and
// the order markers are tried in.
#include "run/site_layout.hpp"

#include "run/scoped_temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fmkit {
namespace {

using testing_support::ScopedTempDir;

// "name: include... | exclude..." per proposed collection.
std::vector<std::string> summary(const SiteLayout& layout) {
  std::vector<std::string> lines;
  for (const ProposedCollection& c : layout.collections) {
    std::string line = c.name + ":";
    for (const std::string& glob : c.include) line += " " + glob;
    if (!c.exclude.empty()) line += " |";
    for (const std::string& glob : c.exclude) line += " " + glob;
    lines.push_back(line);
  }
  return lines;
}

TEST(SiteLayoutTest, MkDocs) {
  ScopedTempDir site;
  site.write("mkdocs.yml", "site_name: Docs\n");
  site.write("docs/index.md", "# Home\n");
  site.write("docs/guide/install.md", "---\ntitle: Install\n---\n");
  Problems problems;
  SiteLayout layout = detect_site(site.path(), problems);
  EXPECT_EQ(layout.generator, Generator::mkdocs);
  EXPECT_EQ(layout.evidence, (std::vector<std::string>{"mkdocs.yml", "docs/"}));
  EXPECT_EQ(summary(layout), std::vector<std::string>{"docs: docs/**/*.md"});
  EXPECT_TRUE(problems.empty());
}

TEST(SiteLayoutTest, Docusaurus) {
  ScopedTempDir site;
  site.write("docusaurus.config.ts", "export default {};\n");
  site.write("docs/intro.mdx", "---\ntitle: Intro\n---\n");
  site.write("blog/2024-01-01-hello.md", "---\ntitle: Hello\n---\n");
  site.write("README.md", "# Site\n");
  Problems problems;
  SiteLayout layout = detect_site(site.path(), problems);
  EXPECT_EQ(layout.generator, Generator::docusaurus);
  EXPECT_EQ(summary(layout), (std::vector<std::string>{"blog: blog/**/*.md",
                                                       "docs: docs/**/*.mdx"}));
}

TEST(SiteLayoutTest, JekyllCollectionsAndPages) {
  ScopedTempDir site;
  site.write("_config.yml", "title: x\n");
  site.write("_recipes/soup.markdown", "---\ntitle: Soup\n---\n");
  site.write("_posts/2024-01-01-a.md", "---\ntitle: A\n---\n");
  site.write("about/index.md", "---\ntitle: About\n---\n");
  site.write("_site/about/index.md", "---\ntitle: About\n---\n");
  site.write("README.md", "# x\n");
  site.write("index.md", "---\nlayout: home\n---\n");
  Problems problems;
  SiteLayout layout = detect_site(site.path(), problems);
  EXPECT_EQ(layout.generator, Generator::jekyll);
  EXPECT_EQ(summary(layout),
            (std::vector<std::string>{"pages: *.md about/**/*.md | README.md",
                                      "posts: _posts/**/*.md",
                                      "recipes: _recipes/**/*.markdown"}));
}

// A config.yaml without content/ is no Hugo site; _config.yml then makes
// it a Jekyll one.
TEST(SiteLayoutTest, MarkersNeedTheirContentFolder) {
  ScopedTempDir site;
  site.write("config.yaml", "x: 1\n");
  site.write("_config.yml", "x: 1\n");
  Problems problems;
  EXPECT_EQ(detect_site(site.path(), problems).generator, Generator::jekyll);
  site.mkdir("content");
  EXPECT_EQ(detect_site(site.path(), problems).generator, Generator::hugo);
}

TEST(SiteLayoutTest, GenericFoldersOfOneShapeAreMerged) {
  ScopedTempDir site;
  for (const char* folder : {"2023", "2024"}) {
    for (int i = 0; i < 3; ++i) {
      site.write(std::string(folder) + "/p" + std::to_string(i) + ".md",
                 "---\ntitle: T\ndate: 2024-01-01\ntags: [a]\n---\n");
    }
  }
  site.write("notes/n.md", "---\ntopic: x\n---\n");
  Problems problems;
  SiteLayout layout = detect_site(site.path(), problems);
  EXPECT_EQ(layout.generator, Generator::generic);
  EXPECT_EQ(summary(layout),
            (std::vector<std::string>{"content: 2023/**/*.md 2024/**/*.md",
                                      "notes: notes/**/*.md"}));
}

}  // namespace
}  // namespace fmkit
