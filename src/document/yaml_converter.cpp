// SPDX-License-Identifier: MIT
#include "document/yaml_converter.hpp"

#include "base/json_pointer.hpp"
#include "document/yaml11.hpp"
#include "document/yaml_scalar.hpp"

#include <libfyaml.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <utility>

namespace fmkit::detail {

namespace {

using json = nlohmann::json;

ScalarStyle to_style(fy_scalar_style style) {
  switch (style) {
    case FYSS_SINGLE_QUOTED:
      return ScalarStyle::single_quoted;
    case FYSS_DOUBLE_QUOTED:
      return ScalarStyle::double_quoted;
    case FYSS_LITERAL:
      return ScalarStyle::literal;
    case FYSS_FOLDED:
      return ScalarStyle::folded;
    default:
      return ScalarStyle::plain;
  }
}

// Appends "/" + `token` (escaped for a JSON Pointer) to `pointer`.
void append_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  if (token.find_first_of("~/") == std::string_view::npos) {
    pointer += token;
  } else {
    pointer += escape_pointer_token(token);
  }
}

}  // namespace

std::string token_string(fy_token* token) {
  size_t length = 0;
  const char* text = token ? fy_token_get_text(token, &length) : nullptr;
  return text ? std::string(text, length) : std::string();
}

size_t Converter::offset(const fy_mark* mark) const {
  return std::min(m_begin + mark->input_pos, m_end);
}

void Converter::on_event(fy_event* event) {
  if (m_second_document) {
    const fy_mark* mark = fy_event_start_mark(event);
    if (mark != nullptr || event->type == FYET_DOCUMENT_END ||
        event->type == FYET_STREAM_END) {
      size_t at = mark ? offset(mark) : m_last_end;
      stop("yaml.multiple-documents",
           "a second YAML document starts here; front matter holds one "
           "document",
           at, at);
      return;
    }
  }
  switch (event->type) {
    case FYET_DOCUMENT_START:
      on_document_start(event);
      break;
    case FYET_DOCUMENT_END:
      on_document_end();
      break;
    case FYET_SCALAR:
      on_scalar(event);
      break;
    case FYET_ALIAS:
      on_alias(event);
      break;
    case FYET_SEQUENCE_START:
      on_collection_start(event, NodeKind::sequence);
      break;
    case FYET_MAPPING_START:
      on_collection_start(event, NodeKind::mapping);
      break;
    case FYET_SEQUENCE_END:
    case FYET_MAPPING_END:
      on_collection_end(event);
      break;
    default:
      break;
  }
}

void Converter::on_document_start(fy_event* event) {
  ++m_document_count;
  if (m_mode == Mode::document && m_document_count > 1) {
    fy_token* token = event->document_start.document_start;
    const fy_mark* mark = token ? fy_token_start_mark(token) : nullptr;
    if (mark != nullptr) {
      size_t at = offset(mark);
      stop("yaml.multiple-documents",
           "a second YAML document starts here; front matter holds one "
           "document",
           at, token_end(token));
    } else {
      m_second_document = true;
    }
    return;
  }
  if (fy_token* token = event->document_start.document_start) {
    m_last_end = std::max(m_last_end, token_end(token));
  }
  // Pointers start over in each document of a stream.
  if (m_document_count > 1 && m_positions) *m_positions = PositionMap();
  m_have_root = false;
  m_root = nullptr;
  m_anchors.clear();
}

void Converter::on_document_end() {
  m_documents.push_back(m_have_root ? std::move(m_root) : json());
  m_have_root = false;
  m_root = nullptr;
}

size_t Converter::token_end(fy_token* token) const {
  const fy_mark* mark = token ? fy_token_end_mark(token) : nullptr;
  return mark ? offset(mark) : m_last_end;
}

Slot Converter::next_slot() const {
  if (m_stack.empty()) return Slot::root;
  const Frame& top = m_stack.back();
  if (top.info.kind == NodeKind::sequence) return Slot::item;
  return top.have_key ? Slot::value : Slot::key;
}

bool Converter::count_node(size_t nodes, size_t bytes, size_t begin,
                           size_t end) {
  m_nodes += nodes;
  m_bytes += bytes;
  if (m_nodes > m_options.max_nodes) {
    stop("yaml.limit",
         "more than " + std::to_string(m_options.max_nodes) +
             (m_expanded_alias ? " nodes after expanding aliases"
                               : " keys and values"),
         begin, end);
    return false;
  }
  if (m_bytes > m_options.max_expanded_bytes) {
    stop("yaml.limit",
         "more than " + std::to_string(m_options.max_expanded_bytes) +
             " bytes of text after expanding aliases",
         begin, end);
    return false;
  }
  return true;
}

Anchor& Converter::register_anchor_start(const std::string& name,
                                         NodeKind kind) {
  // A redefined anchor replaces the old one from here on.
  Anchor& a = m_anchors[name];
  a = Anchor{};
  a.kind = kind;
  return a;
}

bool Converter::begin_value(Slot slot, NodeInfo& info, std::string& pointer,
                            size_t& entry) {
  bool tracked = tracked_context();
  if (slot == Slot::item) check_value_indentation(slot, info);
  if (slot == Slot::value) {
    check_value_indentation(slot, info);
    Frame& top = m_stack.back();
    if (top.merge_key) return false;  // merged at the mapping's end
    info.has_key = true;
    info.key_begin = top.key_begin;
    info.key_end = top.key_end;
    if (!top.in_key && m_options.keys == MappingKeys::strict &&
        top.value.contains(top.key)) {
      std::string where =
          top.tracked ? append_pointer(top.pointer, top.key) : std::string();
      const NodeInfo* first =
          m_positions && top.tracked ? m_positions->find(where) : nullptr;
      std::string message = "duplicate key " + quoted_for_message(top.key);
      if (first != nullptr && first->key_begin != NodeInfo::k_none) {
        SourcePos pos = m_lines.at(first->key_begin);
        message += " (first at line " + std::to_string(pos.line) + ", column " +
                   std::to_string(pos.column) + ")";
      }
      error("yaml.duplicate-key", std::move(message), top.key_begin,
            top.key_end, std::move(where));
      tracked = false;
    }
  }
  if (!tracked) return false;
  switch (slot) {
    case Slot::root:
      pointer.clear();
      break;
    case Slot::item: {
      const Frame& top = m_stack.back();
      char digits[24];
      auto [end, ec] =
          std::to_chars(digits, digits + sizeof digits, top.value.size());
      pointer.reserve(top.pointer.size() + 1 + (end - digits));
      pointer = top.pointer;
      append_token(pointer, std::string_view(digits, end - digits));
      break;
    }
    case Slot::value: {
      const Frame& top = m_stack.back();
      pointer.reserve(top.pointer.size() + 1 + top.key.size());
      pointer = top.pointer;
      append_token(pointer, top.key);
      break;
    }
    case Slot::key:
      return false;
  }
  entry = m_positions->insert(pointer, info);
  return true;
}

void Converter::place_value(Slot slot, json&& value, size_t end) {
  m_last_end = std::max(m_last_end, end);
  if (slot == Slot::root) {
    m_root = std::move(value);
    m_have_root = true;
    return;
  }
  Frame& top = m_stack.back();
  if (slot == Slot::value && top.merge_key) {
    add_merge(std::move(value), end);
    return;
  }
  top.has_children = true;
  top.last_end = std::max(top.last_end, end);
  if (slot == Slot::item) {
    top.value.get_ref<json::array_t&>().push_back(std::move(value));
    return;
  }
  auto& object = top.value.get_ref<json::object_t&>();
  object.insert_or_assign(std::move(top.key), std::move(value));
  top.key.clear();
  top.have_key = false;
}

void Converter::set_key(std::string key, size_t begin, size_t end) {
  Frame& top = m_stack.back();
  if (!top.has_children) {
    top.info.value_begin = std::min(top.info.value_begin, begin);
  }
  top.have_key = true;
  top.merge_key = false;
  top.key = std::move(key);
  top.key_begin = begin;
  top.key_end = end;
  top.has_children = true;
  m_last_end = std::max(m_last_end, end);
}

void Converter::complex_key(std::string_view what, size_t begin, size_t end) {
  if (m_options.keys != MappingKeys::strict || in_key_context()) return;
  error("yaml.complex-key",
        "key is " + std::string(what) + "; keys must be scalars", begin, end,
        m_stack.back().tracked ? m_stack.back().pointer : std::string());
}

std::string_view Converter::scalar_text(fy_token* token, ScalarStyle style) {
  // fy_token_get_text() builds (and allocates) the text; most scalars are
  // single-line and need no unescaping or folding, so read them in place.
  // Either way the text is a (pointer, length) view: never a C string, so a
  // "\0" escape stays in the value.
  const fy_mark* start = token ? fy_token_start_mark(token) : nullptr;
  const fy_mark* end = token ? fy_token_end_mark(token) : nullptr;
  if (style == ScalarStyle::single_quoted && start != nullptr &&
      end != nullptr) {
    // Not libfyaml's text: see single_quoted_value().
    size_t b = offset(start);
    m_unquoted =
        single_quoted_value(m_text.substr(b, std::max(b, offset(end)) - b));
    return m_unquoted;
  }
  if (start != nullptr && end != nullptr && start->line == end->line) {
    size_t b = offset(start);
    size_t e = std::max(b, offset(end));
    std::string_view raw = m_text.substr(b, e - b);
    if (style == ScalarStyle::plain ||
        (style == ScalarStyle::double_quoted && raw.find('\\') == raw.npos)) {
      return raw;
    }
  }
  size_t length = 0;
  const char* text = token ? fy_token_get_text(token, &length) : nullptr;
  if (text == nullptr) return {};
  // libfyaml 0.7 reads an empty block scalar that ends the text ("a: |" on
  // the last line) as "\0". A block scalar has no escapes, and the text no
  // NUL (check_yaml_characters() refuses it): that is "".
  if ((style == ScalarStyle::literal || style == ScalarStyle::folded) &&
      length == 1 && text[0] == '\0') {
    return {};
  }
  return std::string_view(text, length);
}

Converter::Typed Converter::type_scalar(std::string_view text,
                                        ScalarStyle style, TagKind tag,
                                        json& value) const {
  Typed typed;
  typed.resolution = resolve_scalar(text, style, tag, value);
  if (m_options.version == YamlVersion::v1_1 && style == ScalarStyle::plain &&
      tag == TagKind::none && typed.resolution == Resolution::ok) {
    if (std::optional<Yaml11Typing> yaml11 = type_as_yaml11(text)) {
      value = std::move(yaml11->value);
      typed.ambiguity = std::move(yaml11->ambiguity);
    }
  }
  return typed;
}

// The pointer of a key's warning is built only when there is a warning:
// most keys have none.
void Converter::warn_yaml11(std::string_view text, size_t begin, size_t end,
                            Slot slot, const std::string& pointer) {
  // A YAML 1.1 document is read as YAML 1.1: no yaml11-* warnings (but a
  // yaml11-ambiguous one where its readers disagree: on_scalar()).
  if (m_options.version != YamlVersion::v1_2) return;
  std::optional<Yaml11Reading> reading = read_as_yaml11(text);
  if (!reading || reading->rule.empty() || reading->groups.empty()) return;
  std::string where = pointer;
  if (slot == Slot::key && m_stack.back().tracked) {
    where = append_pointer(m_stack.back().pointer, text);
  }
  report(Severity::warning, reading->rule, yaml11_message(text, *reading),
         begin, end, std::move(where));
}

void Converter::on_scalar(fy_event* event) {
  const fy_event_scalar_data& data = event->scalar;
  fy_token* token = data.value;
  const ScalarStyle style =
      to_style(token ? fy_token_scalar_style(token) : FYSS_PLAIN);
  const Slot slot = next_slot();

  size_t begin = 0;
  size_t end = 0;
  checked_scalar_span(event, style, slot, begin, end);

  std::string_view text = scalar_text(token, style);
  if (!count_node(1, text.size(), begin, end)) return;

  const TagKind tag = read_tag(data.tag);
  json value;
  // A key is its text; its typed value is needed only for an alias to it,
  // or to check an explicit tag.
  Typed typed;
  if (slot != Slot::key || data.anchor || tag != TagKind::none) {
    typed = type_scalar(text, style, tag, value);
  }
  const Resolution resolution = typed.resolution;
  if (resolution == Resolution::bad_tag) {
    error("yaml.tag",
          quoted_for_message(text) + " is not a valid " +
              std::string(tag_name(tag)),
          begin, end);
    value = text;
  }

  if (data.anchor) {
    Anchor& a =
        register_anchor_start(token_string(data.anchor), NodeKind::scalar);
    a = Anchor{value, std::string(text), NodeKind::scalar, true, 1, text.size(),
               0};
  }

  const bool warn = m_mode == Mode::document && !in_key_context() &&
                    style == ScalarStyle::plain && tag == TagKind::none;
  if (slot == Slot::key) {
    const bool merge = check_key(text, style, tag, begin, end);
    // `y` and `n` are common keys (coordinates) and only Hugo's go-yaml v2
    // reads them as booleans: keys are warned about for the readers that
    // matter.
    if (warn && text.size() > 1) warn_yaml11(text, begin, end, slot);
    set_key(std::string(text), begin, end);
    m_stack.back().merge_key = merge;
    return;
  }

  NodeInfo info;
  info.kind = NodeKind::scalar;
  info.style = style;
  info.value_begin = begin;
  info.value_end = end;
  std::string pointer;
  size_t entry = NodeInfo::k_none;
  bool tracked = begin_value(slot, info, pointer, entry);
  if (warn) warn_yaml11(text, begin, end, slot, pointer);
  if (warn && !typed.ambiguity.empty()) {  // YAML 1.1 only
    report(Severity::warning, "yaml11-ambiguous", std::move(typed.ambiguity),
           begin, end, pointer);
  }
  if (m_mode == Mode::document && !in_key_context() &&
      resolution == Resolution::non_finite) {
    report(Severity::warning, "yaml.non-finite", non_finite_message(text),
           begin, end, tracked ? pointer : std::string());
  }
  place_value(slot, std::move(value), end);
}

void Converter::on_alias(fy_event* event) {
  fy_token* token = event->alias.anchor;
  const fy_mark* start = token ? fy_token_start_mark(token) : nullptr;
  size_t begin = start ? offset(start) : m_last_end;
  // The token is the name: include the '*'.
  if (begin > m_begin && m_text[begin - 1] == '*') --begin;
  size_t end = std::max(begin, token_end(token));
  std::string name = token_string(token);

  auto it = m_anchors.find(name);
  if (it == m_anchors.end()) {
    stop("yaml.alias",
         "alias '*" + name + "' has no anchor '&" + name + "' before it", begin,
         end);
    return;
  }
  const Anchor& anchor = it->second;
  if (!anchor.complete) {
    stop("yaml.alias",
         "alias '*" + name + "' is inside the node anchored '&" + name +
             "' (a recursive alias)",
         begin, end);
    return;
  }
  if (m_stack.size() + anchor.height > m_options.max_depth) {
    stop("yaml.limit",
         "nesting deeper than " + std::to_string(m_options.max_depth) +
             " levels after expanding aliases",
         begin, end);
    return;
  }
  m_expanded_alias = true;
  if (!count_node(anchor.nodes, anchor.bytes, begin, end)) return;

  const Slot slot = next_slot();
  if (!m_stack.empty()) {
    Frame& top = m_stack.back();
    top.height = std::max(top.height, anchor.height + 1);
  }
  if (slot == Slot::key) {
    if (anchor.kind == NodeKind::scalar) {
      set_key(anchor.text, begin, end);
    } else {
      complex_key(anchor.kind == NodeKind::mapping ? "an alias to a mapping"
                                                   : "an alias to a sequence",
                  begin, end);
      set_key(anchor.value.dump(), begin, end);
    }
    return;
  }
  NodeInfo info;
  info.kind = anchor.kind;
  info.alias = true;
  info.value_begin = begin;
  info.value_end = end;
  std::string pointer;
  size_t entry = NodeInfo::k_none;
  begin_value(slot, info, pointer, entry);
  place_value(slot, json(anchor.value), end);
}

void Converter::on_collection_start(fy_event* event, NodeKind kind) {
  const bool flow = fy_event_get_node_style(event) == FYNS_FLOW;
  fy_token* token = fy_event_get_token(event);
  fy_token* anchor = fy_event_get_anchor_token(event);
  const fy_mark* start = fy_event_start_mark(event);
  size_t begin = start ? offset(start) : m_last_end;
  // A single-pair mapping inside a flow sequence (`[a: b]`) is flow but has
  // no braces; libfyaml marks it at its ':'. Like a block collection, it
  // runs from its key to its value.
  const bool braced =
      flow && begin < m_end && (m_text[begin] == '[' || m_text[begin] == '{');
  size_t token_stop = braced ? std::max(begin, token_end(token)) : begin;
  // A block collection starts at its first "-", "?" or key: later empty
  // nodes and block scalar headers are searched from there.
  if (braced || !flow) m_last_end = std::max(m_last_end, token_stop);

  if (m_stack.size() + 1 > m_options.max_depth) {
    stop("yaml.limit",
         "nesting deeper than " + std::to_string(m_options.max_depth) +
             " levels",
         begin, token_stop);
    return;
  }
  const size_t nodes_before = m_nodes;
  const size_t bytes_before = m_bytes;
  if (!count_node(1, 0, begin, token_stop)) return;
  read_tag(fy_event_get_tag_token(event));

  const Slot slot = next_slot();
  Frame frame;
  frame.value = kind == NodeKind::mapping ? json::object() : json::array();
  frame.info.kind = kind;
  frame.info.flow = flow;
  frame.braced = braced;
  frame.info.value_begin = begin;
  frame.info.value_end = token_stop;
  frame.nodes_before = nodes_before;
  frame.bytes_before = bytes_before;
  frame.last_end = token_stop;
  frame.in_key = slot == Slot::key || in_key_context();
  if (anchor) {
    frame.anchor = token_string(anchor);
    register_anchor_start(frame.anchor, kind);
    frame.anchored = true;
  }
  if (slot != Slot::key) {
    frame.tracked = begin_value(slot, frame.info, frame.pointer, frame.entry);
  }
  if (braced) ++m_flow_depth;
  m_stack.push_back(std::move(frame));
}

void Converter::on_collection_end(fy_event* event) {
  if (m_stack.empty()) return;
  Frame frame = std::move(m_stack.back());
  m_stack.pop_back();
  if (frame.braced) {
    fy_token* token = fy_event_get_token(event);
    frame.info.value_end = std::max(frame.info.value_begin, token_end(token));
  } else if (frame.has_children) {
    // libfyaml's end mark of a block collection lies at the next token,
    // past blank and comment lines: use the last child's end.
    frame.info.value_end = frame.last_end;
  }
  const size_t end = frame.info.value_end;
  m_last_end = std::max(m_last_end, end);
  if (frame.braced && --m_flow_depth == 0 &&
      m_indentation == FlowIndentation::sloppy) {
    check_flow_indentation(frame.info.value_begin, end);
  }

  if (!frame.merges.empty()) apply_merges(frame);
  if (frame.anchored) {
    Anchor& a = m_anchors[frame.anchor];
    a.nodes = m_nodes - frame.nodes_before;
    a.bytes = m_bytes - frame.bytes_before;
    a.height = frame.height;
    m_held_nodes += a.nodes;
    m_held_bytes += a.bytes;
    if (m_held_nodes > m_options.max_nodes ||
        m_held_bytes > m_options.max_expanded_bytes) {
      stop("yaml.limit",
           "more than " + std::to_string(m_options.max_nodes) +
               " nodes after expanding aliases",
           frame.info.value_begin, end);
      return;
    }
    a.value = frame.value;
    a.complete = true;
  }
  if (!m_stack.empty()) {
    Frame& parent = m_stack.back();
    parent.height = std::max(parent.height, frame.height + 1);
  }

  const Slot slot = next_slot();
  if (slot == Slot::key) {
    complex_key(
        frame.info.kind == NodeKind::mapping ? "a mapping" : "a sequence",
        frame.info.value_begin, end);
    set_key(frame.value.dump(), frame.info.value_begin, end);
    return;
  }
  if (frame.tracked) m_positions->update(frame.entry, frame.info);
  place_value(slot, std::move(frame.value), end);
}

}  // namespace fmkit::detail
