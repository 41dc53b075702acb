// SPDX-License-Identifier: MIT
#include "document/position_map.hpp"

#include <functional>

namespace fmkit {

namespace {

size_t hash_pointer(std::string_view pointer) {
  return std::hash<std::string_view>{}(pointer);
}

}  // namespace

namespace {

// The '?' standing alone on a line before the one starting at `line`, with
// only blank and comment lines between ("?" or "? # note", then the key on
// a later line); npos when there is none.
size_t lone_question_before(std::string_view text, size_t line) {
  while (line > 0) {
    const size_t end = line - 1;  // the '\n' ending the line before
    size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
    start = start == std::string_view::npos || end == 0 ? 0 : start + 1;
    std::string_view content = text.substr(start, end - start);
    const size_t first = content.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && content[first] != '#') {
      std::string_view rest = content.substr(first + 1);
      const size_t next = rest.find_first_not_of(" \t\r");
      const bool alone =
          next == std::string_view::npos || (rest[next] == '#' && next > 0);
      return content[first] == '?' && alone ? start + first
                                            : std::string_view::npos;
    }
    line = start;
  }
  return std::string_view::npos;
}

}  // namespace

size_t entry_begin(std::string_view text, size_t key_begin) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  auto space = [&](char c) { return blank(c) || c == '\r' || c == '\n'; };
  size_t begin = key_begin;
  while (true) {
    size_t i = begin;
    while (i > 0 && blank(text[i - 1])) --i;
    size_t token = i;
    while (token > 0 && !space(text[token - 1])) --token;
    if (token == i) {
      // At the start of its line: the key of a '?' on a line before?
      if (i > 0 && text[i - 1] != '\n') return begin;
      // Only a key indented past the '?' is its key; one at its column is
      // the next entry (the '?' had an empty key).
      const size_t question = lone_question_before(text, i);
      if (question == std::string_view::npos) return begin;
      const size_t line = text.rfind('\n', question);
      const size_t column =
          question - (line == std::string_view::npos ? 0 : line + 1);
      return begin - i > column ? question : begin;
    }
    if (i - token == 1 && text[token] == '?') return token;  // "? key"
    if (text[token] != '&' && text[token] != '!') return begin;
    begin = token;
  }
}

// Returns the slot holding `pointer`, or the empty slot where it would go.
// The table is never full (rehash keeps it at most 3/4 full).
size_t PositionMap::probe(std::string_view pointer, size_t hash) const {
  const size_t mask = m_slots.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const uint32_t index = m_slots[slot];
    if (index == 0) return slot;
    if (m_hashes[index - 1] == hash && m_entries[index - 1].first == pointer) {
      return slot;
    }
  }
}

void PositionMap::rehash(size_t slot_count) {
  m_slots.assign(slot_count, 0);
  const size_t mask = slot_count - 1;
  for (size_t i = 0; i < m_entries.size(); ++i) {
    size_t slot = m_hashes[i] & mask;
    while (m_slots[slot] != 0) slot = (slot + 1) & mask;
    m_slots[slot] = static_cast<uint32_t>(i + 1);
  }
}

size_t PositionMap::insert(std::string pointer, const NodeInfo& info) {
  if ((m_entries.size() + 1) * 4 > m_slots.size() * 3) {
    rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
  }
  const size_t hash = hash_pointer(pointer);
  const size_t slot = probe(pointer, hash);
  if (m_slots[slot] != 0) {
    const size_t index = m_slots[slot] - 1;
    m_entries[index].second = info;
    return index;
  }
  m_slots[slot] = static_cast<uint32_t>(m_entries.size() + 1);
  m_entries.emplace_back(std::move(pointer), info);
  m_hashes.push_back(hash);
  return m_entries.size() - 1;
}

void PositionMap::reserve(size_t count) {
  m_entries.reserve(count);
  m_hashes.reserve(count);
  size_t slots = 16;
  while (slots * 3 < count * 4) slots *= 2;
  if (slots > m_slots.size()) rehash(slots);
}

const NodeInfo* PositionMap::find(std::string_view pointer) const {
  if (m_slots.empty()) return nullptr;
  const uint32_t index = m_slots[probe(pointer, hash_pointer(pointer))];
  return index == 0 ? nullptr : &m_entries[index - 1].second;
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
