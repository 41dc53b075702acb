// SPDX-License-Identifier: MIT
#include "cli/validate_command.hpp"

#include "base/describe.hpp"
#include "cli/help_examples.hpp"
#include "cli/output_format.hpp"
#include "cli/progress.hpp"
#include "report/renderer.hpp"
#include "report/summary.hpp"
#include "run/baseline.hpp"
#include "run/cache.hpp"
#include "run/cache_key.hpp"
#include "run/config.hpp"
#include "run/config_rules.hpp"
#include "run/file_reader.hpp"
#include "run/plan.hpp"
#include "run/rules_runner.hpp"
#include "run/runner.hpp"
#include "run/site_rules.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fmkit {

namespace {

// The options of validate that keep results between runs.
struct KeepOptions {
  bool no_cache = false;
  std::string cache_dir;
  std::string baseline;
  std::string write_baseline;

  void add_to(CLI::App& app) {
    auto* no_cache_option = app.add_flag(
        "--no-cache", no_cache,
        "Neither read nor write the result cache (default: .fmkit-cache/ "
        "beside fmkit.yaml)");
    app.add_option("--cache-dir", cache_dir,
                   "Keep the result cache in this folder")
        ->type_name("DIR")
        ->excludes(no_cache_option);
    auto* baseline_option =
        app.add_option("--baseline", baseline,
                       "Report only findings this baseline file does not hold")
            ->type_name("FILE");
    app.add_option("--write-baseline", write_baseline,
                   "Record every finding in this baseline file and exit 0")
        ->type_name("FILE")
        ->excludes(baseline_option);
  }
};

// What a run is planned from: the config file (none with --schema) and the
// options the plan was made with.
struct PlanInputs {
  std::optional<Config> config;
  PlanOptions options;
};

// Plans the run: against --schema, or the config's collections. Adds the
// config file to `inputs`, and every schema file as it is read. Prints the
// problems that stop it and returns std::nullopt.
std::optional<Plan> load_plan(const FileArguments& args,
                              const std::string& schema_path,
                              CommandContext& context, InputDigest& inputs,
                              PlanInputs& planned) {
  // The schema layer never touches the disk itself: it reads through this.
  SchemaRegistry registry(inputs.reader());
  const CliEnvironment& environment = context.environment;
  Expected<PlanOptions, Problems> options = args.plan_options(environment);
  if (!options) {
    print_problems(options.error(), context);
    return std::nullopt;
  }
  // Planning takes the selected files (moved into the jobs: a selection of
  // 100k files is held once); the run keeps the other options.
  std::optional<FileSelection> selection =
      std::exchange(options->selection, std::nullopt);
  PlanOptions planning = *options;
  planning.selection = std::move(selection);
  Expected<Plan, Problems> plan = unexpected(Problems{});
  if (!schema_path.empty()) {
    plan = plan_with_schema(schema_path, args.paths, environment.cwd, registry,
                            std::move(planning));
  } else {
    auto config = find_and_load_config(
        args.config_path, environment,
        "pass --config FILE, or --schema FILE and the paths to validate");
    if (!config) {
      print_problems(config.error(), context);
      return std::nullopt;
    }
    inputs.add((environment.cwd / config->path).lexically_normal(),
               config->text);
    auto data =
        load_rule_data(*config, environment.cwd,
                       confinement_root(*config, environment.cwd, *options));
    if (!data) {
      print_problems(data.error(), context);
      return std::nullopt;
    }
    plan = plan_with_config(*config, args.paths, environment.cwd, registry,
                            std::move(planning));
    planned.config = std::move(*config);
  }
  planned.options = std::move(*options);
  // What the schemas check less than they seem to: warnings, once each.
  print_problems(registry.take_warnings(), context);
  if (!plan) {
    print_problems(plan.error(), context);
    return std::nullopt;
  }
  return std::move(*plan);
}

// Opens the result cache of `plan`; nullptr with --no-cache or when there
// is nowhere to keep it.
std::unique_ptr<ResultCache> open_cache(const KeepOptions& keep,
                                        const Plan& plan,
                                        const std::string& schema_path,
                                        const InputDigest& inputs,
                                        const CliEnvironment& environment) {
  if (keep.no_cache) return nullptr;
  std::filesystem::path folder =
      keep.cache_dir.empty()
          ? default_cache_folder(plan, environment.cwd / schema_path,
                                 environment.cache_home)
          : environment.cwd / keep.cache_dir;
  if (folder.empty()) return nullptr;
  std::filesystem::path root = plan.folder.empty() ? "/" : plan.folder;
  std::string identity = std::string(fmkit_version()) + " build " + build_id();
  return std::make_unique<ResultCache>(
      folder.lexically_normal(), root,
      collection_keys(plan, inputs.value(root), identity));
}

// Writes the cache; a cache that can't be written is a warning.
void save_cache(ResultCache& cache, const RunScope& scope,
                CommandContext& context) {
  Expected<void> saved = cache.save(scope);
  if (saved) return;
  Problems warning = problem_at_file(
      display_path(cache.file().lexically_proximate(context.environment.cwd)),
      "cache",
      "cannot write the result cache: " + saved.error() +
          "; the results are not kept for the next run");
  warning.front().diagnostics.front().severity = Severity::warning;
  print_problems(warning, context);
}

// --baseline and --write-baseline over one run.
struct BaselineRun {
  const KeepOptions& keep;
  std::filesystem::path root;  // baseline paths are relative to it
  std::optional<Baseline> baseline;
  std::optional<BaselineWriter> writer;
  size_t suppressed = 0;

  // Takes the findings the baseline holds (or, writing, every finding)
  // out of `report`, the report of the file `path` (absolute).
  void apply(const std::string& path, FileReport& report) {
    if (!baseline && !writer) return;
    std::string file = relative_path(root, path);
    if (baseline) suppressed += baseline->suppress(file, report.diagnostics);
    if (writer) writer->add(file, report.diagnostics);
  }

  // Writes the baseline file when asked to, and prints what the baseline
  // did to `notes`. Returns false when the file could not be written.
  bool finish(const RunScope& scope, bool failed, std::ostream& notes,
              CommandContext& context) {
    if (baseline && suppressed > 0) {
      notes << count_noun(suppressed, "finding")
            << " suppressed by the baseline\n";
    }
    if (size_t gone = baseline ? baseline->unmatched(scope, root) : 0) {
      notes << count_noun(gone, "baseline finding")
            << (gone == 1 ? " no longer occurs" : " no longer occur")
            << "; run 'fmkit validate --write-baseline " << keep.baseline
            << "' to drop " << (gone == 1 ? "it" : "them") << '\n';
    }
    if (!writer) return true;
    if (failed) {
      print_problems(problem_at_file(keep.write_baseline, "io",
                                     "the baseline is not written: a file "
                                     "could not be checked"),
                     context);
      return false;
    }
    auto written = write_baseline(context.environment.cwd / keep.write_baseline,
                                  keep.write_baseline, writer->text());
    if (!written) return !print_problems(written.error(), context);
    notes << count_noun(writer->findings(), "finding")
          << " written to the baseline " << keep.write_baseline << '\n';
    return true;
  }
};

// Loads --baseline (or starts --write-baseline) into `run`. Prints the
// problems that stop it and returns false.
bool start_baseline(BaselineRun& run, CommandContext& context) {
  if (!run.keep.baseline.empty()) {
    auto loaded = Baseline::load(context.environment.cwd / run.keep.baseline,
                                 run.keep.baseline);
    if (!loaded) {
      print_problems(loaded.error(), context);
      return false;
    }
    run.baseline = std::move(*loaded);
  }
  if (!run.keep.write_baseline.empty()) run.writer.emplace();
  return true;
}

// The rules across files of a run (run/site_rules.hpp): none with --schema
// or a config that declares none.
struct RuleRun {
  std::optional<SiteRules> rules;
  std::optional<RuleChecker> checker;
  // Per job: whether the file's own report had errors.
  std::vector<bool> erred;

  RuleRun(const PlanInputs& planned, size_t jobs) : erred(jobs) {
    if (planned.config) rules.emplace(*planned.config);
    if (rules && rules->empty()) rules.reset();
    if (rules) checker.emplace(*rules);
  }
  RuleRun(const RuleRun&) = delete;

  // The options of a run with `jobs` threads and `cache`, and these rules.
  RunOptions run_options(int jobs, ResultCache* cache) const {
    RunOptions options;
    options.jobs = static_cast<size_t>(jobs);
    options.cache = cache;
    options.rules = rules ? &*rules : nullptr;
    return options;
  }
  RuleRun& operator=(const RuleRun&) = delete;
};

// Validates the files of `plan` and renders each report once the baseline
// has taken its findings out (and --quiet its warnings), naming its
// collection unless `name_collections` is false (--schema: one unnamed
// schema); sets `failed` when a file could not be checked. Returns the
// counts rendered; the caller ends the renderer.
Summary check_files(const Plan& plan, const RunOptions& options,
                    BaselineRun& baseline, bool quiet, bool name_collections,
                    Renderer& renderer, ProgressLine& progress, bool& failed,
                    RuleRun& rule_run) {
  Summary summary;
  renderer.begin(plan.jobs.size());
  run_validate(plan, options, [&](FileResult&& result) {
    const FileJob& job = plan.jobs[result.job];
    failed = failed || result.failed;
    if (rule_run.checker && job.collection != k_no_collection) {
      rule_run.checker->add(result.job, job.display(), job.collection,
                            std::move(result.rule_values));
    }
    baseline.apply(job.path(), result.report);
    summary.add(result.report);
    rule_run.erred[result.job] = count_errors(result.report.diagnostics) > 0;
    if (quiet) {
      std::erase_if(result.report.diagnostics, [](const Diagnostic& d) {
        return d.severity == Severity::warning;
      });
    }
    FileContext file_context;
    file_context.dialect = result.dialect;
    if (name_collections && job.collection != k_no_collection) {
      file_context.collection = plan.collections[job.collection].name;
    }
    renderer.file(result.report, file_context);
    progress.advance();
  });
  return summary;
}

// Checks the rules across files, if any, once every file is read, and renders
// the findings of each checked file as one more report of it (after the file's
// own, which streamed when it was ready), counted in `summary` without
// counting the file again. A run over some files reads the other files of
// the site for their values first (run/rules_runner.hpp).
void check_rules(const PlanInputs& planned, const FileArguments& args,
                 const Plan& plan, const RunOptions& options, RuleRun& rule_run,
                 BaselineRun& baseline, Renderer& renderer, Summary& summary,
                 const CliEnvironment& environment) {
  if (!rule_run.rules) return;
  bool scoped = !args.paths.empty() || args.selects() || !args.shard.empty();
  if (scoped) {
    add_context_values(*planned.config, plan, planned.options, environment.cwd,
                       *rule_run.rules, options, *rule_run.checker);
  }
  for (RuleFindings& findings : rule_run.checker->check()) {
    const FileJob& job = plan.jobs[findings.file];
    FileReport report = rule_report(job, std::move(findings.diagnostics));
    baseline.apply(job.path(), report);
    if (report.diagnostics.empty()) continue;
    Summary counted;
    counted.add(report);
    summary.errors += counted.errors;
    summary.warnings += counted.warnings;
    // The file's own report came first: counted once among files with
    // errors, whichever report holds them.
    if (counted.errors > 0 && !rule_run.erred[findings.file]) {
      ++summary.files_with_errors;
    }
    FileContext file_context;
    file_context.collection = plan.collections[job.collection].name;
    renderer.file(report, file_context);
  }
}

// --quiet and --max-warnings: what is reported, and how warnings count.
struct ReportOptions {
  bool quiet = false;
  int max_warnings = -1;  // -1: no limit

  void add_to(CLI::App& app) {
    app.add_flag("-q,--quiet", quiet,
                 "Print errors only, and the summary only when there are some");
    app.add_option("--max-warnings", max_warnings,
                   "Exit 1 when there are more than N warnings, even without "
                   "errors; warnings the baseline holds do not count "
                   "(default: -1, no limit)")
        ->type_name("N")
        ->check(CLI::Range(-1, std::numeric_limits<int>::max()));
  }

  bool too_many_warnings(const Summary& summary) const {
    return max_warnings >= 0 &&
           summary.warnings > static_cast<size_t>(max_warnings);
  }

  // Says on `err` that a run that ended with `code` had too many warnings,
  // if it did.
  void note_warnings(const Summary& summary, int code, std::ostream& err) {
    if (code == k_exit_error || !too_many_warnings(summary)) return;
    err << "fmkit found too many warnings: " << summary.warnings
        << ", more than --max-warnings " << max_warnings << '\n';
  }
};

// Returns what the output formats of a run over `plan` are made from.
FormatContext format_context_of(const FileArguments& args, bool quiet,
                                const Plan& plan,
                                const CliEnvironment& environment) {
  FormatContext context;
  context.text = args.text_options(environment);
  context.text.summary = quiet ? SummaryLine::on_errors : SummaryLine::always;
  context.paths = {environment.cwd, repository_root(plan, environment)};
  return context;
}

// Returns the folders a run over `args` checked in full: none for a
// selection or a shard, which check some files, not whole folders.
RunScope checked_scope(const FileArguments& args,
                       const std::filesystem::path& cwd) {
  if (args.selects() || !args.shard.empty()) return RunScope{};
  return run_scope(args.paths, cwd);
}

// Returns the exit code of a run: 2 when a file could not be checked or the
// baseline written, 1 with errors or more than --max-warnings warnings (as
// in ESLint), else 0.
int exit_code(bool failed, const Summary& summary,
              const ReportOptions& report) {
  if (failed) return k_exit_error;
  if (summary.errors > 0 || report.too_many_warnings(summary)) {
    return k_exit_findings;
  }
  return k_exit_clean;
}

}  // namespace

int validate_command(int argc, const char* const* argv,
                     CommandContext& context) {
  FileArguments args;
  std::string schema_path;
  std::string format;
  ReportOptions report;

  CLI::App app{
      "Check the YAML front matter of Markdown files against JSON "
      "Schemas.",
      "fmkit validate"};
  use_fmkit_error_style(app);
  args.add_to(app,
              "Files, or folders searched for *.md, *.markdown and *.mdx files "
              "(default: the collections of the config file)");
  app.add_option("--schema", schema_path,
                 "Validate the PATHs against this JSON Schema instead of the "
                 "config's collections")
      ->type_name("FILE")
      ->excludes("--config");
  add_format_option(app, format);
  report.add_to(app);
  app.footer(help_examples("validate"));
  KeepOptions keep;
  keep.add_to(app);
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  if (!schema_path.empty() && args.paths.empty() && !args.selects()) {
    print_error(context.err,
                "--schema needs at least one PATH to validate, or "
                "--changed-since, --staged or --files-from");
    return k_exit_error;
  }
  const CliEnvironment& environment = context.environment;
  InputDigest inputs;
  PlanInputs planned;
  std::optional<Plan> plan =
      load_plan(args, schema_path, context, inputs, planned);
  if (!plan) return k_exit_error;
  BaselineRun baseline{keep,
                       plan->folder.empty() ? environment.cwd : plan->folder};
  if (!start_baseline(baseline, context)) return k_exit_error;
  bool failed = print_problems(plan->problems, context);

  FormatContext format_context =
      format_context_of(args, report.quiet, *plan, environment);
  // Declared before the renderer, which writes through it.
  ProgressLine progress(
      context.out, context.err, environment, plan->jobs.size(), "checking",
      report.quiet ? ShowProgress::never : ShowProgress::on_terminal);
  std::unique_ptr<Renderer> renderer =
      make_renderer(format, format_context, environment, progress.out());

  std::unique_ptr<ResultCache> cache =
      open_cache(keep, *plan, schema_path, inputs, environment);
  RuleRun rule_run(planned, plan->jobs.size());
  RunOptions run_options = rule_run.run_options(args.jobs, cache.get());
  Summary summary =
      check_files(*plan, run_options, baseline, report.quiet,
                  schema_path.empty(), *renderer, progress, failed, rule_run);
  check_rules(planned, args, *plan, run_options, rule_run, baseline, *renderer,
              summary, environment);
  RunScope scope = checked_scope(args, environment.cwd);
  // Notes about the baseline follow the text summary; they go to standard
  // error with other formats, whose output is a document.
  std::ostringstream notes;
  bool written = baseline.finish(scope, failed, notes, context);
  int code = exit_code(failed || !written, summary, report);
  renderer->end(RunEnd{summary, code, plan->problems});
  progress.clear();
  if (!report.quiet || summary.errors > 0) {
    (is_text_format(format, environment) ? context.out : context.err)
        << notes.str();
  }
  report.note_warnings(summary, code, context.err);
  context.out.flush();
  if (cache) save_cache(*cache, scope, context);
  return code;
}

}  // namespace fmkit
