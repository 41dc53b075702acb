// SPDX-License-Identifier: MIT
//
// ResultCache: the diagnostics of files checked by earlier runs of
// `fmkit validate`, so that a file whose key (run/cache_key.hpp: its front
// matter, path, collection, schemas, config and fmkit build) is unchanged
// is not parsed and validated again. A file is still read (its key holds
// the bytes), and its stored diagnostics are rendered like fresh ones: the
// text they quote is the text just read, equal to the text they were made
// from. With them are stored the values the rules across files need
// (run/site_rules.hpp), so a cached file still takes part in them.
// Diagnostics are stored, not rendered text, so a hit prints exactly
// what a fresh run prints in every output format.
//
// Storage: one file, `validate.cache`, in the cache folder (format in
// run/cache_store.hpp), read whole when the run starts and written when it
// ends, only if something changed: a fully warm run writes nothing. It is
// written to a temporary file and renamed over the old one, so concurrent
// runs never tear it: the last writer wins, and entries the other run
// added are simply computed again later. A file that is missing, truncated,
// corrupt, of another format version or not a cache file at all is
// ignored (every lookup misses) and rewritten. One file rather than one per
// entry: 10,000 small files cost more to open than one of a few hundred KB
// costs to read.
//
// Pruning: the entries of files this run checked are replaced; an entry of
// a file this run did not check is dropped when its file lies in the run's
// scope (runner.hpp: a folder the run walked, or everything for a run over
// whole collections), since the walk found every file there that still
// exists; other entries are kept, so a pre-commit run over a few files does
// not evict the rest.
//
// Threads: key(), find() and relative() are const and may be called from
// any thread during a run; keep(), store() and save() are for the thread
// that runs run_validate()'s sink.
#pragma once

#include "base/expected.hpp"
#include "diag/diagnostic.hpp"
#include "run/cache_hash.hpp"
#include "run/cache_store.hpp"
#include "run/file_reader.hpp"
#include "run/runner.hpp"

#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fmkit {

// The cache file's name in the cache folder.
inline constexpr std::string_view k_cache_file_name = "validate.cache";

// The cache folder created beside fmkit.yaml.
inline constexpr std::string_view k_cache_folder_name = ".fmkit-cache";

// Returns where a run keeps its cache when no folder is given:
// - with a config file (plan.folder set): `.fmkit-cache/` beside it when
//   that folder can be written (or exists writable), else
//   `cache_home/fmkit/config-<hash of the config folder>/`;
// - with --schema: `cache_home/fmkit/schema-<hash of schema>/`, `schema`
//   being the schema file's absolute path.
// `cache_home` is $XDG_CACHE_HOME or ~/.cache; "" when neither is set.
// Returns "" when there is nowhere to keep it.
std::filesystem::path default_cache_folder(
    const Plan& plan, const std::filesystem::path& schema,
    const std::filesystem::path& cache_home);

class ResultCache {
 public:
  // Opens the cache of `folder` for a run whose files' paths are relative
  // to the absolute folder `root` (the config file's folder; "/" for
  // --schema) and whose collections have the keys `collections`
  // (collection_keys()). A cache file that can't be read or used is an
  // empty cache.
  ResultCache(std::filesystem::path folder, std::filesystem::path root,
              std::vector<Hash128> collections);

  // Returns `path` (absolute) relative to the root.
  std::string relative(const std::string& path) const;

  // Returns the key of the file `relative` of collection `collection`,
  // read as `read`.
  Hash128 key(size_t collection, std::string_view relative,
              const FrontMatterText& read) const;

  // Returns the stored diagnostics of `relative` if its entry has `key`
  // (and its stored rule values into `values` when not nullptr);
  // std::nullopt otherwise.
  std::optional<std::vector<Diagnostic>> find(
      std::string_view relative, const Hash128& key,
      std::vector<RuleValue>* values = nullptr) const;

  // Records that `relative` was found with find(): its entry stays.
  void keep(std::string_view relative);

  // Records the fresh `diagnostics` and rule values of `relative`, whose
  // key is `key`.
  void store(std::string_view relative, const Hash128& key,
             const std::vector<Diagnostic>& diagnostics,
             const std::vector<RuleValue>& values = {});

  // Writes the cache file if anything changed, pruning as described above
  // with `scope`. Creates the folder, with a `.gitignore` holding `*` (git
  // never sees the cache) and a CACHEDIR.TAG (backup tools skip it). The
  // error says why the file could not be written, without the path.
  Expected<void> save(const RunScope& scope);

  // The cache file.
  std::filesystem::path file() const;
  // Lookups of this run that found (hits) or did not find (misses) an entry.
  size_t hits() const { return m_hits; }
  size_t misses() const { return m_misses; }

 private:
  std::filesystem::path m_folder;
  std::filesystem::path m_root;
  std::vector<Hash128> m_collections;
  std::string m_bytes;       // the cache file as read
  CacheEntryViews m_loaded;  // views into m_bytes; hits marked `kept`
  // The fresh results of this run, by path: views into m_new (their paths
  // too). A hit adds nothing: a warm run holds the cache file and no more.
  std::unordered_map<std::string_view, CacheEntryView> m_seen;
  std::deque<std::string> m_new;
  bool m_changed = false;  // something to write, whatever the pruning
  size_t m_kept = 0;       // entries of m_loaded kept or replaced
  size_t m_hits = 0;
  size_t m_misses = 0;
};

}  // namespace fmkit
