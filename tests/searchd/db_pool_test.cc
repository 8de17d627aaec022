// The revision a lease reports, which caches kept per revision key on: equal
// for handles that show the same contents, new once the index changed, and
// none while a handle may show other contents than the others under it.
#include "searchd/db_pool.h"

#include <gtest/gtest.h>

#include "searchd/facet_columns.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

void add(const std::string& path, const std::string& id) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_boolean_term("Q" + id);
  db.replace_document("Q" + id, doc);
  db.commit();
}

IndexSetOptions two_shards(const TempDir& dir) {
  add(dir.file("a"), "1");
  add(dir.file("b"), "2");
  return {.shards = {parse_shard_spec(dir.file("a")), parse_shard_spec(dir.file("b"))}};
}

TEST(DbPoolTest, ASingleIndexIsKnownByItsOwnRevision) {
  TempDir dir;
  add(dir.file("db"), "1");
  DbPool pool(dir.file("db"));
  std::string first;
  {
    auto lease = pool.lease();
    first = lease.revision();
    EXPECT_EQ(first, FacetColumns::revision_of(lease.db()));
  }
  EXPECT_FALSE(first.empty());
  add(dir.file("db"), "2");
  auto lease = pool.lease();
  EXPECT_EQ(lease.revision(), FacetColumns::revision_of(lease.db()));
  EXPECT_NE(lease.revision(), first);
}

TEST(DbPoolTest, ShardsAreKnownByTheChangesTheHandlesSaw) {
  TempDir dir;
  DbPool pool(two_shards(dir));
  // The handle opened at start-up is found up to date.
  std::string before;
  {
    auto lease = pool.lease();
    before = lease.revision();
    EXPECT_FALSE(before.empty());
  }
  {
    // A second handle, opened while the first is out, may be newer than
    // what the first was found at: neither tells, until both were found up
    // to date after it was opened.
    auto a = pool.lease();
    auto b = pool.lease();
    EXPECT_EQ(b.revision(), "");
    EXPECT_EQ(a.revision(), before);
  }
  std::string now;
  {
    auto a = pool.lease();
    auto b = pool.lease();
    now = a.revision();
    EXPECT_FALSE(now.empty());
    EXPECT_EQ(b.revision(), now);
    EXPECT_NE(now, before);
  }
  // A commit to one shard: each handle moves to it and does not tell, then
  // tells a revision that no handle showing the older contents told.
  add(dir.file("b"), "3");
  {
    auto a = pool.lease();
    auto b = pool.lease();
    EXPECT_EQ(a.revision(), "");
    EXPECT_EQ(b.revision(), "");
    EXPECT_EQ(a.db().get_doccount(), 3u);
  }
  auto a = pool.lease();
  auto b = pool.lease();
  EXPECT_FALSE(a.revision().empty());
  EXPECT_EQ(b.revision(), a.revision());
  EXPECT_NE(a.revision(), now);
  EXPECT_NE(a.revision(), before);
}

}  // namespace
}  // namespace portal::test
