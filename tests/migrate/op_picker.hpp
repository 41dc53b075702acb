// SPDX-License-Identifier: MIT
//
// Random op sequences for the migrate property tests (YAML/JSON, TOML) and
// the migrate fuzz target: ops from property::random_op(), each parsed as a
// migration would be, aimed at the fields the ops before it leave; and the
// reading of a document they share.
#pragma once

#include "document/document.hpp"
#include "migrate/migration.hpp"
#include "migrate/property_generator.hpp"
#include "migrate/source_text.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fmkit::property {

// `text` (a whole file) read with the default options.
inline Document read(std::string_view text) {
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  return read_document(text, lines, {}, diagnostics);
}

struct PickedOps {
  std::vector<nlohmann::json> json_ops;  // as in a migration's `ops`
  std::vector<OpPtr> parsed;
};

// `op` as JSON text; invalid UTF-8 in a key (which a usable document cannot
// hold anyway) is replaced.
inline std::string op_text(const nlohmann::json& op) {
  return op.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Up to `count` ops on `model` (the document's JSON), drawn with `gen`; an
// op parse_migration() refuses (from and to containing each other) is drawn
// again, up to 16 draws in all. Each op is aimed at the JSON the ops before
// it make: the model only guides the choice.
inline PickedOps pick_ops(DocumentGenerator& gen, nlohmann::json model,
                          size_t count) {
  PickedOps ops;
  for (size_t draws = 0; ops.parsed.size() < count && draws < 16; ++draws) {
    nlohmann::json op = random_op(gen, model);
    auto parsed = parse_migration("version: 2\nops:\n  - " + op_text(op) + "\n",
                                  "m.yaml");
    if (!parsed) continue;
    ops.json_ops.push_back(op);
    ops.parsed.push_back(parsed->ops.at(0));
    OpOutcome outcome;
    ops.parsed.back()->apply_to_json(model, SourceText(), outcome);
  }
  return ops;
}

}  // namespace fmkit::property
