// `cmake --install` into a temporary prefix lays out the binaries, the search
// page, the data and the systemd units in their standard places, and the
// installed daemon finds its data there (not in the source tree).
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/scale/child.h"
#include "tests/support/test_env.h"

namespace portal::test {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool executable(const fs::path& p) {
  struct stat st {};
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & S_IXUSR);
}

TEST(InstallTest, LaysOutTheInstallPrefixAndFindsItsDataThere) {
  TempDir dir;
  fs::path prefix = dir.file("prefix");
  auto r = run_process({CMAKE_COMMAND, "--install", PORTAL_BINARY_DIR, "--prefix", prefix});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  EXPECT_TRUE(executable(prefix / "bin/portal-searchd"));
  EXPECT_TRUE(executable(prefix / "bin/portal-indexer"));
  fs::path share = prefix / "share/portalsearch";
  EXPECT_TRUE(fs::exists(share / "web/index.html"));
  EXPECT_TRUE(fs::exists(share / "facets.json"));
  for (const auto& corpus : fs::directory_iterator(source_dir() + "/data")) {
    if (fs::exists(corpus.path() / "docs.jsonl")) {
      EXPECT_FALSE(fs::exists(share / corpus.path().filename())) << "corpus installed";
    }
  }
  std::string unit = read_file(prefix / "lib/systemd/system/portal-searchd.service");
  for (const char* line : {"Restart=on-failure", "ProtectSystem=strict", "ProtectHome=yes",
                           "PrivateTmp=yes", "NoNewPrivileges=yes"})
    EXPECT_NE(unit.find(line), std::string::npos) << line;
  EXPECT_TRUE(fs::exists(prefix / "lib/systemd/system/portal-indexer.service"));
  EXPECT_TRUE(fs::exists(prefix / "lib/systemd/system/portal-indexer.timer"));
  EXPECT_TRUE(fs::exists(prefix / "lib/sysusers.d/portalsearch.conf"));

  // The installed binaries work from the prefix: index, then serve a page
  // that only exists in the installed share directory.
  std::ofstream(dir.file("a.jsonl")) << R"({"id":"i1","title":"Installed layout","lang":"en"})"
                                     << "\n";
  r = run_process({(prefix / "bin/portal-indexer").string(), "index", "--db", dir.file("db"),
                   dir.file("a.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ofstream(share / "web/installed-marker.txt") << "from the prefix";
  int port = free_port();
  Child daemon({(prefix / "bin/portal-searchd").string(), "--db", dir.file("db"), "--listen",
                "127.0.0.1:" + std::to_string(port)});
  ASSERT_TRUE(wait_for_port(port));
  httplib::Client client("127.0.0.1", port);
  auto page = client.Get("/installed-marker.txt");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "from the prefix");
  auto search = client.Get("/api/v1/search?q=installed");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200);
  EXPECT_NE(search->body.find("\"i1\""), std::string::npos) << search->body;
}

}  // namespace
}  // namespace portal::test
