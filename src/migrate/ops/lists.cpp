// SPDX-License-Identifier: MIT
//
// The list ops: `append` (new items after the kept ones), and `remove`,
// `dedupe` and `sort`, which keep some of a list's items, maybe in a new
// order. Which items stay, and where, is decided once, by index, for both
// the JSON and the text: the list is rewritten from the texts of exactly
// those items (Editor::rewrite_sequence), so of two equal items (`1.10`
// and `1.1`, `x` and `'x'`) the one kept keeps its own text.
#include "base/describe.hpp"
#include "migrate/editor.hpp"
#include "migrate/ops/op_support.hpp"

#include <algorithm>
#include <numeric>

namespace fmkit::ops {
namespace {

using nlohmann::json;

class AppendOp final : public FieldOp {
 public:
  AppendOp(FieldPath field, std::vector<json> values, bool unique)
      : FieldOp(std::move(field)),
        m_values(std::move(values)),
        m_unique(unique) {}

  void apply_to_json(json& data, const SourceText&,
                     OpOutcome& outcome) const override {
    json* list = find_value(data, m_field.tokens);
    if (list == nullptr) {
      json* parent =
          mapping_for_new(data, m_field, outcome, *this, m_field.pointer(),
                          "'append' cannot create item '" + m_field.leaf() +
                              "' of the list '" + m_field.parent().text + "'");
      if (parent == nullptr) return;
      list = &((*parent)[m_field.leaf()] = json::array());
    } else if (list->is_null()) {
      *list = json::array();
    } else if (!list->is_array()) {
      conflict(outcome, m_field.pointer(),
               "'append' needs a list but '" + m_field.text + "' holds " +
                   describe_value(*list, ValueStyle::subject) +
                   "; convert it with 'to: list' "
                   "first");
      return;
    }
    for (const json& value : m_values) {
      if (m_unique &&
          std::find(list->begin(), list->end(), value) != list->end()) {
        continue;
      }
      list->push_back(value);
    }
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json& after) const override {
    const json* before = find_value(editor.document().data, m_field.tokens);
    // A new list (or one replacing a null) is computed as a whole.
    if (before == nullptr || !before->is_array()) return editor.diff(after);
    const json& now = *find_value(after, m_field.tokens);
    std::vector<SequenceItem> items;
    for (size_t i = 0; i < now.size(); ++i) {
      items.push_back(i < before->size() ? SequenceItem{i, json()}
                                         : SequenceItem{std::nullopt, now[i]});
    }
    return one_edit(editor.rewrite_sequence(m_field.pointer(), items));
  }

 private:
  std::vector<json> m_values;
  bool m_unique;
};

// An op that keeps some items of a list, maybe in a new order.
class KeepItemsOp : public FieldOp {
 public:
  using FieldOp::FieldOp;

  void apply_to_json(json& data, const SourceText&,
                     OpOutcome& outcome) const override {
    json* list = find_value(data, m_field.tokens);
    if (list == nullptr || !list->is_array()) return;
    std::optional<std::vector<size_t>> kept = keep(*list, outcome);
    if (!kept) return;
    json out = json::array();
    for (size_t i : *kept) out.push_back(std::move((*list)[i]));
    *list = std::move(out);
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json&) const override {
    const json& list = *find_value(editor.document().data, m_field.tokens);
    OpOutcome unused;
    std::vector<SequenceItem> items;
    for (size_t i : keep(list, unused).value_or(std::vector<size_t>{})) {
      items.push_back(SequenceItem{i, json()});
    }
    return one_edit(editor.rewrite_sequence(m_field.pointer(), items));
  }

 protected:
  // Returns the indexes of the items of `list` that stay, in their new
  // order, or std::nullopt after appending a conflict to `outcome`.
  virtual std::optional<std::vector<size_t>> keep(const json& list,
                                                  OpOutcome& outcome) const = 0;
};

class RemoveOp final : public KeepItemsOp {
 public:
  RemoveOp(FieldPath field, std::vector<json> values)
      : KeepItemsOp(std::move(field)), m_values(std::move(values)) {}

 private:
  std::optional<std::vector<size_t>> keep(const json& list,
                                          OpOutcome& outcome) const override {
    std::vector<size_t> kept;
    for (size_t i = 0; i < list.size(); ++i) {
      if (std::find(m_values.begin(), m_values.end(), list[i]) !=
          m_values.end()) {
        ++outcome.deleted_values;
      } else {
        kept.push_back(i);
      }
    }
    return kept;
  }

  std::vector<json> m_values;
};

class DedupeOp final : public KeepItemsOp {
 public:
  using KeepItemsOp::KeepItemsOp;

 private:
  std::optional<std::vector<size_t>> keep(const json& list,
                                          OpOutcome&) const override {
    std::vector<size_t> kept;
    for (size_t i = 0; i < list.size(); ++i) {
      bool seen = std::any_of(kept.begin(), kept.end(),
                              [&](size_t k) { return list[k] == list[i]; });
      if (!seen) kept.push_back(i);
    }
    return kept;
  }
};

enum class Order { ascending, descending };

class SortOp final : public KeepItemsOp {
 public:
  SortOp(FieldPath field, Order order)
      : KeepItemsOp(std::move(field)), m_order(order) {}

 private:
  std::optional<std::vector<size_t>> keep(const json& list,
                                          OpOutcome& outcome) const override {
    bool strings = std::all_of(list.begin(), list.end(),
                               [](const json& v) { return v.is_string(); });
    bool numbers = std::all_of(list.begin(), list.end(),
                               [](const json& v) { return v.is_number(); });
    if (!strings && !numbers) {
      conflict(outcome, m_field.pointer(),
               "'sort' needs a list of only strings or only numbers in '" +
                   m_field.text + "'");
      return std::nullopt;
    }
    std::vector<size_t> order(list.size());
    std::iota(order.begin(), order.end(), size_t{0});
    // Stable: equal items keep their order, so sorting is idempotent.
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return m_order == Order::descending ? list[b] < list[a]
                                          : list[a] < list[b];
    });
    return order;
  }

  Order m_order;
};

// Reads `value` or `values` (exactly one of them).
std::optional<std::vector<json>> read_values(ArgReader& args) {
  const json* one = args.value("value", Required::no);
  auto many = args.values("values", Required::no);
  if ((one != nullptr) == many.has_value()) {
    args.op_error("'" + args.op_name() +
                  "' needs exactly one of 'value' and 'values'");
    return std::nullopt;
  }
  if (one != nullptr) return std::vector<json>{*one};
  return many;
}

}  // namespace

std::shared_ptr<Op> parse_append(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto values = read_values(args);
  auto unique = args.boolean("unique");
  if (!field || !values) return nullptr;
  return std::make_shared<AppendOp>(std::move(*field), std::move(*values),
                                    unique.value_or(false));
}

std::shared_ptr<Op> parse_remove(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto values = read_values(args);
  if (!field || !values) return nullptr;
  return std::make_shared<RemoveOp>(std::move(*field), std::move(*values));
}

std::shared_ptr<Op> parse_dedupe(ArgReader& args) {
  return parse_field_only<DedupeOp>(args);
}

std::shared_ptr<Op> parse_sort(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto order = args.string("order", Required::no);
  if (order && *order != "asc" && *order != "desc") {
    args.error("order",
               "'order' must be 'asc' or 'desc', got '" + *order + "'");
    return nullptr;
  }
  if (!field) return nullptr;
  return std::make_shared<SortOp>(
      std::move(*field),
      order.value_or("asc") == "desc" ? Order::descending : Order::ascending);
}

}  // namespace fmkit::ops
