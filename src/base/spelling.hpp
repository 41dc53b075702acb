// SPDX-License-Identifier: MIT
//
// "Did you mean" for every fmkit message: the nearest candidate by
// Damerau-Levenshtein distance (optimal string alignment: insertions,
// deletions, substitutions and swaps of adjacent characters, counted in
// code points, ASCII letters compared without case), and the one wording of
// the hint, " (did you mean 'x'?)", appended to a message. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmkit {

// Returns the edit distance between `a` and `b` (see above).
size_t edit_distance(std::string_view a, std::string_view b);

// Returns the candidate nearest to `word` when it is close enough: at most
// max(1, length of `word` / 3) edits, and fewer edits than the longer of
// the two has code points (so "x" never suggests "y"). Ties go to the
// earlier candidate. Returns std::nullopt when nothing is close.
std::optional<std::string> suggest_spelling(
    std::string_view word, const std::vector<std::string>& candidates);

// The one way fmkit words a suggestion: " (did you mean 'x'?)", with its
// leading space, for the candidate suggest_spelling() picks; "" when none
// is close. Appended to a message: "unknown key 'stauts' (did you mean
// 'status'?)".
std::string did_you_mean(std::string_view word,
                         const std::vector<std::string>& candidates);

}  // namespace fmkit
