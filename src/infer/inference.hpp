// SPDX-License-Identifier: MIT
//
// Schema inference: from the front matter of a collection's documents, the
// draft-07 JSON Schema a careful person would write, and the values that
// break it, reported as likely mistakes. Two passes over the documents:
//
//   SchemaInference inference(options);
//   for (each document) inference.add(document);      // counts
//   InferredSchema inferred = inference.finish();      // decides
//   for (each document) find_outliers(inferred, ...);  // reports
//
// The first pass only counts (infer/field_stats.hpp), so nothing of a
// document is kept; the second finds, in each document, the values the
// schema rejects: each an `infer.outlier` warning at the value, saying what
// the field's dominant shape is ("'draft' is the string "yes" here but a
// boolean in 412 of 413 files"). What is decided (infer/field_rule.hpp):
// every key with its type (a union only when the minority is larger than
// the outlier allowance), nested mappings and list items recursively,
// `uniqueItems` when no list repeats an item, `required` for keys (nearly)
// every mapping has, `additionalProperties: false`, `enum` for recurring
// strings, `format` (date, date-time, uri, email; the checkers of
// schema/formats.hpp) when every string fits, `minLength: 1` when no string
// is empty, a `description` with what was seen and a few `examples`.
// Thresholds are InferOptions (infer/infer_options.hpp).
//
// Pure: no disk, no terminal. The output is deterministic for documents
// added in the same order; keys appear in the order users write them.
// Not thread-safe while adding; find_outliers() may run on many threads
// over one finished InferredSchema.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "infer/field_rule.hpp"
#include "infer/field_stats.hpp"
#include "infer/infer_options.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace fmkit {

struct InferredSchema {
  nlohmann::ordered_json schema;
  std::unique_ptr<FieldRule> root;
  uint64_t documents = 0;
};

class SchemaInference {
 public:
  explicit SchemaInference(InferOptions options)
      : m_options(std::move(options)) {}

  // Counts the front matter of `document`; a document that is not usable
  // (Document::usable) is skipped.
  void add(const Document& document);

  uint64_t documents() const { return m_root.values; }

  // Decides the schema from what was added.
  InferredSchema finish() const;

 private:
  InferOptions m_options;
  FieldStats m_root;
};

// Returns the outliers of `document` (whose text `lines` is built over):
// warnings, rule infer.outlier, sorted. None for a document that is not
// usable.
std::vector<Diagnostic> find_outliers(const InferredSchema& inferred,
                                      const Document& document,
                                      const LineIndex& lines);

}  // namespace fmkit
