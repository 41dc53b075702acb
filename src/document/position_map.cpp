// SPDX-License-Identifier: MIT
#include "document/position_map.hpp"

namespace fmkit {

size_t PositionMap::insert(std::string pointer, const NodeInfo& info) {
  auto [it, inserted] = m_index.try_emplace(pointer, m_entries.size());
  if (inserted) {
    m_entries.emplace_back(std::move(pointer), info);
  } else {
    m_entries[it->second].second = info;
  }
  return it->second;
}

void PositionMap::reserve(size_t count) {
  m_entries.reserve(count);
  m_index.reserve(count);
}

const NodeInfo* PositionMap::find(std::string_view pointer) const {
  auto it = m_index.find(pointer);
  return it == m_index.end() ? nullptr : &m_entries[it->second].second;
}

const NodeInfo* PositionMap::find_nearest(std::string_view pointer) const {
  while (true) {
    if (const NodeInfo* info = find(pointer)) return info;
    if (pointer.empty()) return nullptr;
    size_t slash = pointer.rfind('/');
    pointer = slash == std::string_view::npos ? std::string_view()
                                              : pointer.substr(0, slash);
  }
}

}  // namespace fmkit
