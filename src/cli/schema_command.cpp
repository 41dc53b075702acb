// SPDX-License-Identifier: MIT
#include "cli/schema_command.hpp"

#include "base/spelling.hpp"
#include "cli/help_examples.hpp"
#include "report/summary.hpp"
#include "report/text_renderer.hpp"
#include "run/discover.hpp"
#include "run/file_reader.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

namespace {

// Whether `problems` say only that the file itself cannot be read.
bool is_unreadable(const Problems& problems) {
  return problems.size() == 1 && problems[0].diagnostics.size() == 1 &&
         problems[0].diagnostics[0].rule == "io";
}

int schema_check_command(int argc, const char* const* argv,
                         CommandContext& context) {
  std::vector<std::string> files;
  std::string color;
  CLI::App app{
      "Check that JSON Schema (draft-07) files are usable: report what stops "
      "them from loading (errors) and what loads but checks less than it "
      "seems to (warnings: unknown keywords, keywords next to $ref, unknown "
      "formats, enum values their own type excludes). Exit 1 when anything "
      "is found.",
      "fmkit schema check"};
  use_fmkit_error_style(app);
  app.add_option("files", files, "The schema files")
      ->required()
      ->type_name("FILE");
  add_color_option(app, color);
  app.footer(help_examples("schema check"));
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  SchemaRegistry registry(
      [](const std::filesystem::path& path) { return read_whole_file(path); });
  TextOptions text;
  text.color = decide_color(color, context.environment.out_is_terminal,
                            context.environment);
  Summary summary;
  bool unreadable = false;
  for (const std::string& file : files) {
    auto loaded =
        registry.load(context.environment.cwd / file, display_path(file));
    Problems found = loaded ? registry.take_warnings() : loaded.error();
    ++summary.files;
    if (!loaded && is_unreadable(found)) {
      print_problems(found, context);
      unreadable = true;
      ++summary.errors;
      ++summary.files_with_errors;
      continue;
    }
    size_t errors = 0;
    for (const FileReport& report : found) {
      render_text_file(report, text, context.out);
      errors += count_errors(report.diagnostics);
      summary.warnings +=
          report.diagnostics.size() - count_errors(report.diagnostics);
    }
    summary.errors += errors;
    if (errors > 0) ++summary.files_with_errors;
  }
  context.out << format_summary(summary) << '\n';
  context.out.flush();
  if (unreadable) return k_exit_error;
  return summary.errors + summary.warnings > 0 ? k_exit_findings : k_exit_clean;
}

struct Subcommand {
  std::string_view name;
  CommandFunction function;
  std::string_view summary;
};

constexpr Subcommand k_subcommands[] = {
    {"check", schema_check_command,
     "report what makes a JSON Schema file unusable or weaker than it looks"},
};

void print_schema_usage(std::ostream& out) {
  out << "usage: fmkit schema <subcommand> [options]\n\nsubcommands:\n";
  for (const Subcommand& sub : k_subcommands) {
    out << "  " << sub.name << "  " << sub.summary << '\n';
  }
  out << "\nRun 'fmkit schema <subcommand> --help' for its options.\n\n"
      << help_examples("schema") << '\n';
}

}  // namespace

int schema_command(int argc, const char* const* argv, CommandContext& context) {
  std::vector<std::string> names;
  std::string listed;
  for (const Subcommand& sub : k_subcommands) {
    if (argc >= 2 && sub.name == argv[1]) {
      return sub.function(argc - 1, argv + 1, context);
    }
    names.emplace_back(sub.name);
    listed += (listed.empty() ? "" : ", ") + std::string(sub.name);
  }
  if (argc < 2) {
    print_error(context.err, "'fmkit schema' needs a subcommand: " + listed +
                                 " (run 'fmkit schema --help' for usage)");
    return k_exit_error;
  }
  std::string_view name = argv[1];
  if (name == "-h" || name == "--help") {
    print_schema_usage(context.out);
    return k_exit_clean;
  }
  print_error(context.err, "unknown subcommand 'schema " + std::string(name) +
                               "'" + did_you_mean(name, names) +
                               " (subcommands: " + listed + ")");
  return k_exit_error;
}

}  // namespace fmkit
