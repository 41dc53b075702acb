// SPDX-License-Identifier: MIT
//
// PositionMap: where each node of a parsed YAML document stands in the file,
// keyed by JSON Pointer ("" is the root, "/tags/1" the second tag). Offsets
// are bytes into the whole file text (BOM and "---" line included), so they
// can be turned into SourcePos with the file's LineIndex, and spliced by
// migrations. Entries are kept in document order.
//
// Every node written in the YAML has an entry, mapping values and sequence
// items alike. An alias (*name) has one entry, for the alias itself (marked
// `alias`); the nodes inside the copy it stands for have none: use
// find_nearest() to land on the alias. Nodes inside a mapping key that is
// itself a collection have no entry either (no pointer reaches them). Not
// thread-safe to build; const access is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fmkit {

enum class NodeKind { scalar, sequence, mapping };

enum class ScalarStyle { plain, single_quoted, double_quoted, literal, folded };

struct NodeInfo {
  static constexpr size_t k_none = static_cast<size_t>(-1);

  NodeKind kind = NodeKind::scalar;
  ScalarStyle style = ScalarStyle::plain;  // scalars only
  bool flow = false;                       // collections written [..] / {..}
  bool has_key = false;                    // a mapping entry's value
  bool alias = false;  // written as *name; the value is the anchor's copy
  size_t key_begin = k_none;  // the key as written (quotes included)
  size_t key_end = k_none;
  // The value as written: quotes included for quoted scalars, from the
  // "|"/">" indicator for block scalars, from "[" / "{" to the matching
  // bracket for flow collections, from the first to the end of the last
  // child for block collections (a block sequence starts at its first "-").
  // Tags and anchors are not included. A value written as nothing (`key:`)
  // is an empty span just after the ':' (or "-"); a block scalar ends at the
  // end of its last line of content (a line of spaces past its indentation
  // is content), without the line break.
  size_t value_begin = 0;
  size_t value_end = 0;
};

// Returns where the block mapping entry whose key is written at `key_begin`
// of `text` starts: at the "?" of an explicit key ("? key", or a "?" alone
// on a line before the key's, with only blank and comment lines between), else
// at the anchor or tag written before the key on its line ("&a key: v",
// "- !!str 1: v"; NodeInfo::key_begin leaves them out), else at the key.
// Its column is the mapping's indentation.
size_t entry_begin(std::string_view text, size_t key_begin);

class PositionMap {
 public:
  // Records `info` for `pointer`; a later insert for the same pointer
  // replaces the earlier one (keeping its place). Returns the entry's index
  // in entries().
  size_t insert(std::string pointer, const NodeInfo& info);

  // Replaces the info of entry `index` (an index insert() returned).
  void update(size_t index, const NodeInfo& info) {
    m_entries[index].second = info;
  }

  void reserve(size_t count);

  // Returns the node at `pointer`, or nullptr.
  const NodeInfo* find(std::string_view pointer) const;

  // Returns the node at `pointer` or, when it has no entry (it lies inside
  // an alias's copy, or a migration created it), at its nearest ancestor
  // that has one; nullptr when not even the root has an entry.
  const NodeInfo* find_nearest(std::string_view pointer) const;

  // Entries in document order.
  const std::vector<std::pair<std::string, NodeInfo>>& entries() const {
    return m_entries;
  }
  size_t size() const { return m_entries.size(); }

 private:
  // Open addressing over m_entries: one probe table of entry indices, no
  // per-entry allocation and no second copy of each pointer (this map is
  // built for every file, one entry per node).
  size_t probe(std::string_view pointer, size_t hash) const;
  void rehash(size_t slot_count);

  std::vector<std::pair<std::string, NodeInfo>> m_entries;
  std::vector<size_t> m_hashes;   // hash of each entry's pointer
  std::vector<uint32_t> m_slots;  // entry index + 1; 0 = empty; size 2^k
};

}  // namespace fmkit
