// SPDX-License-Identifier: MIT
#include "run/git.hpp"

#include "run/discover.hpp"
#include "run/file_reader.hpp"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

namespace {

// Closes a descriptor when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : m_fd(fd) {}
  ~Descriptor() { reset(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return m_fd; }
  void reset() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
  }

 private:
  int m_fd;
};

// The process's environment with `extra` ("NAME=value") replacing or
// adding variables.
std::vector<std::string> child_environment(
    const std::vector<std::string>& extra) {
  std::vector<std::string> variables;
  for (char** at = environ; at != nullptr && *at != nullptr; ++at) {
    std::string_view variable = *at;
    std::string_view name = variable.substr(0, variable.find('='));
    bool replaced = false;
    for (const std::string& e : extra) {
      replaced = replaced || std::string_view(e).substr(0, e.find('=')) == name;
    }
    if (!replaced) variables.emplace_back(variable);
  }
  variables.insert(variables.end(), extra.begin(), extra.end());
  return variables;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Reads `out` and `err` to their ends together, so a child that fills one
// pipe while we wait on the other can't deadlock.
void read_both(Descriptor& out, Descriptor& err, CommandOutput& output) {
  char buffer[65536];
  while (out.get() >= 0 || err.get() >= 0) {
    pollfd fds[2] = {{out.get(), POLLIN, 0}, {err.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        (i == 0 ? out : err).reset();
        continue;
      }
      (i == 0 ? output.out : output.err).append(buffer, static_cast<size_t>(n));
    }
  }
}

}  // namespace

Expected<CommandOutput> run_command(
    const std::vector<std::string>& argv,
    const std::vector<std::string>& environment) {
  int out_fds[2];
  int err_fds[2];
  if (::pipe2(out_fds, O_CLOEXEC) != 0)
    return unexpected(describe_errno(errno));
  Descriptor out_read(out_fds[0]), out_write(out_fds[1]);
  if (::pipe2(err_fds, O_CLOEXEC) != 0)
    return unexpected(describe_errno(errno));
  Descriptor err_read(err_fds[0]), err_write(err_fds[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  // dup2 clears close-on-exec on the copies; the originals close on exec.
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), 2);
  std::vector<std::string> args = argv;
  std::vector<std::string> variables = child_environment(environment);
  std::vector<char*> c_args = c_strings(args);
  std::vector<char*> c_variables = c_strings(variables);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, c_args[0], &actions, nullptr,
                               c_args.data(), c_variables.data());
  posix_spawn_file_actions_destroy(&actions);
  out_write.reset();
  err_write.reset();
  if (spawned != 0) return unexpected(describe_errno(spawned));

  CommandOutput output;
  read_both(out_read, err_read, output);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  output.status = WIFEXITED(status)     ? WEXITSTATUS(status)
                  : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
                                        : 128;
  return output;
}

namespace {

Problems git_problem(std::string rule, std::string message) {
  return problem_at_file("fmkit", std::move(rule), std::move(message));
}

// The first line of git's message, without its "fatal: " or "error: ".
std::string git_says(const std::string& err) {
  std::string line = err.substr(0, err.find('\n'));
  for (std::string_view prefix : {"fatal: ", "error: "}) {
    if (line.starts_with(prefix)) line.erase(0, prefix.size());
  }
  return line.empty() ? "no message" : line;
}

// Runs `git -C cwd args...`. Fails only when git can't be run at all.
Expected<CommandOutput, Problems> git(const fs::path& cwd,
                                      std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", cwd.string()});
  Expected<CommandOutput> run = run_command(args, {"GIT_OPTIONAL_LOCKS=0"});
  if (!run) {
    return unexpected(git_problem(
        "git.not-found", "cannot run 'git': " + std::move(run).error() +
                             " (install git, or put it in PATH)"));
  }
  return std::move(*run);
}

// Runs git and fails with git.failed (quoting git) unless it exits with 0.
Expected<std::string, Problems> git_output(const fs::path& cwd,
                                           std::vector<std::string> args) {
  std::string command = "git " + args.front();
  auto run = git(cwd, std::move(args));
  if (!run) return unexpected(std::move(run).error());
  if (run->status != 0) {
    return unexpected(git_problem(
        "git.failed", "'" + command + "' failed: " + git_says(run->err)));
  }
  return std::move(run->out);
}

std::vector<std::string_view> split_nul(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\0', start);
    if (end == std::string_view::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// The working folder within its work tree.
struct WorkTree {
  fs::path cwd;        // absolute, normalized, as the user reached it
  std::string prefix;  // cwd relative to the top, "/"-ended ("" at the top)

  // Returns the selected file for `top_relative`, a path git gave: shown
  // relative to the working folder, up through the folders of `prefix` it
  // does not share ("../pages/a.md" from "site/posts/").
  SelectedFile select(std::string_view top_relative) const {
    size_t shared = 0;  // bytes of the whole segments both start with
    for (size_t i = 0; i < prefix.size() && i < top_relative.size() &&
                       prefix[i] == top_relative[i];
         ++i) {
      if (prefix[i] == '/') shared = i + 1;
    }
    std::string display;
    for (size_t i = shared; i < prefix.size(); ++i) {
      if (prefix[i] == '/') display += "../";
    }
    display += top_relative.substr(shared);
    return SelectedFile{
        {join_path(cwd, display), display_path(display)}, "", true};
  }
};

Expected<WorkTree, Problems> find_work_tree(const fs::path& cwd) {
  WorkTree tree;
  tree.cwd = fs::path(display_path(cwd));
  auto run =
      git(tree.cwd, {"rev-parse", "--is-inside-work-tree", "--show-prefix"});
  if (!run) return unexpected(std::move(run).error());
  if (run->status != 0 || !run->out.starts_with("true\n")) {
    std::string why = run->status != 0 ? git_says(run->err) : "not a work tree";
    return unexpected(git_problem(
        "git.repository", "'" + tree.cwd.string() +
                              "' is not in a git work tree (git: " + why +
                              ")"));
  }
  // The prefix is the rest, less its line break; it may hold line breaks.
  tree.prefix = run->out.substr(5);
  if (tree.prefix.ends_with('\n')) tree.prefix.pop_back();
  return tree;
}

void add_listed(const WorkTree& tree, std::string_view listing,
                FileSelection& selection) {
  for (std::string_view path : split_nul(listing)) {
    if (!path.empty()) selection.files.push_back(tree.select(path));
  }
}

// The options every diff listing takes: names only, NUL-separated, relative
// to the top whatever diff.relative says, no color or external driver.
const std::vector<std::string> k_diff_names = {
    "diff",          "--name-only",        "-z", "--no-relative", "--no-color",
    "--no-ext-diff", "--diff-filter=ACMRT"};

// Returns the commit `ref` names, or a git.ref problem.
Expected<std::string, Problems> resolve_commit(const fs::path& cwd,
                                               std::string_view ref) {
  std::string quoted = "'" + std::string(ref) + "'";
  if (ref.empty() || ref.starts_with('-')) {
    return unexpected(git_problem(
        "git.ref", quoted + " is not a revision (a branch, tag or commit)"));
  }
  auto run = git(cwd, {"rev-parse", "--verify", "--quiet",
                       std::string(ref) + "^{commit}"});
  if (!run) return unexpected(std::move(run).error());
  if (run->status != 0) {
    return unexpected(git_problem(
        "git.ref", "unknown revision " + quoted +
                       ": no branch, tag or commit of that name (in a CI "
                       "checkout, fetch it first)"));
  }
  std::string commit = run->out.substr(0, run->out.find('\n'));
  auto base = git(cwd, {"merge-base", commit, "HEAD"});
  if (!base) return unexpected(std::move(base).error());
  if (base->status == 1) {
    return unexpected(git_problem(
        "git.ref", quoted +
                       " and HEAD have no commit in common (in a shallow "
                       "clone, fetch more history: git fetch --unshallow)"));
  }
  if (base->status != 0) {
    return unexpected(git_problem(
        "git.failed", "'git merge-base' failed: " + git_says(base->err)));
  }
  return base->out.substr(0, base->out.find('\n'));
}

}  // namespace

Expected<FileSelection, Problems> git_changed_since(std::string_view ref,
                                                    const fs::path& cwd) {
  auto tree = find_work_tree(cwd);
  if (!tree) return unexpected(std::move(tree).error());
  auto base = resolve_commit(tree->cwd, ref);
  if (!base) return unexpected(std::move(base).error());
  std::vector<std::string> diff = k_diff_names;
  diff.insert(diff.end(), {*base, "--"});
  auto changed = git_output(tree->cwd, std::move(diff));
  if (!changed) return unexpected(std::move(changed).error());
  auto untracked =
      git_output(tree->cwd, {"ls-files", "--others", "--exclude-standard", "-z",
                             "--full-name", "--", ":/"});
  if (!untracked) return unexpected(std::move(untracked).error());
  FileSelection selection;
  add_listed(*tree, *changed, selection);
  add_listed(*tree, *untracked, selection);
  return selection;
}

Expected<FileSelection, Problems> git_staged(const fs::path& cwd) {
  auto tree = find_work_tree(cwd);
  if (!tree) return unexpected(std::move(tree).error());
  std::vector<std::string> cached = k_diff_names;
  cached.insert(cached.begin() + 1, "--cached");
  cached.push_back("--");
  auto staged = git_output(tree->cwd, std::move(cached));
  if (!staged) return unexpected(std::move(staged).error());
  // The working tree against the index: which staged files differ there.
  auto unstaged = git_output(
      tree->cwd, {"diff", "--name-status", "-z", "--no-relative", "--no-color",
                  "--no-ext-diff", "--no-renames", "--"});
  if (!unstaged) return unexpected(std::move(unstaged).error());
  std::unordered_map<std::string_view, char> status_of;
  std::vector<std::string_view> fields = split_nul(*unstaged);
  for (size_t i = 0; i + 1 < fields.size(); i += 2) {
    status_of.emplace(fields[i + 1], fields[i].empty() ? 'M' : fields[i][0]);
  }
  FileSelection selection;
  for (std::string_view path : split_nul(*staged)) {
    if (path.empty()) continue;
    SelectedFile file = tree->select(path);
    auto found = status_of.find(path);
    if (found != status_of.end() && found->second == 'D') {
      file.exists = false;
      file.note = "not checked: staged, then deleted from the working tree";
    } else if (found != status_of.end()) {
      file.note =
          "has unstaged changes: fmkit checks the working tree, not what is "
          "staged (stash them, or run fmkit through pre-commit or "
          "lint-staged, which do)";
    }
    selection.files.push_back(std::move(file));
  }
  return selection;
}

}  // namespace fmkit
