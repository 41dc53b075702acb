// SPDX-License-Identifier: MIT
//
// Escaping text for the output formats that embed it in another syntax:
// GitHub workflow commands and XML. Every function returns valid UTF-8:
// an ill-formed byte (base/utf8.hpp) becomes U+FFFD. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace fmkit {

// Returns `text` with each ill-formed UTF-8 byte replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

// Returns `text` fit for a terminal or a log, as the text format prints file
// names and messages: valid UTF-8 with each control character (C0 including
// tab and line feed, DEL, C1) replaced by U+FFFD, so that a key or a file
// name read from the input cannot move the cursor, change colors or the
// window's title, or start a line that looks like another diagnostic.
std::string to_terminal_text(std::string_view text);

// Returns `text` escaped as the data (message) of a GitHub workflow command:
// '%' -> %25, '\r' -> %0D, '\n' -> %0A; the other control characters but
// tab (ESC, DEL, C1) become U+FFFD, as in to_terminal_text().
std::string escape_workflow_data(std::string_view text);

// Returns `text` escaped as a property value of a GitHub workflow command:
// as escape_workflow_data(), and ':' -> %3A, ',' -> %2C.
std::string escape_workflow_property(std::string_view text);

// Returns `text` escaped as XML 1.0 character data: & < > become entities,
// a carriage return a character reference (a parser would drop it), tab and
// line feed stay; the characters XML 1.0 forbids even as references (the
// other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
std::string escape_xml_text(std::string_view text);

// Returns `text` escaped as an XML 1.0 attribute value in double quotes: as
// escape_xml_text(), and " ' become entities, tab and line feed character
// references (a parser would turn them into spaces).
std::string escape_xml_attribute(std::string_view text);

}  // namespace fmkit
