// SPDX-License-Identifier: MIT
//
// The migration planner: takes one document's text and a MigrationChain and
// computes the document's new text, without touching the disk.
//
// Ops run one at a time. Each op first changes the JSON model
// (Op::apply_to_json), then plans text edits on the current text
// (Op::plan_edits); the edits are applied, the front matter is read again so
// the next op sees fresh spans, and the new JSON must equal the model, or
// the document fails with an internal error and keeps its text. At the end
// the version key is set to the target version (inserted when missing: at
// the end of the front matter, before the first [table] in TOML) and, when
// a schema is given, the result is validated against it.
//
// A document fails, and must not be written, when its result has an error
// diagnostic. Rules: the reader's (front-matter.*, yaml.*; YAML 1.1
// warnings are left to `fmkit validate`), migrate.version (bad, too new or
// unknown version), migrate.conflict (a value an op cannot carry over),
// migrate.unsupported (a layout the editor refuses: aliased values, flow
// lists with comments inside, front matter that is only a null such as `~`,
// YAML lines ending in a lone CR, TOML's null; a dialect with no editor yet),
// migrate.internal (an edit that did not give the model: a bug, never written),
// and schema.* in schema_diagnostics. A file without front matter is skipped
// with a migrate.no-front-matter warning. Pure function of its inputs;
// thread-safe (the schema is shared read-only; each call builds its own
// Validator).
#pragma once

#include "diag/diagnostic.hpp"
#include "document/document.hpp"
#include "migrate/field_path.hpp"
#include "migrate/migration.hpp"
#include "migrate/yaml_writer.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

class CompiledSchema;

struct VersionOptions {
  // The front-matter key (or JSON Pointer) holding a document's version.
  std::string version_key = "schema_version";
  YamlOptions yaml;
};

struct MigrateOptions {
  VersionOptions version;
  // Stop at this version; the chain's latest when empty.
  std::optional<int> to;
  // The document's path as `where: {path: ...}` globs see it: relative to
  // the config file's folder, "/"-separated.
  std::string path;
  // The style of new text where the file shows none (a file without lists
  // gets block lists, two-space indentation).
  YamlStyle default_style;
  // Validate the migrated front matter against this schema (the target
  // version's); nullptr skips validation.
  std::shared_ptr<const CompiledSchema> schema;
};

enum class PlanStatus {
  up_to_date,  // already at (or past) the target version: text unchanged
  migrated,    // migrations applied; `text` is the new text
  skipped,     // no front matter: nothing to migrate
  failed,      // see `diagnostics` / `schema_diagnostics`; nothing to write
};

struct DocumentPlan {
  PlanStatus status = PlanStatus::up_to_date;
  int from_version = 0;
  int to_version = 0;  // the version the new text is at
  // The new text: the input unless migrated (a schema failure keeps the
  // migrated text, which `schema_diagnostics` point into).
  std::string text;
  bool changed = false;  // text differs from the input
  size_t deleted_values = 0;
  std::vector<int> applied;  // versions whose migrations ran
  // Problems; spans are in the *input* text. Errors mean "do not write".
  std::vector<Diagnostic> diagnostics;
  // Schema violations of the migrated front matter; spans are in `text`.
  std::vector<Diagnostic> schema_diagnostics;

  bool ok() const {
    return count_errors(diagnostics) == 0 &&
           count_errors(schema_diagnostics) == 0;
  }
};

struct OpsOptions {
  std::string path;  // for `where: {path: ...}`
  YamlStyle default_style;
  YamlOptions yaml;
};

struct OpsResult {
  std::string text;  // the edited text, or the input on an error
  size_t deleted_values = 0;
  std::vector<Diagnostic> diagnostics;  // errors mean nothing was changed
};

// Applies `ops` to the front matter of `text`, with no version handling:
// the building block of plan_document(), and handy in tests and tools.
OpsResult apply_ops(std::string_view text, const std::vector<OpPtr>& ops,
                    const OpsOptions& options = {});

// Plans the migration of the document `text` along `chain`. When the plan
// fails, `text` is the input (or, for a schema failure, the migrated text
// that `schema_diagnostics` point into) and nothing must be written.
DocumentPlan plan_document(std::string_view text, const MigrationChain& chain,
                           const MigrateOptions& options);

struct DocumentVersion {
  // std::nullopt when the file has no usable front matter or a bad version
  // (see `diagnostics`).
  std::optional<int> version;
  bool has_front_matter = false;
  bool explicit_version = false;  // the version key is present
  std::vector<Diagnostic> diagnostics;
};

// Returns the version of the document whose data is `data`: the value at
// `key` (a whole number, or a string of digits), the chain's initial
// version when missing. Fails with a message quoting the value when it is
// not a whole number or lies outside the chain's versions.
Expected<int> document_version(const nlohmann::json& data, const FieldPath& key,
                               const MigrationChain& chain);

// Reads the version of the document `text` (initial_version when the key is
// missing), for `fmkit migrate status`.
DocumentVersion read_document_version(std::string_view text,
                                      const MigrationChain& chain,
                                      const VersionOptions& options);

}  // namespace fmkit
