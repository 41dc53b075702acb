// SPDX-License-Identifier: MIT
#include "report/escape.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fmkit {
namespace {

// U+FFFD, what an ill-formed byte becomes.
const std::string k_fffd = "\xEF\xBF\xBD";

TEST(EscapeTest, WorkflowDataEscapesPercentAndLineBreaksOnly) {
  EXPECT_EQ(escape_workflow_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b");
  // An escape sequence already in the text is escaped again, so the runner
  // shows it as written.
  EXPECT_EQ(escape_workflow_data("%0A"), "%250A");
  EXPECT_EQ(escape_workflow_data("《埃》 ok"), "《埃》 ok");
}

// GitHub's log viewer runs ANSI escape sequences: a key read from a post
// must not color or hide the lines of the log.
TEST(EscapeTest, WorkflowCommandsCarryNoControlCharacters) {
  EXPECT_EQ(escape_workflow_data("a\x1b[8mb\x7f\u0085\tc"),
            "a" + k_fffd + "[8mb" + k_fffd + k_fffd + "\tc");
  EXPECT_EQ(escape_workflow_property("x\x1b]0;t\x07.md"),
            "x" + k_fffd + "]0;t" + k_fffd + ".md");
}

TEST(EscapeTest, WorkflowPropertiesAlsoEscapeColonAndComma) {
  EXPECT_EQ(escape_workflow_property("a,b:c%d\re\nf"), "a%2Cb%3Ac%25d%0De%0Af");
  EXPECT_EQ(escape_workflow_property("posts/été.md"), "posts/été.md");
  EXPECT_EQ(escape_workflow_property(""), "");
}

TEST(EscapeTest, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(escape_workflow_data("a\xff:b"), "a" + k_fffd + ":b");
  EXPECT_EQ(escape_workflow_property("\xc3"), k_fffd);
  EXPECT_EQ(to_valid_utf8("ok \xe2\x82"), "ok " + k_fffd + k_fffd);
  EXPECT_EQ(to_valid_utf8("été"), "été");
}

// ESC, BEL, a line feed, DEL and C1's CSI from a key or a file name would
// drive the terminal or fake another diagnostic line.
TEST(EscapeTest, TerminalTextReplacesControlCharacters) {
  EXPECT_EQ(to_terminal_text("posts/a.md"), "posts/a.md");
  EXPECT_EQ(to_terminal_text("caf\xC3\xA9 \xE5\x9F\x83"),
            "caf\xC3\xA9 \xE5\x9F\x83");
  EXPECT_EQ(to_terminal_text("'\x1B]0;pwned\x07'"),
            "'\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD'");
  EXPECT_EQ(to_terminal_text("b\nad.md\t\r\x7F\xC2\x9B"),
            "b\xEF\xBF\xBD"
            "ad.md\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
            "\xEF\xBF\xBD");
  EXPECT_EQ(to_terminal_text("\xFF"), "\xEF\xBF\xBD");
}

TEST(EscapeTest, XmlText) {
  EXPECT_EQ(escape_xml_text("a < b && c > \"d\" 'e'\tf\ng\rh"),
            "a &lt; b &amp;&amp; c &gt; \"d\" 'e'\tf\ng&#13;h");
  // Characters XML 1.0 forbids even as references.
  const std::string forbidden(
      "a\0b\x1b"
      "c\xEF\xBF\xBE",
      8);
  EXPECT_EQ(escape_xml_text(forbidden),
            "a" + k_fffd + "b" + k_fffd + "c" + k_fffd);
  EXPECT_EQ(escape_xml_text("\xff"), k_fffd);
}

TEST(EscapeTest, XmlAttributeAlsoEscapesQuotesAndWhitespace) {
  EXPECT_EQ(escape_xml_attribute("\"a\" 'b'\tc\nd\re & <f>"),
            "&quot;a&quot; &apos;b&apos;&#9;c&#10;d&#13;e &amp; &lt;f&gt;");
}

}  // namespace
}  // namespace fmkit
