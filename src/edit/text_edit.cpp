// SPDX-License-Identifier: MIT
#include "edit/text_edit.hpp"

#include <algorithm>

namespace fmkit {

Expected<std::string> apply_edits(std::string_view text,
                                  std::vector<TextEdit> edits) {
  // An insert at the offset where a replacement starts goes before it.
  std::stable_sort(edits.begin(), edits.end(),
                   [](const TextEdit& a, const TextEdit& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.begin == a.end && b.begin != b.end;
                   });
  // The exact size (for valid edits), so the text a write may hold is no
  // bigger than it is.
  size_t inserted = 0;
  size_t deleted = 0;
  for (const TextEdit& edit : edits) {
    const size_t end = std::min(edit.end, text.size());
    inserted += edit.text.size();
    deleted += end - std::min(edit.begin, end);
  }
  std::string out;
  out.reserve(text.size() - std::min(deleted, text.size()) + inserted);
  size_t done = 0;
  size_t deleted_to = std::string_view::npos;  // end of a deletion just done
  for (const TextEdit& edit : edits) {
    if (edit.begin > edit.end || edit.end > text.size()) {
      return unexpected("edit [" + std::to_string(edit.begin) + ", " +
                        std::to_string(edit.end) + ") is outside the text (" +
                        std::to_string(text.size()) + " bytes)");
    }
    // An insert inside the text a deletion before it removes goes where
    // the deletion leaves nothing: the same place in the output.
    const bool into_deletion =
        edit.begin < done && edit.begin == edit.end && deleted_to == done;
    if (edit.begin < done && !into_deletion) {
      return unexpected("edits overlap at byte " + std::to_string(edit.begin));
    }
    if (into_deletion) {
      out.append(edit.text);
      continue;
    }
    out.append(text.substr(done, edit.begin - done));
    out.append(edit.text);
    // Text put right before a '#' would take it in ("true# note" is one
    // YAML scalar): a space keeps the '#' a comment's.
    if (!edit.text.empty() && edit.end < text.size() && text[edit.end] == '#' &&
        edit.text.back() != ' ' && edit.text.back() != '\n') {
      out += ' ';
    }
    done = edit.end;
    deleted_to = edit.text.empty() ? done : std::string_view::npos;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace fmkit
