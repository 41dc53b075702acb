// SPDX-License-Identifier: MIT
//
// Fuzz target: the front-matter splitter (document/front_matter.hpp). For
// every input (the whole file text):
//   - the split's offsets are ordered and inside the text, and each status
//     has the shape the header gives it (`missing`: all zero; `unclosed`:
//     the YAML runs to the end); the delimiters are where the offsets say
//     (a "---", "+++" or "{" opens, a "---"/"..."/"+++" line or the
//     matching "}" closes) and no earlier line of the front matter is a
//     closing line;
//   - a prefix split with TextEnd::partial is `unclosed` (undecided) or
//     equal to the whole split, and once decided it stays decided for the
//     longer prefixes;
//   - the text up to `body_begin` splits as the whole text does.
#include "document/front_matter.hpp"
#include "fuzz_check.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace fmkit;
using fuzz::fuzz_check;

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

std::string describe(const FrontMatter& fm) {
  return "status " + std::to_string(static_cast<int>(fm.status)) + " dialect " +
         dialect_name(fm.dialect) + " open " + std::to_string(fm.open_begin) +
         "-" + std::to_string(fm.open_end) + " yaml " +
         std::to_string(fm.yaml_begin) + "-" + std::to_string(fm.yaml_end) +
         " close " + std::to_string(fm.close_begin) + "-" +
         std::to_string(fm.close_end) + " body " +
         std::to_string(fm.body_begin) + " tag " +
         std::to_string(fm.tag_begin) + "-" + std::to_string(fm.tag_end);
}

bool same(const FrontMatter& a, const FrontMatter& b) {
  return a.status == b.status && a.bom == b.bom &&
         a.open_begin == b.open_begin && a.open_end == b.open_end &&
         a.yaml_begin == b.yaml_begin && a.yaml_end == b.yaml_end &&
         a.close_begin == b.close_begin && a.close_end == b.close_end &&
         a.body_begin == b.body_begin && a.dialect == b.dialect &&
         a.tag_begin == b.tag_begin && a.tag_end == b.tag_end;
}

bool all_blank(std::string_view s, std::string_view blanks) {
  return s.find_first_not_of(blanks) == std::string_view::npos;
}

// Whether the line at `begin` (up to "\n" or the end of the text) is a
// delimiter line: `delimiter`, blanks, an optional "\r".
bool is_delimiter_line(std::string_view text, size_t begin,
                       std::string_view delimiter) {
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(begin, end - begin);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line.starts_with(delimiter) &&
         all_blank(line.substr(delimiter.size()), " \t");
}

// The closing lines of a block opened by "+++" (`plus`) or "---".
bool closes(std::string_view text, size_t line, bool plus) {
  if (plus) return is_delimiter_line(text, line, "+++");
  return is_delimiter_line(text, line, "---") ||
         is_delimiter_line(text, line, "...");
}

void check_missing(std::string_view text, const FrontMatter& fm) {
  fuzz_check(fm.open_begin == 0 && fm.open_end == 0 && fm.yaml_begin == 0 &&
                 fm.yaml_end == 0 && fm.close_begin == 0 && fm.close_end == 0 &&
                 fm.body_begin == 0 && fm.dialect == Dialect::yaml,
             "missing: every offset 0, dialect yaml",
             [&] { return describe(fm); });
  std::string_view rest = text.substr(fm.bom ? k_bom.size() : 0);
  fuzz_check(!rest.starts_with("---\n") && !rest.starts_with("---\r\n") &&
                 !rest.starts_with("+++\n"),
             "missing: the text does not start with a delimiter line");
}

// The line that closes a block (not JSON) front matter.
void check_block_close(std::string_view text, const FrontMatter& fm,
                       bool plus) {
  for (size_t line = fm.yaml_begin; line < fm.yaml_end;) {
    fuzz_check(!closes(text, line, plus),
               "no line before the closing line closes", [&] {
                 return "line at " + std::to_string(line) + "; " + describe(fm);
               });
    size_t newline = text.find('\n', line);
    if (newline == std::string_view::npos || newline >= fm.yaml_end) break;
    line = newline + 1;
  }
  if (fm.status != FrontMatterStatus::ok) return;
  fuzz_check(closes(text, fm.close_begin, plus) &&
                 fm.close_end >= fm.close_begin + 3 &&
                 all_blank(text.substr(fm.close_begin + 3,
                                       fm.close_end - fm.close_begin - 3),
                           " \t"),
             "ok: a delimiter line closes", [&] { return describe(fm); });
  std::string_view ending =
      text.substr(fm.close_end, fm.body_begin - fm.close_end);
  fuzz_check(ending == "\n" || ending == "\r\n" ||
                 (ending.empty() && fm.body_begin == text.size()) ||
                 (ending == "\r" && fm.body_begin == text.size()),
             "ok: the closing line ends with its line ending",
             [&] { return describe(fm); });
}

void check_opened(std::string_view text, const FrontMatter& fm) {
  const size_t size = text.size();
  fuzz_check(
      fm.open_begin <= fm.open_end && fm.open_end <= fm.yaml_begin &&
          fm.yaml_begin <= fm.yaml_end && fm.yaml_end <= fm.close_begin &&
          fm.close_begin <= fm.close_end && fm.close_end <= fm.body_begin &&
          fm.body_begin <= size,
      "offsets ordered and inside the text", [&] { return describe(fm); });
  if (fm.status == FrontMatterStatus::unclosed) {
    fuzz_check(fm.yaml_end == size && fm.close_begin == size &&
                   fm.close_end == size && fm.body_begin == size,
               "unclosed: the YAML runs to the end",
               [&] { return describe(fm); });
  }
  const size_t start = fm.bom ? k_bom.size() : 0;
  std::string_view open = text.substr(fm.open_begin);
  if (open.starts_with('{')) {
    fuzz_check(
        fm.dialect == Dialect::json && fm.open_begin == start &&
            fm.open_end == fm.open_begin && fm.yaml_begin == fm.open_begin,
        "json: opened by '{' at the start", [&] { return describe(fm); });
    if (fm.status == FrontMatterStatus::ok) {
      fuzz_check(text[fm.yaml_end - 1] == '}' &&
                     fm.close_begin == fm.yaml_end &&
                     fm.close_end == fm.yaml_end,
                 "json: closed by '}'", [&] { return describe(fm); });
    }
    return;
  }
  const bool plus = open.starts_with("+++");
  if (plus) {
    fuzz_check(
        fm.dialect == Dialect::toml &&
            all_blank(text.substr(start, fm.open_begin - start), " \t\r\n"),
        "toml: opened by '+++' after white space",
        [&] { return describe(fm); });
  } else {
    fuzz_check(fm.open_begin == start && open.starts_with("---") &&
                   !open.starts_with("----"),
               "yaml: opened by '---' at the start",
               [&] { return describe(fm); });
  }
  fuzz_check(
      fm.tag_begin <= fm.tag_end &&
          (fm.tag_begin == fm.tag_end ||
           (fm.tag_begin >= fm.open_begin + 3 && fm.tag_end <= fm.open_end)),
      "the tag lies in the opening line", [&] { return describe(fm); });
  fuzz_check(fm.dialect != Dialect::other || fm.tag_begin < fm.tag_end,
             "dialect other has a tag", [&] { return describe(fm); });
  check_block_close(text, fm, plus);
}

void check_split(std::string_view text, const FrontMatter& fm) {
  fuzz_check(fm.bom == text.starts_with(k_bom), "bom iff the text starts so");
  if (fm.status == FrontMatterStatus::missing) {
    check_missing(text, fm);
  } else {
    check_opened(text, fm);
  }
}

// The prefixes to check: all of them for a short text, else those around
// each line ending (where decisions are made) and the first 256.
bool worth_checking(std::string_view text, size_t n) {
  if (text.size() <= 512 || n <= 256 || n == text.size()) return true;
  for (size_t i = n >= 2 ? n - 2 : 0; i < n + 2 && i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r' || text[i] == '}') return true;
  }
  return false;
}

void check_prefixes(std::string_view text, const FrontMatter& whole) {
  bool decided = false;
  for (size_t n = 0; n <= text.size(); ++n) {
    if (!worth_checking(text, n)) continue;
    FrontMatter fm = split_front_matter(text.substr(0, n), TextEnd::partial);
    auto where = [&] {
      return "prefix " + std::to_string(n) + ": " + describe(fm) +
             "; whole: " + describe(whole);
    };
    if (fm.status == FrontMatterStatus::unclosed) {
      fuzz_check(!decided, "a decided prefix stays decided", where);
      continue;
    }
    decided = true;
    fuzz_check(same(fm, whole), "a decided prefix agrees with the whole",
               where);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  FrontMatter whole = split_front_matter(text);
  check_split(text, whole);
  check_prefixes(text, whole);
  if (whole.status == FrontMatterStatus::ok) {
    FrontMatter head = split_front_matter(text.substr(0, whole.body_begin));
    fuzz_check(same(head, whole), "the text up to the body splits the same",
               [&] { return describe(head) + "; whole: " + describe(whole); });
  }
  return 0;
}
