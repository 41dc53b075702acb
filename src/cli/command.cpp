// SPDX-License-Identifier: MIT
#include "cli/command.hpp"

#include <CLI/CLI.hpp>

#include <cctype>
#include <ostream>

namespace fmkit {

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
