// SPDX-License-Identifier: MIT
//
// Property tests: random documents (block and flow collections, quoted and
// plain scalars in forms the JSON model loses -- 1.10, 0x1F, 1e3, a 30-digit
// integer, 'x', "x\n", ~ --, block scalars, comments, CRLF, BOM, 2- or
// 4-space indents) times random op sequences, run one op at a time. For
// every op that succeeds:
//   - the edited front matter re-parses to what the op makes of the JSON,
//     and the edit never fails internally (a wrong splice);
//   - every value the op carries keeps its source bytes, and the bytes
//     before and after the front matter and every top-level entry the op
//     does not name are unchanged; new lines use the file's line ending
//     (migrate/step_checks.hpp, shared with fuzz/migrate_fuzzer.cpp);
//   - a number the op turns into text (convert to a string, join, a
//     map_values key) is the text it is written with, by an oracle on the
//     source bytes (number_text_oracle.hpp): `1.10` becomes "1.10";
//   - an op that fails fails with a conflict the model predicts, or with a
//     refusal from the documented list k_refusals.
// Then idempotence (see EachOpIsIdempotent).
#include "base/json_pointer.hpp"
#include "document/document.hpp"
#include "migrate/migration.hpp"
#include "migrate/number_text_oracle.hpp"
#include "migrate/op_picker.hpp"
#include "migrate/planner.hpp"
#include "migrate/property_generator.hpp"
#include "migrate/source_text.hpp"
#include "migrate/step_checks.hpp"
#include "report/render_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

namespace fmkit {
namespace {

using property::read;

using nlohmann::json;
using property::DocumentGenerator;
using property::op_args;
using property::op_name;
using property::path_arg;
using property::random_op;
using property::Snapshot;
using property::touched_keys;

// The refusals an op may meet on a valid document (migrate.unsupported).
const char* const k_refusals[] = {
    "has comments, which a flow collection on one line cannot hold",
    "has comments between its items",
    "an item shares a line with its parent",
    "would take the blank lines after the list",
};

// Checks the bytes of one successful step (migrate/step_checks.hpp).
// Returns the number of carried values checked.
size_t expect_bytes_kept(const Snapshot& before, const Snapshot& after,
                         const json& op, const std::string& context) {
  property::StepCheck check = property::check_step_bytes(before, after, op);
  for (const std::string& problem : check.problems) {
    ADD_FAILURE() << problem << "\n"
                  << context << "\n"
                  << json(std::string(after.text)).dump();
  }
  return check.carried;
}

// A random document and ops that parse (generated against the model, so
// most of them find their fields).
struct Case {
  std::string text;
  std::vector<json> ops;
  std::vector<OpPtr> parsed;
};

Case make_case(uint32_t seed, Dialect dialect) {
  DocumentGenerator gen(seed);
  Case c;
  c.text = dialect == Dialect::json ? gen.generate_json() : gen.generate();
  property::PickedOps ops =
      property::pick_ops(gen, read(c.text).data, 1 + gen.pick(4));
  c.ops = std::move(ops.json_ops);
  c.parsed = std::move(ops.parsed);
  return c;
}

std::string describe(uint32_t seed, const Case& c) {
  std::string out =
      "seed " + std::to_string(seed) + "\n" + json(c.text).dump() + "\nops:\n";
  for (const json& op : c.ops) out += "  - " + op.dump() + "\n";
  return out;
}

// The seeds to run: FMKIT_PROPERTY_RUNS=20000 explores further.
std::pair<uint32_t, uint32_t> seeds(uint32_t first, uint32_t count) {
  if (const char* env = std::getenv("FMKIT_PROPERTY_FIRST")) {
    first = static_cast<uint32_t>(std::stoul(env));
  }
  if (const char* env = std::getenv("FMKIT_PROPERTY_RUNS")) {
    count = static_cast<uint32_t>(std::stoul(env));
  }
  return {first, first + count};
}

// Runs `op` on `text`; on failure checks that the failure is one the model
// predicts or a documented refusal, and returns std::nullopt.
std::optional<std::string> run_step(std::string_view text, const OpPtr& op,
                                    const std::string& context) {
  OpsResult result = apply_ops(text, {op});
  if (count_errors(result.diagnostics) == 0) return result.text;
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(result.text, text);
  if (d.rule == "migrate.conflict") {
    Document document = read(text);
    json model = document.data;
    OpOutcome outcome;
    op->apply_to_json(model, SourceText(text, document), outcome);
    EXPECT_FALSE(outcome.conflicts.empty()) << d.message << "\n" << context;
  } else {
    bool known = std::any_of(
        std::begin(k_refusals), std::end(k_refusals),
        [&](const char* r) { return d.message.find(r) != std::string::npos; });
    EXPECT_TRUE(d.rule == "migrate.unsupported" && known)
        << d.rule << ": " << d.message << "\n"
        << context;
  }
  return std::nullopt;
}

// Each test runs over documents of every dialect the editors write.
class MigratePropertyTest : public ::testing::TestWithParam<Dialect> {};

TEST_P(MigratePropertyTest, RandomDocumentsTimesRandomOps) {
  std::map<std::string, size_t> succeeded;  // op name -> successful steps
  std::map<std::string, size_t> carried;    // op name -> values checked
  property::NumberCounts numbers;
  auto [first, last] = seeds(1, 600);
  for (uint32_t seed = first; seed < last; ++seed) {
    Case c = make_case(seed, GetParam());
    std::string context = describe(seed, c);
    std::string text = c.text;
    bool all_ok = true;
    for (size_t i = 0; i < c.ops.size() && all_ok; ++i) {
      Document before = read(text);
      ASSERT_TRUE(before.usable) << context;
      json expected = before.data;
      OpOutcome outcome;
      c.parsed[i]->apply_to_json(expected, SourceText(text, before), outcome);
      std::optional<std::string> next = run_step(text, c.parsed[i], context);
      if (!next) {
        all_ok = false;
        break;
      }
      Document after = read(*next);
      ASSERT_TRUE(after.usable) << context << "\n" << *next;
      EXPECT_EQ(after.data, expected) << context << "\n" << *next;
      std::string name = op_name(c.ops[i]);
      ++succeeded[name];
      carried[name] +=
          expect_bytes_kept({text, before}, {*next, after}, c.ops[i],
                            context + "step " + std::to_string(i));
      property::expect_number_texts(text, before, after, name,
                                    op_args(c.ops[i]), context, numbers);
      text = std::move(*next);
    }
    if (all_ok) {
      // One run of all the ops reads the same (the text may differ: the
      // style of new text is detected once per run, and steps see files
      // that earlier steps changed).
      EXPECT_EQ(read(apply_ops(c.text, c.parsed).text).data, read(text).data)
          << context;
    }
  }
  for (const auto& [name, n] : succeeded) {
    std::cout << name << ": " << n << " steps, " << carried[name]
              << " carried values checked\n";
  }
  // Not a pass count: a guard that the generator reaches every op, and
  // every op that carries values, so that the checks above are not vacuous.
  for (std::string_view name : op_names()) {
    EXPECT_GT(succeeded[std::string(name)], 0u) << name;
  }
  for (const char* name :
       {"rename", "move", "copy", "delete", "map_values", "convert", "trim",
        "append", "remove", "dedupe", "sort"}) {
    EXPECT_GT(carried[name], 0u) << name;
  }
  for (const char* kind : {"convert", "join", "map_values"}) {
    std::cout << kind << ": " << numbers[kind]
              << " numbers made text of their digits\n";
    EXPECT_GT(numbers[kind], 0u) << kind;
  }
}

// Whether applying `op` to its own result must change nothing, `data`
// being the JSON it ran on. See EachOpIsIdempotent.
bool idempotent(const json& op, const json& data) {
  std::string name = op_name(op);
  if (name == "replace") return false;
  if (name == "append") return op_args(op).value("unique", false);
  if (name == "delete") {
    const json* parent =
        find_value(data, path_arg(op, "field").parent().tokens);
    return parent == nullptr || !parent->is_array();
  }
  return true;
}

// Idempotence of ops, below the version check (apply_ops(), as a chain run
// again from the bumped version would): an op applied to its own result
// changes nothing, zero bytes and no diagnostic. This must hold for rename,
// move, copy, set (every mode), delete of a key, map_values and convert
// whose map or table has no chain (no mapped value is also a key, as in the
// generator's), convert to any type, trim, lower, upper, slugify, remove,
// dedupe, sort, and append with `unique`. Not idempotent by nature, so left
// out: `replace` (its `with` may make new matches of its `pattern`: x -> xx
// grows each time), `append` without `unique` (it adds its values again) and
// `delete` of a list item (the next item takes its index).
//
// A migration of idempotent ops is idempotent as a whole when no two of its
// ops name the same top-level key (each op then meets again what it made);
// checked too. Ops that share keys need not be: [rename a -> b, set a
// if_missing] makes a new `a`, which the second run renames onto `b`: a
// conflict.
TEST_P(MigratePropertyTest, EachOpIsIdempotent) {
  std::map<std::string, size_t> checked;
  size_t whole = 0;
  auto [first, last] = seeds(5000, 600);
  for (uint32_t seed = first; seed < last; ++seed) {
    Case c = make_case(seed, GetParam());
    std::string context = describe(seed, c);
    std::string text = c.text;
    bool all_idempotent = true;
    std::set<std::string> keys;
    bool disjoint = true;
    size_t steps = 0;
    for (; steps < c.ops.size(); ++steps) {
      json data = read(text).data;
      all_idempotent = all_idempotent && idempotent(c.ops[steps], data);
      for (const std::string& key : touched_keys(c.ops[steps])) {
        disjoint = keys.insert(key).second && disjoint;
      }
      std::optional<std::string> once =
          run_step(text, c.parsed[steps], context);
      if (!once) break;
      if (idempotent(c.ops[steps], data)) {
        OpsResult twice = apply_ops(*once, {c.parsed[steps]});
        EXPECT_EQ(count_errors(twice.diagnostics), 0u)
            << twice.diagnostics.front().message << "\n"
            << context;
        EXPECT_EQ(twice.text, *once) << "step " << steps << "\n" << context;
        ++checked[op_name(c.ops[steps])];
      }
      text = std::move(*once);
    }
    if (steps == c.ops.size() && all_idempotent && disjoint) {
      OpsResult again = apply_ops(text, c.parsed);
      EXPECT_EQ(count_errors(again.diagnostics), 0u) << context;
      EXPECT_EQ(again.text, text) << context;
      ++whole;
    }
  }
  // Guards against a vacuous test: every idempotent op was checked.
  for (const char* name : {"rename", "move", "copy", "delete", "set",
                           "map_values", "convert", "trim", "lower", "upper",
                           "slugify", "append", "remove", "dedupe", "sort"}) {
    EXPECT_GT(checked[name], 0u) << name;
  }
  EXPECT_GT(whole, 0u);
}

// The version key makes a second `fmkit migrate` a no-op: the planner finds
// the document at the target version and runs no op (so this is not a test
// of op idempotence; EachOpIsIdempotent is).
TEST_P(MigratePropertyTest, SecondPlanFindsTheDocumentUpToDate) {
  auto [first, last] = seeds(1000, 100);
  for (uint32_t seed = first; seed < last; ++seed) {
    Case c = make_case(seed, GetParam());
    std::string ops_yaml;
    for (const json& op : c.ops) ops_yaml += "  - " + op.dump() + "\n";
    auto chain = load_chain({{"0002-x.yaml", "version: 2\nops:\n" + ops_yaml}});
    ASSERT_TRUE(chain) << testing_support::messages(chain.error());
    DocumentPlan first_plan = plan_document(c.text, *chain, {});
    if (!first_plan.ok()) continue;
    DocumentPlan second = plan_document(first_plan.text, *chain, {});
    EXPECT_EQ(second.status, PlanStatus::up_to_date);
    EXPECT_EQ(second.text, first_plan.text);
    EXPECT_FALSE(second.changed);
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, MigratePropertyTest,
                         ::testing::Values(Dialect::yaml, Dialect::json),
                         [](const auto& param_info) {
                           return std::string(dialect_name(param_info.param));
                         });

}  // namespace
}  // namespace fmkit
