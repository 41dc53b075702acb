// SPDX-License-Identifier: MIT
#include "document/yaml11.hpp"

#include "document/yaml_to_json.hpp"  // quoted_for_message()

#include <algorithm>
#include <iterator>

namespace fmkit {

namespace {

using json = nlohmann::json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr unsigned bit(Yaml11Reader reader) {
  return static_cast<unsigned>(reader);
}

// Forms whose value is the scalar's text: alike only in the same form.
bool textual(Yaml11Form form) {
  return form == Yaml11Form::string || form == Yaml11Form::date ||
         form == Yaml11Form::timestamp || form == Yaml11Form::infinity ||
         form == Yaml11Form::nan;
}

// JSON equality, where true is not 1.
bool same_json(const json& a, const json& b) {
  return a.is_boolean() == b.is_boolean() && a == b;
}

// Whether two readings are the same value of the same kind: a date is not
// the string of its text.
bool same_reading(const Yaml11Value& a, const Yaml11Value& b) {
  if (textual(a.form) || textual(b.form)) return a.form == b.form;
  return same_json(a.value, b.value);
}

std::string phrase(const Yaml11Value& v) {
  auto integer = [&](std::string_view how) {
    return "the integer " + v.value.dump() + " (" + std::string(how) + ")";
  };
  switch (v.form) {
    case Yaml11Form::string:
      return "the string \"" + v.value.get<std::string>() + "\"";
    case Yaml11Form::null:
      return "null";
    case Yaml11Form::boolean:
      return v.value.get<bool>() ? "the boolean true" : "the boolean false";
    case Yaml11Form::integer:
    case Yaml11Form::weighted_integer:
      return "the integer " + v.value.dump();
    case Yaml11Form::number:
      return "the number " + v.value.dump();
    case Yaml11Form::weighted_float:
      return "the float " + v.value.dump();
    case Yaml11Form::octal:
      return integer("octal");
    case Yaml11Form::binary:
      return integer("binary");
    case Yaml11Form::hexadecimal:
      return integer("hexadecimal");
    case Yaml11Form::base60_integer:
      return integer("base 60");
    case Yaml11Form::base60_float:
      return "the float " + v.value.dump() + " (base 60)";
    case Yaml11Form::date:
      return "a date";
    case Yaml11Form::timestamp:
      return "a timestamp";
    case Yaml11Form::infinity:
      return "infinity";
    case Yaml11Form::nan:
      return "NaN";
  }
  return "?";
}

// [-+]?0[0-9_]+ or 0o[0-7]+: a form YAML 1.1 and 1.2 read as octal
// differently.
bool octal_shaped(std::string_view s) {
  if (s.size() > 2 && s.starts_with("0o")) {
    return s.find_first_not_of("01234567", 2) == std::string_view::npos;
  }
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s.size() > 1 && s[0] == '0' &&
         s.find_first_not_of("0123456789_") == std::string_view::npos;
}

std::string_view rule_of(std::string_view s, const Yaml11Value (&v)[5],
                         const Yaml11Value& core) {
  auto any = [&](auto predicate) {
    for (const Yaml11Value& value : v) {
      if (!same_reading(value, core) && predicate(value.form)) return true;
    }
    return false;
  };
  using F = Yaml11Form;
  if (any([](F f) { return f == F::boolean; })) return "yaml11-bool";
  if (any([](F f) { return f == F::null; })) return "yaml11-null";
  if (any([](F f) { return f == F::date || f == F::timestamp; })) {
    return "yaml11-timestamp";
  }
  if (any([](F f) {
        return f == F::base60_integer || f == F::base60_float ||
               f == F::weighted_integer || f == F::weighted_float;
      })) {
    return "yaml11-sexagesimal";
  }
  return octal_shaped(s) ? "yaml11-octal" : "yaml11-number";
}

// The number `s` (a YAML 1.2 float) written as every reader reads it: a
// digit before the '.', one after it, a signed exponent, no leading zero:
// 1e3 -> 1.0e+3, -.5 -> -0.5.
std::string canonical_float(std::string_view s) {
  std::string out = s[0] == '-' ? "-" : "";
  if (s[0] == '-' || s[0] == '+') s.remove_prefix(1);
  size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos
                                  ? std::string_view()
                                  : mantissa.substr(dot + 1);
  whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
  out += whole.empty() ? "0" : std::string(whole);
  out += '.';
  out += fraction.empty() ? "0" : std::string(fraction);
  if (e != std::string_view::npos) {
    out += s[e];
    if (s[e + 1] != '-' && s[e + 1] != '+') out += '+';
    out += s.substr(e + 1);
  }
  return out;
}

// A JSON scalar written as every reader reads it (true, 90, 1.0e-05).
std::string canonical(const json& value) {
  if (!value.is_number_float()) return value.dump();
  return canonical_float(value.dump());
}

Yaml11Reading spec_only(std::string_view s) {
  Yaml11Reading r;
  r.in_12 = "the string \"" + std::string(s) + "\"";
  r.non_string = true;
  return r;
}

// YAML 1.1's own float regex, [-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?,
// takes 1.2.3, '.' and '...', which no reader does.
bool spec_float(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  size_t i = 0;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) ++i;
  if (i >= s.size() || s[i] != '.' || (i > 0 && !is_digit(s[0]))) {
    return false;
  }
  return s.find_first_not_of("0123456789.", i) == std::string_view::npos;
}

}  // namespace

std::optional<Yaml11Reading> read_as_yaml11(std::string_view s) {
  if (!may_read_otherwise(s)) return std::nullopt;
  if (s == "<<" || s == "=") return spec_only(s);  // merge and value keys
  const Yaml11Value core = read_with_core(s);
  if (core.form == Yaml11Form::infinity || core.form == Yaml11Form::nan) {
    return std::nullopt;
  }
  Yaml11Value values[5];
  Yaml11Reading r;
  for (size_t i = 0; i < std::size(k_yaml11_readers); ++i) {
    values[i] = read_with(k_yaml11_readers[i], s);
    const Yaml11Value& v = values[i];
    r.non_string = r.non_string || v.form != Yaml11Form::string;
    if (same_reading(v, core)) continue;
    std::string how = phrase(v);
    auto group =
        std::find_if(r.groups.begin(), r.groups.end(),
                     [&](const Yaml11Group& g) { return g.value == how; });
    if (group == r.groups.end()) {
      r.groups.push_back({std::move(how), bit(k_yaml11_readers[i])});
    } else {
      group->readers |= bit(k_yaml11_readers[i]);
    }
  }
  if (r.groups.empty()) {
    if (core.form == Yaml11Form::string && spec_float(s)) return spec_only(s);
    return std::nullopt;
  }
  r.rule = rule_of(s, values, core);
  r.in_12 = phrase(core);
  std::string quoted = quoted_for_message(s);
  if (core.form == Yaml11Form::string) {
    r.fix = "quote it to keep a string: " + quoted;
  } else {
    std::string written = core.value.is_number_float() ||
                                  s.find_first_of(".eE") != std::string::npos
                              ? canonical_float(s)
                              : core.value.dump();
    r.fix = "write " + written + " or quote it: " + quoted;
  }
  return r;
}

std::string yaml11_reader_names(unsigned readers) {
  static constexpr std::string_view k_names[] = {
      "PyYAML", "Jekyll", "Eleventy's js-yaml 3", "js-yaml 4",
      "Hugo's go-yaml v2"};
  std::string out;
  for (size_t i = 0; i < std::size(k_names); ++i) {
    if ((readers & (1u << i)) == 0) continue;
    if (!out.empty()) out += ", ";
    out += k_names[i];
  }
  return out;
}

std::string yaml11_message(std::string_view s, const Yaml11Reading& reading) {
  std::string m =
      quoted_for_message(s) + " is " + reading.in_12 + " in YAML 1.2";
  for (size_t i = 0; i < reading.groups.size(); ++i) {
    const Yaml11Group& g = reading.groups[i];
    m += i == 0 ? " but " : ", ";
    m += g.value;
    m += i == 0 ? " in YAML 1.1 (" + yaml11_reader_names(g.readers) + ")"
                : " in " + yaml11_reader_names(g.readers);
  }
  m += "; ";
  m += reading.fix;
  return m;
}

namespace {

// The readers of YAML 1.1 front matter, in message order.
constexpr Yaml11Reader k_front_matter_readers[] = {
    Yaml11Reader::pyyaml, Yaml11Reader::jekyll, Yaml11Reader::eleventy};

// Readers reading one value, for the yaml11-ambiguous message.
struct Party {
  Yaml11Value value;
  std::vector<std::string_view> names;
};

std::string joined(const std::vector<std::string_view>& names) {
  std::string out(names[0]);
  for (size_t i = 1; i < names.size(); ++i) {
    out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// "'yes' is the boolean true in PyYAML and Jekyll but the string \"yes\"
// in Eleventy's js-yaml 3; fmkit reads ...; write true, or quote it ...".
std::string ambiguity_message(std::string_view s,
                              const std::vector<Party>& parties,
                              const Yaml11Value& chosen, bool majority) {
  std::string m = quoted_for_message(s) + " is ";
  std::vector<std::string> writes;
  for (size_t i = 0; i < parties.size(); ++i) {
    const Party& p = parties[i];
    m += i == 0 ? "" : i + 1 == parties.size() ? " but " : ", ";
    m += phrase(p.value) + " in " + joined(p.names);
    if (!textual(p.value.form)) writes.push_back(canonical(p.value.value));
  }
  m += majority ? "; fmkit reads " + phrase(chosen) + ", as most of them do"
                : "; no two of them agree, so fmkit keeps the YAML 1.2 "
                  "reading, " +
                      phrase(chosen);
  m += "; ";
  // Some party reads a value other than a string: writes.size() > 0.
  m += "write " + writes[0];
  for (size_t i = 1; i < writes.size(); ++i) m += " or " + writes[i];
  return m + ", or quote it to keep a string: " + quoted_for_message(s);
}

}  // namespace

std::optional<Yaml11Typing> type_as_yaml11(std::string_view s) {
  if (!may_read_otherwise(s)) return std::nullopt;
  const Yaml11Value core = read_with_core(s);
  if (core.form == Yaml11Form::infinity || core.form == Yaml11Form::nan) {
    return std::nullopt;
  }
  // Parties by JSON value (a date is its string here), the largest first.
  std::vector<Party> parties;
  static constexpr std::string_view k_names[] = {"PyYAML", "Jekyll",
                                                 "Eleventy's js-yaml 3"};
  for (size_t i = 0; i < std::size(k_front_matter_readers); ++i) {
    Yaml11Value v = read_with(k_front_matter_readers[i], s);
    if (textual(v.form)) v.form = Yaml11Form::string;
    auto party = std::find_if(
        parties.begin(), parties.end(),
        [&](const Party& p) { return same_json(p.value.value, v.value); });
    if (party == parties.end()) {
      parties.push_back({std::move(v), {}});
      party = parties.end() - 1;
    }
    party->names.push_back(k_names[i]);
  }
  if (parties.size() == 1) {
    if (same_json(parties[0].value.value, core.value)) return std::nullopt;
    return Yaml11Typing{parties[0].value.value, {}};
  }
  std::stable_sort(parties.begin(), parties.end(),
                   [](const Party& a, const Party& b) {
                     return a.names.size() > b.names.size();
                   });
  const bool majority = parties[0].names.size() > 1;
  const Yaml11Value& chosen = majority ? parties[0].value : core;
  return Yaml11Typing{chosen.value,
                      ambiguity_message(s, parties, chosen, majority)};
}

}  // namespace fmkit
