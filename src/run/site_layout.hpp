// SPDX-License-Identifier: MIT
//
// Site layouts for `fmkit init`: which generator a site folder is built
// with, told by its marker files (and content folder), and the collections
// fmkit proposes for it, one per content folder:
//
//   Hugo        hugo.toml|yaml|json or config.toml|yaml + content/: one per
//               section (content/<section>/), "pages" for content/*.md,
//               "sections" for the _index.md list pages
//   Jekyll      _config.yml: "posts" (_posts/), "drafts" (_drafts/: no
//               date yet), one per collection folder _<name>/, "pages"
//               for the other pages
//   Eleventy    .eleventy.js, eleventy.config.js|cjs|mjs|ts: as generic,
//               in src/ when there is one (the usual input folder)
//   Astro       astro.config.mjs|js|ts + src/content/: one per
//               src/content/<name>/, "pages" for src/pages/
//   MkDocs      mkdocs.yml + docs/: "docs"
//   Docusaurus  docusaurus.config.js|ts + docs/ or blog/: "docs", "blog"
//   generic     one per top-level folder (of the one folder all files are
//               in, if there is one: content/), "pages" for the files at
//               the top; folders whose files share a shape (the same keys in
//               most files) are merged into one collection, "content"
//
// Markdown is *.md, *.markdown and *.mdx. Walks skip hidden folders,
// node_modules and the generators' own folders (_site, _layouts,
// _includes, _data, _sass, _plugins, vendor). A README.md at the top is
// never a page. Reads files only to compare shapes (generic, Eleventy).
// Thread-safe.
#pragma once

#include "diag/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

enum class Generator {
  hugo,
  zola,
  jekyll,
  eleventy,
  astro,
  mkdocs,
  docusaurus,
  generic
};

// Returns the generator's name as users write it ("Hugo", "generic").
std::string_view generator_name(Generator generator);

struct ProposedCollection {
  std::string name;
  std::vector<std::string> include;  // globs, relative to the site folder
  std::vector<std::string> exclude;
  std::vector<std::string> files;  // relative, '/'-separated, sorted
};

struct SiteLayout {
  Generator generator = Generator::generic;
  // The marker files and folders found ("hugo.toml", "content/").
  std::vector<std::string> evidence;
  std::vector<ProposedCollection> collections;
};

// Returns the layout of the site in the absolute folder `root`; folders
// that can't be read add `io` problems.
SiteLayout detect_site(const std::filesystem::path& root, Problems& problems);

}  // namespace fmkit
