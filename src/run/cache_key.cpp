// SPDX-License-Identifier: MIT
#include "run/cache_key.hpp"

#include "document/front_matter.hpp"

#include <cstring>
#include <elf.h>
#include <link.h>
#include <utility>

namespace fmkit {

namespace {

// Converts to any field's type: counts an aggregate's fields below.
struct AnyField {
  template <typename T>
  constexpr operator T() const;  // never called: unevaluated only
};

// Returns the number of fields of the aggregate `T`: the most initializers
// `T{...}` takes. Unlike sizeof, it sees a small field added in padding.
template <typename T, typename... Fields>
constexpr size_t field_count() {
  if constexpr (requires { T{Fields{}..., AnyField{}}; }) {
    return field_count<T, Fields..., AnyField>();
  } else {
    return sizeof...(Fields);
  }
}

// Every field of YamlOptions is in the key: a new field must be added
// below (and this count changed): four limits, the keys mode, the version,
// own_file.
static_assert(field_count<YamlOptions>() == 7,
              "add the new YamlOptions field to the cache key");

void add_collection(CacheHasher& hasher, const Collection& collection) {
  hasher.add(collection.name);
  const DocumentOptions& document = collection.document;
  hasher.add(document.require_front_matter == RequireFrontMatter::yes ? 1 : 0);
  const YamlOptions& yaml = document.yaml;
  hasher.add(yaml.max_nodes)
      .add(yaml.max_depth)
      .add(yaml.max_bytes)
      .add(yaml.max_expanded_bytes)
      .add(static_cast<uint64_t>(yaml.keys))
      .add(static_cast<uint64_t>(yaml.version))
      .add(yaml.own_file ? 1 : 0);
  if (!collection.migrations) {
    hasher.add(0);
    return;
  }
  const Migrations& migrations = *collection.migrations;
  hasher.add(1)
      .add(migrations.settings.version_key)
      .add(migrations.key.pointer())
      .add(static_cast<uint64_t>(migrations.chain.initial_version));
  for (const Migration& migration : migrations.chain.migrations) {
    hasher.add(static_cast<uint64_t>(migration.version));
    hasher.add(migration.schema ? 1 : 0).add(migration.schema.value_or(""));
  }
}

// Appends the descriptor of the NT_GNU_BUILD_ID note among the `size`
// bytes of notes at `notes` to `id`, as hex.
void find_build_id(const unsigned char* notes, size_t size, std::string& id) {
  static constexpr char k_digits[] = "0123456789abcdef";
  size_t at = 0;
  while (id.empty() && at + sizeof(ElfW(Nhdr)) <= size) {
    ElfW(Nhdr) header;
    std::memcpy(&header, notes + at, sizeof header);
    size_t name = at + sizeof header;
    size_t descriptor = name + ((header.n_namesz + 3) & ~size_t{3});
    size_t next = descriptor + ((header.n_descsz + 3) & ~size_t{3});
    if (next > size) break;
    if (header.n_type == NT_GNU_BUILD_ID && header.n_namesz == 4 &&
        std::memcmp(notes + name, "GNU", 4) == 0) {
      for (size_t i = 0; i < header.n_descsz; ++i) {
        id += k_digits[notes[descriptor + i] >> 4];
        id += k_digits[notes[descriptor + i] & 15];
      }
    }
    at = next;
  }
}

}  // namespace

void InputDigest::add(std::filesystem::path path, std::string_view bytes) {
  m_files.push_back(File{std::move(path), murmur3_128(bytes)});
}

ReadFile InputDigest::reader() {
  return [this](const std::filesystem::path& path) {
    Expected<std::string> text = read_whole_file(path);
    add(path, text ? *text : "unreadable: " + text.error());
    return text;
  };
}

Hash128 InputDigest::value(const std::filesystem::path& root) const {
  CacheHasher hasher;
  for (const File& file : m_files) {
    hasher.add(relative_path(root, file.path.native())).add(file.bytes);
  }
  return hasher.finish();
}

std::string build_id() {
  std::string id;
  // The first object dl_iterate_phdr() visits is the executable itself.
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) -> int {
        auto& found = *static_cast<std::string*>(data);
        for (ElfW(Half) i = 0; i < info->dlpi_phnum && found.empty(); ++i) {
          const ElfW(Phdr)& header = info->dlpi_phdr[i];
          if (header.p_type != PT_NOTE) continue;
          find_build_id(reinterpret_cast<const unsigned char*>(info->dlpi_addr +
                                                               header.p_vaddr),
                        header.p_memsz, found);
        }
        return 1;
      },
      &id);
  return id;
}

std::vector<Hash128> collection_keys(const Plan& plan, const Hash128& inputs,
                                     std::string_view identity) {
  std::vector<Hash128> keys;
  for (size_t i = 0; i < plan.collections.size(); ++i) {
    CacheHasher hasher;
    hasher.add("fmkit validate result").add(identity).add(inputs).add(i);
    add_collection(hasher, plan.collections[i]);
    keys.push_back(hasher.finish());
  }
  return keys;
}

Hash128 file_key(const Hash128& context, std::string_view relative,
                 const FrontMatterText& read) {
  std::string_view text = read.text;
  CacheHasher hasher;
  hasher.add(context).add(relative);
  FrontMatter front_matter = split_front_matter(
      text, read.truncated ? TextEnd::partial : TextEnd::complete);
  if (!read.truncated && front_matter.status == FrontMatterStatus::ok) {
    hasher.add(0).add(murmur3_128(text.substr(0, front_matter.body_begin)));
  } else {
    hasher.add(read.truncated ? 2 : 1)
        .add(read.whole_file ? 1 : 0)
        .add(murmur3_128(text));
  }
  return hasher.finish();
}

}  // namespace fmkit
