// Writes analysed text into a Xapian document: the one place that decides
// which terms a word is indexed under. searchd/query_terms.h is its query-side
// twin and must stay in step with it.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string_view>

#include "analyzers/analyzer.h"

namespace portal {

enum class TextField { kTitle, kSummary, kBody };

// Indexes `text` as `field`: each token's surface form with its position
// (unprefixed, and with kTitlePrefix for the title), its stems without
// positions (kStemPrefix, kTitleStemPrefix), and the cross-script key of a
// capitalised word (kNameKeyPrefix). Thread-safe for distinct documents.
// `position` is the next free term position; it is advanced past the text
// (plus a gap, so phrases never span two fields).
void index_field(Xapian::Document& doc, const analysis::Analyzer& analyzer, std::string_view text,
                 TextField field, uint32_t& position);

}  // namespace portal
