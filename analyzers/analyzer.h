// Text analysis: turns text into the terms that are indexed and searched.
//
// One Analyzer per language, looked up by language tag. Index-time and
// query-time analysis use the same Analyzer, so a query word always yields the
// terms its document counterpart was indexed under.
//
// Thread safety: Analyzer objects are immutable after construction and may be
// shared by any number of threads; analyze() keeps its ICU state in
// thread-local objects.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace portal::analysis {

// One word of the input.
struct Token {
  // Normalised surface form: NFKC, case-folded, Latin accents folded, stress
  // marks removed, Russian ё folded to е, apostrophes as U+0027. Used for
  // exact and phrase matching.
  std::string term;
  // Stems or lemmas of the word (may be several for an ambiguous word, may be
  // empty when the language has no stemmer; always empty for stop words).
  // Used for inflection-insensitive matching.
  std::vector<std::string> stems;
  // Loose cross-script key of a capitalised word (a likely name), see
  // cross_script_key.h; empty for other words.
  std::string key;
  // Word position (0-based). The whole of a hyphenated compound shares the
  // position of its first part; the parts follow as their own tokens at
  // consecutive positions, so a phrase of the parts matches too.
  uint32_t position = 0;
  // Byte offsets of the word in the analysed UTF-8 text: [start, end). An
  // elided article is outside them (`l'OTAN` -> `otan` covers `OTAN`).
  uint32_t start = 0;
  uint32_t end = 0;
  // True when the word is a stop word: it is kept for phrase matching but not
  // searched on its own.
  bool stop = false;
  // True for the whole of a hyphenated compound (`north-atlantic` ->
  // `northatlantic`), which is followed by its parts.
  bool compound = false;
};

// Where a raw token is (Analyzer::words): its offsets, position and compound
// flag, without its term.
struct WordSpan {
  uint32_t start = 0, end = 0;
  uint32_t position = 0;
  bool compound = false;
};

class Analyzer {
 public:
  virtual ~Analyzer() = default;

  // The language tag this analyzer was registered under ("en", "uk", ...).
  virtual std::string_view language() const = 0;

  // Appends the tokens of `text` (UTF-8; invalid sequences are replaced) to
  // `out`. Positions start at `first_position`.
  virtual void analyze(std::string_view text, std::vector<Token>& out,
                       uint32_t first_position = 0) const = 0;

  // The two halves of analyze(), for callers that look at the words before
  // normalising them (snippets normalise each distinct word once):
  // tokenize() appends the raw tokens of `text` (`term` as written, offsets
  // and positions set); normalize() runs the rest of the chain on tokens of
  // `text` in place, leaving an empty `term` where a word folds to nothing,
  // all but the cross-script name keys (`key` stays empty): telling whether
  // a word matches takes its term and stems.
  virtual void tokenize(std::string_view text, std::vector<Token>& out,
                        uint32_t first_position = 0) const = 0;
  virtual void normalize(std::string_view text, std::span<Token> tokens) const = 0;
  // tokenize() in two steps, for callers that need the terms of few of the
  // words: words() appends where each word is, raw_token() makes the token
  // tokenize() gives for one of them.
  virtual void words(std::string_view text, std::vector<WordSpan>& out,
                     uint32_t first_position = 0) const = 0;
  virtual Token raw_token(std::string_view text, const WordSpan& word) const = 0;

  std::vector<Token> analyze(std::string_view text) const {
    std::vector<Token> out;
    analyze(text, out);
    return out;
  }
};

// Returns the analyzer for a language tag ("en", "en-GB", "uk_UA" all work):
// en, fr, ru and uk have their own chains; any other language gets the default
// one (ICU word breaking and case folding, plus a Snowball stemmer where Xapian
// has one for the language); a tag that is not two or three letters gets the
// default analyzer of no language. The returned reference lives as long as the
// process. Throws std::runtime_error when the language data of a supported
// language (its stop word list) is missing.
const Analyzer& analyzer_for(std::string_view lang);

// Builds the built-in analyzers and loads their language data (stop words,
// synonyms, the Ukrainian dictionary: about a second) now, so that the first
// request served does not pay for it. Optional; thread-safe. Throws like
// analyzer_for().
void preload_analyzers();

// Normalises a language tag to its primary subtag, lower case ("en-GB" -> "en").
std::string normalize_language_tag(std::string_view lang);

}  // namespace portal::analysis
