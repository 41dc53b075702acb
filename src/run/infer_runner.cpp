// SPDX-License-Identifier: MIT
#include "run/infer_runner.hpp"

#include "run/file_reader.hpp"
#include "run/thread_pool.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace fmkit {

namespace {

// One file read: its text, lines and document.
struct ReadFile {
  FrontMatterText read;
  std::unique_ptr<LineIndex> lines;  // over read.text, which must not move
  Document document;
  std::vector<Diagnostic> errors;
  bool io_failed = false;
  size_t index = 0;
};

ReadFile read_one(const InferFile& file, const DocumentOptions& options) {
  ReadFile result;
  ReadOptions read_options;
  read_options.max_front_matter_bytes = options.yaml.max_bytes;
  auto read = read_front_matter(file.path(), read_options);
  if (!read) {
    result.io_failed = true;
    result.errors.push_back(
        Diagnostic{Severity::error, "io", read.error(), "", {}});
    return result;
  }
  result.read = std::move(*read);
  result.lines = std::make_unique<LineIndex>(result.read.text);
  DocumentOptions lenient = options;
  lenient.require_front_matter = RequireFrontMatter::no;
  std::vector<Diagnostic> diagnostics;
  result.document = read_front_matter_document(result.read, *result.lines,
                                               lenient, diagnostics);
  for (Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) result.errors.push_back(std::move(d));
  }
  sort_diagnostics(result.errors);
  return result;
}

bool has_front_matter(const ReadFile& file) {
  return file.document.front_matter.status != FrontMatterStatus::missing;
}

FileReport report_of(const InferFile& file, ReadFile& read,
                     std::vector<Diagnostic> diagnostics) {
  FileReport report;
  report.path = file.display();
  report.text = std::move(read.read.text);
  report.diagnostics = std::move(diagnostics);
  return report;
}

struct NoWorker {};

// Reads `files[i]` on the pool and hands each result on in file order.
template <typename Sink>
void read_all(const std::vector<InferFile>& files,
              const InferRunOptions& options, Sink sink) {
  for_each_ordered(
      files.size(), pool_threads(options.jobs, files.size()),
      [] { return NoWorker{}; },
      [&](NoWorker&, size_t i) {
        ReadFile read = read_one(files[i], options.document);
        read.index = i;
        return read;
      },
      [&](size_t i, std::string what) {
        ReadFile failed;
        failed.index = i;
        failed.io_failed = true;
        failed.errors.push_back(
            Diagnostic{Severity::error, "internal", std::move(what), "", {}});
        return failed;
      },
      sink);
}

}  // namespace

InferRun run_infer(const std::vector<InferFile>& files,
                   const InferRunOptions& options) {
  InferRun run;
  run.files = files.size();
  // The errors of the first pass, by file; merged with the second's.
  std::vector<std::optional<FileReport>> errors(files.size());
  std::vector<bool> counted(files.size(), false);
  SchemaInference inference(options.infer);
  read_all(files, options, [&](ReadFile&& read) {
    size_t i = read.index;
    run.failed = run.failed || read.io_failed;
    if (!read.errors.empty()) {
      ++run.unreadable;
      errors[i] = report_of(files[i], read, std::move(read.errors));
    } else if (!has_front_matter(read)) {
      ++run.without_front_matter;
    } else {
      inference.add(read.document);
      counted[i] = true;
    }
  });
  run.inferred = inference.finish();
  std::vector<std::optional<FileReport>> outliers(files.size());
  read_all(files, options, [&](ReadFile&& read) {
    size_t i = read.index;
    // A file that changed between the passes is judged as it is now.
    if (!counted[i] || !read.errors.empty()) return;
    std::vector<Diagnostic> found =
        find_outliers(run.inferred, read.document, *read.lines);
    if (found.empty()) return;
    run.outliers += found.size();
    outliers[i] = report_of(files[i], read, std::move(found));
  });
  for (size_t i = 0; i < files.size(); ++i) {
    if (errors[i]) run.reports.push_back(std::move(*errors[i]));
    if (outliers[i]) run.reports.push_back(std::move(*outliers[i]));
  }
  return run;
}

}  // namespace fmkit
