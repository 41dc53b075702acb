// SPDX-License-Identifier: MIT
#include "run/rules_runner.hpp"

#include "run/file_reader.hpp"

#include <string>
#include <unordered_set>
#include <utility>

namespace fmkit {

void add_context_values(const Config& config, const Plan& plan,
                        const PlanOptions& options,
                        const std::filesystem::path& cwd,
                        const SiteRules& rules, const RunOptions& run,
                        RuleChecker& checker) {
  PlanOptions whole = options;
  whole.selection.reset();
  whole.shard.reset();
  Plan site = plan_config_files(config, cwd, whole);
  std::unordered_set<std::string> checked;
  checked.reserve(plan.jobs.size());
  for (const FileJob& job : plan.jobs) checked.insert(job.path());
  Plan context;
  context.folder = plan.folder;
  context.collections = plan.collections;
  for (FileJob& job : site.jobs) {
    if (job.collection == k_no_collection || !rules.involves(job.collection) ||
        checked.contains(job.path())) {
      continue;
    }
    job.diagnostics.clear();
    context.jobs.push_back(std::move(job));
  }
  RunOptions values_only = run;
  values_only.values_only = true;
  run_validate(context, values_only, [&](FileResult&& result) {
    const FileJob& job = context.jobs[result.job];
    checker.add(result.job, job.display(), job.collection,
                std::move(result.rule_values), true);
  });
}

FileReport rule_report(const FileJob& job,
                       std::vector<Diagnostic> diagnostics) {
  FileReport report{std::string(job.display()), "", std::move(diagnostics)};
  if (auto read = read_front_matter(job.path(), ReadOptions{})) {
    report.text = std::move(read->text);
  }
  return report;
}

}  // namespace fmkit
