// SPDX-License-Identifier: MIT
#include "cli/progress.hpp"

#include <cstdio>
#include <utility>

namespace fmkit {

namespace {

using Clock = std::chrono::steady_clock;

// Runs shorter than this show no line at all.
constexpr Clock::duration k_first_draw = std::chrono::seconds(1);
// At most ten redraws a second.
constexpr Clock::duration k_redraw = std::chrono::milliseconds(100);

// "\r" goes back to the start of the row; "ESC [ K" erases to its end.
constexpr std::string_view k_erase = "\r\033[K";

std::string format_duration(long long seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  std::string minutes = std::to_string(seconds / 60 % 60);
  std::string rest = std::to_string(seconds % 60);
  if (rest.size() < 2) rest.insert(0, "0");
  if (seconds < 3600) return minutes + ":" + rest;
  if (minutes.size() < 2) minutes.insert(0, "0");
  return std::to_string(seconds / 3600) + ":" + minutes + ":" + rest;
}

// Whole files a second, with a tenth below 10 ("0.5", "8.3", "8712").
std::string format_rate(double rate) {
  if (rate >= 10) return std::to_string(static_cast<long long>(rate));
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", rate);
  return text;
}

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, std::ostream& err,
                           const CliEnvironment& environment, size_t total,
                           std::string verb, ShowProgress show)
    : m_out(out),
      m_err(err),
      m_clock(environment.clock),
      m_total(total),
      m_verb(std::move(verb)),
      m_enabled(show == ShowProgress::on_terminal &&
                environment.err_is_terminal) {
  if (!m_enabled) return;
  m_guard = std::make_unique<Guard>(out.rdbuf(), *this);
  m_guarded = std::make_unique<std::ostream>(m_guard.get());
  m_guarded->copyfmt(out);
  m_start = now();
}

ProgressLine::~ProgressLine() { clear(); }

Clock::time_point ProgressLine::now() const {
  return m_clock ? m_clock() : Clock::now();
}

void ProgressLine::advance() {
  if (!m_enabled) return;
  ++m_done;
  Clock::time_point at = now();
  if (at - m_start < k_first_draw) return;
  if (m_last_draw && at - *m_last_draw < k_redraw) return;
  draw(at);
}

void ProgressLine::draw(Clock::time_point at) {
  // What the report wrote so far goes first, above the line.
  m_out.flush();
  m_err << k_erase << text(m_verb, m_done, m_total, at - m_start);
  m_err.flush();
  m_visible = true;
  m_last_draw = at;
}

void ProgressLine::clear() {
  if (!m_visible) return;
  m_err << k_erase;
  m_err.flush();
  m_visible = false;
}

std::string ProgressLine::text(std::string_view verb, size_t done, size_t total,
                               Clock::duration elapsed) {
  std::string line(verb);
  line += " " + std::to_string(done) + "/" + std::to_string(total) + " files";
  if (total > 0) line += " (" + std::to_string(done * 100 / total) + "%)";
  double seconds = std::chrono::duration<double>(elapsed).count();
  if (done == 0 || seconds <= 0) return line;
  double rate = static_cast<double>(done) / seconds;
  line += ", " + format_rate(rate) + "/s";
  if (done < total) {
    auto left =
        static_cast<long long>(static_cast<double>(total - done) / rate);
    line += ", " + format_duration(left) + " left";
  }
  return line;
}

ProgressLine::Guard::int_type ProgressLine::Guard::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) {
    return traits_type::not_eof(c);
  }
  m_line.clear();
  return m_target->sputc(traits_type::to_char_type(c));
}

std::streamsize ProgressLine::Guard::xsputn(const char* s, std::streamsize n) {
  m_line.clear();
  return m_target->sputn(s, n);
}

int ProgressLine::Guard::sync() { return m_target->pubsync(); }

}  // namespace fmkit
