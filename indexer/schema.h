// The index schema: term prefixes and value slots, shared by the indexer and
// the search daemon. Change it only together with a full rebuild.
#pragma once

#include <string_view>

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
// Topics, serialised with serialise_list() (a document may have several).
inline constexpr Xapian::valueno kTopicsSlot = 3;
inline constexpr Xapian::valueno kYearSlot = 4;
inline constexpr Xapian::valueno kMonthSlot = 5;
inline constexpr Xapian::valueno kGroupSlot = 6;
// Extra facet fields take consecutive slots from here, in configuration order.
inline constexpr Xapian::valueno kFirstExtraSlot = 10;

// wdf multiplier for title words relative to body words.
inline constexpr Xapian::termcount kTitleWdfBoost = 3;

}  // namespace portal::schema
