// SPDX-License-Identifier: MIT
//
// The string ops, on a string or on each string of a list: `trim`, `lower`
// and `upper` (ASCII), `slugify` (migrate/slug.hpp) and `replace` (every
// match of an ECMA regex, run on RE2). Other values, and strings they leave
// as they are, keep their text.
#include "migrate/editor.hpp"
#include "migrate/ops/op_support.hpp"
#include "migrate/slug.hpp"
#include "schema/ecma_regex.hpp"

namespace fmkit::ops {
namespace {

using nlohmann::json;

enum class StringKind { trim, lower, upper, slugify, replace };

std::string ascii_case(std::string s, StringKind kind) {
  for (char& c : s) {
    if (kind == StringKind::upper && c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
    if (kind == StringKind::lower && c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return s;
}

class StringOp final : public FieldOp {
 public:
  StringOp(FieldPath field, StringKind kind,
           std::shared_ptr<const RE2> pattern = nullptr,
           std::string rewrite = "")
      : FieldOp(std::move(field)),
        m_kind(kind),
        m_pattern(std::move(pattern)),
        m_rewrite(std::move(rewrite)) {}

  void apply_to_json(json& data, const SourceText&, OpOutcome&) const override {
    for_each_value(data, m_field, [&](json& value, const std::string&) {
      if (!value.is_string()) return;
      const std::string& s = value.get_ref<const std::string&>();
      switch (m_kind) {
        case StringKind::trim:
          value = trim_spaces(s);
          break;
        case StringKind::lower:
        case StringKind::upper:
          value = ascii_case(s, m_kind);
          break;
        case StringKind::slugify:
          value = slugify(s);
          break;
        case StringKind::replace:
          value = regex_replace_all(*m_pattern, s, m_rewrite);
          break;
      }
    });
  }

  Expected<std::vector<TextEdit>> plan_edits(const Editor& editor,
                                             const json& after) const override {
    return replace_changed(editor, m_field, after);
  }

 private:
  StringKind m_kind;
  std::shared_ptr<const RE2> m_pattern;
  std::string m_rewrite;  // RE2 syntax, from translate_ecma_replacement()
};

}  // namespace

std::shared_ptr<Op> parse_trim(ArgReader& args) {
  return parse_field_only<StringOp>(args, StringKind::trim);
}

std::shared_ptr<Op> parse_lower(ArgReader& args) {
  return parse_field_only<StringOp>(args, StringKind::lower);
}

std::shared_ptr<Op> parse_upper(ArgReader& args) {
  return parse_field_only<StringOp>(args, StringKind::upper);
}

std::shared_ptr<Op> parse_slugify(ArgReader& args) {
  return parse_field_only<StringOp>(args, StringKind::slugify);
}

std::shared_ptr<Op> parse_replace(ArgReader& args) {
  auto field = args.field("field", Required::yes);
  auto pattern = args.string("pattern", Required::yes);
  auto with = args.string("with", Required::yes);
  if (!field || !pattern || !with) return nullptr;
  auto regex = compile_ecma_regex(*pattern);
  if (!regex) {
    args.error("pattern", "invalid regular expression '" + *pattern +
                              "': " + regex.error());
    return nullptr;
  }
  auto rewrite = translate_ecma_replacement(**regex, *with);
  if (!rewrite) {
    args.error("with",
               "invalid replacement '" + *with + "': " + rewrite.error());
    return nullptr;
  }
  return std::make_shared<StringOp>(std::move(*field), StringKind::replace,
                                    std::move(*regex), std::move(*rewrite));
}

}  // namespace fmkit::ops
