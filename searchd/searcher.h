// The search library: runs queries against an index. Usable without HTTP.
//
// Errors are typed: InvalidRequest (the caller's mistake, HTTP 400), NotFound
// (no such document, 404) and IndexUnavailable (the index cannot be used right
// now, 503). Nothing here carries HTTP codes; the HTTP layer maps them.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/facet_config.h"
#include "indexer/schema.h"
#include "searchd/index_set_options.h"
#include "searchd/ranking_options.h"

namespace portal {

// The caller asked for something invalid (bad parameter, bad query syntax).
// Maps to HTTP 400.
class InvalidRequest : public std::runtime_error {
 public:
  InvalidRequest(std::string parameter, const std::string& message)
      : std::runtime_error(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

// The requested document does not exist. Maps to HTTP 404.
class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The index cannot be used right now (missing, corrupt, being replaced, locked
// by another writer). Maps to HTTP 503.
class IndexUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class SortOrder {
  kDefault,  // relevance when the query has words, else newest first
  kRelevance,
  kDate,     // newest first
  kDateAsc,  // oldest first
};

// Parses "relevance", "date", "date_asc"; throws InvalidRequest("sort") otherwise.
SortOrder parse_sort_order(const std::string& name);

// Values returned per facet unless a request says otherwise (as Solr's
// facet.limit and Meilisearch's maxValuesPerFacet).
inline constexpr size_t kDefaultFacetSize = 100;

struct SearchRequest {
  // The query, in the syntax described in searchd/query_parser.h. Empty: all
  // documents (newest first unless `sort` says otherwise).
  std::string q;
  // Facet filters by facet name: "lang", "topic", "type", "year", "month" and
  // the configured extra fields ("place", "speaker"). Values of one facet are
  // ORed, different facets ANDed. An unknown facet name is an InvalidRequest.
  std::map<std::string, std::vector<std::string>> filters;
  // Inclusive date bounds, "YYYY-MM-DD" (or "YYYY-MM", "YYYY"); empty: open.
  std::string from, to;
  SortOrder sort = SortOrder::kDefault;
  int page = 1;       // from 1; page * per_page may not exceed kMaxResultDepth
  int per_page = 10;  // 1..100
  // The visitor's language: with `collapse`, the version of an article in this
  // language is shown in preference to its translations.
  std::string ui_lang;
  // One hit per translation group (translation_group), listing the others in
  // Hit::translations.
  bool collapse = true;
  // The facet lists to return; empty: kDefaultFacets; kNoFacets alone: none
  // (the total is counted all the same).
  std::vector<std::string> facets;
  // How many of each facet's most frequent values to return (every value is
  // counted; 0: all), besides the values of its own filter. The year and
  // month histograms are always whole.
  size_t facet_size = kDefaultFacetSize;
  // 0..1: how much newer articles are favoured in relevance order.
  double recency = 0;
  // False: hits carry no snippet (Hit::snippet and snippet_html empty), and
  // their bodies are not read for one.
  bool snippets = true;
};

// How deep paging may go (page * per_page).
inline constexpr int kMaxResultDepth = 1000;
// Facet lists returned when SearchRequest::facets is empty.
inline const std::vector<std::string> kDefaultFacets = {"topic", "type", "lang", "year", "month"};
// SearchRequest::facets asking for no facet list.
inline constexpr std::string_view kNoFacets = "none";

struct Translation {
  std::string id, lang, title, url;
};

struct Hit {
  std::string id, lang, title, url, date, type;
  std::string title_html;    // title, HTML-escaped, query matches in <mark>
  std::string snippet_html;  // query-biased body fragment, escaped, matches in <mark>
  std::string snippet;       // the same fragment as plain text
  std::vector<std::string> topics;
  double score = 0;
  // The other-language versions of this article (never the hit itself).
  std::vector<Translation> translations;
};

struct FacetValue {
  std::string value;
  unsigned long count = 0;
};

struct Facet {
  std::string name;
  // Most frequent first for topic/type/lang/extra fields; ascending by value
  // for the year and month histograms.
  std::vector<FacetValue> values;
};

struct SearchResult {
  std::string q;                         // the query as given
  std::optional<std::string> corrected;  // set when the spelling-corrected query was run instead
  bool relaxed = false;                  // words were ORed because requiring all found nothing
  // Number of hits: with collapse, translation groups (an article and its
  // translations count once), else documents. An estimate when
  // total_is_exact is false (SearcherOptions::exact_count_limit, time limit).
  unsigned long total = 0;
  bool total_is_exact = true;
  // Some shards were down and the result comes from the others
  // (IndexSetOptions::allow_partial).
  bool partial = false;
  int page = 1, per_page = 10;
  double took_ms = 0;
  std::vector<Hit> hits;
  // Counts of documents (not groups) over the whole match set (estimates when
  // facets_exact is false); a facet with a selected filter value is counted as
  // if its own filter were not applied.
  std::vector<Facet> facets;
  // False when the facet counts are estimates (SearcherOptions::exact_count_limit).
  bool facets_exact = true;
  std::optional<std::string> did_you_mean;
};

struct SuggestRequest {
  std::string q;     // what the visitor has typed so far
  std::string lang;  // optional: restrict title completions to this language
  int limit = 8;     // 1..50
};

struct Suggestion {
  std::string text;  // the completed word or the title
  std::string kind;  // "term" or "title"
  std::string id;    // for titles: the document id
  std::string url;   // for titles: the document url (may be empty)
};

struct SimilarRequest {
  std::string id;
  int limit = 10;    // 1..50
  std::string lang;  // optional: only documents in this language
};

struct SearcherOptions {
  // Extra facet fields (data/facets.json): filter, facet and query syntax names.
  std::vector<schema::ExtraField> extra_fields;
  // Per-query matcher time limit in seconds (0: none). A query stopped by it
  // returns what was found so far with total_is_exact = false.
  double time_limit_s = 2.0;
  // Maximum number of terms a `prefix*` expands to; more is an InvalidRequest.
  unsigned max_wildcard_expansion = 500;
  // Maximum number of words and operators in one query.
  unsigned max_query_terms = 64;
  // How free text is ranked.
  RankingOptions ranking;
  // Searches (and other index reads) run at once; more wait in arrival order
  // (ConcurrencyGate). 0: no limit.
  unsigned max_concurrent_searches = 0;
  // Longest wait for a turn; beyond it the call throws IndexUnavailable.
  unsigned queue_wait_ms = 10000;
  // Matching documents counted one by one for the total and the facets. A
  // query matching more is counted again in a sample of the index holding a
  // quarter to a half of this many of its matches (schema.h, kSamplePrefix;
  // on an index without samples, on the first this many the matcher visits),
  // and the total and facet counts are estimates (total_is_exact and
  // facets_exact false). On an index of at most three times this many
  // documents every match is counted: there, counting the rest costs about
  // what a second match over a sample does. 0: always count every match. A
  // query without words or filters is counted exactly at any size, from term
  // statistics.
  unsigned long exact_count_limit = 10000;
  // Keep the facet values of a single local index in memory (FacetColumns,
  // built in the background for each new revision) and count from them.
  bool facet_columns = true;
  // With them, the values a search reads for its hits (the translation
  // links' and the stored articles), when they add up to at most this many
  // bytes: hits then read them from memory (HeldValues).
  size_t held_values_bytes = size_t{64} << 20;
};

// load_extra_fields() (indexer/facet_config.h) reads extra facet fields from a
// JSON file such as data/facets.json.

// Thread-safe: any number of threads may call the const methods at once; each
// call takes a database handle of its own from an internal pool and re-opens
// it, so changes committed by other processes (including an index rebuilt and
// switched in place) are seen by the next request.
class Searcher {
 public:
  // Opens the index at `db_path` (a Xapian database directory or stub file).
  // Throws IndexUnavailable if it cannot.
  explicit Searcher(std::string db_path, SearcherOptions options = {});
  // Searches a set of local and remote shards as one index (see
  // IndexSetOptions): results equal those of a single index of the same
  // documents.
  explicit Searcher(IndexSetOptions shards, SearcherOptions options = {});
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Throws InvalidRequest (bad parameter or query syntax) or IndexUnavailable.
  SearchResult search(const SearchRequest& request) const;
  // Completions for a search box. Throws InvalidRequest, IndexUnavailable.
  std::vector<Suggestion> suggest(const SuggestRequest& request) const;
  // The stored JSON of document `id`. Throws NotFound, IndexUnavailable.
  std::string document_json(const std::string& id) const;
  // Articles related to document `id`, excluding it and its translations.
  // Throws NotFound, InvalidRequest, IndexUnavailable.
  std::vector<Hit> similar(const SimilarRequest& request) const;

  // Builds the facet columns of the index as it is now and waits for them
  // (SearcherOptions::facet_columns); searches otherwise build them in the
  // background when the index changed.
  void load_facet_columns() const;
  // Memory held by the facet columns, 0 when there are none.
  size_t facet_columns_bytes() const;

  // Not held up by searches waiting their turn (SearcherOptions).
  unsigned long document_count() const;
  const SearcherOptions& options() const;
  const std::string& db_path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace portal
