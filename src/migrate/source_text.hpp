// SPDX-License-Identifier: MIT
//
// SourceText: the text a scalar of a document is written with, for the ops
// that turn a scalar into text. YAML 1.2 reads the plain scalar `1.10` as
// the number 1.1, `0x1F` as 31, `+5` as 5, `010` as 10, `1e3` as 1000 and
// a 30-digit integer as a rounded double: the JSON model has lost the
// digits the user wrote, and an op that wrote a number's JSON text would
// change the data (`version: 1.10` converted to a string would say '1.1').
// So the ops that make text of a scalar (convert to string, join, the keys
// of map_values' `map` and convert's `table`) take it from here: a number
// written as a plain scalar is its source bytes, anything else its JSON
// text. The op's JSON result holds that text too (the string "1.10"), so
// the planner's check of the edited text against the JSON holds.
//
// A number whose text YAML 1.2 reads otherwise (a document read as YAML
// 1.1: `0755` is 493, `1_000` is 1000, `1:30` is 90) is its JSON text, the
// value the generator sees. Only numbers: a bool's spellings (`True`, `TRUE`)
// and null's (`~`, `Null`, nothing) carry no data, and become `true`, `false`,
// `null`. Views a Document and its text, which must outlive it; thread-safe.
#pragma once

#include "document/document.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace fmkit {

class SourceText {
 public:
  // No document: every value is its JSON text (an op run on JSON alone).
  SourceText() = default;
  // `document` as read from `text`.
  SourceText(std::string_view text, const Document& document)
      : m_text(text), m_document(&document) {}

  // Returns the source bytes of the number `value` when it is the
  // document's value at `pointer` and written there as a plain scalar, tag
  // or not (`1.10`, `0x1F`, `+5`); std::nullopt for anything else (a
  // string, a bool, an alias, a value the document does not hold there).
  std::optional<std::string_view> written_number(
      const nlohmann::json& value, std::string_view pointer) const;

  // Returns the scalar `value`, the document's value at `pointer`, as
  // text: its written_number() when it has one, else json_text(value).
  std::string text(const nlohmann::json& value, std::string_view pointer) const;

 private:
  std::string_view m_text;
  const Document* m_document = nullptr;
};

// Returns the JSON text of the scalar `value`: a string's value, "true",
// "false", "null", a number as JSON prints it ("1.1", "31").
std::string json_text(const nlohmann::json& value);

}  // namespace fmkit
