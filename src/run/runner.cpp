// SPDX-License-Identifier: MIT
#include "run/runner.hpp"

#include "base/source_span.hpp"
#include "document/document.hpp"
#include "run/file_reader.hpp"
#include "run/thread_pool.hpp"
#include "schema/validator.hpp"

#include <memory>
#include <unordered_map>
#include <utility>

namespace fmkit {

namespace {

// Adds the error without a position that ends a file's report when it
// could not be checked.
void fail(FileResult& result, std::string rule, std::string message) {
  result.failed = true;
  result.report.diagnostics.push_back(
      Diagnostic{Severity::error, std::move(rule), std::move(message), "", {}});
}

// One thread's state: a Validator per schema, made on first use.
class Worker {
 public:
  Worker(const Plan& plan, const RunOptions& options)
      : m_plan(plan), m_options(options) {}

  FileResult run(const FileJob& job) {
    FileResult result;
    result.report.path = job.display;
    result.report.diagnostics = job.diagnostics;
    if (job.collection != k_no_collection) validate(job, result);
    return result;
  }

 private:
  void validate(const FileJob& job, FileResult& result) {
    const Collection& collection = m_plan.collections[job.collection];
    ReadOptions read_options;
    read_options.first_chunk = m_options.first_chunk;
    read_options.max_front_matter_bytes = collection.document.yaml.max_bytes;
    auto read = read_front_matter(job.path, read_options);
    if (!read) {
      fail(result, "io", read.error());
      return;
    }
    std::vector<Diagnostic>& diagnostics = result.report.diagnostics;
    {
      LineIndex lines(read->text);
      Document document = read_front_matter_document(
          *read, lines, collection.document, diagnostics);
      const std::shared_ptr<const CompiledSchema>* schema =
          document.usable ? collection.schema_for(document, lines, diagnostics)
                          : nullptr;
      if (schema != nullptr) {
        auto [it, added] = m_validators.try_emplace(schema->get(), *schema);
        it->second.validate(document, lines, diagnostics);
      }
    }
    sort_diagnostics(diagnostics);
    if (!diagnostics.empty()) result.report.text = std::move(read->text);
  }

  const Plan& m_plan;
  const RunOptions& m_options;
  std::unordered_map<const CompiledSchema*, Validator> m_validators;
};

}  // namespace

void run_validate(const Plan& plan, const RunOptions& options,
                  const std::function<void(FileResult&&)>& sink) {
  for_each_ordered(
      plan.jobs.size(), options.jobs, [&] { return Worker(plan, options); },
      [&](Worker& worker, size_t i) { return worker.run(plan.jobs[i]); },
      [&](size_t i, const std::string& what) {
        // A bug in one file's handling must not take the run down.
        FileResult result;
        result.report.path = plan.jobs[i].display;
        fail(result, "internal", "internal error: " + what);
        return result;
      },
      sink);
}

std::vector<FileResult> run_validate(const Plan& plan,
                                     const RunOptions& options) {
  std::vector<FileResult> results;
  results.reserve(plan.jobs.size());
  run_validate(plan, options, [&results](FileResult&& result) {
    results.push_back(std::move(result));
  });
  return results;
}

}  // namespace fmkit
