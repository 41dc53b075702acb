// SPDX-License-Identifier: MIT
#include "schema/formats.hpp"

#include "schema/schema_registry.hpp"
#include "schema/schema_test_support.hpp"
#include "schema/validator.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using schema_testing::compile_text;
using schema_testing::read_text;

struct FormatCase {
  Format format;
  const char* text;
  bool valid;
};

const FormatCase k_cases[] = {
    // date: RFC 3339 full-date on a real calendar.
    {Format::date, "2024-11-13", true},
    {Format::date, "2024-02-29", true},
    {Format::date, "2000-02-29", true},
    {Format::date, "0000-01-01", true},
    {Format::date, "9999-12-31", true},
    {Format::date, "2024-02-30", false},
    {Format::date, "2023-02-29", false},
    {Format::date, "1900-02-29", false},
    {Format::date, "2024-04-31", false},
    {Format::date, "2024-13-01", false},
    {Format::date, "2024-00-10", false},
    {Format::date, "2024-01-00", false},
    {Format::date, "2024/11/13", false},
    {Format::date, "13.11.2024", false},
    {Format::date, "2024-1-13", false},
    {Format::date, "24-11-13", false},
    {Format::date, "2024-11-13T00:00:00Z", false},
    {Format::date, "", false},
    {Format::date, " 2024-11-13", false},
    // time: RFC 3339 full-time, offset required, leap second at 23:59 UTC.
    {Format::time, "08:30:06Z", true},
    {Format::time, "08:30:06.283185z", true},
    {Format::time, "08:30:06+01:00", true},
    {Format::time, "23:59:60Z", true},
    {Format::time, "15:59:60-08:00", true},
    {Format::time, "22:59:60Z", false},
    {Format::time, "08:30:06", false},
    {Format::time, "24:00:00Z", false},
    {Format::time, "08:60:00Z", false},
    {Format::time, "08:30:06.Z", false},
    {Format::time, "08:30:06+1:00", false},
    {Format::time, "08:30:06+01:60", false},
    {Format::time, "8:30:06Z", false},
    // date-time
    {Format::date_time, "2024-11-13T08:30:06Z", true},
    {Format::date_time, "2024-11-13t08:30:06.5+05:30", true},
    {Format::date_time, "1998-12-31T23:59:60Z", true},
    {Format::date_time, "2024-11-13 08:30:06Z", false},
    {Format::date_time, "2024-02-30T08:30:06Z", false},
    {Format::date_time, "2024-11-13T08:30:06", false},
    {Format::date_time, "2024-11-13", false},
    // uri: absolute, with a scheme.
    {Format::uri, "https://www.youtube.com/watch?v=a42key59cZQ", true},
    {Format::uri, "http://example.com", true},
    {Format::uri, "mailto:joe@example.com", true},
    {Format::uri, "urn:isbn:0451450523", true},
    {Format::uri, "http://[2001:db8::1]:8080/x", true},
    {Format::uri, "http://user:pw@host:80/p?q#f", true},
    {Format::uri, "file:///etc/hosts", true},
    {Format::uri, "example.com", false},
    {Format::uri, "/relative/path", false},
    {Format::uri, "//example.com/x", false},
    {Format::uri, "http://exa mple.com", false},
    {Format::uri, "http://example.com/%zz", false},
    {Format::uri, "http://example.com:80a/", false},
    {Format::uri, "http://[::1/", false},
    {Format::uri, "https://example.com/café", false},
    {Format::uri, "", false},
    // uri-reference
    {Format::uri_reference, "", true},
    {Format::uri_reference, "../a/b?c#d", true},
    {Format::uri_reference, "#frag", true},
    {Format::uri_reference, "//host/x", true},
    {Format::uri_reference, "https://example.com/", true},
    {Format::uri_reference, "a:b/c", true},
    {Format::uri_reference, "1:b", false},
    {Format::uri_reference, "a b", false},
    {Format::uri_reference, "\\\\server\\share", false},
    // email: RFC 5321 Mailbox.
    {Format::email, "joe.bloggs@example.com", true},
    {Format::email, "joe+tag@sub.example.co.uk", true},
    {Format::email, "\"joe bloggs\"@example.com", true},
    {Format::email, "joe@[127.0.0.1]", true},
    {Format::email, "joe@[IPv6:2001:db8::1]", true},
    {Format::email, "joe@localhost", true},
    {Format::email, "joe", false},
    {Format::email, "@example.com", false},
    {Format::email, "joe@", false},
    {Format::email, "joe..bloggs@example.com", false},
    {Format::email, ".joe@example.com", false},
    {Format::email, "joe@-example.com", false},
    {Format::email, "joe@example..com", false},
    {Format::email, "joe@exa_mple.com", false},
    {Format::email, "joe@[127.0.0.256]", false},
    {Format::email, "jöe@example.com", false},
    {Format::email, "a@b@example.com", false},
};

TEST(FormatTest, Table) {
  for (const FormatCase& c : k_cases) {
    EXPECT_EQ(check_format(c.format, c.text), c.valid)
        << format_name(c.format) << " \"" << c.text << "\"";
  }
}

TEST(FormatTest, Names) {
  for (Format f : {Format::date, Format::date_time, Format::time, Format::uri,
                   Format::uri_reference, Format::email}) {
    ASSERT_TRUE(find_format(format_name(f)));
    EXPECT_EQ(*find_format(format_name(f)), f);
  }
  EXPECT_FALSE(find_format("hostname"));
  EXPECT_FALSE(find_format("Date"));
}

TEST(FormatTest, LongInputsAreLinear) {
  std::string long_path = "http://example.com/" + std::string(1'000'000, 'a');
  EXPECT_TRUE(is_uri(long_path));
  EXPECT_FALSE(is_email(std::string(1'000'000, 'a') + "@"));
  EXPECT_FALSE(is_date(std::string(1'000'000, '1')));
}

// The draft-07 optional format tests of JSON-Schema-Test-Suite (release
// 2.0.0, the Debian package json-schema-test-suite), each run through the
// whole path: SchemaRegistry::load, then Validator. Every case must pass.
class FormatSuiteTest : public testing::TestWithParam<std::string> {};

TEST_P(FormatSuiteTest, AllCasesPass) {
  const std::string file = std::string(FMKIT_JSON_SCHEMA_TEST_SUITE) +
                           "/tests/draft7/optional/format/" + GetParam() +
                           ".json";
  nlohmann::json groups = nlohmann::json::parse(read_text(file));
  int passed = 0;
  int total = 0;
  for (const auto& group : groups) {
    auto schema = compile_text(group["schema"].dump());
    Validator validator(schema);
    for (const auto& test : group["tests"]) {
      std::vector<Diagnostic> diagnostics;
      validator.validate(test["data"], diagnostics);
      bool valid = diagnostics.empty();
      ++total;
      if (valid == test["valid"].get<bool>()) {
        ++passed;
      } else {
        ADD_FAILURE() << GetParam() << ": "
                      << test["description"].get<std::string>() << ": "
                      << test["data"].dump() << " expected "
                      << (test["valid"].get<bool>() ? "valid" : "invalid");
      }
    }
  }
  std::printf("[ suite    ] format %s: %d/%d passed\n", GetParam().c_str(),
              passed, total);
  EXPECT_EQ(passed, total);
}

INSTANTIATE_TEST_SUITE_P(
    Draft7, FormatSuiteTest,
    testing::Values("date", "date-time", "time", "uri", "uri-reference",
                    "email"),
    [](const testing::TestParamInfo<std::string>& param_info) {
      std::string name = param_info.param;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

}  // namespace
}  // namespace fmkit
