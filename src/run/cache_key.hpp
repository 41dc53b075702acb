// SPDX-License-Identifier: MIT
//
// What a cached result depends on: the key of each file's entry in the
// result cache (run/cache.hpp). A file's diagnostics are a function of
//
//   - its front matter: the bytes read up to the end of the closing line
//     (read_document() looks no further, so an edit of the body does not
//     change the key), or every byte read when the block is missing,
//     unclosed or cut off at the size limit (with those two facts);
//   - its path relative to the root of the run, which picked its
//     collection;
//   - its collection: its index and name in the plan, how its documents are
//     read (require_front_matter, every YamlOptions limit) and, with
//     migrations, the version key, the initial version and each
//     migration's version and `schema:` (they pick the schema of each
//     version; validate reads nothing else from them);
//   - fmkit's own files read to plan the run: the config file's bytes, and
//     the path (relative to the root of the run, so a moved checkout keeps
//     its cache) and bytes of every schema file read (each root schema and
//     every file its `$ref`s reach), in the order read;
//   - fmkit itself: its version and its build id (the GNU build-id note
//     the linker writes), so a rebuilt fmkit never takes the results of
//     another build.
//
// If validation ever reads something else, it must be added here. Keys are
// 128-bit hashes (run/cache_hash.hpp) of these fields.
#pragma once

#include "run/cache_hash.hpp"
#include "run/file_reader.hpp"
#include "run/plan.hpp"
#include "schema/schema_registry.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Digest of fmkit's own files read while planning a run. Not thread-safe
// (plans are made on one thread).
class InputDigest {
 public:
  // Adds the file `path` (absolute) holding `bytes`.
  void add(std::filesystem::path path, std::string_view bytes);

  // Returns a ReadFile that reads with read_whole_file() and adds what it
  // reads (an unreadable file is added with its error). It refers to this
  // InputDigest, which must outlive it.
  ReadFile reader();

  // Returns the digest of the files added, in order, each named by its path
  // relative to the absolute folder `root`.
  Hash128 value(const std::filesystem::path& root) const;

 private:
  struct File {
    std::filesystem::path path;
    Hash128 bytes;
  };
  std::vector<File> m_files;
};

// Returns the hex digits of this executable's GNU build-id note, or "" when
// it has none.
std::string build_id();

// Returns the context key of every collection of `plan`: the fields above
// but the file's own. `inputs` is the InputDigest of the planning,
// `identity` says which fmkit this is (its version and build_id()).
std::vector<Hash128> collection_keys(const Plan& plan, const Hash128& inputs,
                                     std::string_view identity);

// Returns the key of the file `relative` read as `read`, in the collection
// whose key is `context`.
Hash128 file_key(const Hash128& context, std::string_view relative,
                 const FrontMatterText& read);

}  // namespace fmkit
