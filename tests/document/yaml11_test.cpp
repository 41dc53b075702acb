// SPDX-License-Identifier: MIT
//
// The reader models of document/yaml11_readers.hpp against what the readers
// themselves returned (tests/data/yaml-readers/readers.tsv, made by
// measure.sh there), and the YAML 1.1 typing built on them.
#include "document/yaml11.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using nlohmann::json;

struct Row {
  std::string value;
  json readers[5];  // in the order of k_yaml11_readers
};

std::vector<Row> measured_rows() {
  std::ifstream in(std::filesystem::path(FMKIT_SOURCE_DIR) / "tests" / "data" /
                   "yaml-readers" / "readers.tsv");
  std::vector<Row> rows;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) {
      cells.push_back(cell);
    }
    EXPECT_EQ(cells.size(), 6u) << line;
    if (cells.size() != 6) continue;
    Row row;
    row.value = json::parse(cells[0]).get<std::string>();
    for (size_t i = 0; i < 5; ++i) row.readers[i] = json::parse(cells[i + 1]);
    rows.push_back(std::move(row));
  }
  return rows;
}

// What a reader's value is in the table: dates, timestamps, infinity and NaN
// as the text.
json as_measured(const Yaml11Value& v) { return v.value; }

bool same(const json& a, const json& b) {
  return a.is_boolean() == b.is_boolean() && a == b;
}

// The readers reject these; the models read them as strings.
struct Rejected {
  std::string_view value;
  Yaml11Reader reader;
};
constexpr Rejected k_rejected[] = {
    {"2024-13-45", Yaml11Reader::pyyaml},  // no such date
    {"2024-02-30", Yaml11Reader::pyyaml},
    {"2023-02-29", Yaml11Reader::pyyaml},
    {"2024-00-10", Yaml11Reader::pyyaml},
    {"<<", Yaml11Reader::pyyaml},   // a merge key outside a mapping key
    {"=", Yaml11Reader::pyyaml},    // the value key
    {"0x_", Yaml11Reader::pyyaml},  // int('', 16)
    {"0x_", Yaml11Reader::jekyll},  // Integer("0x")
};

bool rejected(std::string_view value, Yaml11Reader reader) {
  for (const Rejected& r : k_rejected) {
    if (r.value == value && r.reader == reader) return true;
  }
  return false;
}

TEST(Yaml11ReadersTest, ModelsReadAsTheReadersDid) {
  std::vector<Row> rows = measured_rows();
  ASSERT_GT(rows.size(), 200u);
  size_t rejections = 0;
  for (const Row& row : rows) {
    for (size_t i = 0; i < std::size(k_yaml11_readers); ++i) {
      Yaml11Reader reader = k_yaml11_readers[i];
      json model = as_measured(read_with(reader, row.value));
      if (rejected(row.value, reader)) {
        ++rejections;
        EXPECT_EQ(row.readers[i], "!error") << row.value;
        EXPECT_EQ(model, row.value) << row.value;
        continue;
      }
      EXPECT_TRUE(same(model, row.readers[i]))
          << "'" << row.value << "' in " << yaml11_reader_names(1u << i)
          << ": model " << model.dump() << ", measured "
          << row.readers[i].dump();
    }
  }
  EXPECT_EQ(rejections, std::size(k_rejected));
}

// The filter that skips most scalars never skips one a reader reads
// otherwise.
TEST(Yaml11ReadersTest, TheQuickFilterKeepsEveryDifference) {
  for (const Row& row : measured_rows()) {
    if (may_read_otherwise(row.value)) continue;
    json core = read_with_core(row.value).value;
    for (const json& measured : row.readers) {
      EXPECT_TRUE(same(measured, core)) << row.value;
    }
  }
  for (std::string_view s : {"Hello",    "yesterday", "Monday",
                             "a",        "_1",        "/",
                             "Infinity", "Nothing",   "\xC3\xA9t\xC3\xA9",
                             "0",        "42",        "-7",
                             "1.5",      "-0.25",     "10.01",
                             "~",        "null",      "True",
                             "TPU",      "Tesla",     "Ny",
                             "offer",    "nope"}) {
    EXPECT_FALSE(may_read_otherwise(s)) << s;
  }
  for (std::string_view s :
       {"00",   "0755",  "1.",         "1.5e3", "1_0",   "-.5", "+1",
        "1:30", "1.2.3", "2024-11-13", "-",     "yes",   "Y",   "n",
        "NO",   "On",    "oFF",        "nULL",  "FaLsE", "tRUe"}) {
    EXPECT_TRUE(may_read_otherwise(s)) << s;
  }
}

// Where a warning tells to write a number, every reader reads it as the
// YAML 1.2 value.
TEST(Yaml11ReadersTest, TheWrittenFixReadsAlikeEverywhere) {
  size_t fixes = 0;
  for (const Row& row : measured_rows()) {
    auto reading = read_as_yaml11(row.value);
    if (!reading || !reading->fix.starts_with("write ")) continue;
    ++fixes;
    std::string written = reading->fix.substr(6, reading->fix.find(' ', 6) - 6);
    json core = read_with_core(row.value).value;
    EXPECT_TRUE(same(read_with_core(written).value, core)) << written;
    EXPECT_FALSE(read_as_yaml11(written)) << written;
    for (Yaml11Reader reader : k_yaml11_readers) {
      EXPECT_TRUE(same(read_with(reader, written).value, core))
          << row.value << " -> " << written;
    }
  }
  EXPECT_GT(fixes, 10u);
}

struct TypingCase {
  std::string_view scalar;
  json value;
  std::string_view ambiguity;  // "" when the three readers agree
};

TEST(Yaml11TypingTest, MostOfTheThreeReadersDecide) {
  const TypingCase cases[] = {
      // All three agree.
      {"0755", 493, ""},
      {"-010", -8, ""},
      {"0_755", 493, ""},
      {"1_000", 1000, ""},
      {"1_000.5", 1000.5, ""},
      {"0b101", 5, ""},
      {"+0x1F", 31, ""},
      {"0o17", "0o17", ""},
      {"08", "08", ""},
      {"190:20:30", 685230, ""},
      // Two against one.
      {"yes", true,
       "'yes' is the boolean true in PyYAML and Jekyll but the string "
       "\"yes\" in Eleventy's js-yaml 3; fmkit reads the boolean true, as "
       "most of them do; write true, or quote it to keep a string: 'yes'"},
      {"OFF", false,
       "'OFF' is the boolean false in PyYAML and Jekyll but the string "
       "\"OFF\" in Eleventy's js-yaml 3; fmkit reads the boolean false, as "
       "most of them do; write false, or quote it to keep a string: 'OFF'"},
      {"1:30", 90,
       "'1:30' is the integer 90 (base 60) in PyYAML and Eleventy's js-yaml "
       "3 but the integer 5400 in Jekyll; fmkit reads the integer 90 (base "
       "60), as most of them do; write 90 or 5400, or quote it to keep a "
       "string: '1:30'"},
      {"1:30.5", 90.5,
       "'1:30.5' is the float 90.5 (base 60) in PyYAML and Eleventy's "
       "js-yaml 3 but the float 5430 in Jekyll; fmkit reads the float 90.5 "
       "(base 60), as most of them do; write 90.5 or 5430, or quote it to "
       "keep a string: '1:30.5'"},
      {"1e3", "1e3",
       "'1e3' is the string \"1e3\" in PyYAML and Jekyll but the number "
       "1000 in Eleventy's js-yaml 3; fmkit reads the string \"1e3\", as "
       "most of them do; write 1000, or quote it to keep a string: '1e3'"},
      {"-.5", "-.5",
       "'-.5' is the string \"-.5\" in PyYAML and Eleventy's js-yaml 3 but "
       "the number -0.5 in Jekyll; fmkit reads the string \"-.5\", as most "
       "of them do; write -0.5, or quote it to keep a string: '-.5'"},
      {"1,000", "1,000",
       "'1,000' is the string \"1,000\" in PyYAML and Eleventy's js-yaml 3 "
       "but the number 1000 in Jekyll; fmkit reads the string \"1,000\", as "
       "most of them do; write 1000, or quote it to keep a string: '1,000'"},
      {"01.5", 1.5,
       "'01.5' is the number 1.5 in PyYAML and Jekyll but the string "
       "\"01.5\" in Eleventy's js-yaml 3; fmkit reads the number 1.5, as "
       "most of them do; write 1.5, or quote it to keep a string: '01.5'"},
      {"yEs", "yEs",
       "'yEs' is the string \"yEs\" in PyYAML and Eleventy's js-yaml 3 but "
       "the boolean true in Jekyll; fmkit reads the string \"yEs\", as most "
       "of them do; write true, or quote it to keep a string: 'yEs'"},
      // No two agree: the YAML 1.2 reading.
      {"1:30._", "1:30._",
       "'1:30._' is the float 90 (base 60) in PyYAML, the float 5400 in "
       "Jekyll but the string \"1:30._\" in Eleventy's js-yaml 3; no two of "
       "them agree, so fmkit keeps the YAML 1.2 reading, the string "
       "\"1:30._\"; write 90 or 5400, or quote it to keep a string: "
       "'1:30._'"},
  };
  for (const TypingCase& c : cases) {
    SCOPED_TRACE(std::string(c.scalar));
    auto typed = type_as_yaml11(c.scalar);
    ASSERT_TRUE(typed);
    EXPECT_TRUE(same(typed->value, c.value)) << typed->value.dump();
    EXPECT_EQ(typed->ambiguity, c.ambiguity);
  }
}

TEST(Yaml11TypingTest, WhatAllReadAsYaml12IsLeftAlone) {
  for (std::string_view s :
       {"hello", "true", "False", "null", "~", "42", "-7", "1.5", "0x1F", "0",
        "y", "n", "Y", "1.2.3", ".inf", ".nan", "1e400", "2024-1-1x", "1.5e+3",
        // Dates stay strings: JSON has none.
        "2024-11-13", "2024-1-1", "2024-11-13 10:00:00"}) {
    EXPECT_FALSE(type_as_yaml11(s)) << s;
  }
}

}  // namespace
}  // namespace fmkit
