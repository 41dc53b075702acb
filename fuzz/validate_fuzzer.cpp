// SPDX-License-Identifier: MIT
//
// Fuzz target: read + validate with the bundled post schema
// (schemas/post.schema.json and the common.schema.json it refers to, read
// once from the source tree named by FMKIT_SOURCE_DIR). For every input:
//   - no crash, no exception, no hang;
//   - every diagnostic, the reader's and the validator's, has a catalog rule
//     and a span inside the text whose line and column match its offsets;
//   - every schema diagnostic's pointer names a node of the document, or (a
//     missing key) a key of a node;
//   - the same Validator validating the document again says the same.
#include "base/json_pointer.hpp"
#include "document/document.hpp"
#include "fuzz_check.hpp"
#include "schema/schema_registry.hpp"
#include "schema/validator.hpp"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace fmkit;
using fuzz::fuzz_check;
using nlohmann::json;

Expected<std::string> read_from_disk(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return unexpected("cannot open the file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Validator& validator() {
  static Validator instance = [] {
    SchemaRegistry registry(read_from_disk);
    auto schema =
        registry.load(FMKIT_SOURCE_DIR "/schemas/post.schema.json", "post");
    if (!schema) {
      std::cerr << "validate_fuzzer: cannot load schemas/post.schema.json\n";
      std::abort();
    }
    return Validator(*schema);
  }();
  return instance;
}

// Whether `pointer` names a node of `root` or a key of one.
bool names_a_place(const json& root, const std::string& pointer) {
  std::vector<std::string> tokens = split_pointer(pointer);
  const json* node = &root;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const bool last = i + 1 == tokens.size();
    if (node->is_object()) {
      auto it = node->find(tokens[i]);
      if (it == node->end()) return last;
      node = &*it;
    } else if (node->is_array()) {
      const std::string& t = tokens[i];
      if (t.empty() || t.size() > 9 ||
          t.find_first_not_of("0123456789") != std::string::npos ||
          std::stoul(t) >= node->size()) {
        return false;
      }
      node = &(*node)[std::stoul(t)];
    } else {
      return false;
    }
  }
  return true;
}

bool same(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].rule != b[i].rule || a[i].message != b[i].message ||
        a[i].pointer != b[i].pointer || !(a[i].span == b[i].span)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  fuzz::check_diagnostics(text, lines, diagnostics);
  if (!document.usable) return 0;
  std::vector<Diagnostic> found;
  validator().validate(document, lines, found);
  fuzz::check_diagnostics(text, lines, found);
  for (const Diagnostic& d : found) {
    fuzz_check(names_a_place(document.data, d.pointer),
               "a schema diagnostic's pointer names a place",
               fuzz::describe(d) + " pointer '" + d.pointer + "'");
  }
  std::vector<Diagnostic> again;
  validator().validate(document, lines, again);
  fuzz_check(same(found, again), "validating again says the same");
  return 0;
}
