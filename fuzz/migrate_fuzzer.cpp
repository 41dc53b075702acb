// SPDX-License-Identifier: MIT
//
// Fuzz target: migration ops applied to a document, then the result read
// again (apply_ops, migrate/planner.hpp). The input is a 4-byte seed (little
// endian) and the document's text: the seed picks one to four ops from the
// property tests' op table (tests/migrate/property_generator.hpp: rename,
// move, copy, delete, set, map_values, convert, the string ops, replace,
// append, remove, dedupe, sort), aimed at the document's own fields. The ops
// run one at a time, and for every step:
//   - no crash, no exception, no hang; no migrate.internal error ever (a
//     splice that does not give the model: the planner's own check);
//   - every diagnostic has a catalog rule and a span inside the input text;
//   - a failed step leaves the text as it was, and a conflict is one the
//     JSON model predicts;
//   - a step that succeeds re-reads to the JSON the op makes of the model,
//     and keeps the bytes it must (tests/migrate/step_checks.hpp: values
//     the op carries keep their source bytes; the bytes before and after
//     the front matter and the top-level entries the op does not name are
//     unchanged; CRLF stays CRLF), in YAML and JSON; TOML front matter
//     gets the re-read check only.
// Then all the ops applied in one run read as the steps did.
#include "fuzz_check.hpp"
#include "migrate/migration.hpp"
#include "migrate/op_picker.hpp"
#include "migrate/planner.hpp"
#include "migrate/property_generator.hpp"
#include "migrate/source_text.hpp"
#include "migrate/step_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace fmkit;
using fuzz::fuzz_check;
using nlohmann::json;
using property::read;

std::string context(std::string_view text, const json& op) {
  return property::op_text(op) + " on " + property::json_text(text);
}

// Checks a failed step; `outcome` is what the model made of the step,
// `where` says what ran on what.
template <typename Where>
void check_failure(std::string_view text, const OpsResult& result,
                   const OpOutcome& outcome, const Where& where) {
  fuzz_check(result.text == text, "a failed step leaves the text", where);
  for (const Diagnostic& d : result.diagnostics) {
    fuzz_check(d.rule != "migrate.internal", "no internal error",
               [&] { return d.message + "; " + where(); });
    if (d.rule == "migrate.conflict") {
      fuzz_check(!outcome.conflicts.empty(),
                 "a conflict is one the model predicts",
                 [&] { return d.message + "; " + where(); });
    }
  }
}

// Runs one op on `text`; returns the new text, or std::nullopt when the
// step failed (as it may: a conflict, a layout the editor refuses).
std::optional<std::string> run_step(const std::string& text, const json& op,
                                    const OpPtr& parsed) {
  Document before = read(text);
  if (!before.usable) return std::nullopt;
  json expected = before.data;
  OpOutcome outcome;
  parsed->apply_to_json(expected, SourceText(text, before), outcome);
  OpsResult result = apply_ops(text, {parsed});
  LineIndex lines(text);
  fuzz::check_diagnostics(text, lines, result.diagnostics);
  auto where = [&] { return context(text, op); };
  if (count_errors(result.diagnostics) > 0) {
    check_failure(text, result, outcome, where);
    return std::nullopt;
  }
  fuzz_check(outcome.conflicts.empty(), "no conflict the model predicts",
             where);
  Document after = read(result.text);
  fuzz_check(after.usable && after.data == expected,
             "the edited text reads as the model", [&] {
               return where() + " gave " + property::json_text(result.text);
             });
  // TOML moves tables by rewriting their headers: its byte checks are the
  // TOML property test's (tests/migrate/toml_property_test.cpp).
  if (before.front_matter.dialect == Dialect::toml) return result.text;
  property::StepCheck check =
      property::check_step_bytes({text, before}, {result.text, after}, op);
  for (const std::string& problem : check.problems) {
    fuzz::fuzz_fail(
        "a step keeps the bytes it must",
        problem + "; " + where() + " gave " + property::json_text(result.text));
  }
  return result.text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const uint32_t seed = data[0] | (data[1] << 8) | (data[2] << 16) |
                        (static_cast<uint32_t>(data[3]) << 24);
  const std::string original(reinterpret_cast<const char*>(data) + 4, size - 4);
  Document document = read(original);
  if (!document.usable) {
    // The reader's errors go through the planner too: never internal.
    OpsResult result = apply_ops(original, {});
    check_failure(original, result, {},
                  [] { return std::string("no ops on an unusable document"); });
    return 0;
  }
  property::DocumentGenerator gen(seed);
  property::PickedOps ops =
      property::pick_ops(gen, document.data, 1 + gen.pick(4));
  std::string text = original;
  for (size_t i = 0; i < ops.parsed.size(); ++i) {
    std::optional<std::string> next =
        run_step(text, ops.json_ops[i], ops.parsed[i]);
    if (!next) return 0;
    text = std::move(*next);
  }
  OpsResult whole = apply_ops(original, ops.parsed);
  fuzz_check(count_errors(whole.diagnostics) == 0 &&
                 read(whole.text).data == read(text).data,
             "all the ops in one run read as the steps did");
  return 0;
}
