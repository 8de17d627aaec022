#include "searchd/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <type_traits>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "indexer/stored_data.h"
#include "searchd/bm25_source.h"
#include "searchd/concurrency_gate.h"
#include "searchd/date_filter.h"
#include "searchd/db_pool.h"
#include "searchd/facet_columns.h"
#include "searchd/facets.h"
#include "searchd/hits.h"
#include "searchd/query_parser.h"
#include "searchd/recency.h"
#include "searchd/rescore.h"
#include "searchd/similar.h"
#include "searchd/spelling.h"
#include "searchd/suggest.h"
#include "searchd/top_matches.h"

namespace portal {
namespace {

// Weight of the recency boost at recency=1, comparable to a good BM25 match.
constexpr double kRecencyWeight = 8.0;
constexpr int kDbRetries = 3;
// An index of at least this many times the exact count limit is estimated
// first (Searcher::Impl::match).
constexpr Xapian::doccount kBroadIndexPerLimit = 32;
// The same for a match only counted, a disjunctive facet's (Searcher::Impl::run).
constexpr Xapian::doccount kBroadCountedIndexPerLimit = 2;
// A weight cutoff taken from weights already computed, lowered by this much
// so that rounding never drops the match it came from.
constexpr double kCutoffMargin = 1e-9;
// An index of at most this many times the exact count limit is counted whole
// (Searcher::Impl::count_limit).
constexpr unsigned long kCountWholePerLimit = 3;

// How a match was counted (Searcher::Impl::match).
struct Counting {
  bool cut_short = false;          // the time limit stopped the matcher
  bool exact = true;               // the spies saw every match
  double scale = 1.0;              // matches estimated per document the spies saw
  Xapian::doccount estimated = 0;  // matches (groups when collapsing) estimated
};

struct Plan {
  Xapian::Query text;                 // the parsed query (strict, relaxed or corrected)
  std::vector<Xapian::Query> boosts;  // ParsedQuery::boosts
  const SearchRequest* request = nullptr;
  bool relevance = true;
  // Filter queries by facet name, and the date range.
  std::map<std::string, Xapian::Query> filters;
  Xapian::Query dates;
  std::string from, to;  // the date range's bounds (date_bound)
  // Whether some document of the index has a translation group: without,
  // collapsing changes nothing, and the matcher need not read the group of
  // each match.
  bool groups = true;
};

Xapian::Query scored(const Plan& p, double recency) {
  Xapian::Query q = p.text;
  for (const auto& boost : p.boosts) q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, boost);
  if (recency > 0) {
    auto* source = new RecencySource(recency * kRecencyWeight);
    q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(source->release()));
  }
  return q;
}

// The query with every filter except the one named `except`.
Xapian::Query filtered(const Plan& p, const Xapian::Query& q, const std::string& except = "") {
  std::vector<Xapian::Query> f;
  for (const auto& [name, query] : p.filters)
    if (name != except) f.push_back(query);
  if (!p.dates.empty()) f.push_back(p.dates);
  if (f.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q,
                       Xapian::Query(Xapian::Query::OP_AND, f.begin(), f.end()));
}

// BM25's least normalised document length (BM25Weight's min_normlen).
constexpr double kBm25MinNormlen = 0.5;

Xapian::BM25Weight bm25(const RankingOptions& ranking) {
  return Xapian::BM25Weight(ranking.bm25_k1, 0, 1, ranking.bm25_b, kBm25MinNormlen);
}

// Whether `q` checks word positions (a phrase or a proximity).
bool has_positions(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_NEAR)
    return true;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (has_positions(q.get_subquery(i))) return true;
  return false;
}

// The newest `months` (month filter terms and their documents, oldest first)
// that hold at least `wanted` documents between them, as
// a boolean query; empty when that takes every month. Listing everything
// newest first, the first `wanted` documents are all in those months.
Xapian::Query newest_months(const TermFreqs& months, Xapian::doccount wanted) {
  std::vector<Xapian::Query> newest;
  Xapian::doccount held = 0;
  for (auto it = months.rbegin(); it != months.rend() && held < wanted; ++it) {
    newest.emplace_back(it->first);
    held += it->second;
  }
  if (held < wanted || newest.size() == months.size()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, newest.begin(), newest.end()), 0.0);
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The facet lists `r` asks for.
const std::vector<std::string>& facet_lists(const SearchRequest& r) {
  static const std::vector<std::string> kNone;
  if (r.facets.empty()) return kDefaultFacets;
  if (r.facets.size() == 1 && r.facets[0] == kNoFacets) return kNone;
  return r.facets;
}

// A match of a page, best first.
struct Ranked {
  Xapian::docid did;
  double weight;
};

}  // namespace

SortOrder parse_sort_order(const std::string& name) {
  if (name.empty()) return SortOrder::kDefault;
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "date") return SortOrder::kDate;
  if (name == "date_asc") return SortOrder::kDateAsc;
  throw InvalidRequest("sort", "sort must be one of relevance, date, date_asc; got '" + name + "'");
}

struct Searcher::Impl {
  // Count with Xapian's own match spies, which remote shards can run too.
  // Set when a shard is remote, or when a local stub turned out to name a
  // remote database (the matcher refused our spies).
  mutable std::atomic<bool> portable_spies;
  DbPool pool;
  SearcherOptions options;
  mutable ConcurrencyGate gate;
  std::vector<FacetField> fields;
  QueryContext context;
  // After `pool`: its builds lease handles.
  mutable FacetColumnCache columns;
  mutable TermCountCache term_counts;  // of listing everything

  Impl(IndexSetOptions shards, SearcherOptions o)
      : portable_spies(std::any_of(shards.shards.begin(), shards.shards.end(),
                                   [](const ShardSpec& s) { return s.remote(); })),
        pool(std::move(shards)),
        options(std::move(o)),
        gate(options.max_concurrent_searches),
        fields(facet_fields(options.extra_fields)),
        columns([this] { return build_columns(); }) {
    context.extra_fields = options.extra_fields;
    context.max_terms = options.max_query_terms;
    context.max_wildcard_expansion = options.max_wildcard_expansion;
    context.ranking = options.ranking;
  }

  std::shared_ptr<const FacetColumns> build_columns() const {
    auto lease = pool.lease();
    if (FacetColumns::revision_of(lease.db()).empty()) return nullptr;
    std::vector<SlotCounter::Spec> specs = {group_counter_spec(), date_column_spec()};
    for (const auto& f : fields) specs.push_back(counter_spec(f));
    return std::make_shared<FacetColumns>(lease.db(), specs,
                                          std::vector<SlotCounter::Spec>{group_counter_spec()},
                                          hits_held_slots(), options.held_values_bytes);
  }

  // The facet columns of `db`'s revision when they are wanted and built;
  // else null.
  std::shared_ptr<const FacetColumns> built_columns(const Xapian::Database& db) const {
    return options.facet_columns ? columns.get(db) : nullptr;
  }

  // Query leaves weighed from the document lengths in memory
  // (bm25_source.h), on a single local database whose columns are built;
  // else none (terms).
  QueryAnalyses::Leaves term_leaves(const Xapian::Database& db) const {
    if (!single_local(db)) return {};
    auto built = built_columns(db);
    if (!built) return {};
    return bm25_leaves(std::move(built), Bm25Params{options.ranking.bm25_k1, options.ranking.bm25_b,
                                                    kBm25MinNormlen});
  }

  // After get_mset(): counts what `spy` recorded, from the facet columns of
  // `db`'s revision when they are built (and wanted).
  void count_local(LocalCountSpy& spy, const Xapian::Database& db) const {
    if (!spy.counting()) return;
    spy.finish(db, built_columns(db));
  }

  // The translation groups of `built` with their documents listed, when
  // `built` has them (no document in more than one group); else null.
  static const FacetColumn* listed_groups(const FacetColumns* built) {
    const FacetColumn* column = built ? built->find(group_counter_spec()) : nullptr;
    return column && !column->listed_first.empty() ? column : nullptr;
  }

  // The translation group of a document of `db` (one local database): from
  // the facet columns of its revision when they are built, else its value.
  std::function<std::string(Xapian::docid)> group_reader(Xapian::Database& db) const {
    auto built = built_columns(db);
    const FacetColumn* column = built ? built->find(group_counter_spec()) : nullptr;
    if (column && single_valued(*column)) {
      return [built, column](Xapian::docid did) {
        const std::string* group = single_value(*column, did);
        return group ? *group : std::string();
      };
    }
    return [&db](Xapian::docid did) {
      return db.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kGroupSlot);
    };
  }

  const FacetField* field(const std::string& name) const {
    for (const auto& f : fields)
      if (f.name == name) return &f;
    return nullptr;
  }

  // Runs `f(db)`, or `f(db, revision)` (DbPool::Lease::revision), on a
  // leased handle, retrying when the index changed under it or a shard
  // failed (a timeout fails at once, unless partial answers are allowed).
  // `partial`, when given, tells whether some shards were missing. Searches
  // wait their turn at the gate; `gated` false skips it for what is cheap
  // and must answer under load (readiness, metrics).
  template <typename F>
  auto with_db(F&& f, bool* partial = nullptr, bool gated = true) const {
    std::optional<ConcurrencyGate::Pass> pass =
        gated ? gate.enter(std::chrono::milliseconds(options.queue_wait_ms))
              : std::optional<ConcurrencyGate::Pass>(std::in_place, nullptr);
    if (!pass) throw IndexUnavailable("too many searches at once; try again shortly");
    auto lease = pool.lease();
    for (int attempt = 1;; ++attempt) {
      try {
        if (partial) *partial = lease.partial();
        if constexpr (std::is_invocable_v<F&, Xapian::Database&, const std::string&>)
          return f(lease.db(), lease.revision());
        else
          return f(lease.db());
      } catch (const Xapian::NetworkError& e) {
        bool timeout = std::string_view(e.get_type()) == "NetworkTimeoutError";
        std::string message = lease.recover(e);
        if (attempt >= 2 || (timeout && !pool.allow_partial())) throw IndexUnavailable(message);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kDbRetries) throw IndexUnavailable("the index keeps changing; try again");
        lease.refresh();
      } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexUnavailable("cannot open index: " + e.get_description());
      } catch (const Xapian::DatabaseError& e) {
        if (attempt >= kDbRetries) throw IndexUnavailable("index error: " + e.get_description());
        lease.refresh();
      }
    }
  }

  // The terms of `db` under a prefix, kept per revision (term_counts); the
  // free terms_of() reads them every time.
  IndexTerms cached_terms(Xapian::Database& db, const std::string& revision) const {
    return [this, &db, &revision](const std::string& prefix) {
      return term_counts.terms(db, revision, prefix);
    };
  }

  Plan plan(const SearchRequest& r) const;
  // `revision`: DbPool::Lease::revision.
  SearchResult run(Xapian::Database& db, const std::string& revision, const SearchRequest& r,
                   const ParsedQuery& parsed, Plan& p) const;
  // Runs the query; `counter` and `spies` see every matching document, or
  // the first exact_count_limit of them (`counting` tells which). Without a
  // counter, nothing is counted.
  std::vector<Ranked> match(Xapian::Database& db, const Plan& p, Xapian::doccount first,
                            Xapian::doccount count, std::vector<std::unique_ptr<FacetSpy>>& spies,
                            MatchCounter* counter, Counting& counting) const;
  // The page [first, first + count) of `p`'s matches ranked with its boosts,
  // from `window`: the first `window_size` matches of `text` (`p` without
  // its boosts, filtered). `every`, when not null, holds every match of
  // `text` on one local `db` with its weight.
  std::vector<Ranked> rescore(Xapian::Database& db, const Plan& p, const Xapian::Query& text,
                              const std::vector<TopMatch>& window, Xapian::doccount window_size,
                              Xapian::doccount first, Xapian::doccount count,
                              const TopMatches* every) const;
  // Every match of `q` and its weight (a restricted query: few matches).
  std::map<Xapian::docid, double> weights(Xapian::Database& db, const Xapian::Query& q) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(bm25(options.ranking));
    if (options.time_limit_s > 0) enquire.set_time_limit(options.time_limit_s);
    std::map<Xapian::docid, double> out;
    Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    for (auto it = all.begin(); it != all.end(); ++it) out.emplace(*it, it.get_weight());
    return out;
  }
  // The best version in `lang` of each of `groups` that matches `p` (its
  // words and boosts, filtered), with its weight, by group: one match for a
  // page of hits.
  std::map<std::string, ScoredDocument> versions_in(Xapian::Database& db, const Plan& p,
                                                    const std::set<std::string>& groups,
                                                    const std::string& lang) const {
    std::map<std::string, ScoredDocument> out;
    if (groups.empty()) return out;
    std::vector<Xapian::Query> any;
    for (const auto& g : groups) any.emplace_back(std::string(schema::kGroupPrefix) + g);
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, filtered(p, scored(p, 0)),
                      Xapian::Query(Xapian::Query::OP_AND,
                                    Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()),
                                    Xapian::Query(std::string(schema::kLangPrefix) + lang))));
    enquire.set_weighting_scheme(bm25(options.ranking));
    enquire.set_collapse_key(schema::kGroupSlot);
    if (options.time_limit_s > 0) enquire.set_time_limit(options.time_limit_s);
    Xapian::MSet versions = enquire.get_mset(0, static_cast<Xapian::doccount>(groups.size()));
    for (auto it = versions.begin(); it != versions.end(); ++it)
      out.emplace(it.get_collapse_key(), ScoredDocument(it.get_document(), it.get_weight()));
    return out;
  }
  // Whether Xapian's matcher weighs every match of `q` however it is ranked:
  // a wildcard, scaled or not. Its terms are weighed as one synonym, whose
  // bound the best matches never approach; a word's bound they may, and the
  // matcher then stops early (a broad word such as "with" at 1M: 9 ms, 29
  // counting every match).
  static bool weighs_every_match(const Xapian::Query& q) {
    switch (q.get_type()) {
      case Xapian::Query::OP_WILDCARD:
        return true;
      case Xapian::Query::OP_SCALE_WEIGHT:
        return weighs_every_match(q.get_subquery(0));
      default:
        return false;
    }
  }
  // Whether `db` is a single local database (make_hits() may stream values).
  bool single_local(const Xapian::Database& db) const {
    return !portable_spies.load() && db.size() == 1;
  }
  // Runs `enquire` counting every match with its spies; the MSet holds one
  // match, and the counts of all. On a local index, without an item each in
  // Xapian 1.4's heap of the best (SameKey, top_matches.h; a remote shard
  // cannot run our KeyMaker). Past the time limit the matcher then still
  // counts every match (sorted by relevance, an unweighted match would stop
  // there): the callers count bounded matches (an index of at most
  // kCountWholePerLimit times the exact count limit, a sample of about a
  // quarter of the limit), unless told to count every match of any index
  // (exact_count_limit 0).
  Xapian::MSet count_every_match(Xapian::Enquire& enquire, const Xapian::Database& db) const {
    static SameKey same_key;  // stateless: shared by every thread
    if (single_local(db)) enquire.set_sort_by_key(&same_key, false);
    return enquire.get_mset(0, 1, db.get_doccount());
  }
  // Counts the matches of `q` on a single local database, at most `cap` of
  // them, with `spies` and `counter` (when given) counting afresh, through a
  // CountingDecider (facets.h): no ranking, no match set. Returns whether
  // every match was counted; past the time limit it stops, and sets
  // `cut_short`.
  bool count_only(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount cap,
                  std::vector<std::unique_ptr<FacetSpy>>& spies, MatchCounter* counter,
                  bool& cut_short) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    LocalCountSpy local_spy(db);
    start_counters(enquire, db, spies, counter, local_spy);  // local: none on `enquire`
    std::optional<CountingDecider::Clock::time_point> deadline;
    if (options.time_limit_s > 0)
      deadline = CountingDecider::Clock::now() +
                 std::chrono::duration_cast<CountingDecider::Clock::duration>(
                     std::chrono::duration<double>(options.time_limit_s));
    CountingDecider decider(local_spy, cap, deadline);
    const bool every = decider.run(enquire);
    if (decider.timed_out()) cut_short = true;
    count_local(local_spy, db);
    return every;
  }
  // Xapian's first estimate of the matches of `q` (from term statistics).
  static Xapian::doccount first_estimate(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    return enquire.get_mset(0, 0).get_uncollapsed_matches_estimated();
  }
  // check_at_least for a counted match. On a small index a match past the
  // limit holds much of the index: the matcher visits the rest of it anyway
  // (skipping what cannot reach the page), and counting it there costs about
  // what counting again in a sample does, and is exact (Reuters-21578, about
  // twice the default limit: the same time, 0.8% more instructions; at ten
  // times the limit, p99 +40%).
  Xapian::doccount count_limit(const Xapian::Database& db) const {
    Xapian::doccount all = db.get_doccount();
    unsigned long limit = options.exact_count_limit;
    const unsigned long counted_whole = (all + kCountWholePerLimit - 1) / kCountWholePerLimit;
    return limit == 0 || limit >= counted_whole ? all : static_cast<Xapian::doccount>(limit);
  }
  // Starts `spies` and `counter` (when given) counting the matches of
  // `enquire` afresh: the portable ones on it, the local ones through `spy`,
  // which the caller hands the documents.
  static void start_counters(Xapian::Enquire& enquire, const Xapian::Database& db,
                             std::vector<std::unique_ptr<FacetSpy>>& spies, MatchCounter* counter,
                             LocalCountSpy& spy) {
    for (auto& s : spies) {
      s->attach(enquire, db);
      spy.add(s->local());
    }
    if (counter) {
      counter->attach(enquire);
      spy.add(counter->local());
    }
  }
  // The same, `spy` added to `enquire` as a match spy.
  static void attach_counters(Xapian::Enquire& enquire, const Xapian::Database& db,
                              std::vector<std::unique_ptr<FacetSpy>>& spies, MatchCounter* counter,
                              LocalCountSpy& spy) {
    start_counters(enquire, db, spies, counter, spy);
    if (spy.counting()) enquire.add_matchspy(&spy);
  }
  // Xapian's first estimate of the matches of `enquire` (from term
  // statistics alone), when it puts them past `check` on an index at least
  // `per_limit` times larger than that: such a match is counted in a sample
  // of the index only (count_sample). Else 0. Call it before attaching
  // counters. A ranked match is estimated first only on an index much larger
  // than `check` (kBroadIndexPerLimit), where most matches pass it: on smaller
  // ones the estimate costs more than it saves (a tenth of a millisecond and
  // more, and few matches pass), the matcher visiting the rest of the index
  // anyway to rank it. A match only counted (a disjunctive facet's) saves
  // counting `check` documents in vain on smaller ones too
  // (kBroadCountedIndexPerLimit). `first`, when given, is set to Xapian's
  // first estimate when one was taken (else left as it is).
  Xapian::doccount broad_estimate(Xapian::Enquire& enquire, const Xapian::Database& db,
                                  Xapian::doccount check,
                                  Xapian::doccount per_limit = kBroadIndexPerLimit,
                                  Xapian::doccount* first = nullptr) const {
    if (check >= db.get_doccount() / per_limit || !has_samples(db)) return 0;
    Xapian::MSet first_estimate = enquire.get_mset(0, 0);
    if (first) *first = first_estimate.get_uncollapsed_matches_estimated();
    if (first_estimate.get_uncollapsed_matches_lower_bound() >= check ||
        first_estimate.get_uncollapsed_matches_estimated() / 4 >= check)
      return first_estimate.get_uncollapsed_matches_estimated();
    return 0;
  }
  // Whether every document of `db` is in the samples (schema.h,
  // kSamplePrefix): not those written before them.
  static bool has_samples(const Xapian::Database& db) {
    const Xapian::doccount all = db.get_doccount();
    return all > 0 && db.get_termfreq(std::string(schema::kSamplePrefix) + "0") == all;
  }
  // Counts the matches of `q`, about `estimated` of them and too many to
  // count whole, in the smallest of the index's samples (schema.h,
  // kSamplePrefix) that still holds a quarter of count_limit() of them (at
  // the default limit, 2,500 to 5,000: a value with a tenth of the matches
  // is then counted within about 5%), with `spies` and `counter` (when
  // given) counting afresh. Returns the documents of the index per document
  // of the sample (1: the whole match was counted), or 0 when the index has
  // no samples (the counts are left as they were).
  double count_sample(Xapian::Database& db, const Xapian::Query& q, Xapian::doccount estimated,
                      std::vector<std::unique_ptr<FacetSpy>>& spies, MatchCounter* counter,
                      bool& cut_short) const {
    if (!has_samples(db)) return 0;
    const std::string prefix(schema::kSamplePrefix);
    const Xapian::doccount all = db.get_doccount();
    const Xapian::doccount wanted = std::max<Xapian::doccount>(1, count_limit(db) / 4);
    unsigned level = 0;
    while (level < schema::kMaxSampleLevel && (estimated >> (level + 1)) >= wanted) ++level;
    const std::string term = prefix + std::to_string(level);
    const Xapian::doccount held = db.get_termfreq(term);
    if (held == 0) return 0;
    const Xapian::Query sampled =
        level == 0 ? q : Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(term));
    if (single_local(db)) {
      count_only(db, sampled, db.get_doccount(), spies, counter, cut_short);
      return static_cast<double>(all) / held;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(sampled);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (options.time_limit_s > 0) enquire.set_time_limit(options.time_limit_s);
    LocalCountSpy local_spy(db);
    attach_counters(enquire, db, spies, counter, local_spy);
    auto started = std::chrono::steady_clock::now();
    count_every_match(enquire, db);  // every match of the sample
    cut_short =
        cut_short ||
        (options.time_limit_s > 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >=
             options.time_limit_s);
    count_local(local_spy, db);
    return static_cast<double>(all) / held;
  }
};

Plan Searcher::Impl::plan(const SearchRequest& r) const {
  Plan p;
  p.request = &r;
  for (const auto& [name, values] : r.filters) {
    const FacetField* f = field(name);
    if (!f) throw InvalidRequest(name, "unknown filter '" + name + "'");
    std::vector<Xapian::Query> any;
    for (const auto& v : values) {
      if (v.empty()) continue;
      std::string value = name == "lang" ? analysis::normalize_language_tag(v) : v;
      any.emplace_back(f->term_prefix + value);
    }
    if (!any.empty()) p.filters[name] = Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  std::string from = r.from.empty() ? "" : date_bound(r.from, false, "from");
  std::string to = r.to.empty() ? "" : date_bound(r.to, true, "to");
  if (!from.empty() && !to.empty() && from > to)
    throw InvalidRequest("from", "from (" + r.from + ") is after to (" + r.to + ")");
  // p.dates depends on the index (date_filter, in run()).
  p.from = from;
  p.to = to;
  return p;
}

std::vector<Ranked> Searcher::Impl::match(Xapian::Database& db, const Plan& p,
                                          Xapian::doccount first, Xapian::doccount count,
                                          std::vector<std::unique_ptr<FacetSpy>>& spies,
                                          MatchCounter* counter, Counting& counting) const {
  const SearchRequest& r = *p.request;
  const RankingOptions& ranking = options.ranking;
  // Ranked by relevance, boosts that check word positions rescore a window
  // of first matches; title boosts cost little more than the words
  // themselves, and apply to every match.
  const bool rescoring =
      p.relevance && ranking.rescore_window > 0 &&
      std::any_of(p.boosts.begin(), p.boosts.end(), [](const auto& b) { return has_positions(b); });
  const Xapian::doccount window = ranking.rescore_window + first + count;
  Plan unboosted = p;
  unboosted.boosts.clear();
  const Plan& ranked_by = rescoring ? unboosted : p;
  const Xapian::Query query = filtered(ranked_by, scored(ranked_by, p.relevance ? r.recency : 0));
  std::optional<ColumnKey> by_date;  // outlives `enquire`, which points to it
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(bm25(ranking));
  if (!p.relevance) {
    const bool newest_first = r.sort != SortOrder::kDateAsc;
    // From the date column when it is built: the same order.
    const auto built = single_local(db) ? built_columns(db) : nullptr;
    const FacetColumn* dates = built ? built->find(date_column_spec()) : nullptr;
    if (dates && single_valued(*dates)) {
      by_date.emplace(built, *dates);
      enquire.set_sort_by_key(&*by_date, newest_first);
    } else {
      enquire.set_sort_by_value(schema::kDateSlot, newest_first);
    }
  }
  const bool collapse = r.collapse && p.groups;
  Xapian::doccount check = counter ? count_limit(db) : 0;
  // Ranked by relevance, a prefix alone has nothing the matcher can skip: it
  // weighs every match. Where no facet is counted, its matches are then
  // counted as they are weighed, exactly, rather than in a sample of the
  // index afterwards (which walks its terms' posting lists a second time).
  const bool weighs_every = p.relevance && weighs_every_match(ranked_by.text);
  if (counter && spies.empty() && weighs_every && single_local(db)) check = db.get_doccount();
  if (options.time_limit_s > 0) enquire.set_time_limit(options.time_limit_s);
  // A broad match is ranked without counting, and counted in a sample of
  // the index only.
  Xapian::doccount first_estimate = 0;
  Xapian::doccount broad =
      counter ? broad_estimate(enquire, db, check, kBroadIndexPerLimit, &first_estimate) : 0;
  // Where the matches of one local index are counted, ranked by relevance,
  // the spy that counts them ranks them too (top_matches.h): every match, or
  // on an index with samples the first `check` of them; a match found larger
  // is then ranked again, without counting, and counted in a sample. One
  // that Xapian first estimated at `check` or more is likely to be larger:
  // its matcher ranks it from the start, skipping what cannot reach the page.
  const bool spy_ranks = counter && p.relevance && !broad && single_local(db) &&
                         (check == db.get_doccount() || has_samples(db)) && first_estimate < check;
  if (collapse && !spy_ranks) enquire.set_collapse_key(schema::kGroupSlot);
  LocalCountSpy local_spy(db);
  // Sorting by value without collapsing, Xapian 1.4's matcher calls the spies
  // a second time for documents of remote shards that sort below its page
  // (a shortcut that skips its check for remote documents): the counts of
  // remote shards sorted by value are taken in a match of their own.
  const bool count_apart = portable_spies.load() && !p.relevance && !collapse && counter && !broad;
  std::optional<Xapian::Enquire> counted;
  if (count_apart) {
    counted.emplace(db);
    counted->set_query(query);
    counted->set_weighting_scheme(Xapian::BoolWeight());
    if (options.time_limit_s > 0) counted->set_time_limit(options.time_limit_s);
    attach_counters(*counted, db, spies, counter, local_spy);
  } else if (!broad) {
    attach_counters(enquire, db, spies, counter, local_spy);
  } else {
    check = 0;
  }
  const Xapian::doccount kept = rescoring ? window : first + count;
  TopMatches top(collapse ? SIZE_MAX : kept);
  auto best_kept = [&] {
    return top.best(kept,
                    collapse ? group_reader(db) : std::function<std::string(Xapian::docid)>());
  };
  if (spy_ranks) {
    local_spy.rank(&top);
    // A prefix alone is weighed whole anyway: counted whole as it is.
    if (check < db.get_doccount() && !weighs_every) local_spy.cap(check);
  }
  auto started = std::chrono::steady_clock::now();
  Xapian::MSet mset;
  bool over_cap = false;
  if (spy_ranks) {
    try {
      mset = count_every_match(enquire, db);
    } catch (const LocalCountSpy::CapReached&) {
      over_cap = true;
    }
  } else {
    mset = rescoring ? enquire.get_mset(0, window, check) : enquire.get_mset(first, count, check);
  }
  if (over_cap) {
    // Past `check` matches: ranked again as a broad match is, without the
    // spies, below the worst of the best `kept` of the first ones skipped
    // from the start.
    const std::vector<TopMatch> so_far = best_kept();
    enquire.clear_matchspies();
    enquire.set_sort_by_relevance();
    if (collapse) enquire.set_collapse_key(schema::kGroupSlot);
    if (so_far.size() >= kept) enquire.set_cutoff(0, so_far.back().weight * (1 - kCutoffMargin));
    mset = rescoring ? enquire.get_mset(0, window) : enquire.get_mset(first, count);
    broad = std::max(mset.get_uncollapsed_matches_estimated(), check + 1);
  }
  if (counted) counted->get_mset(0, 0, check);
  // The matcher stops early only when it runs out of time.
  counting.cut_short =
      options.time_limit_s > 0 &&
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >=
          options.time_limit_s;
  if (!over_cap) count_local(local_spy, db);
  counting.estimated = mset.get_matches_estimated();
  if (spy_ranks && !over_cap && collapse) counting.estimated = counter->groups();
  if (counter) {
    // Past `check` documents the matcher skips those that cannot reach the
    // page: the spies saw the first documents of a larger match, and the
    // matches are counted again in a sample of the whole index. An index
    // without samples scales up what the spies saw.
    const Xapian::doccount seen = counter->documents();
    counting.exact = !broad && (seen < check || seen >= mset.get_uncollapsed_matches_upper_bound());
    counting.scale = counting.exact || seen == 0
                         ? 1.0
                         : static_cast<double>(mset.get_uncollapsed_matches_estimated()) / seen;
    if (!counting.exact && (broad || !counting.cut_short)) {
      const Xapian::Query text = filtered(ranked_by, ranked_by.text);
      double scale =
          count_sample(db, text, broad ? broad : mset.get_uncollapsed_matches_estimated(), spies,
                       counter, counting.cut_short);
      // The first estimate was too high: the match is counted whole.
      if (broad && scale > 1 && counter->documents() * scale < count_limit(db))
        scale = count_sample(db, text, 0, spies, counter, counting.cut_short);
      if (scale > 0) {
        counting.exact = scale == 1.0;
        counting.scale = scale;
        counting.estimated = static_cast<Xapian::doccount>(
            std::lround((collapse ? counter->groups() : counter->documents()) * scale));
      }
    }
  }
  std::vector<TopMatch> best;
  if (spy_ranks && !over_cap) {
    best = best_kept();
    if (!rescoring) best.erase(best.begin(), best.begin() + std::min<size_t>(first, best.size()));
  } else {
    for (auto it = mset.begin(); it != mset.end(); ++it)
      best.push_back({*it, it.get_weight(), it.get_collapse_key()});
  }
  if (rescoring && !best.empty()) {
    // Collapsing, the spy kept every match; unless the time limit cut the
    // match short.
    const bool every = spy_ranks && !over_cap && collapse && !counting.cut_short;
    return rescore(db, p, query, best, window, first, count, every ? &top : nullptr);
  }
  std::vector<Ranked> page;
  for (const auto& m : best) page.push_back({m.did, m.weight});
  return page;
}

std::vector<Ranked> Searcher::Impl::rescore(Xapian::Database& db, const Plan& p,
                                            const Xapian::Query& text,
                                            const std::vector<TopMatch>& window,
                                            Xapian::doccount window_size, Xapian::doccount first,
                                            Xapian::doccount count, const TopMatches* every) const {
  const SearchRequest& r = *p.request;
  const bool collapse = r.collapse && p.groups;
  // The window's documents (and, collapsed, the other versions of their
  // groups) as a filter. When the window is the whole match, restricting to
  // it changes nothing; on shards, where it costs reading their ids, the
  // whole match is taken instead.
  const bool own_source = !portable_spies.load();
  const auto built = own_source ? built_columns(db) : nullptr;
  // A document's weight is that of the words (as ranked in the window) plus
  // that of each boost it matches, the boosts matched on their own: under an
  // OP_AND_MAYBE, Xapian 1.4 may count a phrase or proximity boost for a
  // document whose words are not near each other.
  std::map<Xapian::docid, double> weight;
  Xapian::Query only;
  if (collapse && every) {
    // The other versions of the window's groups compete with their own: the
    // weights of those that match are among every match's.
    std::vector<Xapian::docid> dids = window_documents(db, window, listed_groups(built.get()));
    weight = every->weights_of(dids);
    only = docid_query(std::move(dids));
  } else {
    if (window.size() >= window_size || (own_source && db.size() == 1))
      only = restrict_to(db, window, own_source, listed_groups(built.get()));
    if (only.empty()) only = text;
    if (collapse) {
      weight = weights(db, Xapian::Query(Xapian::Query::OP_FILTER, text, only));
    } else {
      for (const auto& m : window) weight.emplace(m.did, m.weight);
    }
  }
  const Xapian::Query boosts(Xapian::Query::OP_OR, p.boosts.begin(), p.boosts.end());
  for (const auto& [did, w] : weights(db, Xapian::Query(Xapian::Query::OP_FILTER, boosts, only))) {
    auto it = weight.find(did);
    if (it != weight.end()) it->second += w;
  }
  std::vector<Ranked> ranked;
  for (const auto& [did, w] : weight) ranked.push_back({did, w});
  // As Xapian ranks: by weight, then docid.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.weight > b.weight; });
  // The page, each group's best version only when collapsed.
  std::vector<Ranked> page;
  std::set<std::string> groups;
  for (const auto& m : ranked) {
    if (page.size() >= first + count) break;
    if (collapse) {
      std::string group =
          db.get_document(m.did, Xapian::DOC_ASSUME_VALID).get_value(schema::kGroupSlot);
      if (!group.empty() && !groups.insert(std::move(group)).second) continue;
    }
    page.push_back(m);
  }
  page.erase(page.begin(), page.begin() + std::min<size_t>(first, page.size()));
  return page;
}

SearchResult Searcher::Impl::run(Xapian::Database& db, const std::string& revision,
                                 const SearchRequest& r, const ParsedQuery& parsed, Plan& p) const {
  SearchResult result;
  const bool portable = portable_spies.load();
  result.q = r.q;
  result.page = r.page;
  result.per_page = r.per_page;
  const std::vector<std::string>& wanted = facet_lists(r);
  const Xapian::doccount first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
  // A long query matches any of its words from the start (RankingOptions).
  bool long_query = !parsed.relaxed.empty() && parsed.words.size() > options.ranking.max_all_words;
  p.text = long_query ? parsed.relaxed : parsed.strict;
  p.boosts = parsed.boosts;
  if (!p.from.empty() || !p.to.empty())
    p.dates = date_filter(cached_terms(db, revision), p.from, p.to);
  p.groups = db.get_value_freq(schema::kGroupSlot) > 0;
  // A match of every document is counted from term statistics instead.
  const bool everything =
      p.text.get_type() == Xapian::Query::LEAF_MATCH_ALL && p.filters.empty() && p.dates.empty();
  std::vector<std::unique_ptr<FacetSpy>> spies;
  for (const auto& name : wanted)
    if (!everything && !p.filters.count(name))
      spies.push_back(std::make_unique<FacetSpy>(*field(name), portable));
  auto counter = std::make_unique<MatchCounter>(portable);
  Counting counting;
  std::vector<Ranked> page;
  if (everything && !p.relevance && r.sort != SortOrder::kDateAsc) {
    // Newest first: the page is among the newest months, so the matcher need
    // not sort every document. Widened until the page is full (a collapsed
    // page needs as many groups) or every month is taken.
    const auto months = term_counts.terms(db, revision, std::string(schema::kMonthPrefix));
    for (Xapian::doccount held = 4 * (first + r.per_page) + 16;; held *= 4) {
      Plan newest = p;
      newest.text = newest_months(*months, held);
      page =
          match(db, newest.text.empty() ? p : newest, first, r.per_page, spies, nullptr, counting);
      if (newest.text.empty() || page.size() >= static_cast<size_t>(r.per_page)) break;
    }
  } else {
    page = match(db, p, first, r.per_page, spies, everything ? nullptr : counter.get(), counting);
  }
  std::vector<std::string> highlight_words = parsed.highlight_words;

  auto retry = [&](const Xapian::Query& q, const std::vector<Xapian::Query>& boosts) {
    std::vector<std::unique_ptr<FacetSpy>> fresh;
    for (const auto& s : spies) fresh.push_back(std::make_unique<FacetSpy>(s->field(), portable));
    Plan alt = p;
    alt.text = q;
    alt.boosts = boosts;
    auto fresh_counter = std::make_unique<MatchCounter>(portable);
    Counting fresh_counting;
    auto m = match(db, alt, first, r.per_page, fresh, fresh_counter.get(), fresh_counting);
    if (fresh_counting.estimated == 0) return false;
    page = std::move(m);
    spies = std::move(fresh);
    counter = std::move(fresh_counter);
    counting = fresh_counting;
    p = alt;
    return true;
  };

  std::optional<Correction> correction;
  if (counting.estimated < 3 && !parsed.words.empty())
    correction = correct_spelling(db, r.q, parsed.words);
  if (counting.estimated == 0 && correction) {
    const IndexTerms terms = cached_terms(db, revision);
    ParsedQuery fixed = parse_query(correction->query, context, &terms, term_leaves(db));
    if (retry(fixed.strict, fixed.boosts) ||
        (!fixed.relaxed.empty() && retry(fixed.relaxed, fixed.boosts))) {
      result.corrected = correction->query;
      result.relaxed = p.text.serialise() == fixed.relaxed.serialise() && !fixed.relaxed.empty();
      highlight_words = fixed.highlight_words;
      correction.reset();
    }
  }
  if (counting.estimated == 0 && !result.corrected && !parsed.relaxed.empty())
    result.relaxed = retry(parsed.relaxed, parsed.boosts);
  if (correction) result.did_you_mean = correction->query;

  if (everything) {
    result.total = r.collapse ? term_counts.groups(db, revision) : db.get_doccount();
  } else if (counting.exact) {
    result.total = r.collapse ? counter->groups() : counter->documents();
  } else {
    result.total = counting.estimated;  // of groups when collapsing
  }
  result.total_is_exact = counting.exact && !counting.cut_short;
  result.facets_exact = result.total_is_exact;
  if (counting.cut_short) result.total = std::max<unsigned long>(result.total, counting.estimated);

  Highlighter highlighter(highlight_words, parsed.highlight_prefixes, parsed.analyses);
  std::vector<ScoredDocument> docs;
  // The group of each hit in another language than the visitor's, else "".
  std::vector<std::string> elsewhere;
  std::set<std::string> groups;
  for (const auto& match : page) {
    Xapian::Document doc = db.get_document(match.did, Xapian::DOC_ASSUME_VALID);
    std::string group = p.groups && r.collapse && !r.ui_lang.empty()
                            ? doc.get_value(schema::kGroupSlot)
                            : std::string();
    if (!group.empty() && doc.get_value(schema::kLangSlot) == r.ui_lang) group.clear();
    if (!group.empty()) groups.insert(group);
    elsewhere.push_back(std::move(group));
    docs.emplace_back(std::move(doc), match.weight);
  }
  // Prefer the visitor's language when that version matches too.
  const auto preferred = versions_in(db, p, groups, r.ui_lang);
  for (size_t i = 0; i < docs.size(); ++i) {
    auto it = preferred.find(elsewhere[i]);
    if (it == preferred.end()) continue;
    docs[i].first = it->second.first;
    if (p.relevance) docs[i].second = it->second.second;
  }
  const auto built = single_local(db) ? built_columns(db) : nullptr;
  result.hits = make_hits(db, docs,
                          {.highlighter = parsed.has_text ? &highlighter : nullptr,
                           .snippets = r.snippets,
                           .local = single_local(db),
                           .groups = listed_groups(built.get()),
                           .columns = built.get()});

  // Disjunctive facets: a facet with a selected value is counted as if its own
  // filter were not applied.
  std::map<std::string, double> disjunctive_scale;
  for (const auto& name : wanted) {
    if (!p.filters.count(name)) continue;
    std::vector<std::unique_ptr<FacetSpy>> own;
    own.push_back(std::make_unique<FacetSpy>(*field(name), portable));
    // Counted only: unweighted and uncollapsed (the spies see every
    // document either way).
    const Xapian::Query q = filtered(p, p.text, name);
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (options.time_limit_s > 0) enquire.set_time_limit(options.time_limit_s);
    const Xapian::doccount check = count_limit(db);
    bool cut_short = false;
    double scale = 0;
    if (const Xapian::doccount broad =
            broad_estimate(enquire, db, check, kBroadCountedIndexPerLimit)) {
      // As in match(): counted in a sample only, or whole when the sample
      // shows the estimate was too high.
      scale = count_sample(db, q, broad, own, nullptr, cut_short);
      if (scale > 1 && own[0]->seen() * scale < check)
        scale = count_sample(db, q, 0, own, nullptr, cut_short);
    }
    if (scale == 0 && single_local(db)) {
      scale = 1.0;
      if (!count_only(db, q, check, own, nullptr, cut_short) && !cut_short) {
        // More than `check` matches: counted again in a sample, as in match().
        const Xapian::doccount seen = own[0]->seen();
        const Xapian::doccount estimated = std::max(first_estimate(db, q), seen + 1);
        scale = count_sample(db, q, estimated, own, nullptr, cut_short);
        if (scale == 0) scale = static_cast<double>(estimated) / seen;
      }
    }
    if (scale == 0) {
      scale = 1.0;
      LocalCountSpy local_spy(db);
      attach_counters(enquire, db, own, nullptr, local_spy);
      // One item: past `check` documents the matcher then skips those that
      // cannot beat it, so the spy sees a sample.
      Xapian::MSet all = check >= db.get_doccount() ? count_every_match(enquire, db)
                                                    : enquire.get_mset(0, 1, check);
      count_local(local_spy, db);
      const Xapian::doccount seen = own[0]->seen();
      if (seen >= check && seen < all.get_uncollapsed_matches_upper_bound()) {
        // Counted again in a sample, as in match().
        scale =
            count_sample(db, q, all.get_uncollapsed_matches_estimated(), own, nullptr, cut_short);
        if (scale == 0) scale = static_cast<double>(all.get_uncollapsed_matches_estimated()) / seen;
      }
    }
    if (scale != 1.0 || cut_short) {
      result.facets_exact = false;
      disjunctive_scale[name] = scale;
    }
    spies.push_back(std::move(own[0]));
  }
  for (const auto& name : wanted) {
    const FacetField& f = *field(name);
    auto filter = r.filters.find(name);
    const std::vector<std::string>* selected =
        filter == r.filters.end() ? nullptr : &filter->second;
    if (everything) {
      result.facets.push_back(
          ordered_facet(f, term_counts.facet(db, revision, f).values, r.facet_size, selected));
    } else {
      for (const auto& s : spies) {
        if (s->field().name != name) continue;
        double scale = counting.scale;
        if (p.filters.count(name)) {
          auto it = disjunctive_scale.find(name);
          scale = it != disjunctive_scale.end() ? it->second : 1.0;
        }
        result.facets.push_back(s->result(scale, r.facet_size, selected));
      }
    }
  }
  return result;
}

Searcher::Searcher(std::string db_path, SearcherOptions options)
    : Searcher(IndexSetOptions{.shards = {parse_shard_spec(db_path)}}, std::move(options)) {}

Searcher::Searcher(IndexSetOptions shards, SearcherOptions options)
    : impl_(std::make_unique<Impl>(std::move(shards), std::move(options))) {}

Searcher::~Searcher() = default;

const SearcherOptions& Searcher::options() const { return impl_->options; }
const std::string& Searcher::db_path() const { return impl_->pool.path(); }

unsigned long Searcher::document_count() const {
  return impl_->with_db([](Xapian::Database& db) { return db.get_doccount(); }, nullptr, false);
}

void Searcher::load_facet_columns() const {
  if (!impl_->options.facet_columns || impl_->portable_spies.load()) return;
  impl_->with_db([&](Xapian::Database& db) { return impl_->columns.get(db) != nullptr; }, nullptr,
                 false);
  impl_->columns.wait();
}

size_t Searcher::facet_columns_bytes() const { return impl_->columns.bytes(); }

SearchResult Searcher::search(const SearchRequest& request) const {
  auto started = std::chrono::steady_clock::now();
  if (request.page < 1) throw InvalidRequest("page", "page must be 1 or more");
  if (request.per_page < 1 || request.per_page > 100)
    throw InvalidRequest("per_page", "per_page must be between 1 and 100");
  if (static_cast<long>(request.page) * request.per_page > kMaxResultDepth)
    throw InvalidRequest("page", "results are available up to number " +
                                     std::to_string(kMaxResultDepth) +
                                     "; narrow the query instead of paging further");
  if (!(request.recency >= 0 && request.recency <= 1))
    throw InvalidRequest("recency", "recency must be between 0 and 1");
  for (const auto& name : request.facets) {
    if (name == kNoFacets && request.facets.size() > 1)
      throw InvalidRequest("facets", "facets=none cannot be combined with facet names");
    if (name != kNoFacets && !impl_->field(name))
      throw InvalidRequest("facets", "unknown facet '" + name + "'");
  }
  SearchRequest r = request;
  r.ui_lang = r.ui_lang.empty() ? "" : analysis::normalize_language_tag(lower_ascii(r.ui_lang));

  Plan p = impl_->plan(r);
  SearchResult result;
  auto run = [&] {
    bool partial = false;
    result = impl_->with_db(
        [&](Xapian::Database& db, const std::string& revision) {
          QueryAnalyses::Leaves leaves = impl_->term_leaves(db);
          ParsedQuery parsed = parse_query(r.q, impl_->context, nullptr, leaves);
          // Date ranges and field values as this index's own terms.
          if (parsed.index_terms) {
            const IndexTerms terms = impl_->cached_terms(db, revision);
            parsed = parse_query(r.q, impl_->context, &terms, std::move(leaves));
          }
          p.relevance =
              r.sort == SortOrder::kRelevance || (r.sort == SortOrder::kDefault && parsed.has_text);
          return impl_->run(db, revision, r, parsed, p);
        },
        &partial);
    result.partial = partial;
  };
  try {
    try {
      run();
    } catch (const Xapian::UnimplementedError&) {
      // A stub named a remote database, which cannot run our spies.
      if (impl_->portable_spies.exchange(true)) throw;
      run();
    }
  } catch (const Xapian::WildcardError& e) {
    throw InvalidRequest("q", "a prefix* matches too many words: " + e.get_msg());
  } catch (const Xapian::QueryParserError& e) {
    throw InvalidRequest("q", e.get_msg());
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

std::string Searcher::document_json(const std::string& id) const {
  return impl_->with_db([&](Xapian::Database& db) {
    auto doc = find_document(db, id);
    if (!doc) throw NotFound("no document with id '" + id + "'");
    return decode_stored(stored_bytes(*doc));
  });
}

std::vector<Suggestion> Searcher::suggest(const SuggestRequest& request) const {
  if (request.limit < 1 || request.limit > 50)
    throw InvalidRequest("limit", "limit must be between 1 and 50");
  return impl_->with_db([&](Xapian::Database& db) { return suggestions(db, request); });
}

std::vector<Hit> Searcher::similar(const SimilarRequest& request) const {
  if (request.limit < 1 || request.limit > 50)
    throw InvalidRequest("limit", "limit must be between 1 and 50");
  return impl_->with_db([&](Xapian::Database& db) {
    auto doc = find_document(db, request.id);
    if (!doc) throw NotFound("no document with id '" + request.id + "'");
    std::vector<ScoredDocument> docs;
    for (const auto& [docid, score] : similar_documents(db, *doc, request))
      docs.emplace_back(db.get_document(docid), score);
    return make_hits(db, docs, {.local = impl_->single_local(db)});
  });
}

}  // namespace portal
