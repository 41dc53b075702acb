// SPDX-License-Identifier: MIT
#include "document/position_map.hpp"

namespace fmkit {

void PositionMap::insert(std::string pointer, const NodeInfo& info) {
  auto [it, inserted] = m_index.try_emplace(pointer, m_entries.size());
  if (inserted) {
    m_entries.emplace_back(std::move(pointer), info);
  } else {
    m_entries[it->second].second = info;
  }
}

const NodeInfo* PositionMap::find(std::string_view pointer) const {
  auto it = m_index.find(pointer);
  return it == m_index.end() ? nullptr : &m_entries[it->second].second;
}

}  // namespace fmkit
