// SPDX-License-Identifier: MIT
//
// Schema inference on documents made from text: the schema decided for
// each shape of field, and the outliers, with their whole messages and
// positions.
#include "infer/inference.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace fmkit {
namespace {

using nlohmann::ordered_json;

// Front-matter texts, inferred together.
class Corpus {
 public:
  // Adds a file holding `yaml` between "---" lines.
  Corpus& add(const std::string& yaml) {
    m_texts.push_back(std::make_unique<std::string>("---\n" + yaml + "---\n"));
    return *this;
  }
  // Adds `n` files holding `yaml`.
  Corpus& add(size_t n, const std::string& yaml) {
    for (size_t i = 0; i < n; ++i) add(yaml);
    return *this;
  }

  // Infers; returns the schema's "properties" (or the whole schema).
  ordered_json infer(const InferOptions& options = {}) {
    SchemaInference inference(options);
    for_each(
        [&](const Document& d, const LineIndex&, size_t) { inference.add(d); });
    m_inferred = inference.finish();
    return m_inferred.schema;
  }

  // The outliers of the last infer(): "file#:line:col: message".
  std::vector<std::string> outliers() {
    std::vector<std::string> found;
    for_each([&](const Document& d, const LineIndex& lines, size_t i) {
      for (const Diagnostic& o : find_outliers(m_inferred, d, lines)) {
        EXPECT_EQ(o.rule, "infer.outlier");
        EXPECT_EQ(o.severity, Severity::warning);
        found.push_back(std::to_string(i) + ":" +
                        std::to_string(o.span.begin.line) + ":" +
                        std::to_string(o.span.begin.column) + ": " + o.message);
      }
    });
    return found;
  }

 private:
  template <typename F>
  void for_each(F f) {
    for (size_t i = 0; i < m_texts.size(); ++i) {
      LineIndex lines(*m_texts[i]);
      std::vector<Diagnostic> diagnostics;
      Document d = read_document(*m_texts[i], lines, {}, diagnostics);
      f(d, lines, i);
    }
  }

  std::vector<std::unique_ptr<std::string>> m_texts;
  InferredSchema m_inferred;
};

ordered_json props(const ordered_json& schema) { return schema["properties"]; }

TEST(InferTest, SchemaHeaderRequiredAndClosed) {
  Corpus c;
  c.add("title: A\ndraft: false\n").add("title: B\ndraft: true\n");
  ordered_json s = c.infer();
  EXPECT_EQ(s.dump(),
            R"({"$schema":"http://json-schema.org/draft-07/schema#",)"
            R"("description":"inferred by 'fmkit infer' from 2 files",)"
            R"("type":"object","properties":{)"
            R"("title":{"description":"in 2 of 2 files","type":"string",)"
            R"("minLength":1,"examples":["A","B"]},)"
            R"("draft":{"description":"in 2 of 2 files","type":"boolean"}},)"
            R"("required":["title","draft"],"additionalProperties":false})");
  EXPECT_EQ(c.outliers(), std::vector<std::string>{});
}

TEST(InferTest, IntegersAndNumbers) {
  Corpus c;
  c.add("a: 1\nb: 1\n").add("a: 2\nb: 2.5\n").add("a: 3\nb: 3\n");
  ordered_json p = props(c.infer());
  EXPECT_EQ(p["a"]["type"], "integer");
  EXPECT_EQ(p["b"]["type"], "number");
  EXPECT_EQ(p["b"]["examples"].dump(), "[1,2.5,3]");
}

TEST(InferTest, ATypeMinorityWithinTheAllowanceIsAnOutlier) {
  Corpus c;
  c.add(19, "draft: false\n").add("draft: \"yes\"\n");
  EXPECT_EQ(props(c.infer())["draft"]["type"], "boolean");
  EXPECT_EQ(c.outliers(),
            std::vector<std::string>{
                "19:2:8: 'draft' is the string \"yes\" here but a boolean in "
                "19 of 20 files"});
}

TEST(InferTest, ALargerTypeMinorityIsAUnion) {
  Corpus c;
  c.add(7, "image: a.png\n").add(3, "image:\n");
  EXPECT_EQ(props(c.infer())["image"]["type"].dump(), R"(["string","null"])");
  EXPECT_EQ(c.outliers(), std::vector<std::string>{});
}

TEST(InferTest, TheOutlierRatioIsAThreshold) {
  Corpus c;
  c.add(19, "draft: false\n").add("draft: \"yes\"\n");
  InferOptions options;
  options.outlier_ratio = 0;
  // With ratio 0 only the one-in-ten rule is left: still an outlier.
  EXPECT_EQ(props(c.infer(options))["draft"]["type"], "boolean");
  Corpus few;
  few.add(8, "draft: false\n").add("draft: \"yes\"\n");
  // Nine values: one odd value among them widens the schema.
  EXPECT_EQ(props(few.infer())["draft"]["type"].dump(),
            R"(["boolean","string"])");
  options.outlier_ratio = 0.2;
  Corpus two;
  two.add(8, "draft: false\n").add(2, "draft: \"yes\"\n");
  EXPECT_EQ(props(two.infer(options))["draft"]["type"], "boolean");
  EXPECT_EQ(two.outliers().size(), 2u);
}

TEST(InferTest, FloatsAmongIntegersAreOutliers) {
  Corpus c;
  c.add(12, "weight: 3\n").add("weight: 2.5\n");
  EXPECT_EQ(props(c.infer())["weight"]["type"], "integer");
  EXPECT_EQ(c.outliers(),
            std::vector<std::string>{"12:2:9: 'weight' is the number 2.5 "
                                     "here but an integer in 12 of 13 files"});
}

TEST(InferTest, AKeyMissingFromFewFilesIsRequiredAndReported) {
  Corpus c;
  c.add(10, "title: T\nsource: s\n").add("source: s\n");
  ordered_json s = c.infer();
  EXPECT_EQ(s["required"].dump(), R"(["title","source"])");
  EXPECT_EQ(c.outliers(),
            std::vector<std::string>{"10:3:1: 'title' is missing here but "
                                     "present in 10 of 11 files"});
}

TEST(InferTest, AKeyMissingFromManyFilesIsOptional) {
  Corpus c;
  c.add(8, "title: T\nsource: s\n").add(3, "title: T\n");
  ordered_json s = c.infer();
  EXPECT_EQ(s["required"].dump(), R"(["title"])");
  EXPECT_EQ(props(s)["source"]["description"], "in 8 of 11 files");
  EXPECT_EQ(c.outliers(), std::vector<std::string>{});
}

TEST(InferTest, ARareKeyIsLeftOutAndReported) {
  Corpus c;
  c.add(10, "title: T\ntags: [a]\n").add("title: T\ntag: [a]\n");
  ordered_json s = c.infer();
  EXPECT_FALSE(props(s).contains("tag"));
  EXPECT_EQ(s["additionalProperties"], false);
  EXPECT_EQ(c.outliers(),
            (std::vector<std::string>{
                "10:3:1: 'tag' is set here but only in 1 of 11 files (did you "
                "mean 'tags'?)",
                "10:4:1: 'tags' is missing here but present in 10 of 11 "
                "files"}));
}

TEST(InferTest, ManyRareKeysAreTheShapeNotMistakes) {
  Corpus c;
  for (int i = 0; i < 12; ++i) c.add("k" + std::to_string(i) + ": 1\n");
  ordered_json s = c.infer();
  EXPECT_EQ(props(s).size(), 12u);
  EXPECT_FALSE(s.contains("required"));
  EXPECT_EQ(c.outliers(), std::vector<std::string>{});
}

TEST(InferTest, RecurringStringsAreAnEnumAndAMisspellingAnOutlier) {
  Corpus c;
  c.add(30, "status: evergreen\n").add(20, "status: budding\n");
  c.add(5, "status: seedling\n").add("status: evergren\n");
  ordered_json p = props(c.infer());
  EXPECT_EQ(p["status"]["enum"].dump(),
            R"(["evergreen","budding","seedling"])");
  EXPECT_FALSE(p["status"].contains("examples"));
  EXPECT_EQ(c.outliers(),
            std::vector<std::string>{
                "55:2:9: 'status' is \"evergren\" here but 'evergreen', "
                "'budding' or 'seedling' in 55 of 56 files (did you mean "
                "'evergreen'?)"});
}

TEST(InferTest, EnumThresholds) {
  Corpus c;
  c.add(4, "layout: post\n").add(2, "layout: page\n");
  InferOptions options;
  // 'page' is seen twice, below --min-enum-count 3: no enum (two rare
  // values among six are too many to be outliers).
  EXPECT_FALSE(props(c.infer(options))["layout"].contains("enum"));
  options.min_enum_count = 2;
  EXPECT_EQ(props(c.infer(options))["layout"]["enum"].dump(),
            R"(["post","page"])");
  options.max_enum_values = 1;
  EXPECT_FALSE(props(c.infer(options))["layout"].contains("enum"));
}

TEST(InferTest, FreeTextIsNoEnum) {
  Corpus c;
  for (int i = 0; i < 30; ++i) c.add("title: Post " + std::to_string(i) + "\n");
  ordered_json p = props(c.infer());
  EXPECT_FALSE(p["title"].contains("enum"));
  EXPECT_EQ(p["title"]["minLength"], 1);
  EXPECT_EQ(p["title"]["examples"].dump(), R"(["Post 0","Post 1","Post 2"])");
}

TEST(InferTest, FormatsAndADateInAnotherFormat) {
  Corpus c;
  for (int i = 1; i <= 12; ++i) {
    std::string day = (i < 10 ? "0" : "") + std::to_string(i);
    c.add("date: 2024-01-" + day + "\nupdated: 2024-01-" + day +
          "T10:00:00Z\nurl: https://example.com/" + day + "\nmail: a" + day +
          "@example.com\n");
  }
  c.add(
      "date: 2024/01/13\nupdated: 2024-01-13T10:00:00Z\n"
      "url: https://example.com/13\nmail: a13@example.com\n");
  ordered_json p = props(c.infer());
  EXPECT_EQ(p["date"]["format"], "date");
  EXPECT_FALSE(p["date"].contains("minLength"));
  EXPECT_EQ(p["updated"]["format"], "date-time");
  EXPECT_EQ(p["url"]["format"], "uri");
  EXPECT_EQ(p["mail"]["format"], "email");
  EXPECT_EQ(c.outliers(),
            std::vector<std::string>{
                "12:2:7: 'date' is \"2024/01/13\" here but a date "
                "(YYYY-MM-DD) in 12 of 13 files"});
}

TEST(InferTest, AnEmptyStringAmongNonEmptyOnesIsAnOutlier) {
  Corpus c;
  for (int i = 0; i < 12; ++i) c.add("title: T" + std::to_string(i) + "\n");
  c.add("title: ''\n");
  EXPECT_EQ(props(c.infer())["title"]["minLength"], 1);
  EXPECT_EQ(c.outliers(),
            std::vector<std::string>{"12:2:8: 'title' is empty here but a "
                                     "non-empty string in 12 of 13 files"});
}

TEST(InferTest, ListsItemsAndUniqueItems) {
  Corpus c;
  c.add(10, "tags: [a, b]\n").add("tags: [a, a]\n").add("tags: [a, 5]\n");
  ordered_json p = props(c.infer());
  EXPECT_EQ(p["tags"]["items"]["type"], "string");
  EXPECT_EQ(p["tags"]["uniqueItems"], true);
  EXPECT_EQ(c.outliers(),
            (std::vector<std::string>{
                "10:2:7: 'tags' holds \"a\" twice here but no item twice in "
                "11 of 12 lists",
                "11:2:11: an item of 'tags' is the number 5 here but a string "
                "in 23 of 24 items"}));
}

TEST(InferTest, ListsThatRepeatAreNotUnique) {
  Corpus c;
  c.add(5, "tags: [a, a]\n").add(5, "tags: [a, b]\n");
  EXPECT_FALSE(props(c.infer())["tags"].contains("uniqueItems"));
}

TEST(InferTest, NestedMappingsRecurse) {
  Corpus c;
  for (int i = 0; i < 10; ++i) {
    c.add("author:\n  name: A" + std::to_string(i) +
          "\n  url: https://a.example\n");
  }
  c.add("author:\n  name: Bob\n  mail: b@example.com\n");
  ordered_json author = props(c.infer())["author"];
  EXPECT_EQ(author["type"], "object");
  EXPECT_EQ(author["properties"]["name"]["description"],
            "in 11 of 11 'author' mappings");
  EXPECT_EQ(author["required"].dump(), R"(["name","url"])");
  EXPECT_EQ(c.outliers(),
            (std::vector<std::string>{
                "10:2:1: 'author.url' is missing here but present in 10 of "
                "11 'author' mappings",
                "10:4:3: 'author.mail' is set here but only in 1 of 11 "
                "'author' mappings"}));
}

TEST(InferTest, KeysInTheOrderUsersWriteThem) {
  Corpus c;
  c.add("title: T\ndate: 2024-01-01\n");
  c.add("title: T\nslug: s\ndate: 2024-01-01\n");
  c.add("zeta: 1\ntitle: T\n");
  ordered_json p = props(c.infer());
  std::vector<std::string> keys;
  for (const auto& item : p.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"zeta", "title", "slug", "date"}));
}

TEST(InferTest, SameInputSameBytes) {
  Corpus c;
  c.add(5, "a: x\nb: [1, 2]\nc: {d: 1}\n").add(5, "c: {e: 2}\nb: []\na: y\n");
  std::string first = c.infer().dump(2);
  EXPECT_EQ(c.infer().dump(2), first);
}

TEST(InferTest, UnusableDocumentsAreSkipped) {
  Corpus c;
  c.add("title: T\n").add("title: [\n");
  EXPECT_EQ(c.infer()["description"], "inferred by 'fmkit infer' from 1 file");
}

TEST(InferTest, NoDocumentsGiveAnObjectSchema) {
  Corpus c;
  EXPECT_EQ(c.infer().dump(),
            R"({"$schema":"http://json-schema.org/draft-07/schema#",)"
            R"("description":"inferred by 'fmkit infer' from 0 files",)"
            R"("type":"object"})");
}

TEST(InferTest, ThousandsSeparators) {
  EXPECT_EQ(with_separators(0), "0");
  EXPECT_EQ(with_separators(999), "999");
  EXPECT_EQ(with_separators(9475), "9,475");
  EXPECT_EQ(with_separators(1234567), "1,234,567");
}

}  // namespace
}  // namespace fmkit
