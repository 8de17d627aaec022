// Units of the HTTP layer: API keys and the per-client rate limiter.
#include <gtest/gtest.h>

#include "searchd/api_keys.h"
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
