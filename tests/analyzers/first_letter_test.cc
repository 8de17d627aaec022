// First-letter keys: a word as written, its normalised form and its stems
// share one, on every word of the sample corpus.
#include "analyzers/first_letter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "tests/support/test_env.h"

namespace portal::analysis {
namespace {

TEST(FirstLetterTest, FoldsCaseAndAccents) {
  EXPECT_EQ(first_letter_key("Europe"), first_letter_key("europe"));
  EXPECT_EQ(first_letter_key("École"), first_letter_key("ecole"));
  EXPECT_EQ(first_letter_key("Ёлка"), first_letter_key("елка"));
  EXPECT_EQ(first_letter_key("Київ"), first_letter_key("київ"));
  EXPECT_EQ(first_letter_key("2024"), static_cast<uint32_t>('2'));
  EXPECT_NE(first_letter_key("europe"), first_letter_key("paris"));
  EXPECT_NE(first_letter_key("мир"), first_letter_key("пир"));
  EXPECT_NE(first_letter_key("europe"), 0u);
}

TEST(FirstLetterTest, MergesUkrainianAlternations) {
  EXPECT_EQ(first_letter_key("йти"), first_letter_key("іти"));
  EXPECT_EQ(first_letter_key("Ґанок"), first_letter_key("ганок"));
  EXPECT_EQ(first_letter_key("Європа"), first_letter_key("европа"));
}

TEST(FirstLetterTest, CannotTellSomeWords) {
  EXPECT_EQ(first_letter_key(""), 0u);
  EXPECT_EQ(first_letter_key("l'école"), 0u);
  EXPECT_EQ(first_letter_key("l\u2019OTAN"), 0u);
  EXPECT_EQ(first_letter_key("e\u0301cole"), 0u);   // a combining mark
  EXPECT_EQ(first_letter_key("\u4E2D\u6587"), 0u);  // past U+07FF
  EXPECT_EQ(first_letter_key("\u00ABquoted"), 0u);  // not a letter
  EXPECT_EQ(first_letter_key("-dash"), 0u);
}

// Every word of the sample corpus, analysed in its article's language: the
// key of the word as written is its normalised form's and each stem's,
// unless it cannot tell.
TEST(FirstLetterTest, KeptByAnalysisOfTheSampleCorpus) {
  size_t checked = 0, told = 0;
  std::map<std::string, std::string> wrong;  // word as written -> what it became
  for (const char* corpus :
       {"kremlin-ru-2025", "wikinews-fr-winer", "wikinews-ru-nerel", "zelensky-addresses"}) {
    std::ifstream in(test::source_dir() + "/data/" + corpus + "/docs.jsonl");
    ASSERT_TRUE(in) << corpus;
    std::string line;
    std::vector<WordSpan> spans;
    std::vector<Token> tokens;
    while (std::getline(in, line)) {
      const auto article = nlohmann::json::parse(line);
      const Analyzer& analyzer = analyzer_for(article.value("lang", ""));
      for (const char* field : {"title", "summary", "body"}) {
        const std::string text = article.value(field, "");
        // As a highlighter reads a text: where its words are, then the
        // tokens of those it normalises.
        spans.clear();
        analyzer.words(text, spans);
        tokens.clear();
        std::vector<std::string> raw;
        for (const auto& w : spans) {
          tokens.push_back(analyzer.raw_token(text, w));
          raw.push_back(text.substr(w.start, w.end - w.start));
        }
        analyzer.normalize(text, tokens);
        for (size_t i = 0; i < tokens.size(); ++i) {
          const Token& t = tokens[i];
          if (t.stop || t.term.empty() || spans[i].compound) continue;
          ++checked;
          const uint32_t key = first_letter_key(raw[i]);
          if (key == 0) continue;
          ++told;
          auto differs = [&](const std::string& form) {
            const uint32_t k = first_letter_key(form);
            return k != 0 && k != key;
          };
          if (first_letter_key(t.term) != key) wrong.emplace(raw[i], t.term);
          for (const auto& s : t.stems)
            if (differs(s)) wrong.emplace(raw[i], s);
        }
      }
    }
  }
  std::string examples;
  for (const auto& [word, form] : wrong) {
    if (examples.size() > 2000) break;
    examples += word + " -> " + form + "\n";
  }
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " words:\n" << examples;
  EXPECT_GT(checked, 400'000u);
  EXPECT_GT(told, checked * 95 / 100);  // it tells nearly every word
}

}  // namespace
}  // namespace portal::analysis
