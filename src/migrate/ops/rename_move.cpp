// SPDX-License-Identifier: MIT
//
// The ops that carry an entry to another key: `rename` (in its mapping, on
// its own line), `move` (into or out of nested mappings) and `copy`. The
// value's text comes along byte for byte (Editor::move and insert).
#include "base/describe.hpp"
#include "migrate/editor.hpp"
#include "migrate/ops/op_support.hpp"

#include <algorithm>

namespace fmkit::ops {
namespace {

using nlohmann::json;

class RenameOp final : public Op {
 public:
  RenameOp(FieldPath from, FieldPath to)
      : m_from(std::move(from)), m_to(std::move(to)) {}

  void apply_to_json(json& data, const SourceText&,
                     OpOutcome& outcome) const override {
    json* parent = find_value(data, m_from.parent().tokens);
    if (parent == nullptr) return;
    if (!parent->is_object()) {
      if (parent->is_array() && find_value(data, m_from.tokens)) {
        conflict(outcome, m_from.pointer(),
                 "cannot rename '" + m_from.text + "': it is a list item");
      }
      return;
    }
    auto it = parent->find(m_from.leaf());
    if (it == parent->end()) return;
    auto target = parent->find(m_to.leaf());
    if (target != parent->end()) {
      if (*target == *it) {
        parent->erase(it);
        return;
      }
      conflict(outcome, m_to.pointer(),
               "cannot rename '" + m_from.text + "' to '" + m_to.leaf() +
                   "': '" + m_to.leaf() + "' already holds " +
                   describe_value(*target, ValueStyle::subject));
      return;
    }
    json value = std::move(*it);
    parent->erase(it);
    (*parent)[m_to.leaf()] = std::move(value);
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json&) const override {
    // Onto an equal value the old entry goes; else its key is rewritten.
    bool target_exists =
        find_value(editor.document().data, m_to.tokens) != nullptr;
    return one_edit(target_exists
                        ? editor.remove(m_from.pointer())
                        : editor.rename_key(m_from.pointer(), m_to.leaf()));
  }

 private:
  FieldPath m_from;
  FieldPath m_to;
};

bool is_prefix(const FieldPath& a, const FieldPath& b) {
  return a.tokens.size() <= b.tokens.size() &&
         std::equal(a.tokens.begin(), a.tokens.end(), b.tokens.begin());
}

enum class Keep { source, no_source };  // copy keeps the source; move not

class MoveOp final : public Op {
 public:
  MoveOp(FieldPath from, FieldPath to, Keep keep)
      : m_from(std::move(from)), m_to(std::move(to)), m_keep(keep) {}

  void apply_to_json(json& data, const SourceText&,
                     OpOutcome& outcome) const override {
    const json* source = find_value(data, m_from.tokens);
    if (source == nullptr) return;
    bool copy = m_keep == Keep::source;
    if (!copy && !find_value(data, m_from.parent().tokens)->is_object()) {
      conflict(outcome, m_from.pointer(),
               "cannot move '" + m_from.text + "': it is a list item");
      return;
    }
    json value = *source;
    if (const json* target = find_value(data, m_to.tokens)) {
      if (*target != value) {
        conflict(outcome, m_to.pointer(),
                 "cannot " + name() + " '" + m_from.text + "' to '" +
                     m_to.text + "': '" + m_to.text + "' already holds " +
                     describe_value(*target, ValueStyle::subject));
        return;
      }
    } else {
      json* parent =
          mapping_for_new(data, m_to, outcome, *this, m_to.parent().pointer(),
                          "cannot " + name() + " '" + m_from.text +
                              "' into the list '" + m_to.parent().text + "'");
      if (parent == nullptr) return;
      (*parent)[m_to.leaf()] = std::move(value);
    }
    if (!copy) find_value(data, m_from.parent().tokens)->erase(m_from.leaf());
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json&) const override {
    const json& before = editor.document().data;
    if (find_value(before, m_to.tokens) != nullptr) {
      // `to` holds an equal value already: only a move has work, cutting
      // `from`.
      if (m_keep == Keep::source) return std::vector<TextEdit>{};
      return one_edit(editor.remove(m_from.pointer()));
    }
    if (m_keep == Keep::no_source) {
      return editor.move(m_from.pointer(), m_to.tokens);
    }
    return one_edit(editor.insert(m_to.tokens,
                                  *find_value(before, m_from.tokens),
                                  m_from.pointer(), Anchor::drop));
  }

 private:
  FieldPath m_from;
  FieldPath m_to;
  Keep m_keep;
};

std::shared_ptr<Op> parse_move_or_copy(ArgReader& args, Keep keep) {
  auto from = args.field("from", Required::yes);
  auto to = args.field("to", Required::yes);
  if (!from || !to) return nullptr;
  if (is_prefix(*from, *to) || is_prefix(*to, *from)) {
    args.error("to", "'from' and 'to' must not contain each other");
    return nullptr;
  }
  return std::make_shared<MoveOp>(std::move(*from), std::move(*to), keep);
}

}  // namespace

std::shared_ptr<Op> parse_rename(ArgReader& args) {
  auto from = args.field("from", Required::yes);
  auto to_text = args.string("to", Required::yes);
  if (!from || !to_text) return nullptr;
  // `to` is a new key name, or a pointer in the same mapping.
  FieldPath to = *from;
  if (!to_text->empty() && to_text->front() == '/') {
    auto parsed = parse_field_path(*to_text);
    if (!parsed) {
      args.error("to", parsed.error());
      return nullptr;
    }
    if (parsed->parent() != from->parent()) {
      args.error("to",
                 "'rename' keeps a key in its mapping; use 'move' to "
                 "put '" +
                     from->text + "' at '" + *to_text + "'");
      return nullptr;
    }
    to = std::move(parsed).value();
  } else if (to_text->empty()) {
    args.error("to", "'to' must not be empty");
    return nullptr;
  } else {
    to.tokens.back() = *to_text;
    to.text = to.pointer();
  }
  if (to == *from) {
    args.error("to", "'from' and 'to' are the same key");
    return nullptr;
  }
  return std::make_shared<RenameOp>(std::move(*from), std::move(to));
}

std::shared_ptr<Op> parse_move(ArgReader& args) {
  return parse_move_or_copy(args, Keep::no_source);
}

std::shared_ptr<Op> parse_copy(ArgReader& args) {
  return parse_move_or_copy(args, Keep::source);
}

}  // namespace fmkit::ops
