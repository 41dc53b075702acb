// SPDX-License-Identifier: MIT
#include "migrate/planner.hpp"

#include "base/describe.hpp"
#include "base/source_span.hpp"
#include "edit/text_edit.hpp"
#include "migrate/editor.hpp"
#include "migrate/source_text.hpp"
#include "migrate/yaml_editor.hpp"
#include "schema/validator.hpp"

#include <utility>

namespace fmkit {
namespace {

bool has_rule(const std::vector<Diagnostic>& diagnostics,
              std::string_view rule) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& d) { return d.rule == rule; });
}

using nlohmann::json;

Diagnostic make_error(std::string rule, std::string message,
                      std::string pointer = "", SourceSpan span = {}) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.pointer = std::move(pointer);
  d.span = span;
  return d;
}

// Reads `text`, appending only errors to `diagnostics`: YAML 1.1 warnings
// are `fmkit validate`'s business, not the migration's.
Document read(std::string_view text, const YamlOptions& yaml,
              std::vector<Diagnostic>& diagnostics) {
  LineIndex lines(text);
  DocumentOptions options;
  options.require_front_matter = RequireFrontMatter::no;
  options.yaml = yaml;
  std::vector<Diagnostic> found;
  Document document = read_document(text, lines, options, found);
  for (Diagnostic& d : found) {
    if (d.severity == Severity::error) diagnostics.push_back(std::move(d));
  }
  return document;
}

// Returns the span of the value at `pointer` in `document`, or of its
// nearest ancestor that has one (an earlier op may have renamed it), or of
// the opening "---".
SourceSpan locate(const Document& document, const LineIndex& lines,
                  std::string pointer) {
  while (true) {
    const NodeInfo* info = document.positions.find(pointer);
    if (info != nullptr && !pointer.empty()) {
      return lines.span(info->value_begin, info->value_end);
    }
    if (pointer.empty()) break;
    pointer.erase(pointer.rfind('/'));
  }
  const FrontMatter& fm = document.front_matter;
  return lines.span(fm.open_begin, fm.open_begin + 3);
}

bool uses_aliases(const Document& document) {
  for (const auto& [pointer, info] : document.positions.entries()) {
    if (info.alias) return true;
  }
  return false;
}

// The text of a front matter that reads as null ("~", "null", an anchor or
// a tag alone): no keys to read, but text that an edit adding keys would
// have to replace, which the editors do not do. Empty when the front matter
// is empty or holds only comments, or is a mapping.
std::string_view null_root_text(std::string_view text,
                                const Document& document) {
  const NodeInfo* root = document.positions.find("");
  if (root == nullptr || root->value_begin != root->value_end) return {};
  const FrontMatter& fm = document.front_matter;
  for (size_t line = fm.yaml_begin; line < fm.yaml_end;) {
    size_t end = std::min(text.find('\n', line), fm.yaml_end);
    std::string_view s = text.substr(line, end - line);
    size_t first = s.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && s[first] != '#') {
      s = s.substr(first, s.find(" #") - first);
      return s.substr(0, s.find_last_not_of(" \t\r") + 1);
    }
    line = end + 1;
  }
  return {};
}

// The first lone CR (one not followed by LF) of a YAML front matter, or
// npos: YAML ends a line there, the editor only at LF, so its columns and
// indentation would be wrong.
size_t lone_cr(std::string_view text, const Document& document) {
  const FrontMatter& fm = document.front_matter;
  if (fm.dialect != Dialect::yaml) return std::string_view::npos;
  for (size_t i = text.find('\r', fm.yaml_begin); i < fm.yaml_end;
       i = text.find('\r', i + 1)) {
    if (i + 1 >= text.size() || text[i + 1] != '\n') return i;
  }
  return std::string_view::npos;
}

std::string first_difference(const json& expected, const json& got) {
  json patch = json::diff(expected, got);
  if (patch.empty()) return "";
  const json& first = patch.front();
  std::string path = first.value("path", "");
  std::string op = first.value("op", "");
  const json* want = nullptr;
  try {
    want = &expected.at(json::json_pointer(path));
  } catch (const json::exception&) {
  }
  std::string out = "at '" + path + "' expected ";
  out += want ? describe_value(*want, ValueStyle::subject) : "nothing";
  out += ", got ";
  out += op == "remove" ? "nothing"
                        : describe_value(first.value("value", json()),
                                         ValueStyle::subject);
  return out;
}

// Runs ops one at a time on a document's text, checking each edit against
// the JSON model (see planner.hpp).
class OpRunner {
 public:
  OpRunner(std::string_view text, Document document, const YamlStyle& style,
           const YamlOptions& yaml, std::string_view path)
      : m_original_text(text),
        m_original_lines(m_original_text),
        m_original(document),
        m_text(text),
        m_current(std::move(document)),
        m_style(style),
        m_yaml(yaml),
        m_path(path) {}

  // Runs `op` (when its `where` holds). Returns false, after appending the
  // reason to `diagnostics`, when the document cannot be migrated.
  bool run(const Op& op, std::vector<Diagnostic>& diagnostics) {
    if (!evaluate(op.where(), m_current.data, m_path)) return true;
    json after = m_current.data;
    OpOutcome outcome;
    op.apply_to_json(after, SourceText(m_text, m_current), outcome);
    if (!outcome.conflicts.empty()) {
      for (Diagnostic& d : outcome.conflicts) {
        // Spans are in the input text: an earlier op may have moved the
        // value, so the nearest ancestor still there is used.
        d.span = locate(m_original, m_original_lines, d.pointer);
        diagnostics.push_back(std::move(d));
      }
      return false;
    }
    m_deleted_values += outcome.deleted_values;
    if (after == m_current.data) return true;
    std::string where = " ('" + op.name() + "'" +
                        (op.location().empty() ? "" : " at " + op.location()) +
                        ")";
    if (std::string_view null = null_root_text(m_text, m_current);
        !null.empty()) {
      diagnostics.push_back(make_error(
          "migrate.unsupported",
          "cannot edit the " + dialect() + where + ": the front matter is '" +
              std::string(null) +
              "', which reads as no keys; fmkit does not replace it: delete "
              "it to let fmkit add keys"));
      return false;
    }
    if (size_t cr = lone_cr(m_text, m_current); cr != std::string_view::npos) {
      diagnostics.push_back(make_error(
          "migrate.unsupported",
          "cannot edit the " + dialect() + where + ": line " +
              std::to_string(LineIndex(m_text).at(cr).line) +
              " ends in a lone carriage return (CR), which fmkit does not "
              "edit; end the lines with LF or CRLF"));
      return false;
    }
    std::unique_ptr<Editor> editor = make_editor(m_text, m_current, m_style);
    Expected<std::vector<TextEdit>> edits = op.plan_edits(*editor, after);
    if (!edits) {
      diagnostics.push_back(make_error(
          "migrate.unsupported",
          "cannot edit the " + dialect() + where + ": " + edits.error()));
      return false;
    }
    Expected<std::string> next = apply_edits(m_text, std::move(*edits));
    if (!next) {
      diagnostics.push_back(make_error(
          "migrate.internal", "internal error" + where + ": " + next.error()));
      return false;
    }
    std::vector<Diagnostic> reread;
    Document updated = read(*next, m_yaml, reread);
    if (!updated.usable || updated.data != after) {
      std::string detail;
      if (!updated.usable) {
        detail = "the edited front matter does not parse";
        for (const Diagnostic& d : reread) {
          if (d.severity == Severity::error) {
            detail += ": " + d.message;
            break;
          }
        }
      } else {
        detail = first_difference(after, updated.data);
      }
      if (has_rule(reread, "yaml.unsupported")) {
        // A line put right after an empty block scalar ("b: |").
        diagnostics.push_back(make_error(
            "migrate.unsupported",
            "cannot edit the " + dialect() + where +
                ": the edit puts a line right after an empty block scalar "
                "('|' or '>' with no lines), which fmkit's YAML parser "
                "would misread; write '' for that value first"));
        return false;
      }
      if (uses_aliases(m_current)) {
        // Editing an anchored value changes its aliases too: a layout we
        // refuse rather than a bug.
        diagnostics.push_back(make_error(
            "migrate.unsupported",
            "cannot edit the " + dialect() + where +
                ": the front matter uses "
                "aliases (*name), and the edit would change them too, " +
                detail));
        return false;
      }
      diagnostics.push_back(make_error(
          "migrate.internal", "internal error" + where +
                                  ": the edit does not give the expected "
                                  "front matter, " +
                                  detail));
      return false;
    }
    m_text = std::move(*next);
    m_current = std::move(updated);
    return true;
  }

  const std::string& text() const { return m_text; }
  // The text, moved out (the runner is done): copying it into a string
  // that held the input would double its capacity, which a write holding
  // thousands of new texts pays for each.
  std::string take_text() { return std::move(m_text); }
  const Document& current() const { return m_current; }
  // "YAML", "TOML", "JSON": the language being edited, for messages.
  std::string dialect() const {
    std::string name = dialect_name(m_current.front_matter.dialect);
    for (char& c : name) c = static_cast<char>(c - 'a' + 'A');
    return name;
  }
  size_t deleted_values() const { return m_deleted_values; }

 private:
  std::string m_original_text;
  LineIndex m_original_lines;
  Document m_original;
  std::string m_text;
  Document m_current;
  YamlStyle m_style;
  YamlOptions m_yaml;
  std::string m_path;
  size_t m_deleted_values = 0;
};

// Runs the migrations of `chain` above `plan.from_version` up to `target`
// on `text` (read as `original`), bumps the version key and validates the
// result: the second half of plan_document().
void run_migrations(std::string_view text, Document original,
                    const MigrationChain& chain, const FieldPath& version_key,
                    int target, const MigrateOptions& options,
                    DocumentPlan& plan) {
  YamlStyle style = detect_yaml_style(text, original, options.default_style);
  OpRunner runner(text, std::move(original), style, options.version.yaml,
                  options.path);
  std::vector<int> applied;
  for (const Migration& migration : chain.migrations) {
    if (migration.version <= plan.from_version || migration.version > target) {
      continue;
    }
    if (evaluate(migration.where, runner.current().data, options.path)) {
      for (const OpPtr& op : migration.ops) {
        if (!runner.run(*op, plan.diagnostics)) {
          plan.status = PlanStatus::failed;
          return;
        }
      }
    }
    applied.push_back(migration.version);
  }
  OpPtr bump = make_set_op(version_key, json(target), SetMode::overwrite, "");
  if (!runner.run(*bump, plan.diagnostics)) {
    plan.status = PlanStatus::failed;
    return;
  }
  plan.status = PlanStatus::migrated;
  plan.to_version = target;
  plan.applied = std::move(applied);
  plan.deleted_values = runner.deleted_values();
  plan.text = runner.take_text();
  plan.changed = plan.text != text;
  if (options.schema) {
    LineIndex new_lines(plan.text);
    Validator validator(options.schema);
    validator.validate(runner.current(), new_lines, plan.schema_diagnostics);
    if (count_errors(plan.schema_diagnostics) > 0) {
      plan.status = PlanStatus::failed;
    }
  }
}

}  // namespace

Expected<int> document_version(const json& data, const FieldPath& key,
                               const MigrationChain& chain) {
  const json* value = find_value(data, key.tokens);
  if (value == nullptr) return chain.initial_version;
  std::optional<int> version;
  if (value->is_number_integer() && value->get<int64_t>() >= 0 &&
      value->get<int64_t>() <= 999'999'999) {
    version = value->get<int>();
  } else if (value->is_string()) {
    const std::string& s = value->get_ref<const std::string&>();
    if (!s.empty() && s.size() <= 9 &&
        s.find_first_not_of("0123456789") == std::string::npos) {
      version = std::stoi(s);
    }
  }
  if (!version) {
    return unexpected("the version '" + key.text +
                      "' must be a whole number from 0 to 999999999, got " +
                      describe_value(*value, ValueStyle::subject));
  }
  int latest = chain.latest_version();
  if (*version > latest) {
    return unexpected("the document is at version " + std::to_string(*version) +
                      ", newer than the latest migration (" +
                      std::to_string(latest) + ")");
  }
  if (*version < chain.initial_version) {
    return unexpected("the document is at version " + std::to_string(*version) +
                      ", below the initial version " +
                      std::to_string(chain.initial_version));
  }
  return *version;
}

DocumentVersion read_document_version(std::string_view text,
                                      const MigrationChain& chain,
                                      const VersionOptions& options) {
  DocumentVersion out;
  Expected<FieldPath> key = parse_field_path(options.version_key);
  Document document = read(text, options.yaml, out.diagnostics);
  out.has_front_matter =
      document.front_matter.status != FrontMatterStatus::missing;
  if (!document.usable || !key) {
    if (!key)
      out.diagnostics.push_back(make_error("migrate.version", key.error()));
    return out;
  }
  out.explicit_version = find_value(document.data, key->tokens) != nullptr;
  Expected<int> version = document_version(document.data, *key, chain);
  if (version) {
    out.version = *version;
  } else {
    LineIndex lines(text);
    out.diagnostics.push_back(
        make_error("migrate.version", version.error(), key->pointer(),
                   locate(document, lines, key->pointer())));
  }
  return out;
}

OpsResult apply_ops(std::string_view text, const std::vector<OpPtr>& ops,
                    const OpsOptions& options) {
  OpsResult result;
  result.text = std::string(text);
  Document document = read(text, options.yaml, result.diagnostics);
  if (!document.usable) {
    if (count_errors(result.diagnostics) == 0) {
      result.diagnostics.push_back(
          make_error("migrate.no-front-matter", "no front matter to edit"));
    }
    return result;
  }
  YamlStyle style = detect_yaml_style(text, document, options.default_style);
  OpRunner runner(text, std::move(document), style, options.yaml, options.path);
  for (const OpPtr& op : ops) {
    if (!runner.run(*op, result.diagnostics)) return result;
  }
  result.text = runner.take_text();
  result.deleted_values = runner.deleted_values();
  return result;
}

DocumentPlan plan_document(std::string_view text, const MigrationChain& chain,
                           const MigrateOptions& options) {
  DocumentPlan plan;
  plan.text = std::string(text);
  const LineIndex lines(text);
  auto fail = [&](Diagnostic d) {
    plan.status = PlanStatus::failed;
    plan.diagnostics.push_back(std::move(d));
    return plan;
  };

  Expected<FieldPath> version_key =
      parse_field_path(options.version.version_key);
  if (!version_key) {
    return fail(make_error("migrate.version", version_key.error()));
  }
  Document original = read(text, options.version.yaml, plan.diagnostics);
  if (original.front_matter.status == FrontMatterStatus::missing) {
    plan.status = PlanStatus::skipped;
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = "migrate.no-front-matter";
    d.message = "no front matter: nothing to migrate";
    d.span = lines.span(0, 0);
    plan.diagnostics.push_back(std::move(d));
    return plan;
  }
  if (!original.usable) {
    plan.status = PlanStatus::failed;
    if (count_errors(plan.diagnostics) == 0) {
      plan.diagnostics.push_back(
          make_error("migrate.unreadable", "the front matter cannot be read"));
    }
    return plan;
  }

  Expected<int> version = document_version(original.data, *version_key, chain);
  if (!version) {
    return fail(make_error("migrate.version", version.error(),
                           version_key->pointer(),
                           locate(original, lines, version_key->pointer())));
  }
  plan.from_version = plan.to_version = *version;
  int latest = chain.latest_version();
  int target = options.to.value_or(latest);
  if (target > latest || target < chain.initial_version) {
    return fail(make_error("migrate.version",
                           "there is no version " + std::to_string(target) +
                               " to migrate to (versions " +
                               std::to_string(chain.initial_version) + " to " +
                               std::to_string(latest) + ")"));
  }
  if (*version >= target) return plan;
  run_migrations(text, std::move(original), chain, *version_key, target,
                 options, plan);
  return plan;
}

}  // namespace fmkit
