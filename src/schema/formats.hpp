// SPDX-License-Identifier: MIT
//
// Checkers for the JSON Schema `format` values fmkit enforces: date,
// date-time and time (RFC 3339, with a real calendar: 2024-02-30 is not a
// date, leap years and leap seconds are), uri and uri-reference (RFC 3986)
// and email (the RFC 5321 Mailbox: dot-string or quoted local part, then a
// host name or an address literal; ASCII only). Other format names are
// ignored, as draft-07 allows. Hand-written scanners: no std::regex, no
// allocation, linear in the input. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace fmkit {

enum class Format { date, date_time, time, uri, uri_reference, email };

// Returns the format called `name` ("date-time", ...), or std::nullopt when
// fmkit does not check it.
std::optional<Format> find_format(std::string_view name);

// Returns the JSON Schema name of `format` ("date-time").
std::string_view format_name(Format format);

// Returns whether `text` is a valid instance of `format`.
bool check_format(Format format, std::string_view text);

bool is_date(std::string_view text);           // 2024-11-13
bool is_time(std::string_view text);           // 08:30:06.25+01:00
bool is_date_time(std::string_view text);      // 2024-11-13T08:30:06Z
bool is_uri(std::string_view text);            // absolute, with a scheme
bool is_uri_reference(std::string_view text);  // a URI or a relative reference
bool is_email(std::string_view text);          // joe.bloggs@example.com

}  // namespace fmkit
