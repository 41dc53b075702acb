// SPDX-License-Identifier: MIT
#include "run/site_layout.hpp"

#include "run/discover.hpp"
#include "run/file_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <system_error>

namespace fmkit {

namespace {

namespace fs = std::filesystem;

// A generator's config file is one of `stems`, then ".config" when
// `config_suffix`, then one of `extensions` ("astro" ".config" ".mjs").
struct Markers {
  Generator generator;
  std::vector<std::string_view> stems;
  bool config_suffix = false;
  std::vector<std::string_view> extensions;
  std::vector<std::string_view> folders;  // one of them, when not empty
};

// In the order they are tried: the more specific markers first (a Hugo
// site may hold a config.yaml; any site may have a _config.yml).
const std::vector<Markers>& markers() {
  static const std::vector<Markers> k_markers = {
      {Generator::zola, {"zola"}, false, {".toml"}, {"content"}},
      {Generator::hugo,
       {"hugo", "config"},
       false,
       {".toml", ".yaml", ".yml", ".json"},
       {"content"}},
      {Generator::astro,
       {"astro"},
       true,
       {".mjs", ".js", ".ts", ".mts", ".cjs"},
       {"src/content"}},
      {Generator::docusaurus,
       {"docusaurus"},
       true,
       {".js", ".ts", ".mjs", ".cjs"},
       {"docs", "blog"}},
      {Generator::mkdocs, {"mkdocs"}, false, {".yml", ".yaml"}, {"docs"}},
      {Generator::jekyll, {"_config"}, false, {".yml", ".yaml"}, {}},
      {Generator::eleventy, {".eleventy"}, false, {".js", ".cjs"}, {}},
      {Generator::eleventy,
       {"eleventy"},
       true,
       {".js", ".cjs", ".mjs", ".ts"},
       {}},
  };
  return k_markers;
}

// Returns the config file of `marker` found in `root`, or "".
std::string find_marker_file(const fs::path& root, const Markers& marker) {
  std::error_code ec;
  for (std::string_view stem : marker.stems) {
    for (std::string_view extension : marker.extensions) {
      std::string name = std::string(stem) +
                         (marker.config_suffix ? ".config" : "") +
                         std::string(extension);
      if (fs::is_regular_file(root / name, ec)) return name;
    }
  }
  return "";
}

// Both Hugo and Zola may keep their settings in config.toml: Zola's has
// `base_url`, Hugo's `baseURL`.
bool is_zola_config(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    size_t start = line.find_first_not_of(" \t");
    if (start != std::string::npos && line.compare(start, 8, "base_url") == 0) {
      return true;
    }
  }
  return false;
}

const std::vector<std::string> k_markdown = {".md", ".markdown", ".mdx"};

// Where a file goes: a group name and the folder its include glob walks
// ("" for the site folder), recursively or not.
struct Place {
  std::string group;
  std::string base;
  bool recursive = true;
};

struct Group {
  std::string name;
  std::set<std::pair<std::string, bool>> bases;  // base, recursive
  std::set<std::string> extensions;
  std::vector<std::string> files;
  bool index_pages = false;  // Hugo's _index.md files
};

std::pair<std::string, std::string> split_first(const std::string& path) {
  size_t slash = path.find('/');
  if (slash == std::string::npos) return {"", path};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

std::string stem(const std::string& path) {
  return fs::path(path).stem().string();
}

// A top-level file or folder, generic and Eleventy style.
std::optional<Place> top_level(const std::string& relative) {
  auto [top, rest] = split_first(relative);
  if (top.empty()) {
    if (stem(rest) == "README") return std::nullopt;
    return Place{"pages", "", false};
  }
  return Place{top, top, true};
}

std::optional<Place> place_hugo(const std::string& relative) {
  auto [top, rest] = split_first(relative);
  if (top != "content") return std::nullopt;
  if (stem(rest).starts_with("_index")) return Place{"sections", "content"};
  auto [section, file] = split_first(rest);
  if (section.empty()) return Place{"pages", "content", false};
  return Place{section, "content/" + section, true};
}

std::optional<Place> place_jekyll(const std::string& relative) {
  auto [top, rest] = split_first(relative);
  // Drafts are posts without a date yet: a collection of their own.
  if (top == "_posts") return Place{"posts", top, true};
  if (top == "_drafts") return Place{"drafts", top, true};
  if (top.starts_with('_')) return Place{top.substr(1), top, true};
  if (top.empty()) return top_level(relative);
  return Place{"pages", top, true};
}

std::optional<Place> place_astro(const std::string& relative) {
  if (relative.starts_with("src/content/")) {
    auto [name, rest] = split_first(relative.substr(12));
    if (name.empty()) return std::nullopt;
    return Place{name, "src/content/" + name, true};
  }
  if (relative.starts_with("src/pages/")) {
    return Place{"pages", "src/pages", true};
  }
  return std::nullopt;
}

std::optional<Place> place_named_folders(const std::string& relative,
                                         std::vector<std::string> folders) {
  auto [top, rest] = split_first(relative);
  if (std::find(folders.begin(), folders.end(), top) == folders.end()) {
    return std::nullopt;
  }
  return Place{top, top, true};
}

// Generic and Eleventy layouts group by the top-level folders of the
// content folder `content`: the site folder (""), Eleventy's usual input
// folder src/, or the one folder every Markdown file is in (content/).
std::optional<Place> place_in(const std::string& relative,
                              const std::string& content) {
  if (content.empty()) return top_level(relative);
  if (!relative.starts_with(content + "/")) return std::nullopt;
  std::optional<Place> where = top_level(relative.substr(content.size() + 1));
  if (where)
    where->base = where->base.empty() ? content : content + "/" + where->base;
  return where;
}

std::optional<Place> place(Generator generator, const std::string& relative,
                           const std::string& content) {
  switch (generator) {
    case Generator::hugo:
    case Generator::zola:  // the same layout: content/<section>/, _index.md
      return place_hugo(relative);
    case Generator::jekyll:
      return place_jekyll(relative);
    case Generator::astro:
      return place_astro(relative);
    case Generator::mkdocs:
      return place_named_folders(relative, {"docs"});
    case Generator::docusaurus:
      return place_named_folders(relative, {"docs", "blog"});
    default:
      return place_in(relative, content);
  }
}

// The keys most of a sample of the group's files hold.
std::set<std::string> shape_of(const fs::path& root, const Group& group) {
  constexpr size_t k_sample = 20;
  std::map<std::string, size_t> counts;
  size_t read = 0;
  for (const std::string& file : group.files) {
    if (read == k_sample) break;
    auto text = read_front_matter(root / file, ReadOptions{});
    if (!text) continue;
    LineIndex lines(text->text);
    std::vector<Diagnostic> ignored;
    Document document =
        read_front_matter_document(*text, lines, DocumentOptions{}, ignored);
    if (!document.usable) continue;
    ++read;
    for (const auto& item : document.data.items()) ++counts[item.key()];
  }
  std::set<std::string> shape;
  for (const auto& [key, count] : counts) {
    if (2 * count >= read) shape.insert(key);
  }
  return shape;
}

bool same_shape(const std::set<std::string>& a,
                const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  size_t common = 0;
  for (const std::string& key : a) common += b.contains(key) ? 1 : 0;
  size_t all = a.size() + b.size() - common;
  return 10 * common >= 8 * all;  // Jaccard index >= 0.8
}

// Merges the groups whose files share a shape into one, "content".
void merge_by_shape(const fs::path& root, std::vector<Group>& groups) {
  std::vector<std::set<std::string>> shapes;
  for (const Group& group : groups) shapes.push_back(shape_of(root, group));
  std::vector<Group> merged;
  std::vector<bool> taken(groups.size(), false);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (taken[i]) continue;
    Group group = std::move(groups[i]);
    size_t members = 1;
    for (size_t j = i + 1; j < groups.size(); ++j) {
      if (taken[j] || !same_shape(shapes[i], shapes[j])) continue;
      taken[j] = true;
      ++members;
      group.bases.insert(groups[j].bases.begin(), groups[j].bases.end());
      group.extensions.insert(groups[j].extensions.begin(),
                              groups[j].extensions.end());
      group.files.insert(group.files.end(), groups[j].files.begin(),
                         groups[j].files.end());
    }
    if (members > 1) group.name = "content";
    std::sort(group.files.begin(), group.files.end());
    merged.push_back(std::move(group));
  }
  groups = std::move(merged);
}

ProposedCollection propose(const Group& group, bool has_index_pages,
                           Generator generator, const fs::path& root) {
  ProposedCollection collection;
  collection.name = group.name;
  collection.files = group.files;
  for (const auto& [base, recursive] : group.bases) {
    std::string prefix = base.empty() ? "" : base + "/";
    for (const std::string& extension : group.extensions) {
      if (group.index_pages) {
        collection.include.push_back(prefix + "**/_index" + extension);
      } else {
        collection.include.push_back(prefix + (recursive ? "**/*" : "*") +
                                     extension);
      }
    }
  }
  if ((generator == Generator::hugo || generator == Generator::zola) &&
      has_index_pages && !group.index_pages) {
    collection.exclude.push_back("content/**/_index.*");
  }
  std::error_code ec;
  if (group.bases.contains({"", false}) && fs::exists(root / "README.md", ec)) {
    collection.exclude.push_back("README.md");
  }
  return collection;
}

// The content folder of a generic or Eleventy site (see place_in()).
std::string content_folder(Generator generator,
                           const std::vector<std::string>& markdown,
                           const fs::path& root) {
  if (generator != Generator::generic && generator != Generator::eleventy) {
    return "";
  }
  std::error_code ec;
  if (generator == Generator::eleventy && fs::is_directory(root / "src", ec)) {
    return "src";
  }
  std::string common;
  for (const std::string& file : markdown) {
    auto [top, rest] = split_first(file);
    if (top.empty()) {
      if (stem(rest) == "README") continue;
      return "";
    }
    if (!common.empty() && top != common) return "";
    common = top;
  }
  return common;
}

}  // namespace

std::string_view generator_name(Generator generator) {
  constexpr std::string_view k_names[] = {"Hugo",       "Zola",   "Jekyll",
                                          "Eleventy",   "Astro",  "MkDocs",
                                          "Docusaurus", "generic"};
  return k_names[static_cast<size_t>(generator)];
}

SiteLayout detect_site(const fs::path& root, Problems& problems) {
  SiteLayout layout;
  std::error_code ec;
  for (const Markers& marker : markers()) {
    std::string file = find_marker_file(root, marker);
    if (file.empty()) continue;
    auto folder = std::find_if(
        marker.folders.begin(), marker.folders.end(),
        [&](auto name) { return fs::is_directory(root / name, ec); });
    if (!marker.folders.empty() && folder == marker.folders.end()) continue;
    layout.generator = marker.generator;
    if (file == "config.toml" && is_zola_config(root / file)) {
      layout.generator = Generator::zola;
    }
    layout.evidence.push_back(file);
    if (folder != marker.folders.end()) {
      layout.evidence.push_back(std::string(*folder) + "/");
    }
    break;
  }
  DiscoverOptions options;
  options.skip_folders = {"node_modules", "_site", "_layouts", "_includes",
                          "_data",        "_sass", "_plugins", "vendor"};
  std::vector<std::string> markdown;
  walk_folder(
      root, ".", options,
      [&](const std::string& relative) {
        std::string extension = fs::path(relative).extension().string();
        if (std::find(k_markdown.begin(), k_markdown.end(), extension) !=
            k_markdown.end()) {
          markdown.push_back(relative);
        }
      },
      problems);
  std::sort(markdown.begin(), markdown.end());
  std::string content = content_folder(layout.generator, markdown, root);
  std::map<std::string, Group> groups;
  for (const std::string& relative : markdown) {
    std::string extension = fs::path(relative).extension().string();
    std::optional<Place> where = place(layout.generator, relative, content);
    if (!where) continue;
    Group& group = groups[where->group];
    group.name = where->group;
    group.bases.emplace(where->base, where->recursive);
    group.extensions.insert(extension);
    group.files.push_back(relative);
    group.index_pages = (layout.generator == Generator::hugo ||
                         layout.generator == Generator::zola) &&
                        where->group == "sections";
  }
  std::vector<Group> ordered;
  for (auto& [name, group] : groups) {
    std::sort(group.files.begin(), group.files.end());
    ordered.push_back(std::move(group));
  }
  if (layout.generator == Generator::generic ||
      layout.generator == Generator::eleventy) {
    merge_by_shape(root, ordered);
  }
  bool index_pages = groups.contains("sections");
  for (const Group& group : ordered) {
    layout.collections.push_back(
        propose(group, index_pages, layout.generator, root));
  }
  return layout;
}

}  // namespace fmkit
