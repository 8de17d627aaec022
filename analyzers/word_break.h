// The tokenizer of every chain: ICU word boundaries (UAX #29 plus ICU's
// dictionaries, so CJK and Thai come out as words), then
//  - hyphenated compounds (`North-Atlantic`) give the whole, joined
//    (`NorthAtlantic`, compound = true), followed by each part;
//  - acronyms written with dots (`N.A.T.O.`) lose the dots (`NATO`);
//  - apostrophes inside a word (`м'ясо`, `об’єкт`, `l'OTAN`) keep it whole.
// Terms are as written (not yet folded). Words longer than 64 bytes are
// dropped, as Xapian's TermGenerator does.
#pragma once

#include <memory>

#include "analyzers/chain.h"

namespace portal::analysis {

// Latin and Cyrillic text is mostly scanned without ICU (word_segments.h),
// to the same words.
std::unique_ptr<Tokenizer> icu_word_break();
// The same tokenizer with ICU finding every boundary: what the scan must
// agree with.
std::unique_ptr<Tokenizer> icu_only_word_break();

}  // namespace portal::analysis
