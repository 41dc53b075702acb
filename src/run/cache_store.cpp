// SPDX-License-Identifier: MIT
#include "run/cache_store.hpp"

#include "run/file_reader.hpp"

#include <string>

namespace fmkit {

namespace {

constexpr std::string_view k_magic = "fmkitRC\n";
constexpr size_t k_header_size = 48;

void put_u32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i)
    out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void put_u64(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i)
    out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

void put_bytes(std::string& out, std::string_view bytes) {
  put_u32(out, static_cast<uint32_t>(bytes.size()));
  out.append(bytes);
}

void put_hash(std::string& out, const Hash128& hash) {
  put_u64(out, hash.low);
  put_u64(out, hash.high);
}

void put_pos(std::string& out, const SourcePos& pos) {
  put_u32(out, pos.line);
  put_u32(out, pos.column);
  put_u64(out, pos.offset);
}

// Reads fields from stored bytes; any read past the end makes it !ok(),
// and every later read returns zeros, so callers check once at the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

  bool ok() const { return m_ok; }
  bool at_end() const { return m_ok && m_bytes.empty(); }

  uint64_t number(size_t size) {
    if (!take(size)) return 0;
    uint64_t value = 0;
    for (size_t i = 0; i < size; ++i) {
      value |= uint64_t{static_cast<unsigned char>(m_taken[i])} << (8 * i);
    }
    return value;
  }
  uint32_t u32() { return static_cast<uint32_t>(number(4)); }
  uint64_t u64() { return number(8); }
  std::string_view bytes(size_t size) { return take(size) ? m_taken : ""; }
  std::string_view sized() { return bytes(u32()); }
  Hash128 hash() {
    Hash128 hash;
    hash.low = u64();
    hash.high = u64();
    return hash;
  }
  SourcePos pos() {
    SourcePos pos;
    pos.line = u32();
    pos.column = u32();
    pos.offset = static_cast<size_t>(u64());
    return pos;
  }

 private:
  bool take(size_t size) {
    if (!m_ok || size > m_bytes.size()) {
      m_ok = false;
      return false;
    }
    m_taken = m_bytes.substr(0, size);
    m_bytes.remove_prefix(size);
    return true;
  }

  std::string_view m_bytes;
  std::string_view m_taken;
  bool m_ok = true;
};

}  // namespace

std::string encode_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  put_u32(out, static_cast<uint32_t>(diagnostics.size()));
  for (const Diagnostic& d : diagnostics) {
    out += static_cast<char>(d.severity == Severity::error ? 0 : 1);
    put_bytes(out, d.rule);
    put_bytes(out, d.message);
    put_bytes(out, d.pointer);
    put_pos(out, d.span.begin);
    put_pos(out, d.span.end);
  }
  return out;
}

std::optional<std::vector<Diagnostic>> decode_diagnostics(
    std::string_view bytes) {
  Reader in(bytes);
  uint32_t count = in.u32();
  // Each diagnostic takes at least 45 bytes: no count can claim more.
  if (!in.ok() || count > bytes.size() / 45) return std::nullopt;
  std::vector<Diagnostic> diagnostics(count);
  for (Diagnostic& d : diagnostics) {
    uint64_t severity = in.number(1);
    if (severity > 1) return std::nullopt;
    d.severity = severity == 0 ? Severity::error : Severity::warning;
    d.rule = in.sized();
    d.message = in.sized();
    d.pointer = in.sized();
    d.span.begin = in.pos();
    d.span.end = in.pos();
  }
  if (!in.at_end()) return std::nullopt;
  return diagnostics;
}

std::string encode_rule_values(const std::vector<RuleValue>& values) {
  std::string out;
  put_u32(out, static_cast<uint32_t>(values.size()));
  for (const RuleValue& value : values) {
    put_u32(out, value.slot);
    put_bytes(out, value.text);
    put_bytes(out, value.pointer);
    put_pos(out, value.span.begin);
    put_pos(out, value.span.end);
  }
  return out;
}

std::optional<std::vector<RuleValue>> decode_rule_values(
    std::string_view bytes) {
  if (bytes.empty()) return std::vector<RuleValue>();  // none stored
  Reader in(bytes);
  uint32_t count = in.u32();
  // Each value takes at least 44 bytes: no count can claim more.
  if (!in.ok() || count > bytes.size() / 44) return std::nullopt;
  std::vector<RuleValue> values(count);
  for (RuleValue& value : values) {
    value.slot = in.u32();
    value.text = in.sized();
    value.pointer = in.sized();
    value.span.begin = in.pos();
    value.span.end = in.pos();
  }
  if (!in.at_end()) return std::nullopt;
  return values;
}

std::string encode_cache_file(
    const std::vector<std::pair<std::string_view, CacheEntryView>>& entries) {
  std::string payload;
  for (const auto& [path, entry] : entries) {
    put_bytes(payload, path);
    put_hash(payload, entry.key);
    put_bytes(payload, entry.diagnostics);
    put_bytes(payload, entry.values);
  }
  std::string out(k_magic);
  put_u32(out, k_cache_format_version);
  put_u32(out, 0);
  put_u64(out, payload.size());
  put_u64(out, entries.size());
  put_hash(out, murmur3_128(payload));
  return out + payload;
}

std::optional<CacheEntryViews> decode_cache_file(std::string_view bytes) {
  if (bytes.size() < k_header_size || !bytes.starts_with(k_magic)) {
    return std::nullopt;
  }
  Reader header(bytes.substr(k_magic.size(), k_header_size - k_magic.size()));
  uint32_t version = header.u32();
  uint32_t reserved = header.u32();
  uint64_t payload_size = header.u64();
  uint64_t count = header.u64();
  Hash128 checksum = header.hash();
  std::string_view payload = bytes.substr(k_header_size);
  // Each entry takes at least 28 bytes: no count can claim more.
  if (version != k_cache_format_version || reserved != 0 ||
      payload_size != payload.size() || count > payload.size() / 28 ||
      murmur3_128(payload) != checksum) {
    return std::nullopt;
  }
  CacheEntryViews entries;
  entries.reserve(static_cast<size_t>(count));
  Reader in(payload);
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view path = in.sized();
    CacheEntryView entry;
    entry.key = in.hash();
    entry.diagnostics = in.sized();
    entry.values = in.sized();
    if (!in.ok() || !entries.emplace(path, entry).second) return std::nullopt;
  }
  if (!in.at_end()) return std::nullopt;
  return entries;
}

}  // namespace fmkit
