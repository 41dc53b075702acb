// SPDX-License-Identifier: MIT
#include "run/runner.hpp"

#include "base/source_span.hpp"
#include "document/document.hpp"
#include "run/cache.hpp"
#include "run/file_reader.hpp"
#include "run/thread_pool.hpp"
#include "schema/validator.hpp"

#include <memory>
#include <optional>
#include <system_error>
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

// A file's result and, when it goes through the cache, its entry.
// Outside Checked: clang (14) cannot default-construct a nested class with
// member initializers through std::optional inside its enclosing class.
struct CacheRecord {
  std::string relative;
  Hash128 key;
  bool hit = false;
};

struct Checked {
  FileResult result;
  std::optional<CacheRecord> record;
};

// The name of the dialect of `fm`; "" when there is no front matter or
// fmkit cannot read its language (a front-matter.language error says so).
std::string_view dialect_of(const FrontMatter& fm) {
  if (fm.status == FrontMatterStatus::missing || fm.dialect == Dialect::other) {
    return "";
  }
  return dialect_name(fm.dialect);
}

// One thread's state: a Validator per schema, made on first use.
class Worker {
 public:
  Worker(const Plan& plan, const RunOptions& options)
      : m_plan(plan), m_options(options) {}

  Checked run(const FileJob& job, size_t index) {
    Checked checked;
    checked.result.job = index;
    checked.result.report.path = job.display();
    checked.result.report.diagnostics = job.diagnostics;
    if (job.collection != k_no_collection) validate(job, checked);
    return checked;
  }

 private:
  void validate(const FileJob& job, Checked& checked) {
    FileResult& result = checked.result;
    const Collection& collection = m_plan.collections[job.collection];
    ReadOptions read_options;
    read_options.first_chunk = m_options.first_chunk;
    read_options.max_front_matter_bytes = collection.document.yaml.max_bytes;
    auto read = read_front_matter(job.path(), read_options);
    if (!read) {
      fail(result, "io", read.error());
      return;
    }
    std::vector<Diagnostic>& diagnostics = result.report.diagnostics;
    const bool collects =
        m_options.rules != nullptr && m_options.rules->involves(job.collection);
    // Files with diagnostics from the plan are not cached: an entry holds
    // the diagnostics of reading and validating only.
    if (m_options.cache != nullptr && job.diagnostics.empty()) {
      const ResultCache& cache = *m_options.cache;
      auto& record = checked.record.emplace();
      record.relative = cache.relative(job.path());
      record.key = cache.key(job.collection, record.relative, *read);
      if (auto stored = cache.find(record.relative, record.key,
                                   collects ? &result.rule_values : nullptr)) {
        record.hit = true;
        // A split visits only the first byte of each line: cheap next to
        // the read.
        result.dialect = dialect_of(split_front_matter(
            read->text,
            read->whole_file ? TextEnd::complete : TextEnd::partial));
        diagnostics = std::move(*stored);
        if (!diagnostics.empty()) result.report.text = std::move(read->text);
        return;
      }
    }
    {
      LineIndex lines(read->text);
      Document document = read_front_matter_document(
          *read, lines, collection.document, diagnostics);
      result.dialect = dialect_of(document.front_matter);
      if (collects && document.usable) {
        m_options.rules->collect(job.collection, document, lines,
                                 result.rule_values);
      }
      if (m_options.values_only) return;
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

bool RunScope::covers(std::string_view path) const {
  for (const std::filesystem::path& folder : folders) {
    std::string_view prefix = folder.native();
    if (prefix == "/" || path == prefix) return true;
    if (path.size() > prefix.size() && path.starts_with(prefix) &&
        path[prefix.size()] == '/') {
      return true;
    }
  }
  return false;
}

RunScope run_scope(const std::vector<std::string>& paths,
                   const std::filesystem::path& cwd) {
  RunScope scope;
  if (paths.empty()) scope.folders.emplace_back("/");
  for (const std::string& path : paths) {
    std::filesystem::path folder = (cwd / path).lexically_normal();
    if (folder.has_parent_path() && !folder.has_filename()) {
      folder = folder.parent_path();  // "content/" -> "content"
    }
    std::error_code ec;
    if (std::filesystem::is_directory(folder, ec)) {
      scope.folders.push_back(std::move(folder));
    }
  }
  return scope;
}

void run_validate(const Plan& plan, const RunOptions& options,
                  const std::function<void(FileResult&&)>& sink) {
  for_each_ordered(
      plan.jobs.size(), options.jobs, [&] { return Worker(plan, options); },
      [&](Worker& worker, size_t i) { return worker.run(plan.jobs[i], i); },
      [&](size_t i, const std::string& what) {
        // A bug in one file's handling must not take the run down.
        Checked checked;
        checked.result.job = i;
        checked.result.report.path = plan.jobs[i].display();
        fail(checked.result, "internal", "internal error: " + what);
        return checked;
      },
      [&](Checked&& checked) {
        if (checked.record && !options.values_only) {
          const CacheRecord& record = *checked.record;
          if (record.hit) {
            options.cache->keep(record.relative);
          } else {
            options.cache->store(record.relative, record.key,
                                 checked.result.report.diagnostics,
                                 checked.result.rule_values);
          }
        }
        sink(std::move(checked.result));
      });
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
