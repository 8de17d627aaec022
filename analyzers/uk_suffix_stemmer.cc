#include "analyzers/uk_suffix_stemmer.h"

namespace portal::analysis {
namespace {

// Noun, adjective and verb endings (the longest that fits is stripped).
constexpr std::string_view kEndings[] = {
    "ього", "ьому", "ість", "ості", "ться", "ують", "ями", "ами", "ого", "ому", "ими", "іми", "ові",
    "еві",  "єві",  "ють",  "ать",  "ять",  "ить",  "емо", "имо", "ете", "ите", "уть", "ати", "яти",
    "ити",  "іти",  "ях",   "ах",   "ям",   "ам",   "ом",  "ем",  "єм",  "ою",  "ею",  "єю",  "ів",
    "їв",   "ей",   "ій",   "ий",   "ої",   "их",   "им",  "ім",  "ся",  "ла",  "ло",  "ли",  "а",
    "я",    "о",    "е",    "є",    "у",    "ю",    "і",   "ї",   "и",   "ь",   "й"};

size_t letters(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::string ukrainian_suffix_stem(std::string_view word) {
  std::string_view best;
  for (auto e : kEndings)
    if (e.size() > best.size() && word.ends_with(e) && letters(word) >= letters(e) + 3) best = e;
  return std::string(word.substr(0, word.size() - best.size()));
}

}  // namespace portal::analysis
