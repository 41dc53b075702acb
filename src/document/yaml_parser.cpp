// SPDX-License-Identifier: MIT
//
// libfyaml plumbing for the Converter: creating the parser and its
// diagnostics object, pulling events, and turning libfyaml's collected
// errors into yaml.syntax diagnostics (worded by libfyaml_messages).
#include "base/utf8.hpp"
#include "document/libfyaml_messages.hpp"
#include "document/yaml_converter.hpp"

#include <libfyaml.h>
// AddressSanitizer's leak checker: GCC says __SANITIZE_ADDRESS__, clang
// (the fuzz build) __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define FMKIT_LEAK_CHECKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FMKIT_LEAK_CHECKS 1
#endif
#endif
#if defined(FMKIT_LEAK_CHECKS)
#include <sanitizer/lsan_interface.h>
#endif

#include <algorithm>
#include <cstring>
#include <memory>

namespace fmkit::detail {

namespace {

// fy_diag_destroy(), not fy_diag_unref(): in libfyaml 0.7 only destroy
// frees the collected errors (and the tokens they hold). It must run after
// the parser's own reference is gone, so the parser is destroyed first.
struct DiagDeleter {
  void operator()(fy_diag* diag) const { fy_diag_destroy(diag); }
};
struct ParserDeleter {
  void operator()(fy_parser* parser) const { fy_parser_destroy(parser); }
};

// libfyaml 0.7 (Debian 12) frees a simple key twice when a tab before a
// block indicator follows a ':' (`? -:<tab>-`; upstream issue #57, fixed
// later): the parser's cleanup then crashes. Returns whether the error that
// follows the double free was reported.
bool hits_double_free(fy_diag* diag) {
  void* iter = nullptr;
  while (fy_diag_error* e = fy_diag_errors_iterate(diag, &iter)) {
    if (e->msg != nullptr &&
        std::strstr(e->msg, "cannot use tab for indentation of block entry")) {
      return true;
    }
  }
  return false;
}

// Leaves a parser undestroyed (a few KB, only for the input above) rather
// than crash the process; LeakSanitizer is told it is deliberate.
void abandon(fy_parser* parser) {
#if defined(FMKIT_LEAK_CHECKS)
  __lsan_ignore_object(parser);
#else
  (void)parser;
#endif
}

// libfyaml's diagnostics object prints through this when it prints at all;
// the core never writes to the terminal.
void discard_output(fy_diag*, void*, const char*, size_t) {}

// A parser and its diagnostics object, kept by each thread for the next
// document of the same flow-indentation mode (creating them costs about a
// tenth of reading a front matter). The diagnostics object cannot drop the
// messages it collected: after a document with any, both are destroyed.
// Members are destroyed in reverse order: the parser before its diag.
struct ParserSlot {
  std::unique_ptr<fy_diag, DiagDeleter> diag;
  std::unique_ptr<fy_parser, ParserDeleter> parser;

  void clear() {
    parser.reset();
    diag.reset();
  }
};

// Returns a slot with a parser ready for a new input, or nullptr when
// libfyaml cannot create one.
ParserSlot* ready_parser(bool sloppy) {
  thread_local ParserSlot slots[2];
  ParserSlot& slot = slots[sloppy ? 1 : 0];
  if (slot.parser) {
    if (fy_parser_reset(slot.parser.get()) == 0) return &slot;
    slot.clear();
  }
  fy_diag_cfg diag_cfg;
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = nullptr;
  diag_cfg.output_fn = &discard_output;
  diag_cfg.colorize = false;
  slot.diag.reset(fy_diag_create(&diag_cfg));
  if (!slot.diag) return nullptr;
  fy_diag_set_collect_errors(slot.diag.get(), true);
  fy_parse_cfg cfg{};
  unsigned flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE;
  if (sloppy) flags |= FYPCF_SLOPPY_FLOW_INDENTATION;
  cfg.flags = static_cast<fy_parse_cfg_flags>(flags);
  cfg.diag = slot.diag.get();
  slot.parser.reset(fy_parser_create(&cfg));
  if (!slot.parser) {
    slot.clear();
    return nullptr;
  }
  return &slot;
}

// The messages of the errors a sloppy parse may accept: a flow collection or
// a quoted string with a line indented no more than its block parent.
bool is_flow_indentation_error(std::string_view message) {
  return message.starts_with("wrongly indented") &&
         (message.find("flow") != std::string_view::npos ||
          message.find("quoted scalar") != std::string_view::npos);
}

}  // namespace

void Converter::report(Severity severity, std::string_view rule,
                       std::string message, size_t begin, size_t end,
                       std::string pointer) {
  Diagnostic d;
  d.severity = severity;
  d.rule = std::string(rule);
  d.message = std::move(message);
  d.pointer = std::move(pointer);
  d.span = m_lines.span(begin, std::max(begin, end));
  m_diagnostics.push_back(std::move(d));
}

bool Converter::run() {
  const std::string_view slice = m_text.substr(m_begin, m_end - m_begin);
  if (m_positions) {
    // About one node per line; a good first guess saves regrowing.
    m_positions->reserve(
        8 + static_cast<size_t>(std::count(slice.begin(), slice.end(), '\n')));
  }
  m_stack.reserve(16);

  ParserSlot* slot = ready_parser(m_indentation == FlowIndentation::sloppy);
  if (slot == nullptr || fy_parser_set_string(slot->parser.get(), slice.data(),
                                              slice.size()) != 0) {
    error("yaml.syntax", "cannot create a YAML parser", m_begin, m_begin);
    return false;
  }
  fy_parser* parser = slot->parser.get();
  fy_diag* diag = slot->diag.get();
  while (fy_event* event = fy_parser_parse(parser)) {
    on_event(event);
    fy_parser_event_free(parser, event);
    if (m_stop) break;
  }
  if (!m_stop) report_quoted_only();
  if (!m_stop && fy_diag_got_error(diag)) {
    collect_libfyaml_errors(diag);
  } else if (!m_stop) {
    report_multi_line_keys();
  }
  void* iter = nullptr;
  if (m_stop || fy_diag_errors_iterate(diag, &iter) != nullptr) {
    if (hits_double_free(diag)) abandon(slot->parser.release());
    slot->clear();
  }
  return !m_failed;
}

void Converter::collect_libfyaml_errors(fy_diag* diag) {
  YamlErrorContext context{m_text, m_begin, m_end, open_bracket()};
  void* iter = nullptr;
  size_t count = 0;
  while (fy_diag_error* e = fy_diag_errors_iterate(diag, &iter)) {
    if (e->type != FYET_ERROR) continue;
    LibfyamlError raw{e->msg ? e->msg : "", m_begin, m_begin};
    const fy_mark* start = e->fyt ? fy_token_start_mark(e->fyt) : nullptr;
    if (start != nullptr) {
      raw.begin = offset(start);
      const fy_mark* stop_mark = fy_token_end_mark(e->fyt);
      raw.end = stop_mark ? std::max(raw.begin, offset(stop_mark)) : raw.begin;
    } else if (e->line > 0) {
      // 1-based line and column, relative to the slice; columns count code
      // points.
      size_t at = m_begin;
      for (int line = 1; line < e->line && at < m_end; ++line) {
        size_t newline = m_text.find('\n', at);
        at = newline == std::string_view::npos || newline >= m_end
                 ? m_end
                 : newline + 1;
      }
      for (int column = 1;
           column < e->column && at < m_end && m_text[at] != '\n'; ++column) {
        at = next_code_point(m_text.substr(0, m_end), at);
      }
      raw.begin = raw.end = std::min(at, m_end);
    }
    if (count == 0 && is_flow_indentation_error(raw.message)) {
      m_flow_indentation_error = true;
      m_flow_indentation_at = raw.begin;
    }
    ExplainedError explained = explain_libfyaml_error(raw, context);
    error("yaml.syntax", std::move(explained.message), explained.begin,
          explained.end);
    ++count;
  }
  if (count == 0) {
    error("yaml.syntax", "invalid YAML", m_last_end, m_last_end);
  }
}

}  // namespace fmkit::detail
