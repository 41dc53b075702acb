// SPDX-License-Identifier: MIT
#include "run/migrate_runner.hpp"

#include "edit/unified_diff.hpp"
#include "run/atomic_file.hpp"

#include <algorithm>
#include <atomic>
#include <set>
#include <system_error>
#include <thread>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

// Calls `fn(i)` for i in [0, count) on up to `jobs` threads (0: one per
// hardware thread); one thread means the calling thread does it all.
template <typename Fn>
void parallel_for(size_t count, size_t jobs, Fn fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min(jobs, count);
  if (jobs <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (size_t t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) fn(i);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

// Returns `text` up to the end of the last line a span of `diagnostics`
// reaches: what a renderer quotes ("" when there are none).
std::string quoted_part(std::string_view text,
                        const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return "";
  size_t end = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.span.valid()) end = std::max(end, d.span.end.offset);
  }
  size_t line_end = text.find('\n', std::min(end, text.size()));
  return std::string(
      text.substr(0, line_end == std::string_view::npos ? text.size()
                                                        : line_end + 1));
}

std::string relative_of(const MigrateFile& file) {
  return file.relative.empty() ? file.display : file.relative;
}

}  // namespace

Expected<MigrationChain> load_migrations(const MigrationSettings& settings) {
  std::string shown =
      settings.display.empty() ? settings.folder.string() : settings.display;
  ChainOptions chain_options{settings.initial_version};
  std::error_code ec;
  if (!fs::exists(settings.folder, ec)) return load_chain({}, chain_options);
  std::vector<std::pair<std::string, fs::path>> names;
  for (fs::directory_iterator it(settings.folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (is_migration_file_name(name)) names.emplace_back(name, it->path());
  }
  if (ec) return unexpected(shown + ": " + ec.message());
  std::sort(names.begin(), names.end());
  std::vector<MigrationFile> files;
  for (const auto& [name, path] : names) {
    std::string display = (fs::path(shown) / name).generic_string();
    Expected<FileSnapshot> read = read_file_snapshot(path);
    if (!read) return unexpected(display + ": " + read.error());
    files.push_back({display, std::move(read->content)});
  }
  return load_chain(files, chain_options);
}

std::optional<fs::path> target_schema_path(const MigrationChain& chain,
                                           int target,
                                           const fs::path& folder) {
  std::optional<fs::path> out;
  for (const Migration& migration : chain.migrations) {
    if (migration.version > target) break;
    if (migration.schema) out = (folder / *migration.schema).lexically_normal();
  }
  return out;
}

MigrateRun run_migrate(const std::vector<MigrateFile>& files,
                       const MigrationChain& chain,
                       const MigrateRunOptions& options) {
  MigrateRun run;
  run.files.resize(files.size());
  std::vector<FileSnapshot> snapshots(files.size());
  parallel_for(files.size(), options.jobs, [&](size_t i) {
    const MigrateFile& file = files[i];
    FileMigration& out = run.files[i];
    out.display = file.display;
    Expected<FileSnapshot> read = read_file_snapshot(file.path);
    if (!read) {
      out.error = read.error();
      out.plan.status = PlanStatus::failed;
      return;
    }
    MigrateOptions plan_options;
    plan_options.version = options.version;
    plan_options.to = options.to;
    plan_options.path = relative_of(file);
    plan_options.default_style = options.default_style;
    plan_options.schema = options.schema;
    out.plan = plan_document(read->content, chain, plan_options);
    if (out.plan.changed) {
      out.diff = unified_diff(read->content, out.plan.text,
                              "a/" + file.display, "b/" + file.display);
      // Refuse at planning time what the write would refuse, so a dry run
      // reports it too.
      if (read->symlink) {
        out.error = "is a symbolic link; fmkit does not write through links";
      } else if (read->links > 1) {
        out.error = "has " + std::to_string(read->links) +
                    " hard links; replacing it would split them";
      }
    }
    if (!out.plan.diagnostics.empty()) {
      out.original = quoted_part(read->content, out.plan.diagnostics);
    }
    // Keep only what the report and the write need: a run over 100k files
    // must not hold every file's text twice.
    // (Assigning an empty string keeps the capacity; swapping frees it.)
    std::string().swap(read->content);
    if (options.mode != MigrateMode::write || !out.plan.changed ||
        out.failed()) {
      std::string(quoted_part(out.plan.text, out.plan.schema_diagnostics))
          .swap(out.plan.text);
    }
    snapshots[i] = std::move(read).value();
  });

  // A symbolic link to a file that is migrated under its own name is left
  // to it: the link needs no write, and must not block the run.
  std::set<std::pair<dev_t, ino_t>> plain_files;
  for (size_t i = 0; i < files.size(); ++i) {
    if (run.files[i].error.empty() && !snapshots[i].symlink) {
      plain_files.emplace(snapshots[i].target_device,
                          snapshots[i].target_inode);
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    if (!snapshots[i].symlink ||
        !plain_files.contains(
            {snapshots[i].target_device, snapshots[i].target_inode})) {
      continue;
    }
    FileMigration& file = run.files[i];
    file = FileMigration{file.display, {}, "", "", "", false, true};
    file.plan.status = PlanStatus::skipped;
  }

  MigrateSummary& summary = run.summary;
  summary.files = files.size();
  for (const FileMigration& file : run.files) {
    if (file.link) {
      ++summary.links;
      continue;
    }
    if (file.failed()) {
      ++summary.failed;
      continue;
    }
    switch (file.plan.status) {
      case PlanStatus::up_to_date: ++summary.up_to_date; break;
      case PlanStatus::skipped: ++summary.skipped; break;
      case PlanStatus::migrated:
        ++summary.migrated;
        if (file.plan.changed) ++summary.changed;
        summary.deleted_values += file.plan.deleted_values;
        break;
      case PlanStatus::failed: break;
    }
  }
  if (options.mode != MigrateMode::write) return run;
  if (summary.failed > 0) {
    run.blocked = true;
    return run;
  }
  // All or nothing: check every file still holds what was planned before
  // the first write.
  std::vector<size_t> to_write;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!run.files[i].plan.changed) continue;
    Expected<FileSnapshot> now = read_file_snapshot(files[i].path);
    if (!now || now->size != snapshots[i].size ||
        now->digest != snapshots[i].digest ||
        now->inode != snapshots[i].inode || now->device != snapshots[i].device) {
      run.files[i].error = now ? "changed on disk since it was read"
                               : now.error();
      run.blocked = true;
    }
    to_write.push_back(i);
  }
  if (run.blocked) {
    summary.failed = static_cast<size_t>(std::count_if(
        run.files.begin(), run.files.end(),
        [](const FileMigration& f) { return f.failed(); }));
    return run;
  }
  for (size_t i : to_write) {
    Expected<void> written =
        write_file_atomically(files[i].path, run.files[i].plan.text,
                              snapshots[i]);
    if (written) {
      run.files[i].written = true;
      ++summary.written;
    } else {
      run.files[i].error = written.error();
      run.write_errors = true;
      ++summary.failed;
    }
  }
  return run;
}

MigrationStatus migrate_status(const std::vector<MigrateFile>& files,
                               const MigrationChain& chain,
                               const MigrateRunOptions& options) {
  struct Result {
    DocumentVersion version;
    std::string error;
    std::string text;
  };
  std::vector<Result> results(files.size());
  parallel_for(files.size(), options.jobs, [&](size_t i) {
    Expected<FileSnapshot> read = read_file_snapshot(files[i].path);
    if (!read) {
      results[i].error = read.error();
      return;
    }
    results[i].version =
        read_document_version(read->content, chain, options.version);
    if (!results[i].version.diagnostics.empty()) {
      results[i].text = std::move(read->content);
    }
  });
  MigrationStatus status;
  int target = options.to.value_or(chain.latest_version());
  for (size_t i = 0; i < files.size(); ++i) {
    Result& result = results[i];
    if (result.error.empty() && !result.version.has_front_matter) {
      ++status.skipped;
      continue;
    }
    if (!result.error.empty() || !result.version.version) {
      FileMigration problem;
      problem.display = files[i].display;
      problem.error = result.error;
      problem.original = std::move(result.text);
      problem.plan.status = PlanStatus::failed;
      problem.plan.diagnostics = std::move(result.version.diagnostics);
      status.problems.push_back(std::move(problem));
      continue;
    }
    int version = *result.version.version;
    ++status.files_per_version[version];
    if (version < target) ++status.behind;
    for (const Migration& migration : chain.migrations) {
      if (migration.version > version && migration.version <= target) {
        ++status.pending[migration.version];
      }
    }
  }
  return status;
}

Expected<fs::path> create_migration(const MigrationSettings& settings,
                                    const MigrationChain& chain,
                                    std::string_view name) {
  Expected<NewMigration> scaffold = scaffold_migration(chain, name);
  if (!scaffold) return unexpected(scaffold.error());
  std::error_code ec;
  fs::create_directories(settings.folder, ec);
  if (ec) {
    return unexpected((settings.display.empty() ? settings.folder.string()
                                                : settings.display) +
                      ": " + ec.message());
  }
  fs::path path = settings.folder / scaffold->file_name;
  Expected<void> created = create_file_atomically(path, scaffold->text);
  if (!created) return unexpected(path.string() + ": " + created.error());
  return path;
}

}  // namespace fmkit
