// SPDX-License-Identifier: MIT
#include "run/migrate_report.hpp"

#include "base/describe.hpp"
#include "report/json_renderer.hpp"
#include "report/summary.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace fmkit {

namespace {

using ojson = nlohmann::ordered_json;

// The problems of `file` as FileReports: those of the file as read, then
// the schema's on the migrated text. Drops the "no front matter" warning
// when the collection does not require front matter.
std::vector<FileReport> problem_reports(const FileMigration& file,
                                        RequireFrontMatter require) {
  std::vector<FileReport> reports;
  FileReport read{file.display, file.original, {}};
  for (const Diagnostic& d : file.plan.diagnostics) {
    if (require == RequireFrontMatter::no &&
        d.rule == "migrate.no-front-matter") {
      continue;
    }
    read.diagnostics.push_back(d);
  }
  if (!file.error.empty()) {
    read.diagnostics.push_back(Diagnostic{Severity::error,
                                          file.unreadable ? "io" : "migrate.io",
                                          file.error,
                                          "",
                                          {}});
  }
  if (!read.diagnostics.empty()) reports.push_back(std::move(read));
  if (!file.plan.schema_diagnostics.empty()) {
    reports.push_back({file.display + " (migrated)", file.plan.text,
                       file.plan.schema_diagnostics});
  }
  return reports;
}

RequireFrontMatter require_of(const MigrateSession& session,
                              const MigrateGroup& group) {
  return session.collection(group).document.require_front_matter;
}

std::string_view status_name(const FileMigration& file) {
  if (file.link) return "link";
  if (file.failed()) return "failed";
  switch (file.plan.status) {
    case PlanStatus::up_to_date:
      return "up-to-date";
    case PlanStatus::migrated:
      return "migrated";
    case PlanStatus::skipped:
      return "skipped";
    case PlanStatus::failed:
      return "failed";
  }
  return "failed";
}

std::string_view mode_name(MigrateMode mode) {
  switch (mode) {
    case MigrateMode::dry_run:
      return "dry-run";
    case MigrateMode::write:
      return "write";
    case MigrateMode::check:
      return "check";
  }
  return "dry-run";
}

std::string format_summary_line(std::string_view name, const MigrateSummary& s,
                                int target) {
  std::string line = std::string(name) + ": " + count_noun(s.files, "file") +
                     ", " + std::to_string(s.migrated) +
                     " to migrate to version " + std::to_string(target) + ", " +
                     std::to_string(s.up_to_date) + " up to date";
  if (s.skipped > 0) {
    line += ", " + std::to_string(s.skipped) + " without front matter";
  }
  if (s.links > 0) {
    line += ", " + count_noun(s.links, "link") + " to migrated files";
  }
  line += ", " + std::to_string(s.failed) + " failed";
  if (s.deleted_values > 0) {
    line += ", " + count_noun(s.deleted_values, "value") + " deleted";
  }
  return line;
}

std::string format_check_outcome(const MigrateRun& run, size_t behind,
                                 int target) {
  if (behind > 0) {
    return count_noun(behind, "file") + " behind version " +
           std::to_string(target) + "; run 'fmkit migrate' to see the changes";
  }
  return run.summary.failed > 0
             ? ""
             : "every file is at version " + std::to_string(target);
}

// The line after the summary: what happened, or what to do.
std::string format_outcome(const MigrateRun& run, MigrateMode mode,
                           size_t behind, int target) {
  const MigrateSummary& s = run.summary;
  switch (mode) {
    case MigrateMode::check:
      return format_check_outcome(run, behind, target);
    case MigrateMode::write:
      if (run.blocked) {
        return "nothing written: " + count_noun(s.failed, "file") +
               " cannot be migrated";
      }
      if (run.io_errors) {
        return "wrote " + count_noun(s.written, "file") + "; " +
               count_noun(s.failed, "file") +
               " could not be written (see above)";
      }
      return "wrote " + count_noun(s.written, "file");
    case MigrateMode::dry_run:
      if (s.failed > 0) {
        return "dry run: " + count_noun(s.failed, "file") +
               " cannot be migrated; --write would write nothing";
      }
      if (s.changed > 0) {
        return "dry run: nothing written; run 'fmkit migrate --write' to "
               "apply";
      }
      return "";
  }
  return "";
}

ojson diagnostics_json(const std::vector<FileReport>& reports) {
  ojson out = ojson::array();
  for (const FileReport& report : reports) {
    for (const Diagnostic& d : report.diagnostics) {
      out.push_back(diagnostic_to_json(report.path, d));
    }
  }
  return out;
}

ojson file_json(const FileMigration& file, RequireFrontMatter require) {
  return ojson{
      {"file", file.display},
      {"status", status_name(file)},
      {"from_version", file.plan.from_version},
      {"to_version", file.plan.to_version},
      {"applied", file.plan.applied},
      {"changed", file.plan.changed},
      {"deleted_values", file.plan.deleted_values},
      {"written", file.written},
      {"diff", file.diff},
      {"diagnostics", diagnostics_json(problem_reports(file, require))},
  };
}

}  // namespace

bool is_behind(const FileMigration& file) {
  return !file.failed() && file.plan.status == PlanStatus::migrated;
}

bool print_migrate_file(const MigrateSession& session,
                        const MigrateGroup& group, const FileMigration& file,
                        MigrateMode mode, const TextOptions& text,
                        std::ostream& out) {
  const bool behind = is_behind(file);
  if (behind && mode == MigrateMode::check) {
    out << file.display << ": at version " << file.plan.from_version
        << ", behind version " << group.target << '\n';
  }
  if (mode == MigrateMode::dry_run || file.failed()) {
    render_diff(file.diff, text.color, out);
  }
  for (const FileReport& report :
       problem_reports(file, require_of(session, group))) {
    render_text_file(report, text, out);
  }
  return behind;
}

void print_migrate_end(const MigrateSession& session, const MigrateGroup& group,
                       const MigrateRun& run, MigrateMode mode, size_t behind,
                       std::ostream& out) {
  out << format_summary_line(session.collection(group).name, run.summary,
                             group.target)
      << '\n';
  if (std::string outcome = format_outcome(run, mode, behind, group.target);
      !outcome.empty()) {
    out << outcome << '\n';
  }
}

ojson migrate_json(const MigrateSession& session, const MigrateGroup& group,
                   const MigrateRun& run) {
  const MigrateSummary& s = run.summary;
  ojson files = ojson::array();
  for (const FileMigration& file : run.files) {
    files.push_back(file_json(file, require_of(session, group)));
  }
  return ojson{
      {"name", session.collection(group).name},
      {"target_version", group.target},
      {"summary",
       {{"files", s.files},
        {"migrated", s.migrated},
        {"changed", s.changed},
        {"up_to_date", s.up_to_date},
        {"skipped", s.skipped},
        {"links", s.links},
        {"failed", s.failed},
        {"deleted_values", s.deleted_values},
        {"written", s.written},
        {"blocked", run.blocked}}},
      {"files", std::move(files)},
  };
}

ojson migrate_run_json(MigrateMode mode, std::vector<ojson> collections,
                       const std::vector<FileReport>& outside) {
  return ojson{
      {"version", 1},
      {"mode", mode_name(mode)},
      {"collections", std::move(collections)},
      {"diagnostics", diagnostics_json(outside)},
  };
}

void print_status_text(const MigrateSession& session, const MigrateGroup& group,
                       const MigrationStatus& status, const TextOptions& text,
                       std::ostream& out) {
  for (const FileMigration& problem : status.problems) {
    for (const FileReport& report :
         problem_reports(problem, RequireFrontMatter::yes)) {
      render_text_file(report, text, out);
    }
  }
  const Migrations& migrations = session.migrations(group);
  out << session.collection(group).name << ": versions "
      << migrations.chain.initial_version << " to "
      << migrations.chain.latest_version() << " (key '"
      << migrations.settings.version_key << "', migrations in "
      << migrations.settings.display << ")\n";
  for (const auto& [version, files] : status.files_per_version) {
    out << "  version " << version << ": " << count_noun(files, "file") << '\n';
  }
  if (status.skipped > 0) {
    out << "  without front matter: " << count_noun(status.skipped, "file")
        << '\n';
  }
  if (status.behind == 0) {
    out << "  every file is at version " << group.target << '\n';
    return;
  }
  out << "  " << count_noun(status.behind, "file") << " behind version "
      << group.target << "; pending:\n";
  for (const auto& [version, files] : status.pending) {
    const Migration* migration = migrations.chain.find(version);
    out << "    " << version << "  " << migration->description << " ("
        << count_noun(files, "file") << ")\n";
  }
}

ojson status_json(const MigrateSession& session, const MigrateGroup& group,
                  const MigrationStatus& status) {
  const Migrations& migrations = session.migrations(group);
  ojson per_version = ojson::object();
  for (const auto& [version, files] : status.files_per_version) {
    per_version[std::to_string(version)] = files;
  }
  ojson pending = ojson::array();
  for (const auto& [version, files] : status.pending) {
    pending.push_back(
        {{"version", version},
         {"description", migrations.chain.find(version)->description},
         {"files", files}});
  }
  std::vector<FileReport> problems;
  for (const FileMigration& file : status.problems) {
    for (FileReport& report : problem_reports(file, RequireFrontMatter::yes)) {
      problems.push_back(std::move(report));
    }
  }
  return ojson{
      {"name", session.collection(group).name},
      {"initial_version", migrations.chain.initial_version},
      {"latest_version", migrations.chain.latest_version()},
      {"target_version", group.target},
      {"files_per_version", std::move(per_version)},
      {"behind", status.behind},
      {"skipped", status.skipped},
      {"pending", std::move(pending)},
      {"problems", diagnostics_json(problems)},
  };
}

void write_json(const ojson& json, std::ostream& out) {
  out << json.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

}  // namespace fmkit
