// SPDX-License-Identifier: MIT
#include "cli/dump_command.hpp"

#include "base/json_pointer.hpp"
#include "cli/help_examples.hpp"
#include "document/document.hpp"
#include "report/text_renderer.hpp"
#include "run/config.hpp"
#include "run/discover.hpp"
#include "run/file_reader.hpp"
#include "run/plan.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

namespace fmkit {

namespace {

using nlohmann::json;

std::string scalar(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void indent(std::ostream& out, size_t depth) {
  out << std::string(depth * 2, ' ');
}

// Writes JSON pretty-printed like json::dump(2), object keys in document
// order. nlohmann::json sorts keys, and ordered_json must not reach the
// schema layer, so the order is applied here, for printing only.
class OrderedWriter {
 public:
  explicit OrderedWriter(const PositionMap& positions) {
    const auto& entries = positions.entries();
    for (size_t i = 0; i < entries.size(); ++i)
      m_order.emplace(entries[i].first, i);
  }

  void write(std::ostream& out, const json& value, const std::string& pointer,
             size_t depth) const {
    if (value.is_object() && !value.empty()) {
      std::vector<std::string> keys;
      for (const auto& item : value.items()) keys.push_back(item.key());
      // Keys in the map first, by position; then the rest, sorted (stable).
      std::stable_sort(keys.begin(), keys.end(),
                       [&](const std::string& a, const std::string& b) {
                         return rank(pointer, a) < rank(pointer, b);
                       });
      out << "{\n";
      for (size_t i = 0; i < keys.size(); ++i) {
        indent(out, depth + 1);
        out << scalar(keys[i]) << ": ";
        write(out, value[keys[i]], append_pointer(pointer, keys[i]), depth + 1);
        out << (i + 1 < keys.size() ? ",\n" : "\n");
      }
      indent(out, depth);
      out << '}';
    } else if (value.is_array() && !value.empty()) {
      out << "[\n";
      for (size_t i = 0; i < value.size(); ++i) {
        indent(out, depth + 1);
        write(out, value[i], append_pointer(pointer, std::to_string(i)),
              depth + 1);
        out << (i + 1 < value.size() ? ",\n" : "\n");
      }
      indent(out, depth);
      out << ']';
    } else {
      out << scalar(value);
    }
  }

 private:
  size_t rank(const std::string& parent, const std::string& key) const {
    auto it = m_order.find(append_pointer(parent, key));
    return it == m_order.end() ? static_cast<size_t>(-1) : it->second;
  }

  std::unordered_map<std::string, size_t> m_order;
};

std::string span_json(const LineIndex& lines, size_t begin, size_t end) {
  SourcePos b = lines.at(begin);
  SourcePos e = lines.at(end);
  return "{\"line\": " + std::to_string(b.line) +
         ", \"column\": " + std::to_string(b.column) +
         ", \"offset\": " + std::to_string(b.offset) +
         ", \"end_line\": " + std::to_string(e.line) +
         ", \"end_column\": " + std::to_string(e.column) +
         ", \"end_offset\": " + std::to_string(e.offset) + "}";
}

// Returns how FILE is read: as --yaml says, else as the collection of the
// config file (--config, or fmkit.yaml found from the working folder up)
// that holds it, else as YAML 1.2. Fails when the config cannot be loaded.
Expected<YamlVersion, Problems> reading_of(const std::string& file,
                                           const std::string& yaml,
                                           const std::string& config_path,
                                           const CliEnvironment& environment) {
  if (!yaml.empty()) {
    return yaml == "1.1" ? YamlVersion::v1_1 : YamlVersion::v1_2;
  }
  if (config_path.empty() && !find_config(environment.cwd)) {
    return YamlVersion::v1_2;
  }
  auto config = find_and_load_config(config_path, environment, "");
  if (!config) return unexpected(std::move(config).error());
  std::filesystem::path folder =
      (environment.cwd / config->path).parent_path().lexically_normal();
  std::string relative = relative_path(
      folder, (environment.cwd / file).lexically_normal().string());
  std::optional<size_t> collection = config->collection_for(relative);
  if (!collection) return YamlVersion::v1_2;
  return config->collections[*collection].yaml;
}

}  // namespace

void write_dump(std::ostream& out, const json& data,
                const PositionMap& positions, const LineIndex& lines,
                WithPositions with_positions, std::string_view dialect) {
  OrderedWriter writer(positions);
  if (with_positions == WithPositions::no) {
    writer.write(out, data, "", 0);
    out << '\n';
    return;
  }
  out << "{\n  \"dialect\": " << scalar(json(dialect)) << ",\n  \"data\": ";
  writer.write(out, data, "", 1);
  out << ",\n  \"positions\": {";
  const auto& entries = positions.entries();
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& [pointer, info] = entries[i];
    out << (i == 0 ? "\n    " : ",\n    ") << scalar(pointer) << ": {";
    if (info.has_key && info.key_begin != NodeInfo::k_none) {
      out << "\"key\": " << span_json(lines, info.key_begin, info.key_end)
          << ", ";
    }
    out << "\"value\": " << span_json(lines, info.value_begin, info.value_end)
        << '}';
  }
  out << (entries.empty() ? "}\n}\n" : "\n  }\n}\n");
}

int dump_command(int argc, const char* const* argv, CommandContext& context) {
  std::string file;
  bool positions = false;
  std::string color;
  std::string yaml;
  std::string config_path;
  CLI::App app{"Print the front matter of a Markdown file as JSON.",
               "fmkit dump"};
  use_fmkit_error_style(app);
  app.add_option("file", file, "The Markdown file")
      ->required()
      ->type_name("FILE");
  app.add_flag("--positions", positions,
               "Print {\"data\": ..., \"positions\": ...} with the line, "
               "column and offset of every key and value");
  app.add_option("--yaml", yaml,
                 "Read plain scalars as YAML 1.2 or 1.1 (default: as the "
                 "collection of the config file that holds FILE says, else "
                 "1.2)")
      ->check(CLI::IsMember({"1.1", "1.2"}))
      ->type_name("VERSION");
  add_config_option(app, config_path);
  add_color_option(app, color);
  app.footer(help_examples("dump"));
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  const CliEnvironment& environment = context.environment;
  std::string shown = display_path(file);
  DocumentOptions options;
  Expected<YamlVersion, Problems> reading =
      reading_of(file, yaml, config_path, environment);
  if (!reading) {
    print_problems(reading.error(), context);
    return k_exit_error;
  }
  options.yaml.version = *reading;
  ReadOptions read_options;
  read_options.max_front_matter_bytes = options.yaml.max_bytes;
  auto read = read_front_matter(environment.cwd / file, read_options);
  if (!read) {
    print_problems(problem_at_file(shown, "io", read.error()), context);
    return k_exit_error;
  }

  FileReport report;
  report.path = shown;
  LineIndex lines(read->text);
  Document document =
      read_front_matter_document(*read, lines, options, report.diagnostics);
  sort_diagnostics(report.diagnostics);
  bool errors = count_errors(report.diagnostics) > 0;
  if (!report.diagnostics.empty()) {
    report.text = read->text;
    TextOptions text_options;
    text_options.color =
        decide_color(color, environment.err_is_terminal, environment);
    render_text_file(report, text_options, context.err);
  }
  if (!document.usable) return k_exit_findings;
  write_dump(context.out, document.data, document.positions, lines,
             positions ? WithPositions::yes : WithPositions::no,
             dialect_name(document.front_matter.dialect));
  context.out.flush();
  return errors ? k_exit_findings : k_exit_clean;
}

}  // namespace fmkit
