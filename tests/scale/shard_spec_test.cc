#include <gtest/gtest.h>

#include "searchd/index_set_options.h"

namespace portal {
namespace {

TEST(ShardSpecTest, ParsesRemoteAndLocalShards) {
  ShardSpec remote = parse_shard_spec("tcp:127.0.0.1:33000");
  EXPECT_TRUE(remote.remote());
  EXPECT_EQ(remote.host, "127.0.0.1");
  EXPECT_EQ(remote.port, 33000);
  EXPECT_EQ(remote.to_string(), "tcp:127.0.0.1:33000");

  ShardSpec local = parse_shard_spec("/var/lib/portalsearch/index");
  EXPECT_FALSE(local.remote());
  EXPECT_EQ(local.path, "/var/lib/portalsearch/index");
  EXPECT_EQ(local.to_string(), "/var/lib/portalsearch/index");
}

TEST(ShardSpecTest, RejectsMalformedSpecs) {
  for (const char* bad : {"", "tcp:", "tcp:host", "tcp::80", "tcp:host:0", "tcp:host:65536",
                          "tcp:host:80x", "tcp:host:"})
    EXPECT_THROW(parse_shard_spec(bad), std::invalid_argument) << bad;
}

}  // namespace
}  // namespace portal
