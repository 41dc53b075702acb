// SPDX-License-Identifier: MIT
#include "cli/init_command.hpp"

#include "base/describe.hpp"
#include "cli/help_examples.hpp"
#include "cli/infer_command.hpp"
#include "report/summary.hpp"
#include "report/text_renderer.hpp"
#include "run/config.hpp"
#include "run/file_reader.hpp"
#include "run/output_file.hpp"
#include "run/plan.hpp"
#include "run/runner.hpp"
#include "run/site_init.hpp"
#include "schema/schema_registry.hpp"

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

namespace fmkit {

namespace {

namespace fs = std::filesystem;

struct InitArguments {
  bool dry_run = false;
  bool force = false;
  int jobs = 0;
  std::string color;
  InferOptions infer;
};

void print_plan(const SiteInit& init, std::ostream& out) {
  out << "site: " << generator_name(init.layout.generator);
  for (size_t i = 0; i < init.layout.evidence.size(); ++i) {
    out << (i == 0 ? " (" : ", ") << init.layout.evidence[i];
  }
  out << (init.layout.evidence.empty() ? "" : ")") << '\n';
  for (const InitCollection& collection : init.collections) {
    const InferRun& run = collection.run;
    out << "collection " << collection.proposal.name << ": "
        << count_noun(run.files, "file");
    for (const std::string& glob : collection.proposal.include) {
      out << (&glob == &collection.proposal.include.front() ? " (" : ", ")
          << glob;
    }
    out << ") -> " << collection.schema << '\n';
    if (run.unreadable > 0) {
      out << "  " << count_noun(run.unreadable, "file")
          << " left out of the schema for errors ('fmkit validate' shows "
             "them)\n";
    }
    if (run.without_front_matter > 0) {
      out << "  " << count_noun(run.without_front_matter, "file")
          << " without front matter"
          << (collection.require_front_matter
                  ? ": likely mistakes, as most files have some\n"
                  : ": front matter is optional here\n");
    }
  }
  for (const std::string& name : init.dropped) {
    out << "skipped " << name << ": no file has front matter\n";
  }
}

// Writes every output, after checking that none exists (without --force).
bool write_outputs(const SiteInit& init, const InitArguments& args,
                   CommandContext& context) {
  const fs::path& cwd = context.environment.cwd;
  Overwrite overwrite = args.force ? Overwrite::yes : Overwrite::no;
  Problems existing;
  for (const OutputText& output : init.outputs) {
    auto writable = check_writable(cwd / output.path, output.path, overwrite);
    if (!writable) existing.push_back(std::move(writable.error().front()));
  }
  if (!existing.empty()) return !print_problems(existing, context);
  for (const OutputText& output : init.outputs) {
    auto written = write_output_file(cwd / output.path, output.path,
                                     output.text, overwrite);
    if (!written) return !print_problems(written.error(), context);
    context.out << "wrote " << output.path << '\n';
  }
  return true;
}

// Validates the site with the fmkit.yaml just written, as `fmkit validate`
// does; returns the counts, or std::nullopt when it could not run.
std::optional<Summary> validate_site(CommandContext& context) {
  const CliEnvironment& environment = context.environment;
  auto config = load_config(k_config_file_name, environment.cwd);
  if (!config) return print_problems(config.error(), context), std::nullopt;
  SchemaRegistry registry(read_whole_file);
  auto plan =
      plan_with_config(*config, {}, environment.cwd, registry, PlanOptions{});
  if (!plan) return print_problems(plan.error(), context), std::nullopt;
  Summary summary;
  for (const FileResult& result : run_validate(*plan, RunOptions{})) {
    summary.add(result.report);
  }
  return summary;
}

void print_mistakes(const SiteInit& init, const InitArguments& args,
                    CommandContext& context) {
  uint64_t outliers = 0;
  for (const InitCollection& collection : init.collections) {
    outliers += collection.run.outliers;
  }
  if (outliers == 0) {
    context.out << "\nno likely mistakes found\n";
    return;
  }
  context.out << "\nlikely mistakes (" << outliers
              << "): values that break their field's shape\n";
  TextOptions options;
  options.color = decide_color(args.color, context.environment.out_is_terminal,
                               context.environment);
  for (const InitCollection& collection : init.collections) {
    for (const FileReport& report : collection.run.reports) {
      FileReport outliers_only = report;
      std::erase_if(outliers_only.diagnostics, [](const Diagnostic& d) {
        return d.rule != "infer.outlier";
      });
      if (!outliers_only.diagnostics.empty()) {
        render_text_file(outliers_only, options, context.out);
      }
    }
  }
}

}  // namespace

int init_command(int argc, const char* const* argv, CommandContext& context) {
  InitArguments args;
  CLI::App app{
      "Set fmkit up on an existing site: find its collections, infer a "
      "schema for each, write fmkit.yaml and check the site.",
      "fmkit init"};
  use_fmkit_error_style(app);
  app.add_flag("-n,--dry-run", args.dry_run,
               "Print the files init would write, and write nothing");
  app.add_flag("--force", args.force,
               "Replace fmkit.yaml and schemas/*.schema.json if they exist");
  add_jobs_option(app, args.jobs);
  add_color_option(app, args.color);
  add_threshold_options(app, args.infer);
  app.footer(help_examples("init"));
  if (auto code = parse_arguments(app, argc, argv, context)) return *code;

  Problems problems;
  SiteInitOptions options;
  options.infer = args.infer;
  options.jobs = static_cast<size_t>(args.jobs);
  SiteInit init =
      plan_site_init(context.environment.cwd, ".", options, problems);
  if (print_problems(problems, context)) return k_exit_error;
  if (init.collections.empty()) {
    print_error(context.err,
                "no Markdown file with front matter here: run 'fmkit init' "
                "in the site's folder");
    return k_exit_error;
  }
  print_plan(init, context.out);
  if (args.dry_run) {
    for (const OutputText& output : init.outputs) {
      context.out << "\nwould write " << output.path << ":\n" << output.text;
    }
    print_mistakes(init, args, context);
    context.out << "\nnothing written (--dry-run); run 'fmkit init' to "
                   "write these files\n";
    return k_exit_clean;
  }
  if (!write_outputs(init, args, context)) return k_exit_error;
  print_mistakes(init, args, context);
  std::optional<Summary> summary = validate_site(context);
  if (!summary) return k_exit_error;
  context.out << "\nfmkit validate: " << format_summary(*summary) << '\n'
              << "next: run 'fmkit validate' to see each finding; fix the "
                 "files, or the schemas where a value is meant\n";
  context.out.flush();
  return k_exit_clean;
}

}  // namespace fmkit
