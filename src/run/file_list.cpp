// SPDX-License-Identifier: MIT
#include "run/file_list.hpp"

#include "base/describe.hpp"
#include "run/discover.hpp"
#include "run/file_reader.hpp"

#include <charconv>
#include <system_error>
#include <utility>

namespace fmkit {

namespace fs = std::filesystem;

std::vector<std::string> split_file_list(std::string_view text) {
  // A NUL can't be part of a path, so its presence says the list is
  // `find -print0` / `git -z` output, where a name may hold a newline.
  const bool nul_separated = text.find('\0') != std::string_view::npos;
  const char separator = nul_separated ? '\0' : '\n';
  std::vector<std::string> names;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view name = text.substr(start, end - start);
    if (!nul_separated && name.ends_with('\r')) name.remove_suffix(1);
    if (!name.empty()) names.emplace_back(name);
    start = end + 1;
  }
  return names;
}

FileSelection listed_files(std::string_view text, const fs::path& cwd) {
  FileSelection selection;
  for (const std::string& name : split_file_list(text)) {
    selection.files.push_back(SelectedFile{
        {(cwd / name).lexically_normal().string(), display_path(name)},
        "",
        true});
  }
  return selection;
}

Expected<FileSelection, Problems> read_file_list(const std::string& given,
                                                 const fs::path& cwd) {
  Expected<std::string> text = read_whole_file(cwd / given);
  if (!text) {
    return unexpected(problem_at_file(
        display_path(given), "io",
        "cannot read the file list: " + std::move(text).error()));
  }
  return listed_files(*text, cwd);
}

bool Shard::contains(std::string_view relative) const {
  return fnv1a_64(relative) % count == index;
}

namespace {

// Parses all of `text` as a decimal number.
bool parse_number(std::string_view text, size_t& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [at, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && at == end;
}

}  // namespace

Expected<Shard> parse_shard(std::string_view text) {
  std::string quoted = "'" + std::string(text) + "'";
  size_t slash = text.find('/');
  size_t k = 0;
  size_t n = 0;
  if (slash == std::string_view::npos ||
      !parse_number(text.substr(0, slash), k) ||
      !parse_number(text.substr(slash + 1), n)) {
    return unexpected(quoted +
                      " is not K/N (shard K of N, e.g. 2/4: the second of 4)");
  }
  if (n == 0) return unexpected(quoted + ": N, the number of shards, is 0");
  std::string range = " (1/" + std::to_string(n) + " to " + std::to_string(n) +
                      "/" + std::to_string(n) + ")";
  if (k == 0) return unexpected(quoted + ": shards count from 1" + range);
  if (k > n) {
    return unexpected(quoted + ": there " + (n == 1 ? "is" : "are") + " only " +
                      count_noun(n, "shard") + range);
  }
  return Shard{k - 1, n};
}

}  // namespace fmkit
