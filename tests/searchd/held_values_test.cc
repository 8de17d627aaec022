// Held values are the index's values, whole or not at all.
#include "searchd/held_values.h"

#include <gtest/gtest.h>

#include <random>

#include "searchd/facet_columns.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

constexpr Xapian::valueno kA = 3, kB = 4, kC = 5;

// `n` documents with values of 0 to `longest` bytes in kA (none in some),
// kB and kC (`c_bytes` each), some deleted: returns the bytes of kA's values.
size_t fill(Xapian::WritableDatabase& db, unsigned n, size_t longest, size_t c_bytes,
            unsigned seed) {
  std::mt19937 rng(seed);
  size_t a_bytes = 0;
  for (unsigned i = 1; i <= n; ++i) {
    Xapian::Document doc;
    if (rng() % 4) {
      std::string v(rng() % (longest + 1), 'a');
      for (auto& c : v) c = static_cast<char>(rng());  // any byte, NUL too
      doc.add_value(kA, v);
    }
    doc.add_value(kB, "b" + std::to_string(i));
    doc.add_value(kC, std::string(c_bytes, 'c'));
    doc.add_boolean_term("Q" + std::to_string(i));
    db.replace_document(i, doc);
  }
  for (unsigned i = 5; i <= n; i += 13) db.delete_document(i);
  db.commit();
  Xapian::Database r(db);
  for (auto it = r.valuestream_begin(kA); it != r.valuestream_end(kA); ++it)
    a_bytes += (*it).size();
  return a_bytes;
}

void expect_values_of(const Xapian::Database& db, const HeldValues& held) {
  ASSERT_TRUE(held.held());
  for (Xapian::docid d = 0; d <= db.get_lastdocid() + 5; ++d) {
    std::string value;
    if (d > 0) try {
        value = db.get_document(d).get_value(held.slot());
      } catch (const Xapian::DocNotFoundError&) {
      }
    const auto got = held.get(d);
    if (value.empty()) {
      EXPECT_FALSE(got.has_value()) << d;
    } else {
      ASSERT_TRUE(got.has_value()) << d;
      EXPECT_EQ(std::string(*got), value) << d;
    }
  }
}

TEST(HeldValuesTest, HoldTheValuesOfEveryDocumentWithinTheBudget) {
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  const size_t bytes = fill(wdb, 3000, 300, 10, 1);
  Xapian::Database db(dir.file("db"));
  const size_t offsets = (db.get_lastdocid() + 2) * sizeof(uint32_t);
  HeldValues exact(db, kA, bytes + offsets);
  expect_values_of(db, exact);
  EXPECT_GE(exact.bytes(), bytes + offsets);
  // One byte short: none.
  HeldValues over(db, kA, bytes + offsets - 1);
  EXPECT_FALSE(over.held());
  EXPECT_FALSE(over.get(1).has_value());
  EXPECT_FALSE(HeldValues(db, kA, 0).held());
  // A slot without values holds every document's absence.
  HeldValues none(db, 9, 1 << 20);
  expect_values_of(db, none);
}

TEST(HeldValuesTest, TheFirstValuesTellWhenTheRestWillNotFit) {
  // The first thousand values take 100 bytes each, the 19,000 after them 1:
  // 119,000 bytes in all. From the first thousand, the slot looks like two
  // million bytes, more than twice a budget of 250,000, and is given up
  // before the rest is read (though here it would have fitted).
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  for (unsigned i = 1; i <= 20000; ++i) {
    Xapian::Document doc;
    doc.add_value(kA, std::string(i <= 1000 ? 100 : 1, 'x'));
    wdb.replace_document(i, doc);
  }
  wdb.commit();
  Xapian::Database db(dir.file("db"));
  const size_t offsets = 20002 * sizeof(uint32_t);
  EXPECT_FALSE(HeldValues(db, kA, 250000 + offsets).held());
  // Within half the estimate, they are read and held.
  EXPECT_TRUE(HeldValues(db, kA, 1000000 + offsets).held());
  // The estimate before reading: the first thousand values' mean, times
  // the documents with a value.
  EXPECT_EQ(HeldValues::estimate(db, kA), 100 * 20000 + offsets);
  EXPECT_EQ(HeldValues::estimate(db, kB), offsets);
}

TEST(HeldValuesTest, FacetColumnsHoldEachGroupWholeOrNotAtAll) {
  TempDir dir;
  Xapian::WritableDatabase wdb(dir.file("db"), Xapian::DB_CREATE);
  const size_t a_bytes = fill(wdb, 2000, 200, 50, 3);
  Xapian::Database db(dir.file("db"));
  const size_t offsets = (db.get_lastdocid() + 2) * sizeof(uint32_t);
  const size_t b_bytes = HeldValues(db, kB, 1 << 30).bytes();
  const size_t c_bytes = HeldValues(db, kC, 1 << 30).bytes();
  // Values of one size: estimated exactly.
  EXPECT_EQ(HeldValues::estimate(db, kC), c_bytes);
  const std::vector<std::vector<Xapian::valueno>> groups = {{kA, kB}, {kC}};
  auto held = [&](size_t budget) {
    FacetColumns columns(db, {}, {}, groups, budget);
    std::string out;
    for (auto slot : {kA, kB, kC})
      if (columns.held(slot)) out += static_cast<char>('a' + slot - kA);
    return out;
  };
  EXPECT_EQ(held(1 << 30), "abc");
  EXPECT_EQ(held(a_bytes + offsets + b_bytes + c_bytes + 4096), "abc");
  // Room for the first group, not the second.
  EXPECT_EQ(held(a_bytes + offsets + b_bytes + 4096), "ab");
  // Room for kA alone: neither of its group, nor any group after it.
  EXPECT_EQ(held(a_bytes + offsets + 4096), "");
  EXPECT_EQ(held(0), "");
  FacetColumns all(db, {}, {}, groups, 1 << 30);
  expect_values_of(db, *all.held(kA));
  expect_values_of(db, *all.held(kC));
  EXPECT_GE(all.bytes(), a_bytes + b_bytes + c_bytes);
}

}  // namespace
}  // namespace portal::test
