// SPDX-License-Identifier: MIT
//
// The converter behind parse_yaml_document() and parse_yaml_stream(), for
// document/ only: one pass over libfyaml's events, building JSON values with
// an explicit stack (no recursion, so depth costs heap, not stack), recording
// each node's span in a PositionMap and reporting what yaml_to_json.hpp
// lists. yaml_parser.cpp drives libfyaml and turns its errors into
// diagnostics (with document/libfyaml_messages); yaml_converter.cpp handles
// the events.
//
// libfyaml's marks are byte offsets into the parsed slice, 0-based lines and
// 0-based columns counted in code points; offset() turns a mark into a file
// offset, the only coordinate used here. The event API does not check
// duplicate keys; begin_value() does. A Converter runs once; not
// thread-safe, but each parse has its own.
#pragma once

#include "base/source_span.hpp"
#include "diag/diagnostic.hpp"
#include "document/position_map.hpp"
#include "document/yaml_scalar.hpp"
#include "document/yaml_to_json.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct fy_diag;
struct fy_event;
struct fy_mark;
struct fy_token;

namespace fmkit::detail {

// What the converter reads: one front matter document (with warnings) or a
// whole stream (values only).
enum class Mode { document, stream };

// How libfyaml treats flow collections and quoted strings whose lines are
// indented no more than their block parent (`aliases: [` ... `]` at column
// 1). Strict YAML 1.2 rejects them; every site generator's reader accepts
// them, and so does libfyaml's FYPCF_SLOPPY_FLOW_INDENTATION.
enum class FlowIndentation { strict, sloppy };

struct Anchor {
  nlohmann::json value;
  std::string text;  // a scalar's text as written, for use as a key
  NodeKind kind = NodeKind::scalar;
  bool complete = false;
  size_t nodes = 1;   // nodes in the anchored subtree, aliases expanded
  size_t bytes = 0;   // scalar bytes in it
  size_t height = 0;  // collection levels in it: 0 for a scalar
};

struct Frame {
  nlohmann::json value;
  NodeInfo info;
  std::string pointer;
  std::string anchor;               // the anchor's name; empty when none
  size_t entry = NodeInfo::k_none;  // index in the PositionMap
  size_t nodes_before = 0;
  size_t bytes_before = 0;
  size_t height = 1;
  size_t last_end = 0;   // end of the last child so far
  bool tracked = false;  // has positions (not inside a key, not a duplicate)
  bool in_key = false;   // this collection is, or is inside, a mapping key
  bool anchored = false;
  bool has_children = false;
  bool braced = false;  // written with "[" / "{" (so it ends with "]" / "}")
  // Mappings: the values of their merge keys ("<<"), merged at their end
  // (yaml_readers.cpp).
  std::vector<nlohmann::json> merges;
  // Mappings: the key waiting for its value, and whether it is "<<".
  bool merge_key = false;
  bool have_key = false;
  std::string key;
  size_t key_begin = 0;
  size_t key_end = 0;
};

enum class Slot { root, item, key, value };

// The text of `token` as libfyaml gives it (a tag resolved:
// "tag:yaml.org,2002:str"); "" for none.
std::string token_string(fy_token* token);

class Converter {
 public:
  Converter(std::string_view text, size_t begin, size_t end,
            const LineIndex& lines, const YamlOptions& options, Mode mode,
            FlowIndentation indentation, std::vector<Diagnostic>& diagnostics,
            PositionMap* positions)
      : m_text(text),
        m_begin(begin),
        m_end(end),
        m_lines(lines),
        m_options(options),
        m_mode(mode),
        m_indentation(indentation),
        m_diagnostics(diagnostics),
        m_positions(positions),
        m_last_end(begin) {}

  // Parses the slice (whose size and characters the caller checked); returns
  // false when an error was reported.
  bool run();

  // After a failed strict run: whether libfyaml stopped at a line indented
  // no more than its block parent inside a flow collection or a quoted
  // string, which a sloppy run may accept. Its place is strict_error().
  bool failed_on_flow_indentation() const { return m_flow_indentation_error; }
  size_t strict_error() const { return m_flow_indentation_at; }

  std::vector<nlohmann::json>& documents() { return m_documents; }

  // The offsets of what may stand only in a quoted scalar (Mode::document):
  // the slice's U+0085, U+2028 and U+2029 (check_yaml_characters() finds
  // them), which YAML 1.1 readers take for line breaks, and each '%' that
  // starts a line, which YAML reads as a directive (libfyaml skips its
  // line). run() reports those outside quoted scalars.
  void set_quoted_only(std::vector<size_t> offsets) {
    m_quoted_only = std::move(offsets);
  }

 private:
  // Diagnostics.
  void report(Severity severity, std::string_view rule, std::string message,
              size_t begin, size_t end, std::string pointer = {});
  void error(std::string_view rule, std::string message, size_t begin,
             size_t end, std::string pointer = {}) {
    m_failed = true;
    report(Severity::error, rule, std::move(message), begin, end,
           std::move(pointer));
  }
  void stop(std::string_view rule, std::string message, size_t begin,
            size_t end) {
    error(rule, std::move(message), begin, end);
    m_stop = true;
  }
  void collect_libfyaml_errors(fy_diag* diag);
  void warn_yaml11(std::string_view text, size_t begin, size_t end, Slot slot,
                   const std::string& pointer = {});
  // Types a scalar as resolve_scalar() does into `value` and, in a YAML 1.1
  // document, a plain untagged one as document/yaml11.hpp says, with the
  // yaml11-ambiguous message when the YAML 1.1 readers disagree.
  struct Typed {
    Resolution resolution = Resolution::ok;
    std::string ambiguity;
  };
  Typed type_scalar(std::string_view text, ScalarStyle style, TagKind tag,
                    nlohmann::json& value) const;
  void check_flow_indentation(size_t begin, size_t end);
  // yaml_readers.cpp: read_tag() returns the kind of `tag` (TagKind::none for
  // none), warning first about one that is neither "!" nor a YAML 1.1 type
  // (yaml.unknown-tag; it is read as if absent); check_key() refuses a key
  // written as nothing and an implicit key over 1024 characters
  // (yaml.syntax), and returns whether the key is a merge key ("<<");
  // add_merge() takes the value of a merge key, apply_merges() merges a
  // mapping's at its end.
  TagKind read_tag(fy_token* tag);
  void check_flow_tag(fy_token* tag);
  bool check_key(std::string_view key, ScalarStyle style, TagKind tag,
                 size_t begin, size_t end);
  void add_merge(nlohmann::json&& value, size_t end);
  void apply_merges(Frame& frame);
  void check_implicit_key(ScalarStyle style, size_t begin, size_t end);
  void report_multi_line_keys();
  // A key on the line after a lone "?", not indented past it (libfyaml
  // reads it as the key, libyaml's readers reject it): yaml.syntax.
  bool has_lone_question() const;
  void check_explicit_key(size_t begin);
  // A block scalar spanning [begin, end) from its header that libfyaml gave
  // lines at its collection's indentation: yaml.unsupported.
  void check_empty_block_scalar(size_t begin, size_t end);
  // Of the line separators set_quoted_only() gave, those in a quoted
  // scalar are allowed; the others are reported at the end of run().
  void allow_quoted_only(size_t begin, size_t end);
  void report_quoted_only();
  void check_value_indentation(Slot slot, const NodeInfo& info);

  // Events.
  void on_event(fy_event* event);
  void on_document_start(fy_event* event);
  void on_document_end();
  void on_scalar(fy_event* event);
  void on_alias(fy_event* event);
  void on_collection_start(fy_event* event, NodeKind kind);
  void on_collection_end(fy_event* event);

  // Helpers.
  Slot next_slot() const;
  bool count_node(size_t nodes, size_t bytes, size_t begin, size_t end);
  size_t offset(const fy_mark* mark) const;
  size_t token_end(fy_token* token) const;
  Anchor& register_anchor_start(const std::string& name, NodeKind kind);
  // Starts a node in `slot` (not a key): computes its pointer, checks for a
  // duplicate key and records its position. Returns whether it is tracked.
  bool begin_value(Slot slot, NodeInfo& info, std::string& pointer,
                   size_t& entry);
  void place_value(Slot slot, nlohmann::json&& value, size_t end);
  void set_key(std::string key, size_t begin, size_t end);
  void complex_key(std::string_view what, size_t begin, size_t end);
  size_t empty_position(Slot slot, size_t lower_bound, bool has_properties);
  size_t block_header(size_t lower_bound, size_t content_begin) const;
  size_t block_indent(size_t header_end, size_t end) const;
  size_t block_end(size_t header_end, size_t end) const;
  void scalar_span(fy_token* token, ScalarStyle style, size_t lower_bound,
                   bool has_properties, Slot slot, size_t& begin, size_t& end);
  // scalar_span() of a scalar event, then the checks on quoted scalars
  // (their indentation in a sloppy run, the line separators they hold) and
  // block scalars (check_empty_block_scalar()).
  void checked_scalar_span(fy_event* event, ScalarStyle style, Slot slot,
                           size_t& begin, size_t& end);
  // Where the ':' of the empty key whose span starts at `begin` is, when
  // the key is written as nothing (": v", "{: v}", "[a, : v]"), not as "? ";
  // else npos.
  size_t implicit_empty_key(size_t begin) const;
  // A view of libfyaml's text, of the file's, or of m_unquoted.
  std::string_view scalar_text(fy_token* token, ScalarStyle style);
  size_t block_indentation() const;
  size_t open_bracket() const;
  bool tracked_context() const {
    return m_positions != nullptr &&
           (m_stack.empty() ||
            (m_stack.back().tracked && !m_stack.back().in_key));
  }
  bool in_key_context() const {
    return !m_stack.empty() && m_stack.back().in_key;
  }

  std::string_view m_text;
  size_t m_begin;
  size_t m_end;
  std::vector<size_t> m_quoted_only;  // see set_quoted_only()
  const LineIndex& m_lines;
  const YamlOptions& m_options;
  Mode m_mode;
  FlowIndentation m_indentation;
  std::vector<Diagnostic>& m_diagnostics;
  PositionMap* m_positions;

  std::vector<Frame> m_stack;
  std::unordered_map<std::string, Anchor> m_anchors;
  std::vector<nlohmann::json> m_documents;
  nlohmann::json m_root;
  bool m_have_root = false;
  size_t m_document_count = 0;
  bool m_second_document = false;  // report at the next event with a mark
  size_t m_nodes = 0;
  size_t m_bytes = 0;
  size_t m_held_nodes = 0;  // nodes kept in anchor copies
  size_t m_held_bytes = 0;
  bool m_expanded_alias = false;  // an alias was counted in m_nodes
  size_t m_last_end;
  std::string m_unquoted;   // the last single-quoted scalar's value
  size_t m_flow_depth = 0;  // braced flow collections open
  // Whether some line holds a lone '?' (check_explicit_key); unknown until
  // the first block key asks.
  std::optional<bool> m_lone_question;
  // Implicit keys over several lines in flow collections: [begin, end of
  // their first line) (check_implicit_key()).
  std::vector<std::pair<size_t, size_t>> m_multi_line_keys;
  bool m_failed = false;
  bool m_stop = false;
  bool m_flow_indentation_error = false;
  size_t m_flow_indentation_at = 0;
};

}  // namespace fmkit::detail
