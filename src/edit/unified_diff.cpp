// SPDX-License-Identifier: MIT
#include "edit/unified_diff.hpp"

#include <algorithm>
#include <vector>

namespace fmkit {

namespace {

// Splits `text` into lines that keep their "\n" (the last may lack it).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { keep, remove, add };

struct Line {
  Op op;
  size_t a;  // index in `before` (keep, remove)
  size_t b;  // index in `after` (keep, add)
};

// Myers' O(ND) diff of a[a0, a1) and b[b0, b1), appending the script to
// `out`. Migrations change a few lines of a front matter, so D stays small;
// the common prefix and suffix are stripped by the caller.
void myers(const std::vector<std::string_view>& a,
           const std::vector<std::string_view>& b, size_t a0, size_t a1,
           size_t b0, size_t b1, std::vector<Line>& out) {
  const long n = static_cast<long>(a1 - a0);
  const long m = static_cast<long>(b1 - b0);
  const long max = n + m;
  const long offset = max + 1;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  long d_found = -1;
  for (long d = 0; d <= max && d_found < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x;
      if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1];
      } else {
        x = v[offset + k - 1] + 1;
      }
      long y = x - k;
      while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        d_found = d;
        break;
      }
    }
  }
  // Walk the trace backwards to recover the edit script.
  std::vector<Line> script;
  long x = n;
  long y = m;
  for (long d = d_found; d > 0; --d) {
    const std::vector<long>& vd = trace[static_cast<size_t>(d)];
    long k = x - y;
    long prev_k;
    if (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) {
      prev_k = k + 1;
    } else {
      prev_k = k - 1;
    }
    long prev_x = vd[offset + prev_k];
    long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      script.push_back({Op::keep, a0 + x, b0 + y});
    }
    if (x == prev_x) {
      --y;
      script.push_back({Op::add, a0 + x, b0 + y});
    } else {
      --x;
      script.push_back({Op::remove, a0 + x, b0 + y});
    }
  }
  while (x > 0 && y > 0) {
    --x;
    --y;
    script.push_back({Op::keep, a0 + x, b0 + y});
  }
  out.insert(out.end(), script.rbegin(), script.rend());
}

void append_line(std::string& out, char sign, std::string_view line) {
  out += sign;
  out.append(line);
  if (!line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
}

std::string range(size_t start, size_t count) {
  // Unified diff ranges are 1-based; an empty range names the line before.
  std::string s = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) s += "," + std::to_string(count);
  return s;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view old_name, std::string_view new_name,
                         const DiffOptions& options) {
  if (before == after) return {};
  const std::vector<std::string_view> a = split_lines(before);
  const std::vector<std::string_view> b = split_lines(after);

  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Line> script;
  for (size_t i = 0; i < prefix; ++i) script.push_back({Op::keep, i, i});
  myers(a, b, prefix, a.size() - suffix, prefix, b.size() - suffix, script);
  for (size_t i = suffix; i > 0; --i) {
    script.push_back({Op::keep, a.size() - i, b.size() - i});
  }

  std::string out;
  out += "--- ";
  out.append(old_name);
  out += "\n+++ ";
  out.append(new_name);
  out += '\n';
  // Group changes into hunks with `context` lines around them.
  const size_t context = options.context;
  size_t i = 0;
  while (i < script.size()) {
    while (i < script.size() && script[i].op == Op::keep) ++i;
    if (i == script.size()) break;
    size_t start = i >= context ? i - context : 0;
    size_t end = i;
    // Extend the hunk while the next change is within 2 * context lines.
    while (end < script.size()) {
      size_t next = end;
      while (next < script.size() && script[next].op != Op::keep) ++next;
      size_t keep_run = next;
      while (keep_run < script.size() && script[keep_run].op == Op::keep) {
        ++keep_run;
      }
      if (keep_run == script.size() || keep_run - next > 2 * context) {
        end = std::min(script.size(), next + context);
        break;
      }
      end = keep_run;
    }
    size_t a_start = script[start].a;
    size_t b_start = script[start].b;
    size_t a_count = 0;
    size_t b_count = 0;
    for (size_t j = start; j < end; ++j) {
      if (script[j].op != Op::add) ++a_count;
      if (script[j].op != Op::remove) ++b_count;
    }
    out += "@@ -" + range(a_start, a_count) + " +" + range(b_start, b_count) +
           " @@\n";
    for (size_t j = start; j < end; ++j) {
      switch (script[j].op) {
        case Op::keep:
          append_line(out, ' ', a[script[j].a]);
          break;
        case Op::remove:
          append_line(out, '-', a[script[j].a]);
          break;
        case Op::add:
          append_line(out, '+', b[script[j].b]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace fmkit
