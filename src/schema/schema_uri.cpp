// SPDX-License-Identifier: MIT
#include "schema/schema_uri.hpp"

#include "base/json_pointer.hpp"

namespace fmkit {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string encode_token(std::string_view token) {
  std::string out;
  for (char c : escape_pointer_token(token)) {
    out += c == '%' ? std::string("%25") : std::string(1, c);
  }
  return out;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || hex_value(text[i + 1]) < 0 ||
        hex_value(text[i + 2]) < 0) {
      return std::nullopt;
    }
    out +=
        static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
    i += 2;
  }
  return out;
}

bool is_remote(std::string_view uri) {
  if (uri.starts_with("//")) return true;
  size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (!alpha(uri[0])) return false;
  for (char c : uri.substr(0, colon)) {
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' &&
        c != '.') {
      return false;
    }
  }
  return true;
}

bool is_under(const std::filesystem::path& path,
              const std::filesystem::path& folder) {
  std::filesystem::path relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != ".." && relative != ".";
}

std::string id_folder(std::string_view id) {
  if (!is_remote(id) || id.starts_with("//")) return "";
  size_t authority = id.find("://");
  size_t slash = id.rfind('/');
  if (authority == std::string_view::npos || slash == std::string_view::npos ||
      slash < authority + 3) {
    return "";
  }
  return std::string(id.substr(0, slash + 1));
}

std::string strip_fragment(std::string_view uri) {
  return std::string(uri.substr(0, uri.find('#')));
}

}  // namespace fmkit
