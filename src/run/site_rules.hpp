// SPDX-License-Identifier: MIT
//
// Rules across files: the `unique:` and `references:` of fmkit.yaml's
// collections (run/config.hpp), checked in the pass that validates.
//
// SiteRules turns the config's rules into slots: a field of a collection
// whose values some rule needs (a unique field, a reference, or the field a
// reference names entries by). While the runner reads each file it calls
// collect(), which keeps only those values (RuleValue: the value, its
// JSON Pointer and its place), so memory grows with the number of values the
// rules need, not with the files' size. A field holding a list gives each
// item; null, "" and collections give nothing (not set); numbers and
// booleans are compared as JSON writes them. The values of a file travel
// with its result (and through the result cache), and a RuleChecker takes
// them one file at a time; check() then finds:
//
// - unique.duplicate: a value of a unique field that another value of the
//   same field in the rule's collections (its own, and `across:`) equals,
//   reported at each, naming the first other place (path:line:col);
//   `normalize: url` compares without case and trailing slashes;
// - ref.dangling: a reference naming no key of its data file, no file of
//   its collection by stem (the file name without its extension; the
//   folder's name for a page bundle's index.md or _index.md), or no
//   value of its collection's `key` field, with a "did you mean" among the
//   existing names.
//
// Files added as context (not reported: a scoped run's other files) give
// their values and stems to compare with, and get no findings. SiteRules is
// immutable and thread-safe; a RuleChecker is not thread-safe.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "run/config.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// A value a rule needs, from one file.
struct RuleValue {
  uint32_t slot = 0;    // what SiteRules collected it for
  std::string text;     // as compared (before normalization)
  std::string pointer;  // where it is in the front matter
  SourceSpan span;      // where it is in the file

  friend bool operator==(const RuleValue&, const RuleValue&) = default;
};

class SiteRules {
 public:
  // The rules of `config`, which must outlive this.
  explicit SiteRules(const Config& config);

  // Whether the config declares no rule.
  bool empty() const { return m_slots.empty() && m_stem_sets.empty(); }
  // Whether the files of `collection` give values or stems to the rules.
  bool involves(size_t collection) const;

  // Appends to `out` the values the rules need from `document`, a file of
  // `collection`; `lines` is built over the file's text.
  void collect(size_t collection, const Document& document,
               const LineIndex& lines, std::vector<RuleValue>& out) const;

 private:
  friend class RuleChecker;
  enum class SlotKind { unique, reference, key };
  struct Slot {
    size_t collection = 0;
    std::vector<std::string> tokens;
    SlotKind kind = SlotKind::unique;
    size_t target = 0;                         // a unique group, or a key set
    const ReferenceRule* reference = nullptr;  // SlotKind::reference
  };
  struct UniqueGroup {
    const UniqueRule* rule = nullptr;
  };
  // The names a reference may take: a data file's keys, the stems of a
  // collection's files, or the values of a slot of kind key.
  struct KeySet {
    const ReferenceRule* rule = nullptr;
    size_t stems_of = static_cast<size_t>(-1);  // a collection
  };

  size_t key_set_for(const ReferenceRule& rule, size_t target);

  const Config& m_config;
  std::vector<Slot> m_slots;
  std::vector<UniqueGroup> m_groups;
  std::vector<KeySet> m_key_sets;
  std::vector<size_t> m_stem_sets;  // collections whose stems are needed
};

// The findings of one file.
struct RuleFindings {
  size_t file = 0;  // the `file` given to RuleChecker::add()
  std::vector<Diagnostic> diagnostics;  // sorted
};

class RuleChecker {
 public:
  // `rules` must outlive this.
  explicit RuleChecker(const SiteRules& rules) : m_rules(rules) {}

  // Adds the file `file` (an id of the caller's, e.g. its job), shown as
  // `display`, of `collection`, with its values; a file added as context
  // gets no findings.
  void add(size_t file, std::string_view display, size_t collection,
           std::vector<RuleValue> values, bool context = false);

  // Returns the findings of the files added, in the order added.
  std::vector<RuleFindings> check() const;

 private:
  // A piece of one block of m_text.
  struct Text {
    uint32_t block = 0;
    uint32_t size = 0;
    size_t begin = 0;
  };
  struct Value {
    uint32_t slot = 0;
    uint32_t file = 0;  // index in m_files
    Text text;
    Text pointer;
    SourceSpan span;
  };
  struct File {
    size_t id = 0;
    Text display;
    bool context = false;
  };

  Text keep(std::string_view text);
  std::string_view view(Text text) const {
    return std::string_view(m_text[text.block]).substr(text.begin, text.size);
  }
  Diagnostic finding(std::string rule, std::string message,
                     const Value& value) const;
  void check_unique(std::vector<std::vector<Diagnostic>>& out) const;
  void check_references(std::vector<std::vector<Diagnostic>>& out) const;

  const SiteRules& m_rules;
  // Every text kept (values, pointers, paths, stems), one after another in
  // blocks of 1 MiB or more that never grow: a few large allocations rather
  // than small strings that fragment the heap, with no copying as they fill.
  std::vector<std::string> m_text;
  std::vector<File> m_files;
  std::vector<Value> m_values;  // in the order added
  // Per collection of SiteRules::m_stem_sets: the stems of its files.
  std::vector<std::vector<Text>> m_stems;
};

// Returns `text` as `normalize: url` compares it: ASCII letters in lower
// case, trailing slashes removed ("/" stays "/").
std::string normalize_url(std::string_view text);

}  // namespace fmkit
