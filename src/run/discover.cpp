// SPDX-License-Identifier: MIT
#include "run/discover.hpp"

#include "run/file_reader.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <system_error>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

namespace {

bool skipped_folder(std::string_view name, const DiscoverOptions& options) {
  return name.starts_with('.') ||
         std::find(options.skip_folders.begin(), options.skip_folders.end(),
                   name) != options.skip_folders.end();
}

std::string join(std::string_view folder, std::string_view name) {
  if (folder.empty()) return std::string(name);
  std::string out(folder);
  out += '/';
  out += name;
  return out;
}

// Whether `path` lies inside `root` (both canonical).
bool is_inside(const fs::path& path, const fs::path& root) {
  auto [root_end, path_it] =
      std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end() && path_it != path.end();
}

// Whether `relative` has no "." or ".." segment, so joining it to a
// normalized folder needs no normalization.
bool is_plain(std::string_view relative) {
  return !relative.starts_with("./") && !relative.starts_with("../") &&
         relative != "." && relative != ".." &&
         relative.find("/./") == std::string_view::npos &&
         relative.find("/../") == std::string_view::npos &&
         !relative.ends_with("/.") && !relative.ends_with("/..");
}

}  // namespace

bool has_extension(std::string_view path, const DiscoverOptions& options) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  return std::any_of(options.extensions.begin(), options.extensions.end(),
                     [name](const std::string& extension) {
                       return name.size() > extension.size() &&
                              name.ends_with(extension);
                     });
}

std::string display_path(const fs::path& path) {
  std::string out = path.lexically_normal().generic_string();
  while (out.starts_with("./")) out.erase(0, 2);
  while (out.size() > 1 && out.ends_with('/')) out.pop_back();
  return out.empty() ? "." : out;
}

bool display_less(std::string_view a, std::string_view b) {
  auto byte = [](char c) {
    return c == '/' ? 0 : static_cast<int>(static_cast<unsigned char>(c));
  };
  const size_t n = std::min(a.size(), b.size());
  // Paths share long prefixes: skip equal ones eight bytes at a time.
  size_t i = 0;
  while (i + 8 <= n && std::memcmp(a.data() + i, b.data() + i, 8) == 0) i += 8;
  for (; i < n; ++i) {
    if (a[i] != b[i]) return byte(a[i]) < byte(b[i]);
  }
  return a.size() < b.size();
}

std::string join_path(const fs::path& folder, std::string_view relative) {
  if (!is_plain(relative))
    return (folder / relative).lexically_normal().string();
  const std::string& base = folder.native();
  if (relative.empty()) return base;
  // Sized once: a run holds one such string per file, at 100k files.
  std::string out;
  out.reserve(base.size() + 1 + relative.size());
  out += base;
  if (!out.ends_with('/')) out += '/';
  out += relative;
  return out;
}

std::string join_display(const std::string& display,
                         std::string_view relative) {
  if (!is_plain(relative)) return display_path(fs::path(display) / relative);
  if (display == "." || relative.empty()) {
    return relative.empty() ? display : std::string(relative);
  }
  std::string out = display;
  if (!out.ends_with('/')) out += '/';
  out += relative;
  return out;
}

void walk_folder(const fs::path& root, std::string_view display_root,
                 const DiscoverOptions& options,
                 const std::function<void(const std::string& relative)>& visit,
                 Problems& problems) {
  // Canonical root, computed on the first symlink only: most trees have none.
  std::optional<fs::path> canonical_root;
  std::vector<std::string> pending = {""};
  while (!pending.empty()) {
    std::string folder = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? root : root / folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::string name = entry.path().filename().string();
      std::error_code entry_ec;
      // The entry's type comes from the directory listing (d_type): these
      // checks cost no system call on most file systems, only symlinks do.
      if (!entry.is_symlink(entry_ec)) {
        if (entry_ec) continue;
        if (entry.is_directory(entry_ec)) {
          if (!skipped_folder(name, options)) {
            pending.push_back(join(folder, name));
          }
        } else if (entry.is_regular_file(entry_ec)) {
          visit(join(folder, name));
        }
        continue;
      }
      // A symlink: never into a folder, and to a file only inside the tree.
      if (!fs::is_regular_file(entry.status(entry_ec)) || entry_ec) continue;
      if (!canonical_root) {
        canonical_root = fs::canonical(root, entry_ec);
        if (entry_ec) canonical_root = root;
      }
      fs::path target = fs::canonical(entry.path(), entry_ec);
      if (!entry_ec && is_inside(target, *canonical_root)) {
        visit(join(folder, name));
      }
    }
    if (ec) {
      Problems problem =
          problem_at_file(display_path(fs::path(display_root) / folder), "io",
                          describe_errno(ec.value()));
      problems.push_back(std::move(problem.front()));
    }
  }
}

Discovery find_files(const std::vector<std::string>& paths, const fs::path& cwd,
                     const DiscoverOptions& options,
                     const std::function<bool(FoundFile&& file)>& take) {
  Discovery discovery;
  discovery.found_per_path.assign(paths.size(), 0);
  auto add = [&](std::string path, std::string_view display, bool named,
                 size_t index) {
    if (take(FoundFile{{std::move(path), display}, named, index})) {
      ++discovery.found_per_path[index];
    }
  };
  for (size_t index = 0; index < paths.size(); ++index) {
    const std::string& given = paths[index];
    std::string display = display_path(given);
    fs::path absolute = (cwd / given).lexically_normal();
    std::error_code ec;
    fs::file_status status = fs::status(absolute, ec);
    if (ec) {
      Problems problem =
          problem_at_file(display, "io", describe_errno(ec.value()));
      discovery.problems.push_back(std::move(problem.front()));
      continue;
    }
    if (!fs::is_directory(status)) {
      add(absolute.string(), display, true, index);
      continue;
    }
    walk_folder(
        absolute, display, options,
        [&](const std::string& relative) {
          if (!has_extension(relative, options)) return;
          add(join_path(absolute, relative), join_display(display, relative),
              false, index);
        },
        discovery.problems);
  }
  return discovery;
}

Discovery discover_files(const std::vector<std::string>& paths,
                         const fs::path& cwd, const DiscoverOptions& options,
                         const FileFilter& keep) {
  std::vector<FoundFile> files;
  Discovery discovery = find_files(paths, cwd, options, [&](FoundFile&& file) {
    if (keep && !keep(file)) return false;
    files.push_back(std::move(file));
    return true;
  });
  discovery.files = std::move(files);
  sort_and_deduplicate(discovery.files);
  return discovery;
}

}  // namespace fmkit
