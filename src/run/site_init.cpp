// SPDX-License-Identifier: MIT
#include "run/site_init.hpp"

#include "run/config.hpp"
#include "run/discover.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

namespace fmkit {

namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& text) {
  return nlohmann::json(text).dump();
}

// A collection name as a YAML key: plain when it is a simple word.
std::string key_text(const std::string& name) {
  bool plain =
      !name.empty() && std::isalpha(static_cast<unsigned char>(name[0]));
  for (char c : name) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                      c == '_');
  }
  return plain ? name : quoted(name);
}

std::string glob_list(const std::vector<std::string>& globs) {
  std::string text = "[";
  for (size_t i = 0; i < globs.size(); ++i) {
    text += (i == 0 ? "" : ", ") + quoted(globs[i]);
  }
  return text + "]";
}

std::string config_text(const SiteInit& init) {
  std::string evidence;
  for (const std::string& item : init.layout.evidence) {
    evidence += (evidence.empty() ? " (" : ", ") + item;
  }
  if (!evidence.empty()) evidence += ")";
  std::string_view name = generator_name(init.layout.generator);
  std::string article = name == "Astro" || name == "Eleventy" ? "an " : "a ";
  std::string text =
      "# Written by 'fmkit init' for " + article + std::string(name) + " site" +
      evidence +
      ".\n"
      "# The schemas in schemas/ were inferred from the files: review them.\n"
      "# See https://github.com/fmkit/fmkit#start-on-an-existing-site\n"
      "collections:\n";
  for (const InitCollection& collection : init.collections) {
    const ProposedCollection& proposal = collection.proposal;
    text += "  " + key_text(proposal.name) + ":\n";
    text += "    include: " + glob_list(proposal.include) + "\n";
    if (!proposal.exclude.empty()) {
      text += "    exclude: " + glob_list(proposal.exclude) + "\n";
    }
    text += "    schema: " + collection.schema + "\n";
    if (!collection.require_front_matter) {
      text += "    require_front_matter: false\n";
    }
    if (collection.yaml == YamlVersion::v1_1) text += "    yaml: \"1.1\"\n";
  }
  return text;
}

}  // namespace

YamlVersion generator_yaml(Generator generator) {
  switch (generator) {
    case Generator::hugo:
    case Generator::jekyll:
    case Generator::eleventy:
    case Generator::mkdocs:
      return YamlVersion::v1_1;
    default:
      return YamlVersion::v1_2;
  }
}

SiteInit plan_site_init(const fs::path& root, const std::string& shown,
                        const SiteInitOptions& options, Problems& problems) {
  SiteInit init;
  init.layout = detect_site(root, problems);
  for (ProposedCollection& proposal : init.layout.collections) {
    std::vector<InferFile> files;
    for (const std::string& file : proposal.files) {
      files.push_back({join_path(root, file), join_display(shown, file)});
    }
    InferRunOptions run_options;
    run_options.infer = options.infer;
    run_options.infer.title = proposal.name;
    run_options.jobs = options.jobs;
    run_options.document.yaml.version = generator_yaml(init.layout.generator);
    InferRun run = run_infer(files, run_options);
    if (run.without_front_matter == run.files) {
      init.dropped.push_back(proposal.name);
      continue;
    }
    InitCollection collection;
    collection.schema = "schemas/" + proposal.name + ".schema.json";
    collection.yaml = run_options.document.yaml.version;
    collection.require_front_matter =
        run.without_front_matter <= options.infer.allowance(run.files);
    collection.run = std::move(run);
    collection.proposal = std::move(proposal);
    init.outputs.push_back(
        {collection.schema, collection.run.inferred.schema.dump(2) + "\n"});
    init.collections.push_back(std::move(collection));
  }
  init.outputs.push_back({std::string(k_config_file_name), config_text(init)});
  return init;
}

}  // namespace fmkit
