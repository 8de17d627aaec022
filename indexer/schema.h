// The index schema: term prefixes and value slots, shared by the indexer and
// the search daemon. Change it only together with a full rebuild.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace portal::schema {

// --- Free-text terms -------------------------------------------------------
// Unprefixed terms: normalised surface forms of title, summary and body, with
// positions (phrase search). Title words get a larger wdf.
// Stemmed forms carry kStemPrefix (no positions), as Xapian's QueryParser does.
inline constexpr std::string_view kStemPrefix = "Z";
// Title-only terms (for `title:`), surface forms with positions.
inline constexpr std::string_view kTitlePrefix = "S";
// Title-only stemmed terms.
inline constexpr std::string_view kTitleStemPrefix = "ZS";
// Cross-script keys of capitalised words (likely names), without positions:
// a loose ASCII form shared by a name's Latin and Cyrillic spellings
// (analyzers/cross_script_key.h). Searched at a lower weight than exact terms.
inline constexpr std::string_view kNameKeyPrefix = "XR";

// --- Boolean filter terms (exact values, not analysed) ---------------------
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kTopicPrefix = "XT";
inline constexpr std::string_view kTypePrefix = "XK";
inline constexpr std::string_view kYearPrefix = "Y";    // Y2022
inline constexpr std::string_view kMonthPrefix = "XM";  // XM2022-03
inline constexpr std::string_view kGroupPrefix = "G";   // translation_group
// Extra facet fields from the configuration: "XF" + field + ":" + value.
inline constexpr std::string_view kExtraFieldPrefix = "XF";

// --- Value slots -----------------------------------------------------------
// Date as "YYYY-MM-DD" (sortable as a string); empty when the article has none.
inline constexpr Xapian::valueno kDateSlot = 0;
inline constexpr Xapian::valueno kLangSlot = 1;
inline constexpr Xapian::valueno kTypeSlot = 2;
// Topics, encoded with join_values() (a document may have several).
inline constexpr Xapian::valueno kTopicsSlot = 3;
inline constexpr Xapian::valueno kYearSlot = 4;
inline constexpr Xapian::valueno kMonthSlot = 5;
inline constexpr Xapian::valueno kGroupSlot = 6;
// Extra facet fields take consecutive slots from here, in configuration order.
inline constexpr Xapian::valueno kFirstExtraSlot = 10;

// wdf multiplier for title words relative to body words.
inline constexpr Xapian::termcount kTitleWdfBoost = 3;

// Multi-valued facet slots (topics, extra fields) hold their values joined by
// this separator, which cannot occur in a value (values are cleaned of control
// characters at indexing).
inline constexpr char kValueSeparator = '\x1f';

inline std::string join_values(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out.push_back(kValueSeparator);
    out += v;
  }
  return out;
}

inline std::vector<std::string> split_values(std::string_view joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  size_t start = 0;
  for (size_t i = 0; i <= joined.size(); ++i) {
    if (i == joined.size() || joined[i] == kValueSeparator) {
      out.emplace_back(joined.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// An extra facet field named in the configuration (data/facets.json), e.g.
// {"field": "places", "param": "place", "slot": 10}: the article's array
// field `field` becomes filter terms kExtraFieldPrefix + param + ":" + value,
// a facet list called `param`, a request filter `param=...` and the query
// syntax `param:value`.
struct ExtraField {
  std::string field;  // name in the article JSON ("places")
  std::string param;  // name in the API and query syntax ("place")
  Xapian::valueno slot = 0;
  std::string term_prefix() const { return std::string(kExtraFieldPrefix) + param + ":"; }
};

}  // namespace portal::schema
