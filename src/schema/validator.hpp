// SPDX-License-Identifier: MIT
//
// Validator: checks a Document against a CompiledSchema and turns each
// violation into one Diagnostic at the right span: a wrong value points at
// the value, an unknown key at the key, a missing required key at its parent
// mapping (or the closing "---" for the root). Parent "failed to validate"
// cascades are dropped. Messages name the field and the offending value,
// list allowed values of enums and suggest the nearest key or value.
//
// `format` is checked for date, date-time, time, uri, uri-reference and
// email; `pattern` uses RE2 (linear time, no stack overflow on long input).
// A Validator is not thread-safe: use one per thread.
#pragma once

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/document.hpp"

namespace fmkit {

class CompiledSchema;

class Validator {
 public:
  explicit Validator(std::shared_ptr<const CompiledSchema> schema);
  ~Validator();
  Validator(Validator&&) noexcept;
  Validator& operator=(Validator&&) noexcept;

  // Validates `document` (which must be usable) and appends diagnostics;
  // `lines` is the LineIndex of the document's file text.
  void validate(const Document& document, const LineIndex& lines,
                std::vector<Diagnostic>& diagnostics);

  // Validates a bare JSON value (any type) and appends diagnostics with
  // pointers but no spans; messages call the root "the value". For tools
  // and conformance tests.
  void validate(const nlohmann::json& data, std::vector<Diagnostic>& diagnostics);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace fmkit
