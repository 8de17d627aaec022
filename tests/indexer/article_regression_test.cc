#include <gtest/gtest.h>

#include "indexer/article.h"

namespace portal {
namespace {

// A number too large for a double is a JSON error like any other, not a crash.
TEST(ArticleRegressionTest, HugeNumberIsAnArticleError) {
  EXPECT_THROW(parse_article(R"({"id":"x","title":"t","n":6E6666666})"), ArticleError);
}

}  // namespace
}  // namespace portal
