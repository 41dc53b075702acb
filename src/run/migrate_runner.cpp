// SPDX-License-Identifier: MIT
#include "run/migrate_runner.hpp"

#include "edit/unified_diff.hpp"
#include "run/atomic_file.hpp"
#include "run/thread_pool.hpp"

#include <algorithm>
#include <set>
#include <sys/stat.h>
#include <system_error>

namespace fmkit {
namespace {

namespace fs = std::filesystem;

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
  return std::string(text.substr(
      0, line_end == std::string_view::npos ? text.size() : line_end + 1));
}

std::string relative_of(const MigrateFile& file) {
  return file.relative.empty() ? std::string(file.display()) : file.relative;
}

}  // namespace

namespace {

// One file planned: its report and what the write needs.
struct Planned {
  FileMigration migration;
  FileSnapshot snapshot;
};

// Cuts the new text of `file` after the last line its schema diagnostics
// quote: a write then plans the file again.
void drop_new_text(FileMigration& file) {
  std::string(quoted_part(file.plan.text, file.plan.schema_diagnostics))
      .swap(file.plan.text);
  file.holds_new_text = false;
}

MigrateOptions plan_options(const MigrateFile& file,
                            const MigrateRunOptions& options) {
  MigrateOptions plan;
  plan.version = options.version;
  plan.to = options.to;
  plan.path = relative_of(file);
  plan.default_style = options.default_style;
  plan.schema = options.schema;
  return plan;
}

Planned plan_file(const MigrateFile& file, const MigrationChain& chain,
                  const MigrateRunOptions& options) {
  Planned planned;
  FileMigration& out = planned.migration;
  out.display = file.display();
  Expected<FileSnapshot> read = read_file_snapshot(file.path());
  if (!read) {
    out.error = read.error();
    out.unreadable = true;
    out.plan.status = PlanStatus::failed;
    return planned;
  }
  out.plan = plan_document(read->content, chain, plan_options(file, options));
  out.new_digest = content_digest(out.plan.text);
  if (out.plan.changed) {
    // Refuse at planning time what the write would refuse, so a dry run
    // reports it too.
    if (read->symlink) {
      out.error = "is a symbolic link; fmkit does not write through links";
    } else if (read->links > 1) {
      out.error = "has " + std::to_string(read->links) +
                  " hard links; replacing it would split them";
    }
    if (options.keep_diffs || out.failed()) {
      out.diff = unified_diff(read->content, out.plan.text,
                              "a/" + std::string(file.display()),
                              "b/" + std::string(file.display()));
    }
  }
  if (!out.plan.diagnostics.empty()) {
    out.original = quoted_part(read->content, out.plan.diagnostics);
  }
  // Keep only what the report and the write need: a run over 100k files
  // must not hold every file's text. Assigning an empty string keeps the
  // capacity; swapping frees it.
  std::string().swap(read->content);
  out.holds_new_text =
      options.mode == MigrateMode::write && out.plan.changed && !out.failed();
  if (!out.holds_new_text) drop_new_text(out);
  planned.snapshot = std::move(read).value();
  return planned;
}

// Which of `files` are symbolic links to another of them that is no link:
// left to it (the link needs no write, and must not block the run).
// Decided before planning, from lstat and stat, so that a run can report
// each file as it is planned.
std::vector<bool> links_to_run_files(const std::vector<MigrateFile>& files) {
  std::vector<bool> left(files.size());
  std::set<std::pair<dev_t, ino_t>> plain;
  std::vector<std::pair<size_t, std::pair<dev_t, ino_t>>> links;
  for (size_t i = 0; i < files.size(); ++i) {
    struct stat own {};
    if (::lstat(files[i].path().c_str(), &own) != 0) continue;
    if (!S_ISLNK(own.st_mode)) {
      plain.emplace(own.st_dev, own.st_ino);
      continue;
    }
    struct stat target {};
    if (::stat(files[i].path().c_str(), &target) == 0) {
      links.push_back({i, {target.st_dev, target.st_ino}});
    }
  }
  for (const auto& [i, target] : links) left[i] = plain.contains(target);
  return left;
}

FileMigration link_migration(const MigrateFile& file) {
  FileMigration link;
  link.display = file.display();
  link.link = true;
  link.plan.status = PlanStatus::skipped;
  return link;
}

void add_to_summary(MigrateSummary& summary, const FileMigration& file) {
  ++summary.files;
  if (file.link) {
    ++summary.links;
  } else if (file.failed()) {
    ++summary.failed;
  } else if (file.plan.status == PlanStatus::up_to_date) {
    ++summary.up_to_date;
  } else if (file.plan.status == PlanStatus::skipped) {
    ++summary.skipped;
  } else if (file.plan.status == PlanStatus::migrated) {
    ++summary.migrated;
    if (file.plan.changed) ++summary.changed;
    summary.deleted_values += file.plan.deleted_values;
  }
}

std::string internal_error(const std::string& what) {
  return "internal error: " + what;
}

// Writes `file`, read as `snapshot` and planned to a text of digest
// `digest`: reads it again (it must not have changed), plans it again (the
// plan is a pure function of the text) and writes the new text.
Expected<void> write_planned(const MigrateFile& file,
                             const FileSnapshot& snapshot, size_t digest,
                             const MigrationChain& chain,
                             const MigrateRunOptions& options) {
  Expected<FileSnapshot> now = read_file_snapshot(file.path());
  if (!now) return unexpected(now.error());
  if (now->size != snapshot.size || now->digest != snapshot.digest) {
    return unexpected("changed on disk since it was read");
  }
  DocumentPlan again =
      plan_document(now->content, chain, plan_options(file, options));
  if (content_digest(again.text) != digest) {
    return unexpected(internal_error("the second plan differs from the first"));
  }
  return write_file_atomically(file.path(), again.text, snapshot,
                               FolderSync::later);
}

// All or nothing: checks that every changed file still holds what was
// planned, then writes them all; with a file changed on disk, none.
void write_all(const std::vector<MigrateFile>& files,
               const std::vector<FileSnapshot>& snapshots,
               const MigrationChain& chain, const MigrateRunOptions& options,
               MigrateRun& run) {
  std::vector<size_t> to_write;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!run.files[i].plan.changed) continue;
    Expected<FileSnapshot> now = read_file_snapshot(files[i].path());
    if (!now || now->size != snapshots[i].size ||
        now->digest != snapshots[i].digest ||
        now->inode != snapshots[i].inode ||
        now->device != snapshots[i].device) {
      run.files[i].error =
          now ? "changed on disk since it was read" : now.error();
      run.blocked = true;
    }
    to_write.push_back(i);
  }
  MigrateSummary& summary = run.summary;
  if (run.blocked) {
    summary.failed = static_cast<size_t>(
        std::count_if(run.files.begin(), run.files.end(),
                      [](const FileMigration& f) { return f.failed(); }));
    return;
  }
  // Temporary files a killed run left beside these files go first.
  std::set<std::filesystem::path> folders;
  for (const MigrateFile& file : files) {
    folders.insert(fs::path(file.path()).parent_path());
  }
  for (const std::filesystem::path& folder : folders) {
    remove_stale_temporaries(folder.empty() ? "." : folder);
  }
  // Files are written on several threads (each write waits for its fsync);
  // each folder is synced once, after the renames into it.
  for_each_ordered(
      to_write.size(), options.jobs, [] { return 0; },
      [&](int, size_t k) {
        size_t i = to_write[k];
        const FileMigration& file = run.files[i];
        if (file.holds_new_text) {
          return write_file_atomically(files[i].path(), file.plan.text,
                                       snapshots[i], FolderSync::later);
        }
        return write_planned(files[i], snapshots[i], file.new_digest, chain,
                             options);
      },
      [](size_t, const std::string& what) -> Expected<void> {
        return unexpected(internal_error(what));
      },
      [&, k = size_t{0}](Expected<void>&& written) mutable {
        size_t i = to_write[k++];
        if (written) {
          run.files[i].written = true;
          ++summary.written;
        } else {
          run.files[i].error = written.error();
          run.io_errors = true;
          ++summary.failed;
        }
      });
  for (const std::filesystem::path& folder : folders) {
    Expected<void> synced = sync_folder(folder.empty() ? "." : folder);
    if (synced) continue;
    for (size_t i : to_write) {  // written, but not yet safe from a crash
      if (run.files[i].written &&
          fs::path(files[i].path()).parent_path() == folder) {
        run.files[i].error =
            "written, but its folder could not be synced: " + synced.error();
        run.io_errors = true;
      }
    }
  }
}

}  // namespace

MigrateRun run_migrate(const std::vector<MigrateFile>& files,
                       const MigrationChain& chain,
                       const MigrateRunOptions& options) {
  MigrateRun run;
  const bool stream = options.on_planned && options.mode != MigrateMode::write;
  if (!stream) run.files.reserve(files.size());
  std::vector<FileSnapshot> snapshots;
  if (!stream) snapshots.reserve(files.size());
  const std::vector<bool> links = links_to_run_files(files);
  for_each_ordered(
      files.size(), options.jobs, [] { return 0; },
      [&](int, size_t i) {
        return links[i] ? Planned{link_migration(files[i]), {}}
                        : plan_file(files[i], chain, options);
      },
      [&](size_t i, const std::string& what) {
        Planned failed;
        failed.migration.display = files[i].display();
        failed.migration.error = internal_error(what);
        failed.migration.plan.status = PlanStatus::failed;
        return failed;
      },
      [&, held = size_t{0}](Planned&& planned) mutable {
        FileMigration& file = planned.migration;
        add_to_summary(run.summary, file);
        run.io_errors = run.io_errors || file.unreadable;
        if (options.on_file) options.on_file();
        if (stream) {
          options.on_planned(file);
          return;
        }
        if (file.holds_new_text) {
          held += file.plan.text.size();
          if (held > options.new_text_budget) drop_new_text(file);
        }
        run.files.push_back(std::move(file));
        snapshots.push_back(std::move(planned.snapshot));
      });
  if (options.mode != MigrateMode::write) return run;
  if (run.summary.failed > 0) {
    run.blocked = true;
    return run;
  }
  write_all(files, snapshots, chain, options, run);
  return run;
}

namespace {

// One file's version, for `migrate status`.
struct VersionRead {
  DocumentVersion version;
  std::string error;
  std::string text;  // kept only when `version` has diagnostics to quote
};

VersionRead read_version(const MigrateFile& file, const MigrationChain& chain,
                         const MigrateRunOptions& options) {
  VersionRead result;
  Expected<FileSnapshot> read = read_file_snapshot(file.path());
  if (!read) {
    result.error = read.error();
    return result;
  }
  result.version = read_document_version(read->content, chain, options.version);
  if (!result.version.diagnostics.empty()) {
    result.text = std::move(read->content);
  }
  return result;
}

}  // namespace

MigrationStatus migrate_status(const std::vector<MigrateFile>& files,
                               const MigrationChain& chain,
                               const MigrateRunOptions& options) {
  MigrationStatus status;
  int target = options.to.value_or(chain.latest_version());
  size_t i = 0;
  for_each_ordered(
      files.size(), options.jobs, [] { return 0; },
      [&](int, size_t k) { return read_version(files[k], chain, options); },
      [&](size_t, const std::string& what) {
        VersionRead failed;
        failed.error = internal_error(what);
        return failed;
      },
      [&](VersionRead&& result) {
        const MigrateFile& file = files[i++];
        if (options.on_file) options.on_file();
        if (result.error.empty() && !result.version.has_front_matter) {
          ++status.skipped;
          return;
        }
        if (!result.error.empty() || !result.version.version) {
          FileMigration problem;
          problem.display = file.display();
          problem.error = std::move(result.error);
          problem.original = std::move(result.text);
          problem.plan.status = PlanStatus::failed;
          problem.plan.diagnostics = std::move(result.version.diagnostics);
          status.problems.push_back(std::move(problem));
          return;
        }
        int version = *result.version.version;
        ++status.files_per_version[version];
        if (version < target) ++status.behind;
        for (const Migration& migration : chain.migrations) {
          if (migration.version > version && migration.version <= target) {
            ++status.pending[migration.version];
          }
        }
      });
  return status;
}

Expected<fs::path, Problems> create_migration(const MigrationSettings& settings,
                                              const MigrationChain& chain,
                                              std::string_view name) {
  Expected<NewMigration> scaffold = scaffold_migration(chain, name);
  if (!scaffold) {
    return unexpected(
        problem_at_file("fmkit", "migrate.name", scaffold.error()));
  }
  std::string shown =
      settings.display.empty() ? settings.folder.string() : settings.display;
  std::error_code ec;
  fs::create_directories(settings.folder, ec);
  if (ec) return unexpected(problem_at_file(shown, "io", ec.message()));
  fs::path path = settings.folder / scaffold->file_name;
  Expected<void> created = create_file_atomically(path, scaffold->text);
  if (!created) {
    return unexpected(problem_at_file(
        (fs::path(shown) / scaffold->file_name).generic_string(), "io",
        created.error()));
  }
  return path;
}

}  // namespace fmkit
