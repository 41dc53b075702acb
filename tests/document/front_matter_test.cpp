// SPDX-License-Identifier: MIT
#include "document/front_matter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace fmkit {
namespace {

// The parts of a split, as text, for readable tables.
struct Parts {
  FrontMatterStatus status;
  std::string yaml;
  std::string closing;  // the closing line without its line ending
  std::string body;
};

Parts parts(std::string_view text, TextEnd end = TextEnd::complete) {
  FrontMatter fm = split_front_matter(text, end);
  return {
      fm.status,
      std::string(text.substr(fm.yaml_begin, fm.yaml_end - fm.yaml_begin)),
      std::string(text.substr(fm.close_begin, fm.close_end - fm.close_begin)),
      std::string(text.substr(fm.body_begin))};
}

struct SplitCase {
  std::string_view text;
  FrontMatterStatus status;
  std::string_view yaml;
  std::string_view closing;
  std::string_view body;
};

constexpr auto ok = FrontMatterStatus::ok;
constexpr auto missing = FrontMatterStatus::missing;
constexpr auto unclosed = FrontMatterStatus::unclosed;

TEST(FrontMatterTest, SplitTable) {
  const SplitCase cases[] = {
      {"---\na: 1\n---\nbody\n", ok, "a: 1\n", "---", "body\n"},
      {"---\na: 1\n...\nbody", ok, "a: 1\n", "...", "body"},
      {"---\n---\n", ok, "", "---", ""},
      {"---\n---", ok, "", "---", ""},
      {"---\na: 1\n---", ok, "a: 1\n", "---", ""},
      {"--- \t\na: 1\n---  \nbody", ok, "a: 1\n", "---  ", "body"},
      {"---\r\na: 1\r\n---\r\nbody\r\n", ok, "a: 1\r\n", "---", "body\r\n"},
      {"---\r\na: 1\r\n---\r", ok, "a: 1\r\n", "---", ""},
      {"\xEF\xBB\xBF---\na: 1\n---\nbody", ok, "a: 1\n", "---", "body"},
      // Only "---" or "..." alone on a line closes.
      {"---\na: 1\n----\nb: 2\n---\n", ok, "a: 1\n----\nb: 2\n", "---", ""},
      {"---\na: |\n  --- x\n ---\n---\n", ok, "a: |\n  --- x\n ---\n", "---",
       ""},
      {"---\na: 1\n--- # c\n---\nx", ok, "a: 1\n--- # c\n", "---", "x"},
      {"---\na: 1\n.....\n...\n", ok, "a: 1\n.....\n", "...", ""},
      // The first "---" line after the opening one closes, even in a body
      // that would be YAML.
      {"---\na: 1\n---\n---\n", ok, "a: 1\n", "---", "---\n"},
      {"", missing, "", "", ""},
      {"no front matter\n---\n", missing, "", "", "no front matter\n---\n"},
      {"----\na: 1\n---\n", missing, "", "", "----\na: 1\n---\n"},
      {" ---\na\n---\n", missing, "", "", " ---\na\n---\n"},
      // "--- a" names a language (see DialectsAndLanguageTags).
      {"--- a\n---\n", ok, "", "---", ""},
      {"...\na\n...\n", missing, "", "", "...\na\n...\n"},
      {"\xEF\xBB\xBFtext", missing, "", "", "\xEF\xBB\xBFtext"},
      {"---\na: 1\n", unclosed, "a: 1\n", "", ""},
      {"---", unclosed, "", "", ""},
      {"---\n", unclosed, "", "", ""},
      {"---\na: 1\n--", unclosed, "a: 1\n--", "", ""},
      {"---\na: 1\n---x\n", unclosed, "a: 1\n---x\n", "", ""},
      {"---\na: 1\n---\rx\n", unclosed, "a: 1\n---\rx\n", "", ""},
  };
  for (const SplitCase& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << "text: " << testing::PrintToString(std::string(c.text)));
    Parts p = parts(c.text);
    EXPECT_EQ(p.status, c.status);
    EXPECT_EQ(p.yaml, c.yaml);
    EXPECT_EQ(p.closing, c.closing);
    EXPECT_EQ(p.body, c.body);
  }
}

// "+++" opens TOML front matter, and only "+++" closes it: "---" and "..."
// lines are TOML text (a multi-line string may hold them).
TEST(FrontMatterTest, TomlSplitTable) {
  const SplitCase cases[] = {
      {"+++\na = 1\n+++\nbody\n", ok, "a = 1\n", "+++", "body\n"},
      {"+++\n+++\n", ok, "", "+++", ""},
      {"+++ \t\r\na = 1\r\n+++  \r\nbody", ok, "a = 1\r\n", "+++  ", "body"},
      {"\xEF\xBB\xBF+++\na = 1\n+++", ok, "a = 1\n", "+++", ""},
      {"+++\na = '''\n---\n...\n'''\n+++\n", ok, "a = '''\n---\n...\n'''\n",
       "+++", ""},
      {"+++\na = 1\n++++\n+++\n", ok, "a = 1\n++++\n", "+++", ""},
      {"++++\na = 1\n+++\n", missing, "", "", "++++\na = 1\n+++\n"},
      {"+++ a\n+++\n", missing, "", "", "+++ a\n+++\n"},
      {"+++\na = 1\n---\n", unclosed, "a = 1\n---\n", "", ""},
      {"---\na: 1\n+++\n", unclosed, "a: 1\n+++\n", "", ""},
      // Hugo and Zola skip white space before "+++" (not before "---").
      {"\n \r\n\t+++\na = 1\n+++\nbody", ok, "a = 1\n", "+++", "body"},
      {"\xEF\xBB\xBF\n+++\na = 1\n+++\n", ok, "a = 1\n", "+++", ""},
      {"\n---\na: 1\n---\n", missing, "", "", "\n---\na: 1\n---\n"},
      {"\n\n", missing, "", "", "\n\n"},
  };
  for (const SplitCase& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << "text: " << testing::PrintToString(std::string(c.text)));
    Parts p = parts(c.text);
    EXPECT_EQ(p.status, c.status);
    EXPECT_EQ(p.yaml, c.yaml);
    EXPECT_EQ(p.closing, c.closing);
    EXPECT_EQ(p.body, c.body);
  }
}

TEST(FrontMatterTest, TheOpeningLineNamesTheDialect) {
  EXPECT_EQ(split_front_matter("+++\na = 1\n+++\n").dialect, Dialect::toml);
  EXPECT_EQ(split_front_matter("+++\na = 1\n").dialect, Dialect::toml);
  EXPECT_EQ(split_front_matter("---\na: 1\n---\n").dialect, Dialect::yaml);
  EXPECT_EQ(split_front_matter("++ not\n").dialect, Dialect::yaml);
  EXPECT_EQ(split_front_matter("++", TextEnd::partial).dialect, Dialect::toml);
  EXPECT_EQ(std::string_view(dialect_name(Dialect::toml)), "toml");
  EXPECT_EQ(std::string_view(dialect_name(Dialect::yaml)), "yaml");
}

TEST(FrontMatterTest, OffsetsWithBomAndCrlf) {
  std::string_view text = "\xEF\xBB\xBF---\r\nk: v\r\n...  \r\nbody";
  FrontMatter fm = split_front_matter(text);
  EXPECT_EQ(fm.status, ok);
  EXPECT_TRUE(fm.bom);
  EXPECT_EQ(fm.open_begin, 3u);
  EXPECT_EQ(fm.open_end, 8u);
  EXPECT_EQ(fm.yaml_begin, 8u);
  EXPECT_EQ(fm.yaml_end, 14u);
  EXPECT_EQ(fm.close_begin, 14u);
  EXPECT_EQ(fm.close_end, 19u);
  EXPECT_EQ(fm.body_begin, 21u);
}

TEST(FrontMatterTest, MissingAndUnclosedOffsets) {
  FrontMatter missing_fm = split_front_matter("\xEF\xBB\xBF# title\n");
  EXPECT_EQ(missing_fm.status, missing);
  EXPECT_TRUE(missing_fm.bom);
  EXPECT_EQ(missing_fm.body_begin, 0u);

  FrontMatter unclosed_fm = split_front_matter("---\nab\n");
  EXPECT_EQ(unclosed_fm.status, unclosed);
  EXPECT_EQ(unclosed_fm.open_begin, 0u);
  EXPECT_EQ(unclosed_fm.yaml_begin, 4u);
  EXPECT_EQ(unclosed_fm.yaml_end, 7u);
  EXPECT_EQ(unclosed_fm.body_begin, 7u);
}

// A reader that reads a prefix at a time calls split with TextEnd::partial
// until the status is no longer `unclosed`. Whatever the prefix length, the
// answer must never be decided wrongly: it is `unclosed` (read more) or the
// same as for the whole text.
TEST(FrontMatterTest, EveryPrefixOfAFileIsUndecidedOrRight) {
  const std::string_view files[] = {
      "---\na: 1\n---\nbody\n",
      "\xEF\xBB\xBF---\r\na: 1\r\n---\r\nbody\r\n",
      "---\na: 1\n----\n---x\n--- \t\r\nbody",
      "---\na: 1\n...\n",
      "no front matter\n",
      "-- not\n",
      "\xEF\xBB\xBFtext",
      "---\nnever closed\n",
      "+++\na = 1\n---\n+++ \r\nbody",
      "\xEF\xBB\xBF+++\r\na = 1\r\n+++",
      "++ not\n",
      "\n\n  +++\na = 1\n+++\n",
      "\n\n  ---\na: 1\n---\n",
      "---json\n{}\n---\nb",
      "--- coffee \r\n---\r\n",
      "{\"a\": {\"}\": \"\\\"\"}}\r\nbody",
      "\xEF\xBB\xBF{ \"a\": 1 }",
      "{{ template }}",
      "{\"unclosed\": 1\n",
  };
  for (std::string_view file : files) {
    FrontMatter whole = split_front_matter(file);
    bool decided = false;
    for (size_t n = 0; n <= file.size(); ++n) {
      SCOPED_TRACE(testing::Message()
                   << testing::PrintToString(std::string(file)) << " prefix "
                   << n);
      std::string_view prefix = file.substr(0, n);
      FrontMatter fm = split_front_matter(prefix, TextEnd::partial);
      if (fm.status == unclosed) {
        EXPECT_FALSE(decided) << "undecided again after a decision";
        continue;
      }
      decided = true;
      EXPECT_EQ(fm.status, whole.status);
      EXPECT_EQ(fm.dialect, whole.dialect);
      EXPECT_EQ(fm.yaml_begin, whole.yaml_begin);
      EXPECT_EQ(fm.yaml_end, whole.yaml_end);
      EXPECT_EQ(fm.close_begin, whole.close_begin);
      EXPECT_EQ(fm.close_end, whole.close_end);
      EXPECT_EQ(fm.body_begin, whole.body_begin);
      EXPECT_EQ(fm.dialect, whole.dialect);
      EXPECT_EQ(fm.tag_end, whole.tag_end);
    }
  }
}

TEST(FrontMatterTest, PartialTextNeverClosesOnAnUnterminatedLine) {
  // The file may go on with "-" ("----" closes nothing) or " x".
  EXPECT_EQ(split_front_matter("---\na: 1\n---", TextEnd::partial).status,
            unclosed);
  EXPECT_EQ(split_front_matter("---\na: 1\n---\r", TextEnd::partial).status,
            unclosed);
  EXPECT_EQ(split_front_matter("---\na: 1\n---\r\n", TextEnd::partial).status,
            ok);
  // ... while the whole text may end with its closing line.
  EXPECT_EQ(split_front_matter("---\na: 1\n---").status, ok);
  // Too short to tell whether the first line is "---".
  EXPECT_EQ(split_front_matter("", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("\xEF\xBB", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("--", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("---  ", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("-x", TextEnd::partial).status, missing);
  EXPECT_EQ(split_front_matter("+++\na = 1\n+++", TextEnd::partial).status,
            unclosed);
  EXPECT_EQ(split_front_matter("++", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("+-", TextEnd::partial).status, missing);
  // Only white space so far: "+++" may still follow.
  EXPECT_EQ(split_front_matter("\n \n", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("\n \n").status, missing);
  EXPECT_EQ(split_front_matter("----", TextEnd::partial).status, missing);
  // "---x" may be the start of "---xml": a tag is decided at its line end.
  EXPECT_EQ(split_front_matter("---x", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("{", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("{ \n", TextEnd::partial).status, unclosed);
  EXPECT_EQ(split_front_matter("{{", TextEnd::partial).status, missing);
  EXPECT_EQ(split_front_matter("{\"a\": 1}", TextEnd::partial).status,
            unclosed);
  EXPECT_EQ(split_front_matter("{\"a\": 1}\r", TextEnd::partial).status,
            unclosed);
  EXPECT_EQ(split_front_matter("{\"a\": 1}\r\n", TextEnd::partial).status, ok);
  EXPECT_EQ(split_front_matter("{\"a\": 1}x", TextEnd::partial).status, ok);
}

struct DialectCase {
  std::string_view text;
  FrontMatterStatus status;
  Dialect dialect;
  std::string_view tag;
  std::string_view yaml;  // the front matter's text
  std::string_view body;
};

TEST(FrontMatterTest, DialectsAndLanguageTags) {
  using enum Dialect;
  const DialectCase cases[] = {
      {"---\na: 1\n---\nb", ok, yaml, "", "a: 1\n", "b"},
      {"---yaml\na: 1\n---\nb", ok, yaml, "yaml", "a: 1\n", "b"},
      {"---yml \r\na: 1\r\n---\r\nb", ok, yaml, "yml", "a: 1\r\n", "b"},
      {"--- json\n{}\n---\nb", ok, json, "json", "{}\n", "b"},
      {"---json\n{\"a\": 1}\n---\n", ok, json, "json", "{\"a\": 1}\n", ""},
      {"---toml\na = 1\n---\nb", ok, toml, "toml", "a = 1\n", "b"},
      {"---coffee\na: 1\n---\nb", ok, other, "coffee", "a: 1\n", "b"},
      // "+++" opens TOML (Hugo, Zola), after blank lines too; only "+++"
      // closes it.
      {"+++\na = 1\n---\n+++\nb", ok, toml, "", "a = 1\n---\n", "b"},
      {"\n \n+++\r\na = 1\r\n+++\r\nb", ok, toml, "", "a = 1\r\n", "b"},
      {"---js\n", unclosed, other, "js", "", ""},
      // gray-matter's names: yaml and yml in any case, the others exactly.
      {"---YAML\n---\n", ok, yaml, "YAML", "", ""},
      {"---Yml\n---\n", ok, yaml, "Yml", "", ""},
      {"---JSON\n{}\n---\n", ok, other, "JSON", "{}\n", ""},
      {"---\t my lang \n---\n", ok, other, "my lang", "", ""},
      // JSON opened by "{" (Hugo): the object is the front matter.
      {"{\"a\": 1}\nbody", ok, json, "", "{\"a\": 1}", "body"},
      {"{\"a\": 1}\r\nbody", ok, json, "", "{\"a\": 1}", "body"},
      {"{\"a\": 1}\r\n\nbody", ok, json, "", "{\"a\": 1}", "\nbody"},
      {"{\"a\": 1}", ok, json, "", "{\"a\": 1}", ""},
      {"{\"a\": 1} tail\n", ok, json, "", "{\"a\": 1}", " tail\n"},
      {"{}\nbody", ok, json, "", "{}", "body"},
      {"{\n  \"a\": {\"b\": \"}\\\"{\"}\n}\nx", ok, json, "",
       "{\n  \"a\": {\"b\": \"}\\\"{\"}\n}", "x"},
      {"\xEF\xBB\xBF{\"a\": 1}\nb", ok, json, "", "{\"a\": 1}", "b"},
      {"{\"a\": {\"b\": 1}\nbody\n", unclosed, json, "",
       "{\"a\": {\"b\": 1}\nbody\n", ""},
      // Templates are not front matter.
      {"{{< figure >}}\n", missing, yaml, "", "", "{{< figure >}}\n"},
      {"{% extends \"base\" %}\n", missing, yaml, "", "",
       "{% extends \"base\" %}\n"},
      {"{ a }\n", missing, yaml, "", "", "{ a }\n"},
      {"{", missing, yaml, "", "", "{"},
  };
  for (const DialectCase& c : cases) {
    SCOPED_TRACE(testing::Message()
                 << "text: " << testing::PrintToString(std::string(c.text)));
    FrontMatter fm = split_front_matter(c.text);
    EXPECT_EQ(fm.status, c.status);
    EXPECT_EQ(fm.dialect, c.dialect);
    EXPECT_EQ(c.text.substr(fm.tag_begin, fm.tag_end - fm.tag_begin), c.tag);
    EXPECT_EQ(c.text.substr(fm.yaml_begin, fm.yaml_end - fm.yaml_begin),
              c.yaml);
    EXPECT_EQ(c.text.substr(fm.body_begin), c.body);
  }
  EXPECT_STREQ(dialect_name(Dialect::json), "json");
  EXPECT_STREQ(dialect_name(Dialect::yaml), "yaml");
  EXPECT_STREQ(dialect_name(Dialect::toml), "toml");
}

}  // namespace
}  // namespace fmkit
