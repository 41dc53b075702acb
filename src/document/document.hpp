// SPDX-License-Identifier: MIT
//
// Document: a Markdown file's front matter read into JSON with positions.
// read_document() chains split_front_matter() and the reader of the
// front matter's dialect (parse_yaml_document(), parse_toml_document()) and
// turns structural problems into diagnostics: no front matter (when it is
// required), an unclosed block, a root that is not a mapping. Empty front
// matter (or front matter holding only comments, or a bare `null`) is an
// empty mapping. Thread-safe.
//
// Rules (all errors): front-matter.missing (span: the first line),
// front-matter.unclosed (span: the opening "---"), front-matter.not-mapping
// (span: the root value); YAML problems come from parse_yaml_document(),
// TOML problems from parse_toml_document() (a TOML document is always a
// table: never front-matter.not-mapping).
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/front_matter.hpp"
#include "document/position_map.hpp"
#include "document/yaml_to_json.hpp"

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace fmkit {

enum class RequireFrontMatter { yes, no };

struct DocumentOptions {
  // A file without front matter is an error (rule front-matter.missing).
  RequireFrontMatter require_front_matter = RequireFrontMatter::yes;
  // YAML reading; its size limits (max_bytes, max_depth, max_nodes) bound
  // TOML front matter too.
  YamlOptions yaml;
};

struct Document {
  FrontMatter front_matter;
  nlohmann::json data = nlohmann::json::object();  // always an object
  PositionMap positions;
  // True when `data` is the file's front matter and can be validated; false
  // after a YAML or TOML error or a non-mapping root, or when there is no
  // front matter.
  bool usable = false;
};

// Reads the front matter of `text` (the file's text, or at least all of it
// up to the closing line: see front_matter.hpp for reading a prefix).
// `lines` must be built over `text`. Appends diagnostics; `usable` tells
// whether `data` can be validated. For empty front matter the PositionMap
// holds a root entry of kind mapping with an empty span at `yaml_begin`.
Document read_document(std::string_view text, const LineIndex& lines,
                       const DocumentOptions& options,
                       std::vector<Diagnostic>& diagnostics);

// Where a key missing from the root mapping of `document` is reported: the
// closing "---" line, or the root object's "}" in JSON; an invalid span
// when the front matter is not closed (callers fall back to the root).
SourceSpan missing_root_key_span(const Document& document,
                                 const LineIndex& lines);

}  // namespace fmkit
