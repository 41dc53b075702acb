// SPDX-License-Identifier: MIT
#include "migrate/source_text.hpp"

#include <gtest/gtest.h>

namespace fmkit {
namespace {

using nlohmann::json;

Document read(std::string_view text) {
  LineIndex lines(text);
  std::vector<Diagnostic> diagnostics;
  Document document = read_document(text, lines, {}, diagnostics);
  EXPECT_TRUE(document.usable);
  return document;
}

TEST(SourceTextTest, NumbersAreTheirWrittenText) {
  const std::string text =
      "---\n"
      "a: 1.10 # c\n"
      "b: !!float 1.10\n"
      "c: 123456789012345678901234567890\n"
      "l: [x, +5, 010]\n"
      "a/b: 0x1F\n"
      "---\n";
  Document document = read(text);
  SourceText source(text, document);
  struct Case {
    const char* pointer;
    const char* written;
  };
  for (const Case& c :
       {Case{"/a", "1.10"}, Case{"/b", "1.10"},
        Case{"/c", "123456789012345678901234567890"}, Case{"/l/1", "+5"},
        Case{"/l/2", "010"}, Case{"/a~1b", "0x1F"}}) {
    SCOPED_TRACE(c.pointer);
    const json& value = document.data.at(json::json_pointer(c.pointer));
    EXPECT_EQ(source.written_number(value, c.pointer), c.written);
    EXPECT_EQ(source.text(value, c.pointer), c.written);
  }
}

TEST(SourceTextTest, OtherValuesAreTheirJsonText) {
  const std::string text =
      "---\n"
      "q: '1.10'\n"
      "t: True\n"
      "n: ~\n"
      "a: &x 1.10\n"
      "b: *x\n"
      "---\n";
  Document document = read(text);
  SourceText source(text, document);
  EXPECT_EQ(source.text(json("1.10"), "/q"), "1.10");
  EXPECT_EQ(source.written_number(json("1.10"), "/q"), std::nullopt);
  EXPECT_EQ(source.text(json(true), "/t"), "true");
  EXPECT_EQ(source.text(json(nullptr), "/n"), "null");
  // An alias's digits are written at its anchor, which it does not say.
  EXPECT_EQ(source.text(json(1.1), "/a"), "1.10");
  EXPECT_EQ(source.written_number(json(1.1), "/b"), std::nullopt);
  EXPECT_EQ(source.text(json(1.1), "/b"), "1.1");
  // A value the document does not hold at the pointer has no written text.
  EXPECT_EQ(source.text(json(5), "/a"), "5");
  EXPECT_EQ(source.text(json(5), "/missing"), "5");
}

TEST(SourceTextTest, WithoutADocumentEverythingIsJsonText) {
  SourceText none;
  EXPECT_EQ(none.text(json(1.1), "/a"), "1.1");
  EXPECT_EQ(none.text(json(31), "/a"), "31");
  EXPECT_EQ(none.text(json("x"), "/a"), "x");
  EXPECT_EQ(json_text(json(false)), "false");
}

}  // namespace
}  // namespace fmkit
