// SPDX-License-Identifier: MIT
//
// libfyaml's error messages say what the parser met ("wrongly indented
// double-quoted scalar", "invalid multiline plain key"); users need the
// cause ("the string opened here is never closed"). explain_libfyaml_error()
// maps the messages of the common real-world mistakes, found by feeding
// such inputs to libfyaml 0.7, to a cause-first message and the place of the
// cause; anything else keeps libfyaml's text (lower-cased, no final period).
//
// Any error after a lone CR on its line (one not followed by LF; YAML
// ends a line there) is the CR's, at the CR. The table (libfyaml's message
// -> ours):
// - "... scalar without closing quote" -> the string opened here is never
//   closed (at the opening quote);
// - "invalid trailing content after ...-quoted scalar" -> text after the
//   closing quote (how to write a quote inside);
// - "invalid nested block mapping on the same line" -> a plain value holds
//   ": " (quote the value);
// - "invalid multiline plain key" -> a missing space after ':' ("a:b"), or
//   a key indented more than the key above it;
// - "invalid indentation in mapping" -> a key indented like no key above;
// - "invalid value after mapping" -> a missing space after ':', or a line
//   that is neither a key nor a list item;
// - "did not find expected key" at a '-' / "invalid scalar at the end of
//   block sequence" -> a list and a mapping mixed at one level;
// - "flow ... without a closing ..." / "missing comma in flow ..." at the
//   start of a later line -> the '[' or '{' opened here is never closed (at
//   the bracket); other missing commas name the list;
// - "flow ... with invalid extra closing ..." -> a stray ']' or '}';
// - "block sequence on the same line as a mapping key" -> a list started
//   on its key's line;
// - "plain scalar cannot start with '@'" (or '`') -> quote the value;
// - "invalid alias/anchor detected" -> a '*' or '&' without a name;
// - the four wordings of tab indentation -> one, at the first tab.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fmkit {

struct LibfyamlError {
  std::string_view message;  // libfyaml's text
  size_t begin = 0;          // where libfyaml reports it: file offsets
  size_t end = 0;
};

struct YamlErrorContext {
  std::string_view text;  // the whole file text
  size_t begin = 0;       // the YAML slice: text[begin, end)
  size_t end = 0;
  // The innermost '[' or '{' still open where libfyaml stopped, or npos.
  size_t open_bracket = std::string_view::npos;
};

struct ExplainedError {
  std::string message;
  size_t begin = 0;  // file offsets; end > begin when the place has text
  size_t end = 0;
};

// Returns the message and place for `error`.
ExplainedError explain_libfyaml_error(const LibfyamlError& error,
                                      const YamlErrorContext& context);

}  // namespace fmkit
