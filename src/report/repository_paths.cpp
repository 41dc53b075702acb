// SPDX-License-Identifier: MIT
#include "report/repository_paths.hpp"

namespace fmkit {

namespace fs = std::filesystem;

std::optional<std::string> RepositoryPaths::under_root(
    std::string_view shown) const {
  fs::path path = fs::path(absolute(shown));
  fs::path relative = path.lexically_relative(root.lexically_normal());
  if (relative.empty() || relative == ".") return std::nullopt;
  if (*relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

std::string RepositoryPaths::repository_path(std::string_view shown) const {
  std::optional<std::string> relative = under_root(shown);
  return relative ? *relative : std::string(shown);
}

std::string RepositoryPaths::absolute(std::string_view shown) const {
  fs::path path(shown);
  if (path.is_relative()) path = cwd / path;
  return path.lexically_normal().generic_string();
}

std::string percent_encode_path(std::string_view path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
    }
  }
  return out;
}

std::string file_uri(std::string_view path) {
  // An absolute path starts with '/', giving the empty authority of
  // "file:///srv/...".
  return "file://" + percent_encode_path(path);
}

}  // namespace fmkit
