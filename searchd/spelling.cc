#include "searchd/spelling.h"

#include <algorithm>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "indexer/spelling_key.h"

namespace portal {
namespace {

constexpr unsigned kMaxEdits = 2;
// Bounds the lexicon scan of the fallback on large indexes.
constexpr unsigned kMaxScannedTerms = 50000;

std::u32string code_points(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string first_code_point(const std::string& s) {
  if (s.empty()) return s;
  unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  return s.substr(0, n);
}

std::string nearest_term(Xapian::Database& db, const std::string& term) {
  const bool keys = db.get_metadata(std::string(schema::kSpellingKeysKey)) == "1";
  std::string suggestion =
      keys ? spelling_word(db.get_spelling_suggestion(spelling_key(term), kMaxEdits))
           : db.get_spelling_suggestion(term, kMaxEdits);
  if (!suggestion.empty()) return suggestion;
  // No spelling table: scan the words sharing the first letter. Prefixed
  // (non-text) terms start with an upper-case ASCII letter and are skipped.
  std::string start = first_code_point(term);
  if (start.empty() || (start[0] >= 'A' && start[0] <= 'Z')) return {};
  size_t length = code_points(term).size();
  std::string best;
  Xapian::doccount best_freq = 0;
  unsigned best_distance = kMaxEdits + 1;
  unsigned scanned = 0;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    if (++scanned > kMaxScannedTerms) break;
    std::string candidate = *it;
    size_t len = code_points(candidate).size();
    if (len + kMaxEdits < length || len > length + kMaxEdits || len < 3) continue;
    unsigned d = edit_distance(term, candidate, kMaxEdits);
    if (d == 0 || d > kMaxEdits) continue;
    Xapian::doccount freq = it.get_termfreq();
    if (d < best_distance || (d == best_distance && freq > best_freq)) {
      best = candidate;
      best_freq = freq;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

unsigned edit_distance(const std::string& a8, const std::string& b8, unsigned limit) {
  auto a = code_points(a8), b = code_points(b8);
  std::vector<unsigned> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<unsigned>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<unsigned>(i);
    unsigned row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit + 1);
}

std::optional<Correction> correct_spelling(Xapian::Database& db, const std::string& q,
                                           const std::vector<ParsedQuery::Word>& words) {
  std::string out;
  size_t at = 0;
  bool changed = false;
  for (const auto& w : words) {
    auto tokens = analysis::analyzer_for("").analyze(w.text);
    if (tokens.size() != 1 || db.get_termfreq(tokens[0].term) > 0) continue;
    std::string fix = nearest_term(db, tokens[0].term);
    if (fix.empty() || fix == tokens[0].term) continue;
    out += q.substr(at, w.start - at) + fix;
    at = w.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  out += q.substr(at);
  return Correction{out};
}

}  // namespace portal
