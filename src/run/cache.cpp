// SPDX-License-Identifier: MIT
#include "run/cache.hpp"

#include "run/atomic_file.hpp"
#include "run/cache_key.hpp"

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_gitignore =
    "# created by fmkit: the result cache of 'fmkit validate'\n*\n";

// The Cache Directory Tagging Specification's tag (bford.info/cachedir).
constexpr std::string_view k_cachedir_tag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by fmkit.\n"
    "# For information about cache directory tags see "
    "https://bford.info/cachedir/\n";

bool writable(const fs::path& path) {
  return ::access(path.c_str(), W_OK) == 0;
}

// Creates `folder` with the files that keep it out of git and backups.
Expected<void> make_folder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return unexpected(describe_errno(ec.value()));
  for (auto [name, text] : {std::pair{".gitignore", k_gitignore},
                            std::pair{"CACHEDIR.TAG", k_cachedir_tag}}) {
    if (fs::exists(folder / name, ec)) continue;
    if (Expected<void> made = replace_file_atomically(folder / name, text);
        !made) {
      return made;
    }
  }
  return {};
}

}  // namespace

fs::path default_cache_folder(const Plan& plan, const fs::path& schema,
                              const fs::path& cache_home) {
  if (!plan.folder.empty()) {
    fs::path beside = plan.folder / k_cache_folder_name;
    std::error_code ec;
    bool exists = fs::exists(beside, ec);
    if (exists ? writable(beside) : writable(plan.folder)) return beside;
  }
  if (cache_home.empty()) return {};
  std::string name =
      plan.folder.empty()
          ? "schema-" + to_hex(murmur3_128(schema.native()))
          : "config-" + to_hex(murmur3_128(plan.folder.native()));
  return cache_home / "fmkit" / name;
}

ResultCache::ResultCache(fs::path folder, fs::path root,
                         std::vector<Hash128> collections)
    : m_folder(std::move(folder)),
      m_root(std::move(root)),
      m_collections(std::move(collections)) {
  Expected<std::string> bytes = read_whole_file(file());
  if (!bytes) return;  // no cache yet (or unreadable): every lookup misses
  m_bytes = std::move(*bytes);
  std::optional<CacheEntryViews> entries = decode_cache_file(m_bytes);
  if (entries) {
    m_loaded = std::move(*entries);
  } else {
    m_changed = true;  // not a cache file of ours: rewritten
  }
}

fs::path ResultCache::file() const { return m_folder / k_cache_file_name; }

std::string ResultCache::relative(const std::string& path) const {
  return relative_path(m_root, path);
}

Hash128 ResultCache::key(size_t collection, std::string_view relative,
                         const FrontMatterText& read) const {
  return file_key(m_collections.at(collection), relative, read);
}

std::optional<std::vector<Diagnostic>> ResultCache::find(
    std::string_view relative, const Hash128& key,
    std::vector<RuleValue>* values) const {
  auto it = m_loaded.find(relative);
  if (it == m_loaded.end() || it->second.key != key) return std::nullopt;
  if (values != nullptr) {
    auto stored = decode_rule_values(it->second.values);
    if (!stored) return std::nullopt;  // a corrupt entry: checked afresh
    *values = std::move(*stored);
  }
  return decode_diagnostics(it->second.diagnostics);
}

void ResultCache::keep(std::string_view relative) {
  ++m_hits;
  auto it = m_loaded.find(relative);
  if (it == m_loaded.end()) return;
  if (!it->second.kept) {
    it->second.kept = true;
    ++m_kept;
  }
}

void ResultCache::store(std::string_view relative, const Hash128& key,
                        const std::vector<Diagnostic>& diagnostics,
                        const std::vector<RuleValue>& values) {
  ++m_misses;
  m_changed = true;
  m_new.push_back(encode_diagnostics(diagnostics));
  std::string_view stored = m_new.back();
  if (!values.empty()) m_new.push_back(encode_rule_values(values));
  std::string_view stored_values;
  if (!values.empty()) stored_values = m_new.back();
  auto it = m_seen.find(relative);
  if (it == m_seen.end()) {
    m_new.emplace_back(relative);
    it = m_seen.emplace(m_new.back(), CacheEntryView{}).first;
    if (m_loaded.contains(relative)) ++m_kept;
  }
  it->second = CacheEntryView{key, stored, stored_values};
}

Expected<void> ResultCache::save(const RunScope& scope) {
  // A warm run over every file the cache holds has nothing to do.
  if (!m_changed && m_kept == m_loaded.size()) return {};
  std::vector<std::pair<std::string_view, CacheEntryView>> entries;
  entries.reserve(m_loaded.size() + m_seen.size());
  bool pruned = false;
  for (const auto& [path, entry] : m_loaded) {
    if (entry.kept) {
      entries.emplace_back(path, entry);
      continue;
    }
    if (m_seen.contains(path)) continue;
    if (scope.covers((m_root / path).lexically_normal().native())) {
      pruned = true;  // its file is gone, or no longer checked
      continue;
    }
    entries.emplace_back(path, entry);
  }
  if (!m_changed && !pruned) return {};
  for (const auto& [path, entry] : m_seen) entries.emplace_back(path, entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  if (Expected<void> made = make_folder(m_folder); !made) return made;
  remove_stale_temporaries(m_folder);  // of a run killed while saving
  return replace_file_atomically(file(), encode_cache_file(entries));
}

}  // namespace fmkit
