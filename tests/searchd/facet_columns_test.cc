// Facet columns count what the index's values count, and follow new revisions.
#include "searchd/facet_columns.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "indexer/schema.h"
#include "tests/support/slot_counts.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

const std::vector<SlotCounter::Spec> kSpecs = {
    {schema::kTopicsSlot, true, 0}, {schema::kDateSlot, false, 4},  {schema::kDateSlot, false, 7},
    {schema::kLangSlot, false, 0},  {schema::kGroupSlot, false, 0}, {schema::kTypeSlot, false, 0},
};

// Documents with gaps, missing values, repeated and many topics, and more
// groups than the counting of few values tallies in place; no type.
void fill(Xapian::WritableDatabase& db, unsigned n, unsigned seed) {
  std::mt19937 rng(seed);
  for (unsigned i = 1; i <= n; ++i) {
    Xapian::Document doc;
    if (rng() % 5) {
      std::vector<std::string> topics;
      for (unsigned t = rng() % 20; t > 0; --t)
        topics.push_back("topic" + std::to_string(rng() % 30));
      doc.add_value(schema::kTopicsSlot, schema::join_values(topics));
    }
    if (rng() % 7)
      doc.add_value(schema::kDateSlot, std::to_string(1990 + rng() % 30) + "-0" +
                                           std::to_string(1 + rng() % 9) + "-15");
    if (rng() % 3) doc.add_value(schema::kLangSlot, rng() % 2 ? "uk" : "en");
    if (rng() % 2) doc.add_value(schema::kGroupSlot, "g" + std::to_string(rng() % 3000));
    doc.add_boolean_term("Q" + std::to_string(i));
    db.replace_document(i, doc);
  }
  for (unsigned i = 3; i <= n; i += 11) db.delete_document(i);
  db.commit();
}

void expect_same_counts(const Xapian::Database& db, const FacetColumns& columns,
                        const std::vector<Xapian::docid>& ids) {
  for (const auto& spec : kSpecs) {
    const FacetColumn* column = columns.find(spec);
    ASSERT_NE(column, nullptr);
    // Counted from each document's value; from the column, naming each
    // value as it is counted, and by ordinal (the columns kept alive); and
    // half from the values, half by ordinal.
    SlotCounter from_values(spec), from_column(spec), by_ordinal(spec), mixed(spec);
    const std::shared_ptr<const void> owner(&columns, [](const void*) {});
    std::vector<Xapian::docid> second_half;
    for (size_t i = 0; i < ids.size(); ++i) {
      std::string value;
      try {
        value = db.get_document(ids[i]).get_value(spec.slot);
      } catch (const Xapian::DocNotFoundError&) {
      }
      from_values.count(value);
      if (i < ids.size() / 2) {
        mixed.count(value);
      } else {
        second_half.push_back(ids[i]);
      }
    }
    from_column.count(*column, ids);
    by_ordinal.count(*column, ids, owner);
    mixed.count(*column, second_half, owner);
    SCOPED_TRACE("slot " + std::to_string(spec.slot) + " prefix " + std::to_string(spec.prefix));
    for (const SlotCounter* c : {&from_column, &by_ordinal, &mixed}) {
      EXPECT_EQ(c->total(), from_values.total());
      EXPECT_EQ(c->with_value(), from_values.with_value());
      EXPECT_EQ(counts_of(*c), counts_of(from_values));
    }
  }
}

TEST(FacetColumnsTest, CountLikeTheValuesOfEveryDocument) {
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  fill(wdb, 5000, 1);
  Xapian::Database db(dir.file("db"));
  FacetColumns columns(db, kSpecs);
  EXPECT_EQ(columns.revision(), FacetColumns::revision_of(db));
  EXPECT_GT(columns.bytes(), 5000u * 4);
  std::vector<Xapian::docid> all, few;
  for (Xapian::docid id = 1; id <= 5000; ++id) all.push_back(id);
  for (Xapian::docid id = 7; id <= 5000; id += 97) few.push_back(id);
  few.push_back(6000);  // beyond the last document
  expect_same_counts(db, columns, all);
  expect_same_counts(db, columns, few);
  expect_same_counts(db, columns, {});
}

// A listed column gives each document the documents of its value (its
// translation group), in docid order; other columns list nothing.
TEST(FacetColumnsTest, ListedColumnGivesTheDocumentsOfEachValue) {
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  fill(wdb, 3000, 2);
  Xapian::Database db(dir.file("db"));
  std::map<std::string, std::vector<uint32_t>> by_group;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    if (auto group = db.get_document(*it).get_value(schema::kGroupSlot); !group.empty())
      by_group[group].push_back(*it);
  const SlotCounter::Spec groups{schema::kGroupSlot, false, 0};
  FacetColumns columns(db, kSpecs, {groups});
  const FacetColumn* column = columns.find(groups);
  ASSERT_NE(column, nullptr);
  size_t grouped = 0, shared = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const std::string group = db.get_document(*it).get_value(schema::kGroupSlot);
    const std::vector<uint32_t> expected =
        group.empty() ? std::vector<uint32_t>() : by_group[group];
    grouped += !expected.empty();
    shared += expected.size() > 1;
    auto listed = same_value(*column, *it);
    ASSERT_EQ(std::vector<uint32_t>(listed.begin(), listed.end()), expected) << *it;
  }
  EXPECT_GT(grouped, 1000u);
  EXPECT_GT(shared, 300u);                                       // groups of several documents
  EXPECT_TRUE(same_value(*columns.find(kSpecs[3]), 1).empty());  // languages: not listed
  EXPECT_TRUE(same_value(*column, db.get_lastdocid() + 10).empty());
}

// A date column's sort key is the document's date value ("" for none), and a
// match sorted by it comes in the order of a sort by the value slot.
TEST(FacetColumnsTest, ColumnKeySortsAsTheValueSlot) {
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  fill(wdb, 2000, 3);
  Xapian::Database db(dir.file("db"));
  const SlotCounter::Spec dates{schema::kDateSlot, false, 0};
  auto columns = std::make_shared<const FacetColumns>(db, std::vector<SlotCounter::Spec>{dates});
  ColumnKey key(columns, *columns->find(dates));
  size_t undated = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    EXPECT_EQ(key(doc), doc.get_value(schema::kDateSlot)) << *it;
    undated += doc.get_value(schema::kDateSlot).empty();
  }
  EXPECT_GT(undated, 100u);
  for (bool reverse : {true, false}) {
    Xapian::Enquire by_value(db), by_key(db);
    for (auto* e : {&by_value, &by_key}) e->set_query(Xapian::Query::MatchAll);
    by_value.set_sort_by_value(schema::kDateSlot, reverse);
    by_key.set_sort_by_key(&key, reverse);
    const Xapian::MSet a = by_value.get_mset(0, 300), b = by_key.get_mset(0, 300);
    ASSERT_EQ(a.size(), 300u);
    ASSERT_EQ(b.size(), a.size());
    for (Xapian::doccount i = 0; i < a.size(); ++i) EXPECT_EQ(*b[i], *a[i]) << i;
  }
}

TEST(FacetColumnsTest, CacheServesTheRevisionItWasBuiltFor) {
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  fill(wdb, 300, 2);
  const std::vector<SlotCounter::Spec> specs = {kSpecs[3]};
  int builds = 0;
  FacetColumnCache cache([&] {
    ++builds;
    return std::make_shared<const FacetColumns>(Xapian::Database(dir.file("db")), specs);
  });
  Xapian::Database db(dir.file("db"));
  EXPECT_EQ(cache.get(db), nullptr);  // starts a build
  cache.wait();
  auto first = cache.get(db);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->revision(), FacetColumns::revision_of(db));
  EXPECT_EQ(builds, 1);

  // A new revision is not served the old columns; they are rebuilt.
  fill(wdb, 400, 3);
  db.reopen();
  EXPECT_EQ(cache.get(db), nullptr);
  cache.wait();
  // A build that ends lately delays the next one by three times its length.
  std::shared_ptr<const FacetColumns> second;
  for (int i = 0; i < 1000 && !second; ++i) {
    second = cache.get(db);
    if (!second) {
      cache.wait();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->revision(), FacetColumns::revision_of(db));
  EXPECT_NE(second->revision(), first->revision());
  EXPECT_EQ(builds, 2);
  SlotCounter langs(specs[0]);
  langs.count(*second->find(specs[0]), {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  EXPECT_EQ(langs.total(), 10u);

  // Shards joined in one Database have no revision to key columns by.
  Xapian::Database joined(dir.file("db"));
  joined.add_database(Xapian::Database(dir.file("db")));
  EXPECT_EQ(FacetColumns::revision_of(joined), "");
  EXPECT_EQ(cache.get(joined), nullptr);
  cache.wait();
  EXPECT_EQ(builds, 2);
}

}  // namespace
}  // namespace portal::test
