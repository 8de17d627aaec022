// Highlighting and snippets: which words are marked, within one highlighter
// (a page of hits) and across highlighters (words normalised by an earlier
// request are remembered process-wide).
#include "searchd/snippets.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "indexer/stored_data.h"
#include "tests/support/test_env.h"

namespace portal {
namespace {

size_t count_of(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The English analyzer, whose normalize() throws while `failing` is set (as
// an allocation can).
class FailingAnalyzer : public analysis::Analyzer {
 public:
  bool failing = true;

  std::string_view language() const override { return base_.language(); }
  void analyze(std::string_view text, std::vector<analysis::Token>& out,
               uint32_t first_position) const override {
    base_.analyze(text, out, first_position);
  }
  void tokenize(std::string_view text, std::vector<analysis::Token>& out,
                uint32_t first_position) const override {
    base_.tokenize(text, out, first_position);
  }
  void normalize(std::string_view text, std::span<analysis::Token> tokens) const override {
    if (failing) throw std::runtime_error("normalize failed");
    base_.normalize(text, tokens);
  }
  void words(std::string_view text, std::vector<analysis::WordSpan>& out,
             uint32_t first_position) const override {
    base_.words(text, out, first_position);
  }
  analysis::Token raw_token(std::string_view text, const analysis::WordSpan& word) const override {
    return base_.raw_token(text, word);
  }

 private:
  const analysis::Analyzer& base_ = analysis::analyzer_for("en");
};

TEST(HighlighterTest, MarksEveryFormOfAQueryWordAndNothingElse) {
  Highlighter h({"sanction"}, {});
  EXPECT_EQ(h.highlight("Sanctions & sanctions, then sanctioned; sanctity.", "en"),
            "<mark>Sanctions</mark> &amp; <mark>sanctions</mark>, then "
            "<mark>sanctioned</mark>; sanctity.");
}

TEST(HighlighterTest, WordsMetInOneTextAreMarkedInTheNext) {
  Highlighter h({"sanction"}, {});
  h.highlight("New sanctions on steel.", "en");
  EXPECT_EQ(h.highlight("More sanctions, and new steel.", "en"),
            "More <mark>sanctions</mark>, and new steel.");
}

TEST(HighlighterTest, AWordSeenUnderOneQueryIsMarkedUnderAnother) {
  const std::string text = "Steel quotas and steel sanctions.";
  EXPECT_EQ(Highlighter({"sanctions"}, {}).highlight(text, "en"),
            "Steel quotas and steel <mark>sanctions</mark>.");
  EXPECT_EQ(Highlighter({"steel"}, {}).highlight(text, "en"),
            "<mark>Steel</mark> quotas and <mark>steel</mark> sanctions.");
  EXPECT_EQ(Highlighter({"quota"}, {}).highlight(text, "en"),
            "Steel <mark>quotas</mark> and steel sanctions.");
}

TEST(HighlighterTest, PrefixesMarkTheirCompletions) {
  Highlighter h({}, {"sanct"});
  EXPECT_EQ(h.highlight("Sanctions, not sanity.", "en"), "<mark>Sanctions</mark>, not sanity.");
}

// A word is passed over by its first letter only when analysis could not
// give it the first letter of a query form: capitals, accents, elisions and
// letters written with a combining mark are still marked.
TEST(HighlighterTest, WordsWrittenWithOtherFirstLettersAreStillMarked) {
  Highlighter h({"ecole"}, {});
  const std::string html =
      h.highlight("L\u2019\u00C9cole, l'ECOLE et les e\u0301coles; une colle.", "fr");
  EXPECT_EQ(count_of(html, "<mark>"), 3u) << html;
  EXPECT_NE(html.find("<mark>L\u2019\u00C9cole</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>l&#39;ECOLE</mark>"), std::string::npos) << html;
  EXPECT_EQ(html.find("colle</mark>"), std::string::npos) << html;
}

TEST(HighlighterTest, SnippetFindsAWordFarIntoALongText) {
  std::string text;
  while (text.size() < 6000) text += "The committee met again on Tuesday morning. ";
  text += "Grain exports resumed. ";
  for (int i = 0; i < 20; ++i) text += "The committee met again on Tuesday morning. ";
  Highlighter h({"grain", "exports"}, {});
  Snippet s = h.snippet(text, "en", 120);
  EXPECT_TRUE(s.html.starts_with("…")) << s.html;
  EXPECT_NE(s.html.find("<mark>Grain</mark> <mark>exports</mark>"), std::string::npos) << s.html;
  EXPECT_NE(s.text.find("Grain exports resumed"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.find('<'), std::string::npos);
  EXPECT_LE(s.text.size(), 120u + 2 * std::string("…").size());

  // The same words again, on the same highlighter, in a second hit.
  Snippet again = h.snippet("Exports of grain, and grain again.", "en", 120);
  EXPECT_EQ(count_of(again.html, "<mark>"), 3u) << again.html;
}

// `text` in the pieces a snippet reads it in.
std::vector<std::string> pieces_of(std::string_view text) {
  std::vector<std::string> out;
  for (size_t begin = 0, size = kFirstPieceBytes; begin < text.size(); size *= 2) {
    const size_t end = text_piece_end(text, begin, size);
    out.emplace_back(text.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

TEST(HighlighterTest, WordsFarApartShowInTwoFragments) {
  std::string text = "Grain exports resumed on Monday. ";
  while (text.size() < 4000) text += "The committee met again on Tuesday morning. ";
  text += "New sanctions were announced. ";
  while (text.size() < 6000) text += "The committee met again on Tuesday morning. ";
  Highlighter h({"grain", "sanctions"}, {});
  Snippet s = h.snippet(text, "en", 120);
  // Each word in a fragment of its own, in text order, the second cut on
  // both sides.
  EXPECT_TRUE(s.html.starts_with("<mark>Grain</mark> exports")) << s.html;
  const size_t gap = s.html.find(" … ");
  ASSERT_NE(gap, std::string::npos) << s.html;
  EXPECT_NE(s.html.find("<mark>sanctions</mark>", gap), std::string::npos) << s.html;
  EXPECT_TRUE(s.html.ends_with("…")) << s.html;
  EXPECT_EQ(count_of(s.html, "<mark>"), 2u) << s.html;
  EXPECT_EQ(s.text.find('<'), std::string::npos);
  EXPECT_LE(s.text.size(), 120u + 2 * std::string("…").size()) << s.text;
  // Once both are met nothing more is read: the pieces after the one
  // holding "sanctions" (about 3 KB to 7 KB) are not asked for, and the two
  // together further on are not looked for.
  while (text.size() < 9000) text += "The committee met again on Tuesday morning. ";
  text += "Grain and sanctions, together at last. ";
  while (text.size() < 20000) text += "The committee met again on Tuesday morning. ";
  std::vector<std::string> pieces;
  for (size_t begin = 0, size = kFirstPieceBytes; begin < text.size(); size *= 2) {
    const size_t end = text_piece_end(text, begin, size);
    pieces.emplace_back(text.substr(begin, end - begin));
    begin = end;
  }
  ASSERT_GE(pieces.size(), 4u);
  size_t reads = 0;
  Snippet read = h.snippet(pieces[0], "en", 120, [&] {
    return reads + 1 < pieces.size() ? pieces[++reads] : std::string();
  });
  EXPECT_EQ(reads, 2u);
  EXPECT_EQ(read.html, s.html);
  // A snippet too short to split keeps one fragment, within its length.
  Snippet tiny = h.snippet(text, "en", 4);
  EXPECT_EQ(tiny.html.find(" … "), std::string::npos) << tiny.html;
  EXPECT_LE(tiny.text.size(), 4u + 2 * std::string("…").size()) << tiny.text;
  // Words together in one window keep one fragment.
  Snippet together = h.snippet("Grain and sanctions, together at last.", "en", 120);
  EXPECT_EQ(together.html, "<mark>Grain</mark> and <mark>sanctions</mark>, together at last.");
}

TEST(HighlighterTest, TheRestOfAPieceIsNotLookedIntoOnceEveryWordIsMet) {
  // "sanctions" early in the second piece (about 1 KB to 3 KB), the two
  // words together near its end: the snippet stops at the first, and shows
  // the words apart.
  std::string text = "Grain exports resumed on Monday. ";
  while (text.size() < kFirstPieceBytes + 100) text += "The committee met again on Tuesday. ";
  text += "New sanctions were announced. ";
  while (text.size() < 2500) text += "The committee met again on Tuesday. ";
  text += "Grain and sanctions, together at last. ";
  while (text.size() < 6000) text += "The committee met again on Tuesday. ";
  const std::vector<std::string> parts = pieces_of(text);
  ASSERT_GE(parts.size(), 3u);
  ASSERT_NE(parts[1].find("together"), std::string::npos);
  Highlighter h({"grain", "sanctions"}, {});
  Snippet s = h.snippet(text, "en", 120);
  EXPECT_EQ(s.html.find("together"), std::string::npos) << s.html;
  const size_t gap = s.html.find(" … ");
  ASSERT_NE(gap, std::string::npos) << s.html;
  EXPECT_TRUE(s.html.starts_with("<mark>Grain</mark> exports")) << s.html;
  EXPECT_NE(s.html.find("New <mark>sanctions</mark> were", gap), std::string::npos) << s.html;
  // Read in sections, the same.
  size_t reads = 0;
  Snippet read = h.snippet(parts[0], "en", 120, [&] {
    return reads + 1 < parts.size() ? parts[++reads] : std::string();
  });
  EXPECT_EQ(reads, 1u);
  EXPECT_EQ(read.html, s.html);
}

TEST(HighlighterTest, AWordAtTheEndOfWhatWasReadGetsAWholeSnippet) {
  // "grain" ends the first piece a snippet reads: the snippet still runs its
  // whole length past it, words there marked too.
  std::string text;
  while (text.size() < kFirstPieceBytes - 80) text += "The committee met again on Tuesday. ";
  text += std::string(kFirstPieceBytes - 4 - text.size() - 1, 'y') + " ";
  text += "grain and grain exports went on. More later. ";
  while (text.size() < 6000) text += "The committee met again on Tuesday. ";
  const std::vector<std::string> parts = pieces_of(text);
  ASSERT_TRUE(parts[0].ends_with(" grain ")) << parts[0].substr(parts[0].size() - 40);
  Highlighter h({"grain"}, {});
  Snippet s = h.snippet(text, "en", 120);
  EXPECT_NE(s.html.find("<mark>grain</mark> and <mark>grain</mark> exports went on."),
            std::string::npos)
      << s.html;
  EXPECT_GT(s.text.size(), 100u) << s.text;
  size_t reads = 0;
  Snippet read = h.snippet(parts[0], "en", 120, [&] {
    return reads + 1 < parts.size() ? parts[++reads] : std::string();
  });
  EXPECT_EQ(read.html, s.html);
}

TEST(HighlighterTest, TheRestOfATextIsReadOnlyAsFarAsItsSnippetNeeds) {
  std::string text;
  while (text.size() < 6000) text += "The committee met again on Tuesday morning. ";
  text += "Grain exports resumed. ";
  for (int i = 0; i < 400; ++i) text += "The committee met again on Tuesday morning. ";
  const std::vector<std::string> pieces = pieces_of(text);
  ASSERT_GE(pieces.size(), 5u);
  size_t reads = 0;
  auto more = [&] { return reads + 1 < pieces.size() ? pieces[++reads] : std::string(); };
  auto snippet = [&](const Highlighter& h) {
    reads = 0;
    return h.snippet(pieces[0], "en", 120, more);
  };
  Highlighter h({"grain", "exports"}, {});
  // The words are in the third piece (from about 3 KB to 7 KB): the snippet
  // is that of the whole text, and no piece after the third is read.
  Snippet s = snippet(h);
  EXPECT_EQ(reads, 2u);
  Snippet full = h.snippet(text, "en", 120);
  EXPECT_EQ(s.html, full.html);
  EXPECT_EQ(s.text, full.text);
  EXPECT_NE(s.html.find("<mark>Grain</mark> <mark>exports</mark>"), std::string::npos) << s.html;
  // A word found nowhere: every piece is read, and the snippet is the whole
  // text's (which never passes kMaxSnippetSource).
  Highlighter absent({"grain", "harvest"}, {});
  s = snippet(absent);
  EXPECT_EQ(reads, pieces.size() - 1);
  EXPECT_EQ(s.html, absent.snippet(text, "en", 120).html);

  // Within the start: the rest is never read, and is shown to follow.
  Highlighter committee({"committee"}, {});
  s = snippet(committee);
  EXPECT_EQ(reads, 0u);
  EXPECT_TRUE(s.html.starts_with("The <mark>committee</mark> met")) << s.html;
  EXPECT_TRUE(s.html.ends_with("…")) << s.html;
  EXPECT_EQ(s.html, committee.snippet(text, "en", 120).html);
  // Without query words, the start of the text.
  Highlighter none({}, {});
  EXPECT_EQ(snippet(none).text, none.snippet(text, "en", 120).text);
  EXPECT_EQ(reads, 0u);
  // A start shorter than a snippet is not enough on its own.
  const std::vector<std::string> short_start = {"The committee ", text.substr(14)};
  size_t short_reads = 0;
  EXPECT_EQ(none.snippet(short_start[0], "en", 120,
                         [&] { return short_reads++ == 0 ? short_start[1] : std::string(); })
                .text,
            none.snippet(text, "en", 120).text);
  EXPECT_EQ(short_reads, 1u);
}

TEST(HighlighterTest, ABodyStoredInSectionsGivesTheSnippetOfTheWholeBody) {
  // Long addresses in Ukrainian and English, stored as the indexer stores
  // them; words taken from their start, their middle, past what a snippet
  // reads, and absent.
  std::ifstream in(test::source_dir() + "/data/zelensky-addresses/docs.jsonl");
  std::string line;
  size_t checked = 0, read_on = 0;
  while (std::getline(in, line) && checked < 40) {
    auto j = nlohmann::json::parse(line);
    const std::string body = j.value("body", ""), lang = j.value("lang", "");
    if (body.size() < 3 * kFirstPieceBytes) continue;
    const StoredParts parts(encode_stored(R"({"id":"x"})", body));
    ASSERT_TRUE(parts.split());
    std::vector<std::string> words;
    for (size_t at : {size_t{10}, body.size() / 3, body.size() / 2, body.size() - 20}) {
      const size_t begin = body.find(' ', at) + 1, end = body.find_first_of(" ,.", begin);
      if (begin == 0 || end == std::string::npos) continue;
      words.push_back(body.substr(begin, end - begin));
    }
    ASSERT_GE(words.size(), 2u);
    for (const std::vector<std::string>& query :
         {std::vector<std::string>{words[0]}, std::vector<std::string>{words[1], words.back()},
          std::vector<std::string>{words[1], "zzzabsent"}, std::vector<std::string>{}}) {
      const Highlighter h(query, {});
      size_t next = 0;
      const Snippet pieces = h.snippet(parts.body_start(), lang, 240, [&] {
        return next < parts.more_sections() ? parts.section(next++) : std::string();
      });
      const Snippet whole = h.snippet(body, lang, 240);
      EXPECT_EQ(pieces.html, whole.html)
          << j.value("id", "") << " " << ::testing::PrintToString(query);
      EXPECT_EQ(pieces.text, whole.text);
      read_on += next > 0;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 40u);
  EXPECT_GT(read_on, 0u);  // some snippets needed more than the first piece
}

TEST(HighlighterTest, AQueryWordThatIsAStopWordOfTheTextIsNotWaitedFor) {
  // "from" is an English stop word: never marked in English text, so the
  // snippet is the first window with "grain", however long the text.
  std::string text = "Grain came from the port. ";
  while (text.size() < 20000) text += "Trucks came from the north and went back from the south. ";
  Highlighter h({"grain", "from"}, {});
  Snippet s = h.snippet(text, "en", 60);
  EXPECT_TRUE(s.html.starts_with("<mark>Grain</mark> came from the port.")) << s.html;
  EXPECT_EQ(count_of(s.html, "<mark>"), 1u) << s.html;
}

TEST(HighlighterTest, UkrainianWordsAreMarkedInTheirOtherForms) {
  Highlighter h({"санкції"}, {});
  EXPECT_EQ(h.highlight("Нові санкцій пакети: санкціями та санкція.", "uk"),
            "Нові <mark>санкцій</mark> пакети: <mark>санкціями</mark> та <mark>санкція</mark>.");
}

// Words met while normalising failed are met afresh the next time: no entry
// of the failed call is left pending (to be resolved against another call's
// new words).
TEST(HighlighterTest, AFailedNormalisationLeavesNoWordHalfSeen) {
  Highlighter h({"grain"}, {});
  FailingAnalyzer analyzer;
  EXPECT_THROW(h.highlight("Zorblaxian grain.", analyzer), std::runtime_error);
  analyzer.failing = false;
  EXPECT_EQ(h.highlight("New words here, zorblaxian grain.", analyzer),
            "New words here, zorblaxian <mark>grain</mark>.");
  EXPECT_EQ(h.highlight("Zorblaxian grain.", analyzer), "Zorblaxian <mark>grain</mark>.");
}

// A word's first highlighter normalises it; later ones read the record kept
// process-wide (WordForms). Both must mark the same words. The words here
// appear in no other test, so the first pass meets them fresh.
TEST(HighlighterTest, RememberedWordsAreMarkedAsWhenFirstNormalised) {
  struct Case {
    std::vector<std::string> words, prefixes;
    std::string text, lang, marked;
  };
  const std::vector<Case> cases = {
      {{"tariff"},
       {},
       "Tariffs rose, a tariff fell, and tarot cards.",
       "en",
       "<mark>Tariffs</mark> rose, a <mark>tariff</mark> fell, and tarot cards."},
      {{"мито"},
       {},
       "Мита зросли, а митом обклали зерно.",
       "uk",
       "<mark>Мита</mark> зросли, а <mark>митом</mark> обклали зерно."},
      {{"пошлина"},
       {},
       "Пошлины выросли: пошлиной обложили сталь.",
       "ru",
       "<mark>Пошлины</mark> выросли: <mark>пошлиной</mark> обложили сталь."},
      {{"douane"},
       {},
       "Les douanes et la douane du port.",
       "fr",
       "Les <mark>douanes</mark> et la <mark>douane</mark> du port."},
      {{},
       {"tarif"},
       "Tarifa, tarification, not a tarot.",
       "en",
       "<mark>Tarifa</mark>, <mark>tarification</mark>, not a tarot."},
      // A prefix longer than a record's first bytes: "…arie" and "…aris"
      // share their first 20 bytes.
      {{},
       {"counterrevolutionarie"},
       "Counterrevolutionaries and counterrevolutionarism.",
       "en",
       "<mark>Counterrevolutionaries</mark> and counterrevolutionarism."},
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& c : cases) {
      Highlighter h(c.words, c.prefixes);
      EXPECT_EQ(h.highlight(c.text, c.lang), c.marked) << "pass " << pass;
    }
  }
}

}  // namespace
}  // namespace portal
