// SPDX-License-Identifier: MIT
#include "schema/keywords.hpp"

#include "schema/keyword_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fmkit {
namespace {

TEST(Keywords, WhatValuesHold) {
  EXPECT_EQ(keyword_holds("properties"), Holds::schema_map);
  EXPECT_EQ(keyword_holds("patternProperties"), Holds::schema_map);
  EXPECT_EQ(keyword_holds("definitions"), Holds::schema_map);
  EXPECT_EQ(keyword_holds("$defs"), Holds::schema_map);
  EXPECT_EQ(keyword_holds("dependencies"), Holds::dependencies);
  EXPECT_EQ(keyword_holds("items"), Holds::schema_items);
  for (const char* name : {"allOf", "anyOf", "oneOf"}) {
    EXPECT_EQ(keyword_holds(name), Holds::schema_list) << name;
  }
  for (const char* name :
       {"additionalItems", "contains", "additionalProperties", "propertyNames",
        "if", "then", "else", "not"}) {
    EXPECT_EQ(keyword_holds(name), Holds::schema) << name;
  }
  for (const char* name : {"enum", "const", "default", "examples", "required",
                           "x-anything", "unknown"}) {
    EXPECT_EQ(keyword_holds(name), Holds::data) << name;
  }
}

// The keywords fmkit checks itself are draft-07 keywords that check
// something ("id" aside: fmkit renames it so valijson ignores it).
TEST(Keywords, OwnKeywordsAreDraft07Checks) {
  for (std::string_view name : own_keywords()) {
    if (name == "id") {
      EXPECT_EQ(find_keyword(name), nullptr);
      continue;
    }
    const Keyword* keyword = find_keyword(name);
    ASSERT_NE(keyword, nullptr) << name;
    EXPECT_TRUE(keyword->role == KeywordRole::assertion ||
                keyword->role == KeywordRole::applicator)
        << name;
  }
}

TEST(Keywords, UnknownKeywordMessages) {
  EXPECT_EQ(unknown_keyword_message("required"), std::nullopt);
  EXPECT_EQ(unknown_keyword_message("x-order"), std::nullopt);
  EXPECT_EQ(unknown_keyword_message("additionalproperties"),
            "unknown keyword 'additionalproperties' is ignored, so it checks "
            "nothing (did you mean 'additionalProperties'?)");
  EXPECT_EQ(unknown_keyword_message("patern"),
            "unknown keyword 'patern' is ignored, so it checks nothing (did "
            "you mean 'pattern'?)");
  EXPECT_EQ(unknown_keyword_message("example"),
            "'example' is an OpenAPI keyword, not draft-07: it is ignored, so "
            "it checks nothing; draft-07 has 'examples', a list");
  EXPECT_EQ(unknown_keyword_message("dependentRequired"),
            "'dependentRequired' is a JSON Schema 2019-09 keyword, not "
            "draft-07: it is ignored, so it checks nothing; use "
            "'dependencies' with a list of names");
  EXPECT_EQ(unknown_keyword_message("$anchor"),
            "'$anchor' is a JSON Schema 2019-09 keyword, not draft-07: it is "
            "ignored, so it checks nothing");
  EXPECT_EQ(unknown_keyword_message("layout"),
            "unknown keyword 'layout' is ignored, so it checks nothing");
}

TEST(Keywords, UnknownFormatMessages) {
  for (const char* name :
       {"date", "date-time", "time", "email", "uri", "uri-reference",
        "hostname", "ipv4", "ipv6", "regex", "json-pointer", "uri-template"}) {
    EXPECT_EQ(unknown_format_message(name), std::nullopt) << name;
  }
  EXPECT_EQ(unknown_format_message("datetime"),
            "unknown format 'datetime' is ignored, so it checks nothing (did "
            "you mean 'date-time'?)");
  EXPECT_EQ(unknown_format_message("url"),
            "unknown format 'url' is ignored, so it checks nothing (did you "
            "mean 'uri'?)");
}

}  // namespace
}  // namespace fmkit
