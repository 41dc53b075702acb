// SPDX-License-Identifier: MIT
//
// What `fmkit init` writes for a site: the layout (run/site_layout.hpp), a
// schema inferred per proposed collection (run/infer_runner.hpp) and the
// fmkit.yaml that ties them together, as texts; nothing is written here.
// A proposed collection none of whose files has front matter is dropped;
// one where more files lack front matter than the outlier allowance gets
// `require_front_matter: false` (MkDocs and Docusaurus pages often have
// none). Jekyll (Psych), Eleventy (js-yaml 3), MkDocs (PyYAML) and Hugo
// (go-yaml v2) read plain scalars as YAML 1.1 does (`yes` is true, `0755`
// is 493: the table of tests/document/README.md), so their collections get
// `yaml: "1.1"` and are inferred with that reading; Hugo's go-yaml v2
// differs from 1.1 only on base-60 numbers (`1:30`), rare in front matter.
// Astro (js-yaml 4), Docusaurus and generic sites keep YAML 1.2.
// Thread-safe.
#pragma once

#include "diag/diagnostic.hpp"
#include "infer/infer_options.hpp"
#include "run/infer_runner.hpp"
#include "run/site_layout.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace fmkit {

struct InitCollection {
  ProposedCollection proposal;
  std::string schema;  // "schemas/posts.schema.json", relative to the site
  bool require_front_matter = true;
  YamlVersion yaml = YamlVersion::v1_2;  // how the generator reads YAML
  InferRun run;
};

struct OutputText {
  std::string path;  // relative to the site folder
  std::string text;
};

struct SiteInit {
  SiteLayout layout;
  std::vector<InitCollection> collections;
  std::vector<std::string> dropped;  // proposals without front matter
  std::vector<OutputText> outputs;   // the schemas, then fmkit.yaml
};

struct SiteInitOptions {
  InferOptions infer;
  size_t jobs = 0;  // threads; 0: one per hardware thread
};

// Returns how the site generator `generator` reads plain scalars (above).
YamlVersion generator_yaml(Generator generator);

// Plans `fmkit init` in the absolute folder `root` (shown as `shown`, "."
// for the working folder). Folders that can't be read add `io` problems.
SiteInit plan_site_init(const std::filesystem::path& root,
                        const std::string& shown,
                        const SiteInitOptions& options, Problems& problems);

}  // namespace fmkit
