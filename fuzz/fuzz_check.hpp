// SPDX-License-Identifier: MIT
//
// What the fuzz targets share: fuzz_check(), which stops the process with a
// message on stderr when a property does not hold (libFuzzer then saves the
// input as a crash), and the checks every target makes of the diagnostics
// it gets. Header-only: each target is one translation unit plus either
// libFuzzer's main or replay_main.cpp.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "diag/rules.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fmkit::fuzz {

// Stops with "fuzz property violated: <property>: <detail>", control
// characters in `detail` (a NUL included) written as \xNN.
[[noreturn]] inline void fuzz_fail(std::string_view property,
                                   const std::string& detail) {
  std::string shown;
  for (char c : detail) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      shown += c;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      shown += escaped;
    }
  }
  std::fprintf(stderr, "fuzz property violated: %.*s%s%s\n",
               static_cast<int>(property.size()), property.data(),
               shown.empty() ? "" : ": ", shown.c_str());
  std::abort();
}

// Stops unless `holds`; `detail` (a string, or a function returning one,
// called only on failure: the checks run millions of times) says where.
inline void fuzz_check(bool holds, std::string_view property) {
  if (!holds) fuzz_fail(property, "");
}
template <typename Detail>
void fuzz_check(bool holds, std::string_view property, const Detail& detail) {
  if (holds) return;
  if constexpr (std::is_invocable_v<Detail>) {
    fuzz_fail(property, detail());
  } else {
    fuzz_fail(property, detail);
  }
}

// "rule message @offset" for messages.
inline std::string describe(const Diagnostic& d) {
  return d.rule + " '" + d.message + "' @" +
         std::to_string(d.span.begin.offset);
}

// Every diagnostic has a rule of the catalog and a message; a span, when it
// has one, lies inside `text` (of which `lines` is the LineIndex), begins
// no later than it ends, and has the line and column of its offsets.
inline void check_diagnostics(std::string_view text, const LineIndex& lines,
                              const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    fuzz_check(find_rule(d.rule).has_value(), "rule in the catalog",
               describe(d));
    fuzz_check(!d.message.empty(), "diagnostic has a message", describe(d));
    if (!d.span.valid()) continue;
    const SourcePos& begin = d.span.begin;
    const SourcePos& end = d.span.end;
    fuzz_check(begin.offset <= end.offset && end.offset <= text.size(),
               "diagnostic span inside the text",
               describe(d) + "-" + std::to_string(end.offset) + " of " +
                   std::to_string(text.size()));
    fuzz_check(lines.at(begin.offset) == begin && lines.at(end.offset) == end,
               "diagnostic line and column match the offset", describe(d));
  }
}

}  // namespace fmkit::fuzz
