#include "indexer/facet_config.h"

#include <gtest/gtest.h>

#include "tests/support/test_env.h"

namespace portal {
namespace {

TEST(FacetConfigTest, LoadsTheShippedConfiguration) {
  auto fields = load_extra_fields(test::source_dir() + "/data/facets.json");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].field, "places");
  EXPECT_EQ(fields[0].param, "place");
  EXPECT_EQ(fields[0].term_prefix(), "XFplace:");
  EXPECT_EQ(fields[1].field, "speakers");
  EXPECT_NE(fields[0].slot, fields[1].slot);
}

TEST(FacetConfigTest, RoundTripsThroughJson) {
  auto fields = parse_extra_fields(R"([{"field":"orgs","param":"org","slot":12}])");
  auto again = parse_extra_fields(extra_fields_to_json(fields));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].field, "orgs");
  EXPECT_EQ(again[0].param, "org");
  EXPECT_EQ(again[0].slot, 12u);
}

TEST(FacetConfigTest, RejectsBadConfigurations) {
  const char* bad[] = {
      "not json",
      R"({"field":"places"})",
      R"([{"field":"places","param":"place"}])",
      R"([{"field":"places","param":"place","slot":3}])",
      R"([{"field":"places","param":"place","slot":-12}])",
      R"([{"field":"places","param":"place","slot":1000}])",
      R"([{"field":"","param":"place","slot":10}])",
      R"([{"field":"places","param":"pl ace","slot":10}])",
      R"([{"field":"places","param":"place","slot":10,"colour":"red"}])",
      R"([{"field":"topics","param":"t","slot":10}])",
      // The search API's own names.
      R"([{"field":"places","param":"topic","slot":10}])",
      R"([{"field":"places","param":"page","slot":10}])",
      R"([{"field":"places","param":"none","slot":10}])",
      R"([{"field":"a","param":"x","slot":10},{"field":"a","param":"y","slot":11}])",
      R"([{"field":"a","param":"x","slot":10},{"field":"b","param":"x","slot":11}])",
      R"([{"field":"a","param":"x","slot":10},{"field":"b","param":"y","slot":10}])",
  };
  for (const char* text : bad) EXPECT_THROW(parse_extra_fields(text), ConfigError) << text;
  EXPECT_THROW(load_extra_fields("/nonexistent/facets.json"), ConfigError);
}

}  // namespace
}  // namespace portal
