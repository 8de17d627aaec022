// The search library without HTTP, over an index of data/zelensky-addresses
// built once for the suite. Expected counts come from the JSON Lines file.
#include "searchd/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

#include "indexer/article.h"
#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "indexer/spelling_key.h"
#include "indexer/stored_data.h"
#include "searchd/field_values.h"
#include "searchd/query_parser.h"
#include "tests/searchd/corpus.h"

namespace portal::test {
namespace {

std::map<std::string, unsigned long> facet(const SearchResult& r, const std::string& name) {
  for (const auto& f : r.facets)
    if (f.name == name) {
      std::map<std::string, unsigned long> out;
      for (const auto& v : f.values) out[v.value] = v.count;
      return out;
    }
  ADD_FAILURE() << "no facet " << name;
  return {};
}

std::string lower(std::string s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    corpus_ = new Corpus(zelensky_jsonl());
    SearcherOptions options;
    options.extra_fields = load_extra_fields(source_dir() + "/data/facets.json");
    {
      IndexWriter writer(dir_->file("db"), IndexWriter::Mode::kUpdate, options.extra_fields);
      std::ifstream in(zelensky_jsonl());
      for (std::string line; std::getline(in, line);)
        if (!line.empty()) writer.upsert(parse_article(line, options.extra_fields));
      writer.commit();
    }
    searcher_ = new Searcher(dir_->file("db"), options);
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete corpus_;
    delete dir_;
  }

  static SearchResult search(SearchRequest r) { return searcher_->search(r); }
  static SearchResult search(const std::string& q, bool collapse = true) {
    SearchRequest r;
    r.q = q;
    r.collapse = collapse;
    return searcher_->search(r);
  }
  static std::string parameter_of_error(const SearchRequest& r) {
    try {
      searcher_->search(r);
    } catch (const InvalidRequest& e) {
      return e.parameter() + ": " + e.what();
    }
    return "no error";
  }

  static TempDir* dir_;
  static Corpus* corpus_;
  static Searcher* searcher_;
};
TempDir* SearcherTest::dir_ = nullptr;
Corpus* SearcherTest::corpus_ = nullptr;
Searcher* SearcherTest::searcher_ = nullptr;

TEST_F(SearcherTest, EmptyQueryListsEverythingNewestFirst) {
  SearchRequest r;
  r.collapse = false;
  r.per_page = 100;
  auto all = search(r);
  EXPECT_EQ(all.total, corpus_->docs.size());
  EXPECT_TRUE(all.total_is_exact);
  ASSERT_EQ(all.hits.size(), 100u);
  for (size_t i = 1; i < all.hits.size(); ++i)
    EXPECT_GE(all.hits[i - 1].date.substr(0, 10), all.hits[i].date.substr(0, 10)) << i;

  r.sort = SortOrder::kDateAsc;
  auto oldest = search(r);
  for (size_t i = 1; i < oldest.hits.size(); ++i)
    EXPECT_LE(oldest.hits[i - 1].date.substr(0, 10), oldest.hits[i].date.substr(0, 10)) << i;
}

TEST_F(SearcherTest, NewestFirstPagesOfEverythingAreThoseOfTheFullSort) {
  // Everything newest first is looked for among the newest months only; a
  // date filter that every article passes sorts the whole match instead.
  for (bool collapse : {true, false})
    for (int per_page : {10, 100})
      for (int page : {1, 2, 9}) {
        SearchRequest r;
        r.collapse = collapse;
        r.per_page = per_page;
        r.page = page;
        auto newest = search(r);
        r.from = "1900-01-01";
        auto sorted = search(r);
        SCOPED_TRACE(std::to_string(page) + "x" + std::to_string(per_page) +
                     (collapse ? " collapsed" : ""));
        EXPECT_EQ(newest.total, sorted.total);
        ASSERT_EQ(newest.hits.size(), sorted.hits.size());
        if (page < 9 || per_page == 10) {
          EXPECT_EQ(newest.hits.size(), size_t(per_page));
        }
        for (size_t i = 0; i < newest.hits.size(); ++i)
          EXPECT_EQ(newest.hits[i].id, sorted.hits[i].id) << i;
      }
}

TEST_F(SearcherTest, CollapsedTotalCountsTranslationGroups) {
  auto all = corpus_->where([](const auto&) { return true; });
  EXPECT_EQ(search("", true).total, Corpus::groups(all));
  EXPECT_LT(Corpus::groups(all), all.size());

  std::string topic = "Гуманітарні коридори";
  auto with_topic = corpus_->where([&](const auto& d) {
    auto ts = Corpus::list(d, "topics");
    return std::find(ts.begin(), ts.end(), topic) != ts.end();
  });
  SearchRequest r;
  r.filters["topic"] = {topic};
  auto collapsed = search(r);
  EXPECT_EQ(collapsed.total, Corpus::groups(with_topic));
  EXPECT_TRUE(collapsed.total_is_exact);
  r.collapse = false;
  EXPECT_EQ(search(r).total, with_topic.size());
}

TEST_F(SearcherTest, FacetCountsMatchTheCorpus) {
  SearchRequest r;
  r.collapse = false;
  r.facets = {"topic", "type", "lang", "year", "month", "place", "speaker"};
  r.facet_size = 0;  // every value
  auto result = search(r);
  auto all = corpus_->where([](const auto&) { return true; });
  EXPECT_EQ(facet(result, "topic"), Corpus::count(all, "topics"));
  EXPECT_EQ(facet(result, "type"), Corpus::count(all, "type"));
  EXPECT_EQ(facet(result, "lang"), Corpus::count(all, "lang"));
  EXPECT_EQ(facet(result, "year"), Corpus::count(all, "year"));
  EXPECT_EQ(facet(result, "month"), Corpus::count(all, "month"));
  // Most frequent first (ties by value), histograms in date order.
  const auto& topics = result.facets[0].values;
  for (size_t i = 1; i < topics.size(); ++i) {
    EXPECT_GE(topics[i - 1].count, topics[i].count);
    if (topics[i - 1].count == topics[i].count) {
      EXPECT_LT(topics[i - 1].value, topics[i].value);
    }
  }
  for (const auto& f : result.facets)
    if (f.name == "month") {
      for (size_t i = 1; i < f.values.size(); ++i)
        EXPECT_LT(f.values[i - 1].value, f.values[i].value);
    }
}

TEST_F(SearcherTest, MatchOfEverythingCountsFromTermStatisticsLikeTheSpies) {
  // No words and no filters: counted from term frequencies. A date filter that
  // every article passes makes the matcher count document by document.
  SearchRequest r;
  r.collapse = false;
  r.facets = {"topic", "type", "lang", "year", "month", "place", "speaker"};
  auto from_terms = search(r);
  r.from = "1900-01-01";
  auto from_spies = search(r);
  ASSERT_EQ(from_spies.total, corpus_->docs.size());
  EXPECT_EQ(from_terms.total, from_spies.total);
  for (const auto& name : r.facets)
    EXPECT_EQ(facet(from_terms, name), facet(from_spies, name)) << name;
  // Places too, of which some speeches name more than sixteen.
  for (const auto& name : {"topic", "type", "lang", "year", "month", "place", "speaker"})
    EXPECT_FALSE(facet(from_terms, name).empty()) << name;
  r.collapse = true;
  auto groups_from_spies = search(r);
  r.from.clear();
  EXPECT_EQ(search(r).total, groups_from_spies.total);
}

// The ids of a result's hits, in order.
std::vector<std::string> hit_ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

// A small index of its own, written during the test.
class SearcherListingTest : public ::testing::Test {
 protected:
  void write(const std::vector<std::string>& lines) {
    IndexWriter writer(db);
    for (const auto& line : lines) writer.upsert(parse_article(line, {}));
    writer.finish();
  }

  TempDir dir;
  const std::string db = dir.file("db");
};

TEST_F(SearcherListingTest, MisspeltCyrillicWordsAreCorrectedInNewAndOlderIndexes) {
  // The indexer stores Cyrillic spelling words one byte a letter
  // (indexer/spelling_key.h); an index written before holds them as UTF-8,
  // without the metadata that says so. Both are corrected.
  write({R"({"id":"a","lang":"uk","title":"Санкції","body":"Нові санкцій проти агресора."})",
         R"({"id":"b","lang":"ru","title":"Переговоры","body":"Переговоры продолжатся завтра."})",
         R"({"id":"c","lang":"en","title":"Sanctions","body":"New sanctions."})"});
  // The query run instead, or the one suggested (when the query as typed
  // finds a little). The first letters are wrong: only the spelling table
  // finds these, not the scan of words of the same first letter.
  auto corrected = [&](const std::string& q) {
    SearchRequest r;
    r.q = q;
    auto result = Searcher(db).search(r);
    return result.corrected ? *result.corrected : result.did_you_mean.value_or("");
  };
  {
    Xapian::Database index(db);
    EXPECT_EQ(index.get_metadata(std::string(schema::kSpellingKeysKey)), "1");
  }
  EXPECT_EQ(corrected("занкцій"), "санкцій");
  EXPECT_EQ(corrected("береговоры"), "переговоры");
  EXPECT_EQ(corrected("sanctoins"), "sanctions");
  {
    // The same index as an older indexer wrote it.
    Xapian::WritableDatabase index(db);
    std::vector<std::pair<std::string, Xapian::termcount>> keys;
    for (auto it = index.spellings_begin(); it != index.spellings_end(); ++it)
      keys.emplace_back(*it, it.get_termfreq());
    for (const auto& [key, freq] : keys) {
      index.remove_spelling(key, freq);
      index.add_spelling(spelling_word(key), freq);
    }
    index.set_metadata(std::string(schema::kSpellingKeysKey), "");
    index.commit();
  }
  EXPECT_EQ(corrected("занкцій"), "санкцій");
  EXPECT_EQ(corrected("береговоры"), "переговоры");
  EXPECT_EQ(corrected("sanctoins"), "sanctions");
}

TEST_F(SearcherListingTest, CountsOfEverythingFollowTheIndex) {
  // Listing everything keeps its term counts per index revision: a write
  // must show in the next listing.
  write({R"({"id":"a","lang":"en","title":"Grain","date":"2023-01-05","topics":["Economy"],)"
         R"("translation_group":"g1"})",
         R"({"id":"b","lang":"uk","title":"Зерно","date":"2023-01-05","topics":["Economy"],)"
         R"("translation_group":"g1"})"});
  Searcher searcher(db);
  SearchRequest r;
  r.facets = {"topic", "lang"};
  auto before = searcher.search(r);
  EXPECT_EQ(before.total, 1u) << "one translation group";
  EXPECT_EQ(facet(before, "topic"), (std::map<std::string, unsigned long>{{"Economy", 2}}));
  EXPECT_EQ(searcher.search(r).total, 1u);  // from the kept counts

  write({R"({"id":"c","lang":"fr","title":"Blé","topics":["Trade"]})"});
  auto after = searcher.search(r);
  EXPECT_EQ(after.total, 2u);
  EXPECT_EQ(facet(after, "topic"),
            (std::map<std::string, unsigned long>{{"Economy", 2}, {"Trade", 1}}));
  EXPECT_EQ(facet(after, "lang"),
            (std::map<std::string, unsigned long>{{"en", 1}, {"fr", 1}, {"uk", 1}}));
}

TEST_F(SearcherListingTest, NewestFirstListingFollowsTheIndex) {
  // The listing looks in the newest months (kept per revision); enough
  // older documents that it does, then an article of a newer month.
  std::vector<std::string> lines;
  for (int i = 0; i < 70; ++i)
    lines.push_back(R"({"id":"old)" + std::to_string(i) +
                    R"(","lang":"en","title":"Report","date":)" +
                    (i < 5 ? R"("2023-01-05"})" : R"("2023-02-05"})"));
  write(lines);
  Searcher searcher(db);
  SearchRequest r;
  ASSERT_EQ(searcher.search(r).hits.size(), 10u);
  write({R"({"id":"new","lang":"en","title":"Report","date":"2024-06-01"})"});
  auto after = searcher.search(r);
  ASSERT_FALSE(after.hits.empty());
  EXPECT_EQ(after.hits[0].id, "new");
  EXPECT_EQ(after.total, 71u);
}

TEST_F(SearcherListingTest, CollapsingWithoutGroupsChangesNothingUntilThereAreSome) {
  // An index without translation groups is not collapsed (there is nothing
  // to collapse); once a group exists, its members are.
  std::vector<std::string> lines;
  for (int i = 0; i < 6; ++i)
    lines.push_back(R"({"id":"n)" + std::to_string(i) +
                    R"(","lang":"en","title":"Harbour report","body":"harbour cranes )" +
                    std::string(i, 'x') + R"("})");
  write(lines);
  Searcher searcher(db);
  SearchRequest r;
  r.q = "harbour";
  r.collapse = true;
  auto collapsed = searcher.search(r);
  r.collapse = false;
  auto plain = searcher.search(r);
  EXPECT_EQ(collapsed.total, 6u);
  EXPECT_EQ(collapsed.total, plain.total);
  EXPECT_EQ(hit_ids(collapsed), hit_ids(plain));

  write({R"({"id":"n0","lang":"en","title":"Harbour report","body":"harbour cranes",)"
         R"("translation_group":"g"})",
         R"({"id":"u0","lang":"uk","title":"Harbour звіт","body":"harbour крани",)"
         R"("translation_group":"g"})"});
  r.collapse = true;
  EXPECT_EQ(searcher.search(r).total, 6u) << "n0 and u0 are one group";
  r.collapse = false;
  EXPECT_EQ(searcher.search(r).total, 7u);
}

TEST_F(SearcherListingTest, TranslationLinksAreTheGroupsOtherMembers) {
  // Groups of three versions (and articles of no group) that list no
  // "translations": each hit links to the other versions of its group, read
  // from the index or from the facet columns alike.
  std::vector<std::string> lines;
  for (int g = 0; g < 8; ++g)
    for (std::string lang : {"en", "fr", "uk"})
      lines.push_back(R"({"id":")" + lang + std::to_string(g) + R"(","lang":")" + lang +
                      R"(","title":"Harbour )" + std::to_string(g) + R"(","translation_group":"g)" +
                      std::to_string(g) + R"("})");
  for (int i = 0; i < 4; ++i)
    lines.push_back(R"({"id":"alone)" + std::to_string(i) + R"(","lang":"en","title":"Harbour"})");
  write(lines);
  SearcherOptions o;
  o.facet_columns = false;
  Searcher from_index(db, o);
  o.facet_columns = true;
  Searcher from_columns(db, o);
  from_columns.load_facet_columns();
  for (Searcher* searcher : {&from_index, &from_columns}) {
    SearchRequest r;
    r.q = "harbour";
    r.collapse = false;
    r.per_page = 50;
    auto result = searcher->search(r);
    ASSERT_EQ(result.hits.size(), 28u);
    for (const auto& h : result.hits) {
      std::set<std::string> links;
      for (const auto& t : h.translations) links.insert(t.id);
      std::set<std::string> expected;
      if (!h.id.starts_with("alone"))
        for (std::string lang : {"en", "fr", "uk"})
          if (lang != h.lang) expected.insert(lang + h.id.substr(2));
      EXPECT_EQ(links, expected) << h.id << (searcher == &from_columns ? " (columns)" : "");
    }
  }
}

TEST_F(SearcherListingTest, ProximityBoostsCountOnlyWhereTheWordsAreNear) {
  // Articles with both words side by side ("n..."), and with both far apart
  // ("f..."), some with a word in their title. The phrase and proximity
  // boosts add nothing to a far article, whatever else it matched (Xapian
  // 1.4 gives them weight without checking positions when they are ORed
  // with the title boost, once there are enough matches).
  std::vector<std::string> lines;
  for (int i = 0; i < 240; ++i) {
    std::string filler;
    for (int k = 0; k < 25 + i % 7; ++k) filler += "cargo ";
    const bool near = i % 4 == 0;
    std::string body = near ? "trade deficit " + filler : "trade " + filler + "deficit";
    lines.push_back(R"({"id":")" + std::string(near ? "n" : "f") + std::to_string(i) +
                    R"(","lang":"en","title":")" + (i % 3 == 0 ? "Trade" : "Weekly") +
                    R"( report","body":")" + body + R"("})");
  }
  write(lines);
  SearcherOptions unboosted;
  unboosted.ranking.phrase_weight = 0;
  unboosted.ranking.near_weight = 0;
  SearchRequest r;
  r.q = "trade deficit";
  r.per_page = 100;
  auto boosted = Searcher(db).search(r), plain = Searcher(db, unboosted).search(r);
  std::map<std::string, double> plain_scores;
  for (const auto& h : plain.hits) plain_scores[h.id] = h.score;
  size_t far = 0, near = 0;
  for (const auto& h : boosted.hits) {
    auto it = plain_scores.find(h.id);
    if (it == plain_scores.end()) continue;
    if (h.id[0] == 'f') {
      ++far;
      EXPECT_NEAR(h.score, it->second, 1e-9) << h.id;
    } else {
      ++near;
      EXPECT_GT(h.score, it->second) << h.id;
    }
  }
  EXPECT_GT(far, 10u);
  EXPECT_GT(near, 10u);
}

TEST_F(SearcherListingTest, BroadMatchesAreCountedOnASampleOfTheWholeIndex) {
  // Articles indexed oldest first, as a portal's archive is, all matching,
  // the newer ones longer (so weighing less): past the limit the matcher
  // sees only the oldest, and skips the others as they cannot reach the
  // page. The counts come from a sample spread over the whole index instead
  // (of about 250 articles here): every year is counted, near its true
  // count, and so are the total and the translation groups (pairs of
  // versions, counted as one).
  std::vector<std::string> lines;
  const int per_year = 1000, years = 4;
  for (int i = 0; i < per_year * years; ++i) {
    const int year = 2019 + i / per_year, day = 1 + i % 28;
    std::string filler;
    for (int k = 0; k < i / 200; ++k) filler += " cargo";
    lines.push_back(R"({"id":"r)" + std::to_string(i) + R"(","lang":")" + (i % 2 ? "uk" : "en") +
                    R"(","translation_group":"g)" + std::to_string(i / 2) + R"(","date":")" +
                    std::to_string(year) + "-0" + std::to_string(1 + i % 9) + "-" +
                    (day < 10 ? "0" : "") + std::to_string(day) + R"(","title":"Harbour report )" +
                    std::to_string(i) + R"(","body":"harbour cranes and)" + filler + R"("})");
  }
  write(lines);
  SearcherOptions capped;
  capped.exact_count_limit = 800;
  for (bool collapse : {false, true}) {
    SCOPED_TRACE(collapse ? "collapsed" : "not collapsed");
    SearchRequest r;
    r.q = "harbour";
    r.collapse = collapse;
    r.facets = {"year", "lang"};
    auto exact = Searcher(db).search(r), estimated = Searcher(db, capped).search(r);
    ASSERT_TRUE(exact.total_is_exact);
    ASSERT_EQ(exact.total, collapse ? per_year * years / 2u : per_year * years * 1u);
    EXPECT_FALSE(estimated.total_is_exact);
    EXPECT_FALSE(estimated.facets_exact);
    EXPECT_GT(estimated.total, exact.total * 2 / 3);
    EXPECT_LT(estimated.total, exact.total * 3 / 2);
    auto true_years = facet(exact, "year"), years_seen = facet(estimated, "year");
    ASSERT_EQ(true_years.size(), static_cast<size_t>(years));
    for (const auto& [year, count] : true_years) {
      EXPECT_GT(years_seen[year], count / 2) << year;
      EXPECT_LT(years_seen[year], count * 2) << year;
    }
    // A facet with a selected value is counted the same way, without its
    // own filter.
    r.filters["year"] = {"2019"};
    auto selected_exact = facet(Searcher(db).search(r), "year");
    auto selected = facet(Searcher(db, capped).search(r), "year");
    ASSERT_EQ(selected_exact.size(), static_cast<size_t>(years));
    EXPECT_EQ(selected_exact, true_years);
    for (const auto& [year, count] : selected_exact) {
      EXPECT_GT(selected[year], count / 2) << year;
      EXPECT_LT(selected[year], count * 2) << year;
    }
  }
}

// `n` articles over four years (a quarter a year, oldest first), each with
// "harbour" in its body: the even ones with "north", the odd ones and the
// first 120 with "south", so that both words are in the first 60 even ones
// only (all of the first year). Ids are `id_prefix` and a number: they draw
// the articles' samples (schema.h, kSamplePrefix).
std::vector<std::string> harbour_articles(int n, const std::string& id_prefix) {
  std::vector<std::string> lines;
  for (int i = 0; i < n; ++i) {
    const bool even = i % 2 == 0;
    lines.push_back(R"({"id":")" + id_prefix + std::to_string(i) + R"(","lang":"en","date":")" +
                    std::to_string(2019 + i / (n / 4)) + R"(-01-01","title":"Notice )" +
                    std::to_string(i) + R"(","body":"harbour)" + (even ? " north" : "") +
                    (!even || i < 120 ? " south" : "") + R"("})");
  }
  return lines;
}

TEST_F(SearcherListingTest, AFirstEstimatePastTheLimitIsCheckedOnTheSample) {
  // On an index of 32 times the limit and more, a match that Xapian's first
  // estimate puts past the limit is counted in a sample only; when the
  // sample shows it below the limit after all, it is counted whole. "north"
  // and "south" are each in 1,600 articles, both in 60 only.
  write(harbour_articles(3200, "b"));
  SearcherOptions capped;
  capped.exact_count_limit = 90;
  Searcher searcher(db, capped);
  SearchRequest r;
  r.q = "harbour";
  auto broad = searcher.search(r);
  EXPECT_FALSE(broad.total_is_exact);
  EXPECT_GT(broad.total, 3200u / 2);
  EXPECT_LT(broad.total, 3200u * 2);
  r.q = "north south";
  auto narrow = searcher.search(r);
  EXPECT_TRUE(narrow.total_is_exact);
  EXPECT_TRUE(narrow.facets_exact);
  EXPECT_EQ(narrow.total, 60u);
  EXPECT_EQ(facet(narrow, "year"), (std::map<std::string, unsigned long>{{"2019", 60}}));
}

TEST_F(SearcherListingTest, APrefixAloneWithoutFacetsIsCountedAsItIsRanked) {
  // Xapian's matcher weighs every match of a prefix alone (its terms weigh
  // as one synonym): where no facet is counted, the matches are counted as
  // they are weighed, exactly, and not again in a sample. With facets too on
  // an index below 32 times the limit (where no first estimate is taken);
  // above it, with facets, or a word alone (whose match may stop early),
  // past the limit in a sample.
  write(harbour_articles(3200, "p"));
  SearcherOptions capped;
  capped.exact_count_limit = 90;
  Searcher searcher(db, capped), uncapped(db);
  SearchRequest r;
  r.q = "harb*";
  EXPECT_FALSE(searcher.search(r).total_is_exact);
  r.facets = {"none"};
  auto counted = searcher.search(r);
  EXPECT_TRUE(counted.total_is_exact);
  EXPECT_EQ(counted.total, 3200u);
  auto whole = uncapped.search(r);
  ASSERT_EQ(counted.hits.size(), whole.hits.size());
  for (size_t i = 0; i < whole.hits.size(); ++i) {
    EXPECT_EQ(counted.hits[i].id, whole.hits[i].id);
    EXPECT_DOUBLE_EQ(counted.hits[i].score, whole.hits[i].score);
  }
  r.q = "harbour";
  EXPECT_FALSE(searcher.search(r).total_is_exact);
  SearcherOptions below;
  below.exact_count_limit = 400;
  r.q = "harb*";
  r.facets = {"year"};
  auto faceted = Searcher(db, below).search(r);
  EXPECT_TRUE(faceted.total_is_exact);
  EXPECT_TRUE(faceted.facets_exact);
  EXPECT_EQ(faceted.total, 3200u);
  EXPECT_EQ(facet(faceted, "year"),
            (std::map<std::string, unsigned long>{
                {"2019", 800}, {"2020", 800}, {"2021", 800}, {"2022", 800}}));
  whole = uncapped.search(r);
  ASSERT_EQ(faceted.hits.size(), whole.hits.size());
  for (size_t i = 0; i < whole.hits.size(); ++i) {
    EXPECT_EQ(faceted.hits[i].id, whole.hits[i].id);
    EXPECT_DOUBLE_EQ(faceted.hits[i].score, whole.hits[i].score);
  }
  r.q = "harbour";
  EXPECT_FALSE(Searcher(db, below).search(r).facets_exact);
}

TEST_F(SearcherListingTest, AFilteredFacetOfABroadMatchIsCountedOnTheSample) {
  // A facet with a selected value is counted without its own filter: a match
  // of its own, which the first estimate can put past the limit too. It is
  // then counted in a sample only, or whole when the sample shows it below
  // the limit after all; on an index of 32 times the limit and more, as the
  // ranked match is, and on smaller ones too (only counted, it would count
  // the limit's documents in vain). "harbour" is in 12,800 articles, 3,200 a
  // year; "north" and "south" are each in 6,400, both in 60 (all of 2019).
  write(harbour_articles(12800, "d"));
  for (unsigned limit : {399u, 3000u}) {  // below 12,800 / 32, and above
    SCOPED_TRACE(limit);
    SearcherOptions capped;
    capped.exact_count_limit = limit;
    Searcher searcher(db, capped);
    SearchRequest r;
    r.q = "harbour";
    r.facets = {"year"};
    r.filters["year"] = {"2020"};
    auto broad = searcher.search(r);
    EXPECT_FALSE(broad.facets_exact);
    auto years = facet(broad, "year");
    EXPECT_EQ(years.size(), 4u);
    for (const auto& [year, count] : years) {
      EXPECT_GT(count, 3200u / 2) << year;
      EXPECT_LT(count, 3200u * 2) << year;
    }
    r.q = "north south";
    r.filters["year"] = {"2019"};
    auto narrow = searcher.search(r);
    EXPECT_EQ(narrow.total, 60u);
    EXPECT_TRUE(narrow.facets_exact);
    EXPECT_EQ(facet(narrow, "year"), (std::map<std::string, unsigned long>{{"2019", 60}}));
  }
}

TEST_F(SearcherListingTest, AFilteredFacetPastTheLimitUnderALowFirstEstimateIsCountedOnTheSample) {
  // "north" and "south" are each in a quarter of the 4,000 articles, always
  // together: Xapian's first estimate of both (250) is below the limit, and
  // the facet of a selected year, counted without its filter, stops at the
  // limit and is counted again in a sample; under a limit past the index it
  // is counted whole. 250 a year.
  std::vector<std::string> lines;
  for (int i = 0; i < 4000; ++i)
    lines.push_back(R"({"id":"e)" + std::to_string(i) + R"(","lang":"en","date":")" +
                    std::to_string(2019 + i / 1000) + R"(-01-01","title":"Notice )" +
                    std::to_string(i) + R"(","body":"harbour)" +
                    (i % 4 == 0 ? " north south" : "") + R"("})");
  write(lines);
  SearchRequest r;
  r.q = "north south";
  r.facets = {"year"};
  r.filters["year"] = {"2020"};
  for (unsigned limit : {399u, 5000u}) {
    SCOPED_TRACE(limit);
    SearcherOptions capped;
    capped.exact_count_limit = limit;
    auto result = Searcher(db, capped).search(r);
    EXPECT_EQ(result.total, 250u);
    EXPECT_EQ(result.facets_exact, limit > 4000);
    auto years = facet(result, "year");
    ASSERT_EQ(years.size(), 4u);
    for (const auto& [year, count] : years) {
      if (limit > 4000) {
        EXPECT_EQ(count, 250u) << year;
      } else {
        EXPECT_GT(count, 250u / 2) << year;
        EXPECT_LT(count, 250u * 2) << year;
      }
    }
  }
}

TEST_F(SearcherListingTest, AnIndexOfAtMostThreeTimesTheLimitIsCountedWhole) {
  // There a match past the limit is counted whole, exactly; on a larger
  // index it is counted in a sample. Newer articles are longer (weigh less):
  // past the limit the matcher skips them.
  std::vector<std::string> lines;
  for (int i = 0; i < 1200; ++i) {
    std::string filler;
    for (int k = 0; k < i / 100; ++k) filler += " cargo";
    lines.push_back(R"({"id":"w)" + std::to_string(i) + R"(","lang":"en","date":")" +
                    std::to_string(2019 + i / 300) + R"(-01-01","title":"Notice )" +
                    std::to_string(i) + R"(","body":"harbour)" + filler + R"("})");
  }
  write(lines);
  SearchRequest r;
  r.q = "harbour";
  r.facets = {"year"};
  SearcherOptions capped;
  capped.exact_count_limit = 400;
  auto whole = Searcher(db, capped).search(r);
  EXPECT_TRUE(whole.total_is_exact);
  EXPECT_TRUE(whole.facets_exact);
  EXPECT_EQ(whole.total, 1200u);
  EXPECT_EQ(facet(whole, "year"), (std::map<std::string, unsigned long>{
                                      {"2019", 300}, {"2020", 300}, {"2021", 300}, {"2022", 300}}));
  capped.exact_count_limit = 399;
  auto sampled = Searcher(db, capped).search(r);
  EXPECT_FALSE(sampled.total_is_exact);
  EXPECT_FALSE(sampled.facets_exact);
}

TEST_F(SearcherListingTest, AMatchPastTheLimitIsRankedAsAWholeOne) {
  // Ranked by relevance, a match is ranked as it is counted up to the limit;
  // found larger, it is ranked again and counted in a sample. Its pages are
  // those of the match ranked whole: the best articles are spread over the
  // index, half of them or more past the first 399. On an index without
  // samples (written before them) the counts of the first matches are scaled
  // up, and the pages are the same too.
  std::vector<std::string> lines;
  for (int i = 0; i < 1200; ++i) {
    std::string body = "harbour";
    for (int k = 0; k < (i * 37) % 11; ++k) body += " harbour";
    for (int k = 0; k < (i * 13) % 17; ++k) body += " cargo";
    if (i % 3 != 0) body += " cranes";
    lines.push_back(R"({"id":"m)" + std::to_string(i) + R"(","lang":")" + (i % 2 ? "uk" : "en") +
                    R"(","translation_group":"g)" + std::to_string(i / 2) + R"(","date":")" +
                    std::to_string(2019 + i / 300) + R"(-01-01","title":"Notice )" +
                    std::to_string(i) + R"(","body":")" + body + R"("})");
  }
  write(lines);
  SearcherOptions capped;
  capped.exact_count_limit = 399;
  using Facet = std::map<std::string, unsigned long>;
  auto same_pages = [&](bool sampled) {
    for (const char* q : {"harbour", "harbour cranes"}) {
      for (bool collapse : {false, true}) {
        for (int page : {1, 4}) {
          SCOPED_TRACE(std::string(q) + (collapse ? " collapsed" : "") + " page " +
                       std::to_string(page));
          SearchRequest r;
          r.q = q;
          r.collapse = collapse;
          r.page = page;
          r.facets = {"year"};
          auto whole = Searcher(db).search(r), limited = Searcher(db, capped).search(r);
          ASSERT_TRUE(whole.total_is_exact);
          ASSERT_EQ(whole.hits.size(), 10u);
          EXPECT_FALSE(limited.total_is_exact);
          EXPECT_GT(limited.total, whole.total * 2 / 3);
          EXPECT_LT(limited.total, whole.total * 3 / 2);
          EXPECT_FALSE(facet(limited, "year").empty());
          for (const auto& [year, count] : sampled ? facet(whole, "year") : Facet{}) {
            EXPECT_GT(facet(limited, "year")[year], count / 2) << year;
            EXPECT_LT(facet(limited, "year")[year], count * 2) << year;
          }
          ASSERT_EQ(limited.hits.size(), whole.hits.size());
          for (size_t i = 0; i < whole.hits.size(); ++i) {
            EXPECT_EQ(limited.hits[i].id, whole.hits[i].id) << i;
            EXPECT_DOUBLE_EQ(limited.hits[i].score, whole.hits[i].score) << i;
          }
          if (page == 1) {
            int past_limit = 0;
            for (const auto& hit : whole.hits) past_limit += std::stoi(hit.id.substr(1)) >= 399;
            EXPECT_GE(past_limit, 5);
          }
        }
      }
    }
  };
  {
    SCOPED_TRACE("with samples");
    same_pages(true);
  }
  {
    Xapian::WritableDatabase index(db);
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
      Xapian::Document doc = index.get_document(*it);
      std::vector<std::string> samples;
      const std::string prefix(schema::kSamplePrefix);
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).rfind(prefix, 0) == 0) samples.push_back(*t);
      ASSERT_FALSE(samples.empty());
      for (const auto& term : samples) doc.remove_term(term);
      index.replace_document(*it, doc);
    }
    index.commit();
  }
  SCOPED_TRACE("without samples");
  same_pages(false);
}

TEST_F(SearcherListingTest, RescoredPagesFollowEachOtherAndGroupsShowTheirBestVersion) {
  // More matches than the rescoring window; the two versions of group "g":
  // "ga" ranks first on its words alone, "gb" holds them as a phrase.
  std::vector<std::string> lines;
  for (int i = 0; i < 150; ++i) {
    std::string filler;
    for (int k = 0; k < 20 + i % 11; ++k) filler += "cargo ";
    lines.push_back(
        R"({"id":"d)" + std::to_string(i) + R"(","lang":"en","title":"Report","body":")" +
        (i % 5 == 0 ? "trade deficit " + filler : "trade " + filler + "deficit") + R"("})");
  }
  lines.push_back(R"({"id":"ga","lang":"en","title":"Report","body":"trade trade trade trade )"
                  R"(cargo cargo cargo cargo cargo cargo deficit deficit deficit",)"
                  R"("translation_group":"g"})");
  std::string filler;
  for (int k = 0; k < 30; ++k) filler += " cargo";
  lines.push_back(R"({"id":"gb","lang":"en","title":"Report","body":"trade deficit)" + filler +
                  R"(","translation_group":"g"})");
  write(lines);
  Searcher searcher(db);
  SearchRequest r;
  r.q = "trade deficit";
  r.collapse = false;
  r.per_page = 20;
  auto both = hit_ids(searcher.search(r));
  r.per_page = 10;
  auto first = hit_ids(searcher.search(r));
  r.page = 2;
  auto second = hit_ids(searcher.search(r));
  first.insert(first.end(), second.begin(), second.end());
  EXPECT_EQ(first, both);

  // Unboosted, "ga" outranks "gb"; boosted, "gb" is the group's best version.
  SearcherOptions unboosted;
  unboosted.ranking.phrase_weight = 0;
  unboosted.ranking.near_weight = 0;
  r.page = 1;
  r.per_page = 100;
  auto plain = hit_ids(Searcher(db, unboosted).search(r));
  auto at = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) - v.begin();
  };
  ASSERT_LT(at(plain, "ga"), at(plain, "gb"));
  r.collapse = true;
  auto collapsed = hit_ids(searcher.search(r));
  EXPECT_NE(std::find(collapsed.begin(), collapsed.end(), "gb"), collapsed.end());
  EXPECT_EQ(std::find(collapsed.begin(), collapsed.end(), "ga"), collapsed.end());
}

TEST_F(SearcherListingTest, HitsShowTheLanguageGivenOrDetected) {
  write({R"({"id":"given","lang":"en-GB","title":"Harbour cranes","body":"Harbour cranes."})",
         R"({"id":"detected","title":"Les grues du port","body":"Les grues du port de )"
         R"(Marseille ont été remplacées cette année par des machines électriques."})"});
  Searcher searcher(db);
  SearchRequest r;
  r.sort = SortOrder::kDate;
  std::map<std::string, std::string> langs;
  for (const auto& h : searcher.search(r).hits) langs[h.id] = h.lang;
  EXPECT_EQ(langs, (std::map<std::string, std::string>{{"detected", "fr"}, {"given", "en"}}));
}

TEST_F(SearcherListingTest, TitleSuggestionsNameTheirArticleWithOrWithoutDisplaySlots) {
  write({R"({"id":"cranes","title":"Harbour cranes replaced","url":"https://example.org/c",)"
         R"("body":"The harbour cranes were replaced."})",
         R"({"id":"ships","title":"Harbour ships","body":"Ships."})"});
  auto titles = [&] {
    Searcher searcher(db);
    SuggestRequest r;
    r.q = "harbour cra";
    std::vector<std::string> out;
    for (const auto& s : searcher.suggest(r))
      if (s.kind == "title") out.push_back(s.id + " " + s.text + " " + s.url);
    return out;
  };
  const std::vector<std::string> expected = {
      "cranes Harbour cranes replaced https://example.org/c"};
  EXPECT_EQ(titles(), expected);
  {
    // As written before the display slots (and before the stored article
    // had a slot of its own): the stored article names it.
    Xapian::WritableDatabase w(db);
    for (auto it = w.postlist_begin(""); it != w.postlist_end(""); ++it) {
      Xapian::Document doc = w.get_document(*it);
      const std::string stored = stored_bytes(doc);
      doc.clear_values();
      doc.set_data(stored);
      w.replace_document(*it, doc);
    }
    w.commit();
  }
  EXPECT_EQ(titles(), expected);
}

TEST_F(SearcherListingTest, SnippetsOfALongBodyStoredApartReadAsFarAsTheyNeed) {
  // A body of 48 KB: "granary" at 20 KB, "silo" only past the 32 KB a
  // snippet reads.
  std::string body;
  auto fill = [&](size_t to) {
    while (body.size() < to) body += "The committee met again on Tuesday morning. ";
  };
  fill(20'000);
  body += "The granary was full. ";
  fill(40'000);
  body += "The silo was empty. ";
  fill(48'000);
  nlohmann::json article = {{"id", "long"}, {"title", "Harvest report"}, {"body", body}};
  write({article.dump()});
  Searcher searcher(db);
  SearchRequest r;
  r.q = "granary";
  auto granary = searcher.search(r);
  ASSERT_EQ(granary.hits.size(), 1u);
  EXPECT_NE(granary.hits[0].snippet_html.find("<mark>granary</mark> was full"), std::string::npos)
      << granary.hits[0].snippet_html;
  EXPECT_TRUE(granary.hits[0].snippet.starts_with("…")) << granary.hits[0].snippet;
  r.q = "silo";
  auto silo = searcher.search(r);
  ASSERT_EQ(silo.hits.size(), 1u);
  EXPECT_TRUE(silo.hits[0].snippet.starts_with("The committee met")) << silo.hits[0].snippet;
  EXPECT_TRUE(silo.hits[0].snippet.ends_with("…")) << silo.hits[0].snippet;
  r.q = "committee";
  auto committee = searcher.search(r);
  ASSERT_EQ(committee.hits.size(), 1u);
  EXPECT_TRUE(committee.hits[0].snippet_html.starts_with("The <mark>committee</mark> met"))
      << committee.hits[0].snippet_html;
  // The article as given, body and all.
  EXPECT_EQ(nlohmann::json::parse(searcher.document_json("long")), article);
}

TEST_F(SearcherTest, BroadMatchesAreCountedOnASampleBeyondTheLimit) {
  SearcherOptions o;
  o.extra_fields = load_extra_fields(source_dir() + "/data/facets.json");
  o.exact_count_limit = 40;
  Searcher capped(dir_->file("db"), o);
  // Words ranked by relevance, and a filter oldest first: past the limit the
  // matcher skips what cannot reach the page (articles are indexed oldest
  // first, so newest first would visit them all).
  for (const std::string q : {"україна", ""}) {
    SearchRequest r;
    r.q = q;
    if (q.empty()) r.sort = SortOrder::kDateAsc;
    r.filters["lang"] = {"uk"};
    auto exact = search(r);
    auto estimated = capped.search(r);
    SCOPED_TRACE(q);
    ASSERT_GT(exact.total, 3 * o.exact_count_limit);
    EXPECT_TRUE(exact.total_is_exact);
    EXPECT_TRUE(exact.facets_exact);
    EXPECT_FALSE(estimated.total_is_exact);
    EXPECT_FALSE(estimated.facets_exact);
    // The page is the same; the counts are estimates of the right size, and
    // only of values that occur.
    ASSERT_EQ(estimated.hits.size(), exact.hits.size());
    for (size_t i = 0; i < exact.hits.size(); ++i)
      EXPECT_EQ(estimated.hits[i].id, exact.hits[i].id);
    EXPECT_GT(estimated.total, exact.total / 2);
    EXPECT_LT(estimated.total, exact.total * 2);
    auto years = facet(estimated, "year"), true_years = facet(exact, "year");
    unsigned long sum = 0, true_sum = 0;
    for (const auto& [year, count] : years) {
      EXPECT_TRUE(true_years.count(year)) << year;
      sum += count;
    }
    for (const auto& [year, count] : true_years) true_sum += count;
    EXPECT_GT(sum, true_sum / 2);
    EXPECT_LT(sum, true_sum * 2);
    // The lang facet, counted without its own filter, is an estimate too.
    EXPECT_GT(facet(estimated, "lang")["uk"], 3 * o.exact_count_limit);
  }
  // A narrow match, and a match of everything, stay exact at any limit.
  auto narrow = capped.search([] {
    SearchRequest r;
    r.q = "\"гуманітарні коридори\"";
    return r;
  }());
  EXPECT_LT(narrow.total, o.exact_count_limit);
  EXPECT_TRUE(narrow.total_is_exact);
  EXPECT_TRUE(narrow.facets_exact);
  SearchRequest all;
  all.facets = {"topic", "year"};
  auto everything = capped.search(all);
  EXPECT_TRUE(everything.total_is_exact);
  EXPECT_TRUE(everything.facets_exact);
  EXPECT_EQ(everything.total, search(all).total);
  EXPECT_EQ(facet(everything, "topic"), facet(search(all), "topic"));
}

// Every match of the words `q` (filtered by the boolean term `filter` when
// given), read document by document with plain Xapian.
struct Enumerated {
  unsigned long documents = 0, groups = 0;
  std::map<std::string, unsigned long> months, langs;
};
Enumerated enumerate(const std::string& db_path, const std::string& q, const std::string& filter) {
  Xapian::Database db(db_path);
  Xapian::Query query = parse_query(q, QueryContext{}).strict;
  if (!filter.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(filter));
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Enumerated out;
  std::set<std::string> groups;
  Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it) {
    Xapian::Document doc = it.get_document();
    ++out.documents;
    std::string group = doc.get_value(schema::kGroupSlot);
    if (group.empty() || groups.insert(group).second) ++out.groups;
    ++out.months[doc.get_value(schema::kDateSlot).substr(0, 7)];
    ++out.langs[doc.get_value(schema::kLangSlot)];
  }
  return out;
}

TEST_F(SearcherTest, RankedMatchesAreCountedInFull) {
  // Ranked by relevance, the matcher skips what cannot reach the page; the
  // total and the facets still count every match, filtered or not.
  for (const std::string q : {"україна", "мир OR війна", "росія", "president"})
    for (bool collapse : {true, false})
      for (bool filtered : {false, true}) {
        SearchRequest r;
        r.q = q;
        r.collapse = collapse;
        r.facets = {"month", "lang"};
        r.facet_size = 0;
        const std::string lang = q == "president" ? "en" : "uk";  // the words' own
        if (filtered) r.filters["lang"] = {lang};
        const auto result = search(r);
        const auto expected =
            enumerate(dir_->file("db"), q, filtered ? std::string(schema::kLangPrefix) + lang : "");
        SCOPED_TRACE(q + (collapse ? " collapsed" : "") + (filtered ? " filtered" : ""));
        ASSERT_GT(expected.documents, 5u * r.per_page);
        EXPECT_TRUE(result.total_is_exact);
        EXPECT_TRUE(result.facets_exact);
        EXPECT_EQ(result.total, collapse ? expected.groups : expected.documents);
        EXPECT_EQ(facet(result, "month"), expected.months);
        if (!filtered) {
          EXPECT_EQ(facet(result, "lang"), expected.langs);
        }
      }
}

// Facet columns count what the index counts, and the pages they rank and the
// translation links they list (the groups' documents) are the index's too;
// so are the hits made from the values they hold (the stored articles, the
// links' titles and urls).
TEST_F(SearcherTest, FacetColumnsCountLikeTheIndex) {
  SearcherOptions o;
  o.extra_fields = load_extra_fields(source_dir() + "/data/facets.json");
  o.facet_columns = false;
  Searcher from_index(dir_->file("db"), o);
  o.facet_columns = true;
  Searcher from_columns(dir_->file("db"), o);
  from_columns.load_facet_columns();
  o.held_values_bytes = 0;
  Searcher holding_none(dir_->file("db"), o);
  holding_none.load_facet_columns();
  // The articles held: more than the stored bytes of the corpus' bodies.
  size_t body_bytes = 0;
  for (const auto& d : corpus_->where([](const auto&) { return true; }))
    body_bytes += d->value("body", std::string()).size();
  EXPECT_GT(from_columns.facet_columns_bytes(),
            holding_none.facet_columns_bytes() + body_bytes / 4);
  size_t links = 0;
  for (const std::string q : {"україна", "", "мир OR війна", "\"гуманітарні коридори\""})
    for (bool collapse : {true, false}) {
      SearchRequest r;
      r.q = q;
      r.collapse = collapse;
      r.facets = {"topic", "type", "lang", "year", "month", "place", "speaker"};
      r.from = "2022-03-01";  // not a match of everything
      r.filters["lang"] = {"uk", "en"};
      auto a = from_index.search(r), b = from_columns.search(r);
      SCOPED_TRACE(q + (collapse ? " collapsed" : ""));
      EXPECT_GT(a.total, 0u);
      EXPECT_EQ(b.total, a.total);
      ASSERT_EQ(b.facets.size(), a.facets.size());
      for (const auto& name : r.facets) EXPECT_EQ(facet(b, name), facet(a, name)) << name;
      ASSERT_EQ(b.hits.size(), a.hits.size());
      for (size_t i = 0; i < a.hits.size(); ++i) {
        EXPECT_EQ(b.hits[i].id, a.hits[i].id);
        EXPECT_DOUBLE_EQ(b.hits[i].score, a.hits[i].score);
        EXPECT_EQ(b.hits[i].title_html, a.hits[i].title_html);
        EXPECT_EQ(b.hits[i].snippet_html, a.hits[i].snippet_html);
        EXPECT_EQ(b.hits[i].url, a.hits[i].url);
        EXPECT_EQ(b.hits[i].date, a.hits[i].date);
        EXPECT_EQ(b.hits[i].topics, a.hits[i].topics);
        ASSERT_EQ(b.hits[i].translations.size(), a.hits[i].translations.size()) << a.hits[i].id;
        for (size_t t = 0; t < a.hits[i].translations.size(); ++t) {
          EXPECT_EQ(b.hits[i].translations[t].id, a.hits[i].translations[t].id);
          EXPECT_EQ(b.hits[i].translations[t].title, a.hits[i].translations[t].title);
          EXPECT_EQ(b.hits[i].translations[t].url, a.hits[i].translations[t].url);
          EXPECT_EQ(b.hits[i].translations[t].lang, a.hits[i].translations[t].lang);
        }
        links += a.hits[i].translations.size();
      }
    }
  EXPECT_GT(links, 20u);
}

TEST_F(SearcherTest, FiltersOrValuesOfOneFacetAndAndFacets) {
  auto all = corpus_->where([](const auto&) { return true; });
  auto topics = Corpus::count(all, "topics");
  auto top = std::max_element(topics.begin(), topics.end(),
                              [](auto& a, auto& b) { return a.second < b.second; });
  std::string a = top->first, b;
  for (const auto& [t, n] : topics)
    if (t != a && n > 20) b = t;
  ASSERT_FALSE(b.empty());
  auto has = [](const nlohmann::json& d, const std::string& t) {
    auto ts = Corpus::list(d, "topics");
    return std::find(ts.begin(), ts.end(), t) != ts.end();
  };
  SearchRequest r;
  r.collapse = false;
  r.filters["topic"] = {a, b};
  EXPECT_EQ(search(r).total,
            corpus_->where([&](const auto& d) { return has(d, a) || has(d, b); }).size());
  r.filters["lang"] = {"uk"};
  auto both = search(r);
  auto expected = corpus_->where(
      [&](const auto& d) { return (has(d, a) || has(d, b)) && Corpus::str(d, "lang") == "uk"; });
  EXPECT_EQ(both.total, expected.size());
  for (const auto& h : both.hits) EXPECT_EQ(h.lang, "uk");
}

TEST_F(SearcherTest, SelectedFacetIsCountedWithoutItsOwnFilter) {
  SearchRequest r;
  r.collapse = false;
  r.facet_size = 0;
  r.filters["lang"] = {"en"};
  auto result = search(r);
  auto en = corpus_->where([](const auto& d) { return Corpus::str(d, "lang") == "en"; });
  auto all = corpus_->where([](const auto&) { return true; });
  EXPECT_EQ(result.total, en.size());
  // The lang facet still offers every language, with its full count...
  EXPECT_EQ(facet(result, "lang"), Corpus::count(all, "lang"));
  // ...while the other facets count only the filtered documents.
  EXPECT_EQ(facet(result, "topic"), Corpus::count(en, "topics"));
}

TEST_F(SearcherTest, FacetSizeKeepsTheMostFrequentValuesAndTheSelectedOnes) {
  auto all = corpus_->where([](const auto&) { return true; });
  const auto topics = Corpus::count(all, "topics");
  ASSERT_GT(topics.size(), 4u);
  ASSERT_GT(Corpus::count(all, "month").size(), 3u);
  // The listing of everything (term statistics) and a date filter every
  // article passes (the matcher's spies) return the same values.
  for (const char* from : {"", "1900-01-01"}) {
    SearchRequest r;
    r.collapse = false;
    r.from = from;
    r.facets = {"topic", "year", "month"};
    r.facet_size = 0;
    auto whole = search(r);
    r.facet_size = 3;  // fewer than the months too
    auto cut = search(r);
    ASSERT_EQ(cut.facets[0].name, "topic");
    const auto& top = cut.facets[0].values;
    ASSERT_EQ(top.size(), 3u) << from;
    for (size_t i = 0; i < top.size(); ++i) {
      EXPECT_EQ(top[i].value, whole.facets[0].values[i].value) << from;
      EXPECT_EQ(top[i].count, topics.at(top[i].value)) << from;
    }
    // Most frequent first, ties by value: no value left out counts more.
    const auto kept = facet(cut, "topic");
    for (const auto& [value, n] : topics) {
      if (!kept.count(value)) {
        EXPECT_LE(n, top.back().count) << value;
      }
    }
    // The histograms stay whole.
    EXPECT_EQ(facet(cut, "year"), Corpus::count(all, "year")) << from;
    EXPECT_EQ(facet(cut, "month"), Corpus::count(all, "month")) << from;
  }
  // A rare topic ticked by the visitor comes back with its count.
  std::string rare;
  unsigned long fewest = ~0UL;
  for (const auto& [value, n] : topics) {
    if (n < fewest) fewest = n, rare = value;
  }
  SearchRequest r;
  r.collapse = false;
  r.facets = {"topic"};
  r.facet_size = 3;
  r.filters["topic"] = {rare};
  auto ticked = search(r);
  EXPECT_EQ(ticked.facets[0].values.size(), 4u);
  EXPECT_EQ(facet(ticked, "topic")[rare], fewest);
}

TEST_F(SearcherTest, DateRangeFiltersAndHistogram) {
  auto in_march = corpus_->where([](const auto& d) {
    std::string day = Corpus::str(d, "date").substr(0, 10);
    return day >= "2022-03-01" && day <= "2022-03-31";
  });
  ASSERT_FALSE(in_march.empty());
  SearchRequest r;
  r.collapse = false;
  r.from = "2022-03-01";
  r.to = "2022-03-31";
  auto result = search(r);
  EXPECT_EQ(result.total, in_march.size());
  EXPECT_EQ(facet(result, "month"), Corpus::count(in_march, "month"));
  EXPECT_EQ(search("date:2022-03-01..2022-03-31", false).total, in_march.size());
  EXPECT_EQ(search("date:2022-03", false).total, in_march.size());

  auto from_april = corpus_->where(
      [](const auto& d) { return Corpus::str(d, "date").substr(0, 10) >= "2022-04-01"; });
  EXPECT_EQ(search("date:2022-04..", false).total, from_april.size());
  SearchRequest open;
  open.collapse = false;
  open.from = "2022-04";
  EXPECT_EQ(search(open).total, from_april.size());
}

TEST_F(SearcherTest, ADateRangeWithoutArticlesFindsNothing) {
  // The index has no year or month term in the range: the filter matches
  // nothing, and must not be taken for no filter.
  for (bool with_words : {false, true}) {
    SearchRequest r;
    r.collapse = with_words;
    if (with_words) r.q = "sanctions";
    ASSERT_GT(search(r).total, 0u) << r.q;
    for (auto [from, to] : {std::pair{"2999-01-01", ""}, {"", "1000-12-31"}, {"2999", "2999-02"}}) {
      r.from = from;
      r.to = to;
      auto result = search(r);
      EXPECT_EQ(result.total, 0u) << r.q << " " << from << ".." << to;
      EXPECT_TRUE(result.hits.empty()) << r.q << " " << from << ".." << to;
    }
  }
  EXPECT_EQ(search("date:2999..", false).total, 0u);
}

TEST_F(SearcherTest, CollapsePrefersTheVisitorsLanguageAndLinksTranslations) {
  std::map<std::string, const nlohmann::json*> by_id;
  for (const auto& d : corpus_->docs) by_id[Corpus::str(d, "id")] = &d;
  // A page of 50 reads its translations' links along value streams, pages
  // of one document by document (hits.cc).
  std::vector<std::pair<int, int>> pages = {{1, 50}};
  for (int page = 1; page <= 10; ++page) pages.emplace_back(page, 1);
  for (auto [page, per_page] : pages) {
    for (std::string lang : {"uk", "en"}) {
      SearchRequest r;
      r.ui_lang = lang;
      r.page = page;
      r.per_page = per_page;
      auto result = search(r);
      ASSERT_EQ(result.hits.size(), static_cast<size_t>(per_page));
      for (const auto& h : result.hits) {
        const auto& doc = *by_id.at(h.id);
        auto translations = Corpus::list(doc, "translations");
        bool has_version = false;
        for (const auto& t : translations) has_version |= Corpus::str(*by_id.at(t), "lang") == lang;
        if (has_version) {
          EXPECT_EQ(h.lang, lang) << h.id;
        }
        ASSERT_EQ(h.translations.size(), translations.size()) << h.id;
        for (const auto& t : h.translations) {
          EXPECT_NE(std::find(translations.begin(), translations.end(), t.id), translations.end());
          EXPECT_EQ(t.title, Corpus::str(*by_id.at(t.id), "title"));
          EXPECT_EQ(t.lang, Corpus::str(*by_id.at(t.id), "lang"));
        }
      }
    }
  }
}

TEST_F(SearcherTest, VisitorsLanguageIsShownWhereThatVersionMatchesToo) {
  // Hits shown in English, and hits kept in Ukrainian whose English version
  // does not match: the queries below have both.
  size_t shown = 0, kept = 0;
  for (std::string q : {"sanctions", "Маріуполь", "переговори", "energy"}) {
    SCOPED_TRACE(q);
    // Every English article that matches the query.
    std::set<std::string> english;
    SearchRequest all;
    all.q = q;
    all.collapse = false;
    all.filters["lang"] = {"en"};
    all.per_page = 100;
    for (all.page = 1;; ++all.page) {
      auto result = search(all);
      for (const auto& h : result.hits) english.insert(h.id);
      if (result.hits.size() < 100) break;
      ASSERT_LT(all.page, 10);
    }
    SearchRequest r;
    r.q = q;
    r.ui_lang = "en";
    r.per_page = 50;
    auto result = search(r);
    ASSERT_FALSE(result.hits.empty());
    for (const auto& h : result.hits) {
      if (h.lang == "en") {
        EXPECT_TRUE(english.count(h.id)) << h.id << " is shown but does not match";
        ++shown;
        continue;
      }
      for (const auto& t : h.translations) {
        if (t.lang == "en") {
          EXPECT_FALSE(english.count(t.id)) << t.id << " matches but " << h.id << " is shown";
          ++kept;
        }
      }
    }
  }
  EXPECT_GT(shown, 0u);
  EXPECT_GT(kept, 0u);
}

TEST_F(SearcherTest, ExactPhraseMatchesOnlyAdjacentWords) {
  auto phrase = search("\"territorial integrity\"", false);
  auto words = search("territorial integrity", false);
  ASSERT_GT(phrase.total, 0u);
  EXPECT_LE(phrase.total, words.total);
  SearchRequest r;
  r.q = "\"territorial integrity\"";
  r.collapse = false;
  r.per_page = 100;
  for (const auto& h : search(r).hits) {
    std::string text = lower(h.title + " " + searcher_->document_json(h.id));
    EXPECT_NE(text.find("territorial integrity"), std::string::npos) << h.id;
  }
}

TEST_F(SearcherTest, BooleanOperatorsCombineMatchSets) {
  auto a = search("sanctions", false).total;
  auto b = search("embargo", false).total;
  auto a_and_b = search("sanctions AND embargo", false).total;
  auto a_or_b = search("sanctions OR embargo", false).total;
  ASSERT_GT(a_and_b, 0u);
  EXPECT_EQ(search("sanctions embargo", false).total, a_and_b);
  EXPECT_EQ(search("+sanctions +embargo", false).total, a_and_b);
  EXPECT_EQ(a_or_b, a + b - a_and_b);
  EXPECT_EQ(search("sanctions -embargo", false).total, a - a_and_b);
  EXPECT_EQ(search("sanctions NOT embargo", false).total, a - a_and_b);
  EXPECT_EQ(search("(sanctions OR embargo) AND oil", false).total,
            search("sanctions oil", false).total + search("embargo oil", false).total -
                search("sanctions embargo oil", false).total);
}

TEST_F(SearcherTest, FieldSyntaxFiltersByTopicLangAndTitle) {
  std::string topic = "Міжнародні санкції";
  auto expected = corpus_->where([&](const auto& d) {
    auto ts = Corpus::list(d, "topics");
    return std::find(ts.begin(), ts.end(), topic) != ts.end();
  });
  EXPECT_EQ(search("topic:\"" + topic + "\"", false).total, expected.size());
  auto en = corpus_->where([](const auto& d) { return Corpus::str(d, "lang") == "en"; });
  EXPECT_EQ(search("lang:en", false).total, en.size());
  EXPECT_EQ(search("type:speech", false).total, corpus_->docs.size());

  SearchRequest r;
  r.q = "title:sanctions";
  r.collapse = false;
  r.per_page = 100;
  auto titled = search(r);
  ASSERT_GT(titled.total, 0u);
  EXPECT_LT(titled.total, search("sanctions", false).total);
  for (const auto& h : titled.hits) EXPECT_NE(lower(h.title).find("sanction"), std::string::npos);
}

TEST_F(SearcherTest, PrefixMatchesEveryCompletion) {
  auto prefix = search("sanction*", false).total;
  EXPECT_GE(prefix, search("sanctions", false).total);
  EXPECT_GE(prefix, search("sanctioned", false).total);
}

std::set<std::string> marked_words(const SearchResult& result) {
  std::regex mark("<mark>([^<]*)</mark>");
  std::set<std::string> marked;
  for (const auto& h : result.hits) {
    for (auto it = std::sregex_iterator(h.snippet_html.begin(), h.snippet_html.end(), mark);
         it != std::sregex_iterator(); ++it)
      marked.insert((*it)[1]);
    std::string rest = std::regex_replace(h.snippet_html, std::regex("</?mark>"), "");
    EXPECT_EQ(rest.find('<'), std::string::npos) << h.snippet_html;
    EXPECT_EQ(rest.find('>'), std::string::npos) << h.snippet_html;
  }
  return marked;
}

TEST_F(SearcherTest, BroadPrefixIsCappedNotAnError) {
  auto broad = search("s*", false);
  EXPECT_GT(broad.total, 0u);
  EXPECT_LE(broad.total, corpus_->docs.size());
  EXPECT_EQ(search("(war OR s*) -war", false).total, broad.total - search("s* war", false).total);
}

TEST_F(SearcherTest, SnippetsMarkInflectedFormsAndEscapeTheRest) {
  SearchRequest r;
  r.q = "sanction";
  r.per_page = 20;
  auto marked = marked_words(search(r));
  // The query word's other forms are marked: "sanctions", "Sanctions".
  EXPECT_TRUE(marked.count("sanctions") || marked.count("Sanctions"));
  for (const auto& m : marked) EXPECT_TRUE(lower(m).starts_with("sanction")) << m;

  r.q = "Маріуполь";
  marked = marked_words(search(r));
  EXPECT_TRUE(marked.count("Маріуполь"));
}

TEST_F(SearcherTest, SnippetsOfAWordDependOnlyOnTheQuery) {
  // Normalised words are remembered across requests: a word met unmarked
  // under one query is marked under the next that asks for it.
  SearchRequest r;
  r.per_page = 20;
  r.q = "sanction";
  auto first = search(r);
  r.q = "sanctions Russia";
  auto other = marked_words(search(r));
  EXPECT_TRUE(other.count("Russia") || other.count("russia"));
  r.q = "Росія";
  auto cyrillic = marked_words(search(r));
  for (const auto& m : cyrillic) EXPECT_TRUE(m.starts_with("рос") || m.starts_with("Рос")) << m;
  r.q = "sanction";
  auto again = search(r);
  ASSERT_EQ(again.hits.size(), first.hits.size());
  for (size_t i = 0; i < first.hits.size(); ++i) {
    EXPECT_EQ(again.hits[i].snippet_html, first.hits[i].snippet_html) << i;
    EXPECT_EQ(again.hits[i].title_html, first.hits[i].title_html) << i;
  }
  for (const auto& m : marked_words(again)) EXPECT_TRUE(lower(m).starts_with("sanction")) << m;
}

TEST_F(SearcherTest, HitsWithoutSnippetsOrFacetsAreOtherwiseTheSame) {
  SearchRequest full;
  full.q = "sanctions";
  full.per_page = 20;
  full.ui_lang = "en";
  SearchRequest lean = full;
  lean.snippets = false;
  lean.facets = {std::string(kNoFacets)};
  auto a = search(full);
  auto b = search(lean);
  EXPECT_TRUE(b.facets.empty());
  EXPECT_FALSE(a.facets.empty());
  EXPECT_EQ(b.total, a.total);
  EXPECT_EQ(b.total_is_exact, a.total_is_exact);
  ASSERT_EQ(b.hits.size(), a.hits.size());
  bool some_snippet = false, some_translation = false;
  for (size_t i = 0; i < a.hits.size(); ++i) {
    EXPECT_EQ(b.hits[i].id, a.hits[i].id) << i;
    EXPECT_EQ(b.hits[i].title_html, a.hits[i].title_html) << i;
    EXPECT_EQ(b.hits[i].translations.size(), a.hits[i].translations.size()) << i;
    EXPECT_EQ(b.hits[i].snippet, "") << i;
    EXPECT_EQ(b.hits[i].snippet_html, "") << i;
    some_snippet |= !a.hits[i].snippet.empty();
    some_translation |= !b.hits[i].translations.empty();
  }
  EXPECT_TRUE(some_snippet);
  EXPECT_TRUE(some_translation);
}

TEST_F(SearcherTest, TitleIsHighlightedAndEscaped) {
  auto result = search("sanctions");
  ASSERT_FALSE(result.hits.empty());
  bool marked = false;
  for (const auto& h : result.hits) {
    marked |= h.title_html.find("<mark>sanctions</mark>") != std::string::npos;
    if (h.title.find('\'') != std::string::npos) {
      EXPECT_NE(h.title_html.find("&#39;"), std::string::npos);
    }
  }
  EXPECT_TRUE(marked);
}

TEST_F(SearcherTest, MisspeltQueryIsCorrected) {
  auto result = search("sanctoins");
  ASSERT_TRUE(result.corrected.has_value());
  EXPECT_EQ(*result.corrected, "sanctions");
  EXPECT_EQ(result.total, search("sanctions").total);
  EXPECT_EQ(result.q, "sanctoins");
}

TEST_F(SearcherTest, TwoWordsRelaxToAnyWordWhenAllFindNothing) {
  auto strict = search("sanctions");
  EXPECT_FALSE(strict.relaxed);
  auto relaxed = search("sanctions qqxqzzv");
  EXPECT_TRUE(relaxed.relaxed);
  EXPECT_EQ(relaxed.total, strict.total);
  EXPECT_EQ(search("sanctions embargo").relaxed, false);
}

// A field value typed in the query is compared word by word, whatever the
// case and script: named whole it is that value, in part every value holding
// it. A filter parameter stays exact.
TEST_F(SearcherTest, TypedFieldValuesAreComparedWordByWord) {
  auto having = [&](const char* key, auto pred) {
    return corpus_
        ->where([&](const auto& d) {
          auto vs = Corpus::list(d, key);
          return std::any_of(vs.begin(), vs.end(), pred);
        })
        .size();
  };
  auto is = [](const char* v) { return [=](const std::string& s) { return s == v; }; };
  const auto sanctions = having("topics", [](const std::string& t) {
    return t == "Міжнародні санкції" || t == "Секторальні санкції";
  });
  const auto international = having("topics", is("Міжнародні санкції"));
  const auto sectoral = having("topics", is("Секторальні санкції"));
  ASSERT_GT(international, 0u);
  ASSERT_GT(sectoral, 0u);
  ASSERT_LT(international, sanctions);
  // "санкції" is a word of two topics; "Санкційна політика" is another word.
  EXPECT_EQ(search("topic:санкції", false).total, sanctions);
  EXPECT_EQ(search("topic:\"санкції МІЖНАРОДНІ\"", false).total, international);
  EXPECT_EQ(search("topic:санкції -topic:\"секторальні санкції\"", false).total,
            sanctions - sectoral);
  // Another form of the word meets it by its key; a word of no topic, nothing.
  EXPECT_EQ(search("topic:санкція", false).total, sanctions);
  EXPECT_EQ(search("topic:football", false).total, 0u);
  // Across scripts, by the names' keys.
  const auto zelensky = having("speakers", is("Володимир Зеленський"));
  ASSERT_GT(zelensky, 0u);
  EXPECT_EQ(search("speaker:Zelensky", false).total, zelensky);
  EXPECT_EQ(search("place:Kyiv", false).total, having("places", is("Київ")));
  EXPECT_EQ(search("topic:embargo", false).total, having("topics", is("Нафтове ембарго")));
  // A value named whole is that value; a part of it, every value holding it.
  const auto referendum = having("topics", is("Референдум"));
  const auto unlawful = having("topics", is("Протизаконний референдум"));
  const auto either = having("topics", [](const std::string& t) {
    return t == "Референдум" || t == "Протизаконний референдум";
  });
  ASSERT_LT(referendum, either);
  EXPECT_EQ(search("topic:РЕФЕРЕНДУМ", false).total, referendum);
  EXPECT_EQ(search("topic:протизаконний", false).total, unlawful);
  EXPECT_EQ(search("topic:\"протизаконний референдум\"", false).total, unlawful);
  EXPECT_EQ(search("type:SPEECH", false).total, corpus_->docs.size());

  SearchRequest exact;
  exact.collapse = false;
  exact.filters["topic"] = {"санкції"};
  EXPECT_EQ(search(exact).total, 0u);
  exact.filters["topic"] = {"Міжнародні санкції"};
  EXPECT_EQ(search(exact).total, international);

  Xapian::Database db(dir_->file("db"));
  const std::string prefix(schema::kTopicPrefix);
  EXPECT_NO_THROW(field_values(terms_of(db), prefix, "санкції", 2));
  // A value named whole is not a part of the values holding it.
  EXPECT_NO_THROW(field_values(terms_of(db), prefix, "РЕФЕРЕНДУМ", 1));
  try {
    field_values(terms_of(db), prefix, "санкції", 1);
    ADD_FAILURE() << "two values past a limit of one";
  } catch (const InvalidRequest& e) {
    EXPECT_NE(std::string(e.what()).find("matches more than 1 values"), std::string::npos)
        << e.what();
  }
}

TEST_F(SearcherTest, StrayOperatorsAreIgnored) {
  auto plain = search("sanctions", false).total;
  for (std::string q :
       {"sanctions AND", "OR sanctions", "- sanctions", "sanctions NOT", "AND", "sanctions +"})
    EXPECT_EQ(search(q, false).total, q == "AND" ? corpus_->docs.size() : plain) << q;
}

TEST_F(SearcherTest, SyntaxErrorsNameTheProblem) {
  struct Case {
    std::string q, expected;
  } cases[] = {
      {"\"territorial integrity", "q: unbalanced quote"},
      {"(sanctions OR embargo", "q: unbalanced parentheses"},
      {"sanctions)", "q: unbalanced parentheses"},
      {"topic:", "q: the field 'topic:' has an empty value"},
      {"date:2022-13", "q: bad date"},
      {"date:yesterday..", "q: bad date"},
      {"war date:2023..2022-06", "q: the range 'date:2023..2022-06' ends before it starts"},
  };
  for (const auto& c : cases) {
    SearchRequest r;
    r.q = c.q;
    EXPECT_TRUE(parameter_of_error(r).starts_with(c.expected))
        << c.q << " -> " << parameter_of_error(r);
  }
  SearchRequest deep;
  deep.q = std::string(5000, '(') + "war" + std::string(5000, ')');
  EXPECT_TRUE(parameter_of_error(deep).starts_with("q: parentheses nested too deeply"));
  SearchRequest nots;
  for (int i = 0; i < 5000; ++i) nots.q += "NOT ";
  nots.q += "war";
  EXPECT_TRUE(parameter_of_error(nots).starts_with("q: too many terms"));
  SearchRequest many;
  for (int i = 0; i < 100; ++i) many.q += "w" + std::to_string(i) + " ";
  EXPECT_TRUE(parameter_of_error(many).starts_with("q: too many terms"));
}

TEST_F(SearcherTest, BadParametersAreInvalidRequests) {
  auto error = [](auto change) {
    SearchRequest r;
    change(r);
    return parameter_of_error(r).substr(0, parameter_of_error(r).find(':'));
  };
  EXPECT_EQ(error([](SearchRequest& r) { r.per_page = 0; }), "per_page");
  EXPECT_EQ(error([](SearchRequest& r) { r.per_page = 101; }), "per_page");
  EXPECT_EQ(error([](SearchRequest& r) { r.page = 0; }), "page");
  EXPECT_EQ(error([](SearchRequest& r) { r.page = 500; }), "page");
  EXPECT_EQ(error([](SearchRequest& r) { r.filters["colour"] = {"red"}; }), "colour");
  EXPECT_EQ(error([](SearchRequest& r) { r.facets = {"colour"}; }), "facets");
  EXPECT_EQ(error([](SearchRequest& r) { r.facets = {"none", "topic"}; }), "facets");
  EXPECT_EQ(error([](SearchRequest& r) { r.from = "2022-02-30x"; }), "from");
  EXPECT_EQ(error([](SearchRequest& r) { r.recency = 2; }), "recency");
  EXPECT_EQ(error([](SearchRequest& r) {
              r.from = "2022-05-01";
              r.to = "2022-04-01";
            }),
            "from");
  EXPECT_THROW(parse_sort_order("size"), InvalidRequest);
}

TEST_F(SearcherTest, PagesDoNotOverlap) {
  SearchRequest r;
  r.q = "war";
  r.per_page = 5;
  auto first = search(r);
  r.page = 2;
  auto second = search(r);
  ASSERT_EQ(first.hits.size(), 5u);
  ASSERT_EQ(second.hits.size(), 5u);
  for (const auto& a : first.hits)
    for (const auto& b : second.hits) EXPECT_NE(a.id, b.id);
  EXPECT_GE(first.hits.back().score, second.hits.front().score);
}

TEST_F(SearcherTest, RecencyFavoursNewerArticles) {
  SearchRequest r;
  r.q = "war";
  r.per_page = 20;
  auto plain = search(r);
  r.recency = 1;
  auto recent = search(r);
  auto mean_date = [](const SearchResult& s) {
    double sum = 0;
    for (const auto& h : s.hits)
      sum += std::stoi(h.date.substr(5, 2)) * 31 + std::stoi(h.date.substr(8, 2));
    return sum / static_cast<double>(s.hits.size());
  };
  EXPECT_GT(mean_date(recent), mean_date(plain));
  EXPECT_EQ(recent.total, plain.total);
}

TEST_F(SearcherTest, SuggestsTermsAndTitles) {
  SuggestRequest r;
  r.q = "sanc";
  auto s = searcher_->suggest(r);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].kind, "term");
  bool term = false, title = false;
  for (const auto& x : s) {
    term |= x.kind == "term" && x.text == "sanctions";
    if (x.kind == "title") {
      title = true;
      EXPECT_NE(lower(x.text).find("sanc"), std::string::npos) << x.text;
      EXPECT_FALSE(x.id.empty());
    }
  }
  EXPECT_TRUE(term);
  EXPECT_TRUE(title);
  r.q = "new sanc";
  for (const auto& x : searcher_->suggest(r))
    if (x.kind == "term") {
      EXPECT_TRUE(x.text.starts_with("new sanc")) << x.text;
    }
}

TEST_F(SearcherTest, SimilarExcludesTheArticleAndItsTranslations) {
  const auto& doc = corpus_->docs[10];
  SimilarRequest r;
  r.id = Corpus::str(doc, "id");
  auto hits = searcher_->similar(r);
  ASSERT_FALSE(hits.empty());
  EXPECT_LE(hits.size(), 10u);
  auto translations = Corpus::list(doc, "translations");
  for (const auto& h : hits) {
    EXPECT_NE(h.id, r.id);
    EXPECT_EQ(std::find(translations.begin(), translations.end(), h.id), translations.end());
  }
  r.id = "no-such-id";
  EXPECT_THROW(searcher_->similar(r), NotFound);
}

TEST_F(SearcherTest, DocumentReturnsStoredFieldsOrNotFound) {
  const auto& doc = corpus_->docs[3];
  auto stored = nlohmann::json::parse(searcher_->document_json(Corpus::str(doc, "id")));
  EXPECT_EQ(stored, doc);
  EXPECT_THROW(searcher_->document_json("no-such-id"), NotFound);
}

}  // namespace
}  // namespace portal::test
