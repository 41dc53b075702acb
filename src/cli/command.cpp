// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <CLI/CLI.hpp>

#include <cctype>
#include <filesystem>
#include <ostream>

namespace fmkit {

CLI::Option* add_config_option(CLI::App& app, std::string& path) {
  return app
      .add_option("--config", path,
                  "The config file (default: fmkit.yaml in the current "
                  "folder or a parent)")
      ->type_name("FILE");
}

Expected<Config> find_and_load_config(const std::string& given,
                                      const CliEnvironment& environment,
                                      std::string_view hint) {
  if (!given.empty()) return load_config(given, environment.cwd);
  std::optional<std::filesystem::path> found = find_config(environment.cwd);
  if (!found) {
    return unexpected("no " + std::string(k_config_file_name) + " in " +
                      environment.cwd.string() +
                      " or its parents (" + std::string(hint) + ")");
  }
  std::filesystem::path shown = found->lexically_relative(environment.cwd);
  return load_config(shown.empty() ? *found : shown, environment.cwd);
}

void add_color_option(CLI::App& app, std::string& choice) {
  choice = "auto";
  app.add_option("--color", choice,
                 "Color the output: auto (on terminals, unless NO_COLOR is "
                 "set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
}

UseColor decide_color(std::string_view choice, bool is_terminal,
                      const CliEnvironment& environment) {
  if (choice == "always") return UseColor::yes;
  if (choice == "never") return UseColor::no;
  return is_terminal && !environment.no_color ? UseColor::yes : UseColor::no;
}

void use_fmkit_error_style(CLI::App& app) {
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string message = e.what();
    if (!message.empty()) {
      message[0] = static_cast<char>(
          std::tolower(static_cast<unsigned char>(message[0])));
    }
    return "fmkit: error: " + message + "\nrun '" + failed->get_name() +
           " --help' for usage\n";
  });
}

std::optional<int> parse_arguments(CLI::App& app, int argc,
                                   const char* const* argv,
                                   CommandContext& context) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with 100 and up; fmkit's usage errors exit with 2.
    return app.exit(e, context.out, context.err) == 0 ? k_exit_clean
                                                      : k_exit_error;
  }
  return std::nullopt;
}

void print_error(std::ostream& err, std::string_view message) {
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    err << "fmkit: error: " << message.substr(start, end - start) << '\n';
    start = end + 1;
  }
}

}  // namespace fmkit
