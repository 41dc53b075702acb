// SPDX-License-Identifier: MIT
#include "cli/cli.hpp"

#include "base/spelling.hpp"
#include "cli/command.hpp"
#include "cli/dump_command.hpp"
#include "cli/help_examples.hpp"
#include "cli/infer_command.hpp"
#include "cli/init_command.hpp"
#include "cli/migrate_command.hpp"
#include "cli/schema_command.hpp"
#include "cli/validate_command.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fmkit {

namespace {

// The project's version, from CMakeLists.txt (src/CMakeLists.txt passes it).
constexpr std::string_view k_version = FMKIT_VERSION;

struct Command {
  std::string_view name;
  CommandFunction function;
  std::string_view summary;
};

// The subcommands, like ninja's kTools. A new command is a new row.
constexpr Command k_commands[] = {
    {"validate", validate_command,
     "check front matter against the schemas of fmkit.yaml or --schema"},
    {"migrate", migrate_command,
     "rewrite front matter with the collections' migrations (dry run "
     "first)"},
    {"init", init_command,
     "set fmkit up on an existing site: collections, schemas, fmkit.yaml"},
    {"infer", infer_command,
     "write the JSON Schema the files' front matter follows, and report "
     "likely mistakes"},
    {"dump", dump_command, "print a file's front matter as JSON"},
    {"schema", schema_command,
     "check JSON Schema files ('fmkit schema check FILE...')"},
};

void print_usage(std::ostream& out) {
  out << "usage: fmkit <command> [options]\n"
         "\n"
         "Validates the YAML front matter of Markdown files against JSON "
         "Schemas,\n"
         "and migrates it from one version of a schema to the next.\n"
         "\n"
         "commands:\n";
  for (const Command& command : k_commands) {
    out << "  " << command.name
        << std::string(10 - std::min<size_t>(command.name.size(), 9), ' ')
        << command.summary << '\n';
  }
  out << "\n"
         "Run 'fmkit <command> --help' for the options of a command.\n"
         "Exit codes: 0 no errors, 1 errors found, 2 usage, config, schema "
         "or I/O error.\n"
         "\n"
      << help_examples("") << '\n';
}

int dispatch(int argc, const char* const* argv, CommandContext& context) {
  if (argc < 2) {
    print_usage(context.err);
    return k_exit_error;
  }
  std::string_view name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    print_usage(context.out);
    return k_exit_clean;
  }
  if (name == "--version") {
    context.out << "fmkit " << k_version << '\n';
    return k_exit_clean;
  }
  for (const Command& command : k_commands) {
    if (command.name == name) {
      return command.function(argc - 1, argv + 1, context);
    }
  }
  if (name.starts_with('-')) {
    print_error(context.err, "unknown option '" + std::string(name) +
                                 "' (run 'fmkit --help' for usage)");
    return k_exit_error;
  }
  std::vector<std::string> names;
  for (const Command& command : k_commands) names.emplace_back(command.name);
  std::string message = "unknown command '" + std::string(name) + "'";
  if (std::string suggestion = did_you_mean(name, names); !suggestion.empty()) {
    message += suggestion;
  } else {
    message += " (commands:";
    for (size_t i = 0; i < names.size(); ++i) {
      message += (i == 0 ? " " : ", ") + names[i];
    }
    message += ")";
  }
  print_error(context.err, message);
  return k_exit_error;
}

}  // namespace

CliEnvironment CliEnvironment::from_process(const std::ostream& out,
                                            const std::ostream& err) {
  CliEnvironment environment;
  std::error_code ec;
  environment.cwd = std::filesystem::current_path(ec);
  if (ec) environment.cwd = "/";
  environment.out_is_terminal = &out == &std::cout && ::isatty(1) == 1;
  environment.err_is_terminal = &err == &std::cerr && ::isatty(2) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  environment.no_color = no_color != nullptr && *no_color != '\0';
  const char* cache_home = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (cache_home != nullptr && cache_home[0] == '/') {
    environment.cache_home = cache_home;
  } else if (home != nullptr && home[0] == '/') {
    environment.cache_home = std::filesystem::path(home) / ".cache";
  }
  const char* github_actions = std::getenv("GITHUB_ACTIONS");
  environment.github_actions =
      github_actions != nullptr && std::string_view(github_actions) == "true";
  environment.in = &std::cin;
  return environment;
}

std::string_view fmkit_version() { return k_version; }

int run_cli(int argc, const char* const* argv, std::ostream& out,
            std::ostream& err) {
  return run_cli(argc, argv, out, err, CliEnvironment::from_process(out, err));
}

int run_cli(int argc, const char* const* argv, std::ostream& out,
            std::ostream& err, const CliEnvironment& environment) {
  CommandContext context{out, err, environment};
  try {
    return dispatch(argc, argv, context);
  } catch (const std::exception& e) {
    // Bugs only: operational errors are Expected, content problems are
    // diagnostics.
    err << "fmkit: internal error: " << e.what() << '\n';
    return k_exit_error;
  }
}

}  // namespace fmkit
