// The index schema: term prefixes, value slots, stored data, spelling data,
// metadata keys and the on-disk layout, shared by the indexer and the search
// daemon. Change it only together with a full rebuild.
//
// On-disk layout of an index directory DIR (`--db DIR`):
//   DIR/XAPIANDB   a Xapian stub file, "auto gen-N\n", naming the live generation
//   DIR/gen-N/     one complete Xapian (glass) database per generation
//   DIR/lock       held (flock) by the one portal-indexer writing DIR
// `Xapian::Database(DIR)` opens the live generation through the stub. Updates
// (index, delete) commit into the live generation in place, so readers see them
// with Database::reopen(). `portal-indexer index --rebuild` builds gen-(N+1)
// beside it, then writes the stub under a temporary name and rename()s it over
// DIR/XAPIANDB: a reader opening DIR sees either the old or the new generation,
// never a mix. reopen() does NOT follow a switch (it reopens the generation it
// already has): a reader must open DIR anew by path, e.g. when
// live_generation(DIR) (indexer/index_layout.h) differs from the one it opened
// or when reopen() shows kGenerationKey changed. Old generations are deleted
// after a grace period (`--grace`, seconds); open handles on them keep working
// until closed (Linux keeps unlinked files readable), but they see no updates.
// A DIR that is itself a glass database (from before generations) is still
// opened and updated in place; --rebuild refuses it.
//
// Sharded index (`portal-indexer index --shards N`): each generation holds N
// databases, DIR/gen-N/shard-0 .. shard-<N-1>, and DIR/XAPIANDB lists them all
// ("auto gen-N/shard-0\nauto gen-N/shard-1\n..."), so `Xapian::Database(DIR)`
// opens them combined, with global ranking statistics: results equal those of
// one database of the same documents. An article is routed to a shard by a
// stable hash of its id (indexer/sharding.h). Each shard also has a stub file
// of its own, DIR/shard-<i> ("auto gen-N/shard-<i>"), switched with the
// generation: the path to give `xapian-tcpsrv` to serve one shard. Each shard
// carries the metadata below.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace portal::schema {

// Block size of the glass tables an index is built with (Xapian's default).
// Xapian reads each block with a pread() of the whole block, and a search
// reads tens of them: larger blocks cost more in copying than they save in
// reads (32 KB blocks were 4-10% slower, benchmarks/FINDINGS.md). An existing
// database keeps its own.
inline constexpr int kBlockSize = 8 * 1024;

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
// Nested random samples of the index, for counting a match too large to count
// whole: every document has "XS0", and "XS1" .. "XS<k>" up to its level k,
// drawn with P(k >= n) = 2^-n (sample_level()), so "XSn" marks a sample of
// about 2^-n of the documents, spread evenly over the index whatever the
// order of indexing. The level is drawn from the translation group (else the
// id): the versions of an article fall in the same samples.
inline constexpr std::string_view kSamplePrefix = "XS";
inline constexpr unsigned kMaxSampleLevel = 12;

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
// The article's id, title and url, so that a result's translation links need
// no parse of the other versions' stored data (empty in indexes written
// before these slots existed: readers fall back to the stored data).
inline constexpr Xapian::valueno kIdSlot = 7;
inline constexpr Xapian::valueno kTitleSlot = 8;
inline constexpr Xapian::valueno kUrlSlot = 9;
// Extra facet fields take the slots the configuration gives them, from here up
// to kStoredSlot - 1.
inline constexpr Xapian::valueno kFirstExtraSlot = 10;
// The stored article (below, "Stored document data").
inline constexpr Xapian::valueno kStoredSlot = 999;

// --- Stored document data ----------------------------------------------------
// The stored article is the article as a JSON object (utf-8): every field of
// the input, unknown ones included, with strings cleaned of control
// characters, `body` holding plain text (extracted from `body_html` or the
// HTML page when the input was HTML; `body_html` itself is not stored) and
// `lang` normalised ("en-GB" -> "en"). Results and snippets need no other
// store. It is kept in the value slot kStoredSlot (in document data in
// indexes written before), compressed with LZ4, a body longer than
// kSplitBodyBytes apart from the other fields, in sections that decode one by
// one (indexer/stored_data.h: encode_stored, stored_bytes, decode_stored,
// StoredParts); every reader decodes it.

// --- Spelling and autocomplete -----------------------------------------------
// The spelling table (Database::get_spelling_suggestion) holds the unprefixed
// terms of title, summary and body (normalised surface forms, the same terms a
// query word is looked up under) of at least kMinSpellingBytes bytes and without
// digits, with their within-document frequency summed over documents. Replacing
// or deleting a document removes its old contribution, so frequencies stay
// exact. Words of Cyrillic letters are stored one byte a letter
// (indexer/spelling_key.h), in an index whose kSpellingKeysKey says so.
// Autocomplete: title words are kTitlePrefix terms (surface forms),
// so prefix completion is an allterms_begin(kTitlePrefix + partial) scan,
// ranked by term frequency.
inline constexpr size_t kMinSpellingBytes = 3;

// --- Metadata ------------------------------------------------------------------
// The extra facet fields the index was built with, as the JSON array of
// data/facets.json (see ExtraField): the daemon reads them from here so it
// cannot disagree with the index.
inline constexpr std::string_view kExtraFieldsKey = "portal:extra_fields";
// The generation name ("gen-3") of the database the key is read from; empty for
// an index directory without generations.
inline constexpr std::string_view kGenerationKey = "portal:generation";
// "1" when the spelling table holds words as spelling_key() encodes them
// (indexer/spelling_key.h): every index the indexer creates. An index without
// it holds them as UTF-8, and updates keep them so until a rebuild.
inline constexpr std::string_view kSpellingKeysKey = "portal:spelling_keys";

// Longest boolean term Xapian accepts is 245 bytes; an article whose id or
// filter value would make a longer term is rejected with an error.
inline constexpr size_t kMaxTermBytes = 245;

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

// Multi-valued facet fields also store each distinct value in a slot of its
// own, so that Xapian's ValueCountMatchSpy can count them: it is the match spy
// xapian-tcpsrv runs for remote shards (it cannot load a MatchSpy subclass of
// ours). The distinct values of the field with slot S, in sorted order, go to
// spread_slot(S, 0), spread_slot(S, 1), ...; values beyond kMaxSpreadValues
// still filter, and are counted in facets on local indexes (from the joined
// slot), not on remote shards.
inline constexpr unsigned kMaxSpreadValues = 16;
inline constexpr Xapian::valueno kFirstSpreadSlot = 1000;

constexpr Xapian::valueno spread_slot(Xapian::valueno slot, unsigned i) {
  return kFirstSpreadSlot + slot * kMaxSpreadValues + i;
}

inline void add_spread_values(Xapian::Document& doc, Xapian::valueno slot,
                              std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  unsigned i = 0;
  for (const auto& v : values)
    if (!v.empty() && i < kMaxSpreadValues) doc.add_value(spread_slot(slot, i++), v);
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
