// SPDX-License-Identifier: MIT
//
// `delete` (a key or a list item, counted in the summary) and `set` (a
// computed value, never over an existing one without `overwrite`; the
// planner bumps the version key with one).
#include "base/describe.hpp"
#include "migrate/editor.hpp"
#include "migrate/ops/op_support.hpp"

namespace fmkit::ops {
namespace {

using nlohmann::json;

class DeleteOp final : public FieldOp {
 public:
  using FieldOp::FieldOp;

  void apply_to_json(json& data, const SourceText&,
                     OpOutcome& outcome) const override {
    json* parent = find_value(data, m_field.parent().tokens);
    if (parent == nullptr) return;
    if (parent->is_object()) {
      outcome.deleted_values += parent->erase(m_field.leaf());
    } else if (parent->is_array()) {
      size_t index = 0;
      if (parse_index(m_field.leaf(), index) && index < parent->size()) {
        parent->erase(index);
        ++outcome.deleted_values;
      }
    }
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json&) const override {
    // Cut exactly the entry or item named: a diff would match list items
    // by value and could keep the text of an equal twin (`1.10` for `1.1`).
    return one_edit(editor.remove(m_field.pointer()));
  }
};

class SetOp final : public FieldOp {
 public:
  SetOp(FieldPath field, json value, SetMode mode)
      : FieldOp(std::move(field)), m_value(std::move(value)), m_mode(mode) {}

  void apply_to_json(json& data, const SourceText&,
                     OpOutcome& outcome) const override {
    if (json* existing = find_value(data, m_field.tokens)) {
      if (*existing == m_value || m_mode == SetMode::if_missing) return;
      if (m_mode == SetMode::overwrite) {
        *existing = m_value;
        return;
      }
      conflict(outcome, m_field.pointer(),
               "'set' would overwrite '" + m_field.text + "' (" +
                   describe_value(*existing, ValueStyle::subject) + ") with " +
                   describe_value(m_value, ValueStyle::subject) +
                   "; add 'overwrite: true' to replace it or 'if_missing: "
                   "true' to keep it");
      return;
    }
    json* parent = mapping_for_new(
        data, m_field, outcome, *this, m_field.pointer(),
        "'set' cannot add item '" + m_field.leaf() + "' to the list '" +
            m_field.parent().text + "'; use 'append'");
    if (parent != nullptr) (*parent)[m_field.leaf()] = m_value;
  }

  // plan_edits: the default diff, since the value is computed: a new
  // mapping replacing an old one keeps the text of the entries they share.

 private:
  json m_value;
  SetMode m_mode;
};

}  // namespace

std::shared_ptr<Op> parse_delete(ArgReader& args) {
  return parse_field_only<DeleteOp>(args);
}

std::shared_ptr<Op> parse_set(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  const json* value = args.value("value", Required::yes);
  auto if_missing = args.boolean("if_missing");
  auto overwrite = args.boolean("overwrite");
  if (!field || value == nullptr) return nullptr;
  if (if_missing.value_or(false) && overwrite.value_or(false)) {
    args.error("overwrite", "'if_missing' and 'overwrite' exclude each other");
    return nullptr;
  }
  SetMode mode = if_missing.value_or(false)  ? SetMode::if_missing
                 : overwrite.value_or(false) ? SetMode::overwrite
                                             : SetMode::fail;
  return std::make_shared<SetOp>(std::move(*field), *value, mode);
}

std::shared_ptr<Op> make_set(FieldPath field, json value, SetMode mode) {
  return std::make_shared<SetOp>(std::move(field), std::move(value), mode);
}

}  // namespace fmkit::ops
