// SPDX-License-Identifier: MIT
#include "cli/output_format.hpp"

#include "report/github_renderer.hpp"
#include "report/gitlab_renderer.hpp"
#include "report/json_renderer.hpp"
#include "report/junit_renderer.hpp"
#include "report/sarif_renderer.hpp"
#include "run/repository_root.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iterator>
#include <vector>

namespace fmkit {

namespace {

std::unique_ptr<Renderer> make_text(std::ostream& out,
                                    const FormatContext& context) {
  return make_text_renderer(out, context.text);
}

std::unique_ptr<Renderer> make_json(std::ostream& out, const FormatContext&) {
  return make_json_renderer(out);
}

std::unique_ptr<Renderer> make_sarif(std::ostream& out,
                                     const FormatContext& context) {
  return make_sarif_renderer(
      out, SarifOptions{context.paths, std::string(fmkit_version())});
}

std::unique_ptr<Renderer> make_github(std::ostream& out,
                                      const FormatContext& context) {
  return make_github_renderer(out, GithubOptions{context.paths, context.text});
}

std::unique_ptr<Renderer> make_junit(std::ostream& out,
                                     const FormatContext& context) {
  return make_junit_renderer(out, JunitOptions{context.paths});
}

std::unique_ptr<Renderer> make_gitlab(std::ostream& out,
                                      const FormatContext& context) {
  return make_gitlab_renderer(out, GitlabOptions{context.paths});
}

struct OutputFormat {
  std::string_view name;
  std::unique_ptr<Renderer> (*make)(std::ostream&, const FormatContext&);
};

// The first is the default (github on a GitHub Actions runner).
constexpr OutputFormat k_formats[] = {
    {"text", make_text},     {"json", make_json},   {"sarif", make_sarif},
    {"github", make_github}, {"junit", make_junit}, {"gitlab", make_gitlab},
};

std::string_view chosen(std::string_view format,
                        const CliEnvironment& environment) {
  if (!format.empty()) return format;
  return environment.github_actions ? "github" : k_formats[0].name;
}

}  // namespace

void add_format_option(CLI::App& app, std::string& format) {
  std::vector<std::string> names;
  for (const OutputFormat& f : k_formats) names.emplace_back(f.name);
  app.add_option("--format", format,
                 "Output format: text, json, sarif, github, junit or gitlab "
                 "(default: text; github when GITHUB_ACTIONS=true)")
      ->check(CLI::IsMember(names))
      ->type_name("FORMAT");
}

std::unique_ptr<Renderer> make_renderer(std::string_view format,
                                        const FormatContext& context,
                                        const CliEnvironment& environment,
                                        std::ostream& out) {
  format = chosen(format, environment);
  auto row =
      std::find_if(std::begin(k_formats), std::end(k_formats),
                   [&](const OutputFormat& f) { return f.name == format; });
  return row->make(out, context);
}

bool is_text_format(std::string_view format,
                    const CliEnvironment& environment) {
  return chosen(format, environment) == "text";
}

std::filesystem::path repository_root(const Plan& plan,
                                      const CliEnvironment& environment) {
  if (auto top = find_git_top_level(environment.cwd)) return *top;
  return plan.folder.empty() ? environment.cwd : plan.folder;
}

}  // namespace fmkit
