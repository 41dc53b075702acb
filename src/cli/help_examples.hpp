// SPDX-License-Identifier: MIT
//
// The examples that end `fmkit --help` and every subcommand's --help: one
// table of real commands, each with what it does, written for a site laid
// out like the README's (fmkit.yaml beside content/, schemas/ and
// migrations/). A test runs every one of them on such a site. Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns the "Examples:" section of `command`'s help ("" for fmkit
// itself, "validate", "migrate status", "schema check", ...), one example
// per two lines:
//   Examples:
//     fmkit validate content/posts
//         check only the files under content/posts
// without a final line ending; "" when the table has none for `command`.
std::string help_examples(std::string_view command);

// Returns the command line of every example, in table order.
std::vector<std::string_view> help_example_lines();

}  // namespace fmkit
