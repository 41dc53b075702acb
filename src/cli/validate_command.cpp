// SPDX-License-Identifier: MIT
#include "cli/validate_command.hpp"

#include "cli/progress.hpp"
#include "report/github_renderer.hpp"
#include "report/gitlab_renderer.hpp"
#include "report/json_renderer.hpp"
#include "report/junit_renderer.hpp"
#include "report/renderer.hpp"
#include "report/repository_paths.hpp"
#include "report/sarif_renderer.hpp"
#include "report/summary.hpp"
#include "report/text_renderer.hpp"
#include "run/config.hpp"
#include "run/file_reader.hpp"
#include "run/plan.hpp"
#include "run/repository_root.hpp"
#include "run/runner.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fmkit {

namespace {

// What the formats are made from.
struct FormatContext {
  TextOptions text;
  RepositoryPaths paths;
};

std::unique_ptr<Renderer> make_text(std::ostream& out,
                                    const FormatContext& context) {
  return make_text_renderer(out, context.text);
}

std::unique_ptr<Renderer> make_json(std::ostream& out, const FormatContext&) {
  return make_json_renderer(out);
}

std::unique_ptr<Renderer> make_sarif(std::ostream& out,
                                     const FormatContext& context) {
  return make_sarif_renderer(
      out, SarifOptions{context.paths, std::string(k_fmkit_version)});
}

std::unique_ptr<Renderer> make_github(std::ostream& out,
                                      const FormatContext& context) {
  return make_github_renderer(out, GithubOptions{context.paths, context.text});
}

std::unique_ptr<Renderer> make_junit(std::ostream& out,
                                     const FormatContext& context) {
  return make_junit_renderer(out, JunitOptions{context.paths});
}

std::unique_ptr<Renderer> make_gitlab(std::ostream& out,
                                      const FormatContext& context) {
  return make_gitlab_renderer(out, GitlabOptions{context.paths});
}

struct OutputFormat {
  std::string_view name;
  std::unique_ptr<Renderer> (*make)(std::ostream&, const FormatContext&);
};

// Output formats of --format; the first is the default (github on a
// GitHub Actions runner).
constexpr OutputFormat k_formats[] = {
    {"text", make_text},     {"json", make_json},   {"sarif", make_sarif},
    {"github", make_github}, {"junit", make_junit}, {"gitlab", make_gitlab},
};

// The folder the code-host formats name files relative to: the git working
// tree's top (what GitHub and GitLab resolve paths against), else the
// config file's folder, else the working folder.
std::filesystem::path repository_root(const Plan& plan,
                                      const CliEnvironment& environment) {
  if (auto top = find_git_top_level(environment.cwd)) return *top;
  return plan.folder.empty() ? environment.cwd : plan.folder;
}

// Plans the run: against --schema, or the config's collections. Prints
// the problems that stop it and returns std::nullopt.
std::optional<Plan> load_plan(const FileArguments& args,
                              const std::string& schema_path,
                              CommandContext& context) {
  // The schema layer never touches the disk itself: it reads through this.
  SchemaRegistry registry(
      [](const std::filesystem::path& path) { return read_whole_file(path); });
  const CliEnvironment& environment = context.environment;
  Expected<PlanOptions, Problems> options = args.plan_options(environment);
  if (!options) {
    print_problems(options.error(), context);
    return std::nullopt;
  }
  Expected<Plan, Problems> plan = unexpected(Problems{});
  if (!schema_path.empty()) {
    plan = plan_with_schema(schema_path, args.paths, environment.cwd, registry,
                            *options);
  } else {
    auto config = find_and_load_config(
        args.config_path, environment,
        "pass --config FILE, or --schema FILE and the paths to validate");
    if (!config) {
      print_problems(config.error(), context);
      return std::nullopt;
    }
    plan = plan_with_config(*config, args.paths, environment.cwd, registry,
                            *options);
  }
  if (!plan) {
    print_problems(plan.error(), context);
    return std::nullopt;
  }
  return std::move(*plan);
}

// Returns the renderer of --format `format`; without --format, of the
// github format on a GitHub Actions runner, else of the text format.
std::unique_ptr<Renderer> make_renderer(std::string_view format,
                                        const FormatContext& format_context,
                                        CommandContext& context,
                                        std::ostream& out) {
  if (format.empty()) {
    format = context.environment.github_actions ? "github" : k_formats[0].name;
  }
  auto row =
      std::find_if(std::begin(k_formats), std::end(k_formats),
                   [&](const OutputFormat& f) { return f.name == format; });
  return row->make(out, format_context);
}

// How check_files() runs.
struct CheckSettings {
  size_t jobs = 0;               // -j; 0: one thread per core
  bool quiet = false;            // --quiet: warnings are left out
  bool name_collections = true;  // false with --schema: one unnamed schema
  bool failed = false;           // planning already met an operational problem
};

// Checks the files of `plan`, writes each report through `renderer` as it
// is ready (then the run's end), and returns the exit code.
int check_files(const Plan& plan, const CheckSettings& settings,
                Renderer& renderer, ProgressLine& progress) {
  RunOptions run_options;
  run_options.jobs = settings.jobs;
  bool failed = settings.failed;
  Summary summary;
  size_t next_job = 0;
  renderer.begin(plan.jobs.size());
  run_validate(plan, run_options, [&](FileResult&& result) {
    const FileJob& job = plan.jobs[next_job++];
    failed = failed || result.failed;
    summary.add(result.report);
    if (settings.quiet) {
      std::erase_if(result.report.diagnostics, [](const Diagnostic& d) {
        return d.severity == Severity::warning;
      });
    }
    FileContext file_context;
    if (settings.name_collections && job.collection != k_no_collection) {
      file_context.collection = plan.collections[job.collection].name;
    }
    renderer.file(result.report, file_context);
    progress.advance();
  });
  int code = failed               ? k_exit_error
             : summary.errors > 0 ? k_exit_findings
                                  : k_exit_clean;
  renderer.end(RunEnd{summary, code, plan.problems});
  return code;
}

}  // namespace

int validate_command(int argc, const char* const* argv,
                     CommandContext& context) {
  FileArguments args;
  std::string schema_path;
  std::string format;
  bool quiet = false;

  CLI::App app{
      "Check the YAML front matter of Markdown files against JSON "
      "Schemas.",
      "fmkit validate"};
  use_fmkit_error_style(app);
  args.add_to(app,
              "Files, or folders searched for *.md and *.markdown files "
              "(default: the collections of the config file)");
  app.add_option("--schema", schema_path,
                 "Validate the PATHs against this JSON Schema instead of the "
                 "config's collections")
      ->type_name("FILE")
      ->excludes("--config");
  std::vector<std::string> format_names;
  for (const OutputFormat& f : k_formats) format_names.emplace_back(f.name);
  app.add_option("--format", format,
                 "Output format: text, json, sarif, github, junit or gitlab "
                 "(default: text; github when GITHUB_ACTIONS=true)")
      ->check(CLI::IsMember(format_names))
      ->type_name("FORMAT");
  app.add_flag("-q,--quiet", quiet,
               "Print errors only, and the summary only when there are some");
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  if (!schema_path.empty() && args.paths.empty() && !args.selects()) {
    print_error(context.err,
                "--schema needs at least one PATH to validate, or "
                "--changed-since, --staged or --files-from");
    return k_exit_error;
  }
  std::optional<Plan> plan = load_plan(args, schema_path, context);
  if (!plan) return k_exit_error;
  bool failed = print_problems(plan->problems, context);

  FormatContext format_context;
  format_context.text = args.text_options(context.environment);
  format_context.text.summary =
      quiet ? SummaryLine::on_errors : SummaryLine::always;
  format_context.paths = {context.environment.cwd,
                          repository_root(*plan, context.environment)};
  // Declared before the renderer, which writes through it.
  ProgressLine progress(
      context.out, context.err, context.environment, plan->jobs.size(),
      "checking", quiet ? ShowProgress::never : ShowProgress::on_terminal);
  std::unique_ptr<Renderer> renderer =
      make_renderer(format, format_context, context, progress.out());

  CheckSettings settings{static_cast<size_t>(args.jobs), quiet,
                         schema_path.empty(), failed};
  int code = check_files(*plan, settings, *renderer, progress);
  progress.clear();
  context.out.flush();
  return code;
}

}  // namespace fmkit
