// SPDX-License-Identifier: MIT
#include "run/runner.hpp"

#include "base/source_span.hpp"
#include "document/document.hpp"
#include "migrate/planner.hpp"
#include "run/file_reader.hpp"
#include "schema/validator.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

namespace fmkit {

namespace {

// Returns the schema of the version `document` declares, or nullptr after
// adding a migrate.version error.
const std::shared_ptr<const CompiledSchema>* schema_of_version(
    const VersionedSchemas& versions, const Document& document,
    const LineIndex& lines, std::vector<Diagnostic>& diagnostics) {
  Expected<int> version =
      document_version(document.data, versions.key, versions.chain);
  if (version) {
    return &versions.schemas[*version - versions.chain.initial_version];
  }
  Diagnostic d;
  d.rule = "migrate.version";
  d.message = version.error();
  d.pointer = versions.key.pointer();
  if (const NodeInfo* info = document.positions.find(d.pointer)) {
    d.span = lines.span(info->value_begin, info->value_end);
  }
  diagnostics.push_back(std::move(d));
  return nullptr;
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
    if (job.target == k_no_target) return result;
    try {
      validate(job, result);
    } catch (const std::exception& e) {
      // A bug in one file's handling must not take the run down.
      result.error = job.display + ": internal error: " + e.what();
    }
    return result;
  }

 private:
  void validate(const FileJob& job, FileResult& result) {
    const ValidationTarget& target = m_plan.targets[job.target];
    ReadOptions read_options;
    read_options.first_chunk = m_options.first_chunk;
    read_options.max_front_matter_bytes = target.document.yaml.max_bytes;
    auto read = read_front_matter(job.path, read_options);
    if (!read) {
      result.error = job.display + ": " + read.error();
      return;
    }
    std::vector<Diagnostic>& diagnostics = result.report.diagnostics;
    {
      LineIndex lines(read->text);
      Document document = read_front_matter_document(
          *read, lines, target.document, diagnostics);
      const std::shared_ptr<const CompiledSchema>* schema = &target.schema;
      if (document.usable && target.versions) {
        schema = schema_of_version(*target.versions, document, lines,
                                   diagnostics);
      }
      if (document.usable && schema) {
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
  const std::vector<FileJob>& jobs = plan.jobs;
  size_t threads =
      options.jobs != 0
          ? options.jobs
          : std::max<size_t>(1, std::thread::hardware_concurrency());
  threads = std::min(threads, jobs.size());
  if (threads <= 1) {
    Worker worker(plan, options);
    for (const FileJob& job : jobs) sink(worker.run(job));
    return;
  }

  // Workers fill slots in any order; this thread hands them to `sink` in
  // plan order, freeing each slot as it goes.
  // A pointer per file, not a FileResult: 8 bytes, not 120, per waiting
  // slot in a run over 100k files.
  std::vector<std::unique_ptr<FileResult>> slots(jobs.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<size_t> next{0};
  auto work = [&] {
    Worker worker(plan, options);
    for (size_t i = next++; i < jobs.size(); i = next++) {
      auto result = std::make_unique<FileResult>(worker.run(jobs[i]));
      {
        std::lock_guard lock(mutex);
        slots[i] = std::move(result);
      }
      ready.notify_one();
    }
  };
  // jthreads join on destruction, also if `sink` throws.
  std::vector<std::jthread> pool;
  pool.reserve(threads);
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
  for (size_t i = 0; i < jobs.size(); ++i) {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return slots[i] != nullptr; });
    std::unique_ptr<FileResult> result = std::move(slots[i]);
    lock.unlock();
    sink(std::move(*result));
  }
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
