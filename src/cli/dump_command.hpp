// SPDX-License-Identifier: MIT
//
// `fmkit dump FILE [--positions] [--color auto|always|never]`: prints the
// front matter of FILE as JSON (like `yq -o json`), 2-space indent, keys in
// the order the file lists them. With --positions the output is
//
//   {
//     "dialect": "yaml",
//     "data": { ...the front matter... },
//     "positions": {
//       "": {"value": {"line": 2, "column": 1, "offset": 4, "end_line": 4,
//       ...}},
//       "/title": {"key": {...}, "value": {...}},
//       ...
//     }
//   }
//
// where "dialect" names the front matter's language ("yaml", "json"; see
// document/front_matter.hpp), with one line per node, in document order, keyed
// by JSON Pointer; each span has "line", "column", "offset", "end_line",
// "end_column", "end_offset": lines and columns 1-based, columns in code
// points, offsets in bytes from the start of the file, ends exclusive. "key" is
// present for mapping values only. Diagnostics (bad YAML, and warnings) go to
// `err` in the text format. Exit codes: 0 printed (warnings allowed), 1 the
// front matter has errors (nothing printed when it can't be read as JSON), 2
// usage or I/O error.
#pragma once

#include "base/source_span.hpp"
#include "cli/command.hpp"
#include "document/position_map.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string_view>

namespace fmkit {

int dump_command(int argc, const char* const* argv, CommandContext& context);

enum class WithPositions { yes, no };

// Writes `data` as described above; `positions` gives key order (and the
// spans, with `lines` built over the file's text, and the `dialect`, when
// `with_positions`). Keys without a position follow the others, sorted.
void write_dump(std::ostream& out, const nlohmann::json& data,
                const PositionMap& positions, const LineIndex& lines,
                WithPositions with_positions, std::string_view dialect);

}  // namespace fmkit
