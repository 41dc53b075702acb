// SPDX-License-Identifier: MIT
//
// check_function_length: fails when a source file is longer than a limit,
// or a function defined at namespace scope in it is, unless a comment in the
// few lines above the function starts with "// length:" and says why. Written
// for fmkit's layout (clang-format Google style): a definition starts at column
// 0 and its body ends at the next line that is exactly "}". Functions
// defined inside class bodies are not checked.
//
//   check_function_length FUNCTION_LIMIT FILE_LIMIT FILE...
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

bool starts_with_any(std::string_view line,
                     std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes) {
    if (line.starts_with(prefix)) return true;
  }
  return false;
}

// Whether `line` may open a function definition at namespace scope.
bool may_open_function(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '}' ||
      line[0] == '#' || line[0] == '{') {
    return false;
  }
  return !starts_with_any(
      line, {"//", "/*", "namespace", "class ", "struct ", "enum ", "union ",
             "template", "using ", "typedef ", "extern ", "static_assert",
             "inline constexpr", "constexpr char"});
}

bool has_reason(const std::vector<std::string>& lines, size_t start) {
  for (size_t back = 1; back <= 6 && back <= start; ++back) {
    std::string_view line = lines[start - back];
    size_t text = line.find_first_not_of(' ');
    if (text != std::string_view::npos &&
        line.substr(text).starts_with("// length:")) {
      return true;
    }
  }
  return false;
}

int check(const std::string& path, size_t limit, size_t file_limit) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  int failures = 0;
  if (lines.size() > file_limit) {
    std::cerr << path << ": file of " << lines.size() << " lines (limit "
              << file_limit << "; split it along its seams)\n";
    ++failures;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!may_open_function(lines[i])) continue;
    // The signature runs to the first line ending in '{' or ';'.
    size_t open = i;
    while (open < lines.size() && !lines[open].ends_with("{") &&
           !lines[open].ends_with(";")) {
      ++open;
    }
    if (open >= lines.size() || lines[open].ends_with(";")) {
      i = open;
      continue;
    }
    bool initializer = false;
    for (size_t k = i; k <= open; ++k) {
      if (lines[k].find(" = ") != std::string::npos &&
          lines[k].find("operator") == std::string::npos) {
        initializer = true;
      }
    }
    size_t close = open;
    while (close < lines.size() && lines[close] != "}" &&
           lines[close] != "};") {
      ++close;
    }
    if (!initializer && close < lines.size() && close - i + 1 > limit &&
        !has_reason(lines, i)) {
      std::cerr << path << ":" << i + 1 << ": function of " << close - i + 1
                << " lines (limit " << limit
                << "; split it, or say why in a '// length:' comment above "
                   "it): "
                << lines[i] << "\n";
      ++failures;
    }
    i = close;
  }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: check_function_length FUNCTION_LIMIT FILE_LIMIT "
                 "FILE...\n";
    return 2;
  }
  size_t limit = std::stoul(argv[1]);
  size_t file_limit = std::stoul(argv[2]);
  int failures = 0;
  for (int i = 3; i < argc; ++i) failures += check(argv[i], limit, file_limit);
  return failures == 0 ? 0 : 1;
}
