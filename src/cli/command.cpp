// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include "run/file_list.hpp"
#include "run/git.hpp"

#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <istream>
#include <iterator>
#include <ostream>
#include <utility>

namespace fmkit {

CLI::Option* add_config_option(CLI::App& app, std::string& path) {
  return app
      .add_option("--config", path,
                  "The config file (default: fmkit.yaml in the current "
                  "folder or a parent)")
      ->type_name("FILE");
}

Expected<Config, Problems> find_and_load_config(
    const std::string& given, const CliEnvironment& environment,
    std::string_view hint) {
  if (!given.empty()) return load_config(given, environment.cwd);
  std::optional<std::filesystem::path> found = find_config(environment.cwd);
  if (!found) {
    return unexpected(problem_at_file("fmkit", "config.missing",
                                      "no " + std::string(k_config_file_name) +
                                          " in " + environment.cwd.string() +
                                          " or its parents (" +
                                          std::string(hint) + ")"));
  }
  std::filesystem::path shown = found->lexically_relative(environment.cwd);
  return load_config(shown.empty() ? *found : shown, environment.cwd);
}

void FileArguments::add_to(CLI::App& app, std::string_view paths_help) {
  app.add_option("paths", paths, std::string(paths_help))->type_name("PATH");
  add_config_option(app, config_path);
  add_jobs_option(app, jobs);
  add_color_option(app, color);
  app.add_flag("--no-error-on-unmatched-pattern", allow_unmatched,
               "A PATH or a collection from which no file is checked is a "
               "warning, not an error");
  app.add_flag("--allow-outside", allow_outside,
               "Let fmkit.yaml and migrations name schemas and folders "
               "outside the repository of fmkit.yaml");
  add_selectors(app);
}

void FileArguments::add_selectors(CLI::App& app) {
  CLI::Option* since =
      app.add_option("--changed-since", changed_since,
                     "Only files changed since the merge base of REF and "
                     "HEAD: committed, staged, unstaged and untracked (git)")
          ->type_name("REF");
  CLI::Option* staged_flag =
      app.add_flag("--staged", staged,
                   "Only files staged for the next commit (git; the "
                   "working-tree copy is read)")
          ->excludes(since);
  app.add_option("--files-from", files_from,
                 "Only the files listed in FILE ('-': standard input), one a "
                 "line or NUL-separated")
      ->type_name("FILE")
      ->excludes(since)
      ->excludes(staged_flag);
  app.add_option("--shard", shard,
                 "Only shard K of N (1-based), a stable split by path for CI "
                 "matrices")
      ->type_name("K/N")
      ->check(CLI::Validator(
          [](std::string& text) {
            Expected<Shard> parsed = parse_shard(text);
            return parsed ? std::string() : parsed.error();
          },
          ""));
}

bool FileArguments::selects() const {
  return !changed_since.empty() || staged || !files_from.empty();
}

Expected<PlanOptions, Problems> FileArguments::plan_options(
    const CliEnvironment& environment) const {
  PlanOptions options;
  options.no_match = allow_unmatched ? NoMatch::warn : NoMatch::error;
  options.allow_outside = allow_outside;
  if (!shard.empty()) options.shard = parse_shard(shard).value();
  Expected<FileSelection, Problems> selection = FileSelection{};
  if (!changed_since.empty()) {
    selection = git_changed_since(changed_since, environment.cwd);
  } else if (staged) {
    selection = git_staged(environment.cwd);
  } else if (files_from == "-") {
    if (environment.in == nullptr) {
      return unexpected(problem_at_file(
          "fmkit", "io", "--files-from -: there is no standard input"));
    }
    std::string text{std::istreambuf_iterator<char>(*environment.in),
                     std::istreambuf_iterator<char>()};
    selection = listed_files(text, environment.cwd);
  } else if (!files_from.empty()) {
    selection = read_file_list(files_from, environment.cwd);
  } else {
    return options;
  }
  if (!selection) return unexpected(std::move(selection).error());
  options.selection = std::move(*selection);
  return options;
}

TextOptions FileArguments::text_options(
    const CliEnvironment& environment) const {
  TextOptions text;
  text.color = decide_color(color, environment.out_is_terminal, environment);
  return text;
}

bool print_problems(const Problems& problems, CommandContext& context) {
  TextOptions text;
  text.color = decide_color("auto", context.environment.err_is_terminal,
                            context.environment);
  bool errors = false;
  for (const FileReport& report : problems) {
    render_text_file(report, text, context.err);
    errors = errors || count_errors(report.diagnostics) > 0;
  }
  return errors;
}

void add_jobs_option(CLI::App& app, int& jobs) {
  app.add_option("-j,--jobs", jobs,
                 "Files read in parallel (default: 0, one per CPU)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
}

void add_color_option(CLI::App& app, std::string& choice) {
  choice = "auto";
  app.add_option("--color", choice,
                 "Color the output: auto (on terminals, unless NO_COLOR is "
                 "set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
}

UseColor decide_color(std::string_view choice, bool is_terminal,
                      const CliEnvironment& environment) {
  if (choice == "always") return UseColor::yes;
  if (choice == "never") return UseColor::no;
  return is_terminal && !environment.no_color ? UseColor::yes : UseColor::no;
}

void use_fmkit_error_style(CLI::App& app) {
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string message = e.what();
    if (!message.empty()) {
      message[0] = static_cast<char>(
          std::tolower(static_cast<unsigned char>(message[0])));
    }
    return "fmkit: error: " + message + " [usage]\nrun '" + failed->get_name() +
           " --help' for usage\n";
  });
}

std::optional<int> parse_arguments(CLI::App& app, int argc,
                                   const char* const* argv,
                                   CommandContext& context) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with 100 and up; fmkit's usage errors exit with 2.
    return app.exit(e, context.out, context.err) == 0 ? k_exit_clean
                                                      : k_exit_error;
  }
  return std::nullopt;
}

void print_error(std::ostream& err, std::string_view message) {
  err << "fmkit: error: " << message << " [usage]\n";
}

}  // namespace fmkit
