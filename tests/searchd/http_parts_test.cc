// Units of the HTTP layer: API keys, the per-client rate limiter, JSON
// objects built member by member.
#include <gtest/gtest.h>

#include "searchd/api_keys.h"
#include "searchd/json_object.h"
#include "searchd/rate_limiter.h"

namespace portal {
namespace {

TEST(ApiKeysTest, ReadsRolesFromLinesAndCommas) {
  ApiKeys keys;
  keys.add("# comment\nwrite:alpha\n read:beta \n\ngamma,read:delta");
  EXPECT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys.role_of("alpha"), KeyRole::kWrite);
  EXPECT_EQ(keys.role_of("beta"), KeyRole::kRead);
  EXPECT_EQ(keys.role_of("gamma"), KeyRole::kWrite);
  EXPECT_EQ(keys.role_of("delta"), KeyRole::kRead);
}

TEST(ApiKeysTest, RefusesUnknownPrefixesAndNearMisses) {
  ApiKeys keys;
  keys.add("write:secret");
  for (const char* wrong : {"", "secre", "secret ", "secretx", "Secret", "write:secret"})
    EXPECT_EQ(keys.role_of(wrong), KeyRole::kNone) << "'" << wrong << "'";
  EXPECT_THROW(keys.add("admin:x"), std::invalid_argument);
  EXPECT_THROW(keys.add("read:"), std::invalid_argument);
}

TEST(ApiKeysTest, ErrorsDoNotQuoteTheKey) {
  ApiKeys keys;
  try {
    keys.add("bogus:topsecretvalue");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("topsecretvalue"), std::string::npos);
  }
}

TEST(JsonObjectTest, HoldsWhatABracedListHolds) {
  std::string title(200, 'x');  // past the short-string buffer: moved, not copied
  const char* data = title.data();
  std::vector<std::string> topics = {"acq", "earn"};
  nlohmann::json built = http::JsonObject()
                             .add("title", std::move(title))
                             .add("score", 1.5)
                             .add("topics", topics)
                             .add("hits", http::json_array(4))
                             .add("none", nullptr)
                             .take();
  nlohmann::json braced = {{"title", std::string(200, 'x')},
                           {"score", 1.5},
                           {"topics", topics},
                           {"hits", nlohmann::json::array()},
                           {"none", nullptr}};
  EXPECT_EQ(built, braced);
  EXPECT_EQ(built.dump(), braced.dump());
  EXPECT_EQ(built["title"].get_ref<const std::string&>().data(), data);
  EXPECT_TRUE(built["hits"].is_array());
}

TEST(RateLimiterTest, AllowsTheBurstThenAsksToWait) {
  RateLimiter limiter(1, 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.acquire("10.0.0.1"), 0) << i;
  double wait = limiter.acquire("10.0.0.1");
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 1.0);
  EXPECT_EQ(limiter.acquire("10.0.0.2"), 0) << "other clients have their own bucket";
}

TEST(RateLimiterTest, DisabledWhenRateIsZero) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.acquire("c"), 0);
}

}  // namespace
}  // namespace portal
