#include "indexer/index_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "indexer/sharding.h"

namespace portal {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kGenPrefix = "gen-";

// The N of "gen-N", or -1 when `name` is not a generation name.
long generation_number(const std::string& name) {
  if (name.rfind(kGenPrefix, 0) != 0 || name.size() == 4) return -1;
  long n = 0;
  for (size_t i = 4; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || n > 100000000) return -1;
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

void sync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw LayoutError("cannot open '" + path + "': " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw LayoutError("cannot sync '" + path + "': " + std::strerror(errno));
}

// Reads DIR/XAPIANDB: "auto gen-N" (unsharded) or one line
// "auto gen-N/shard-<i>" per shard, i = 0, 1, ... Returns {"", 0} without a stub.
std::pair<std::string, unsigned> read_stub(const std::string& dir) {
  std::ifstream in(dir + "/" + kStub);
  if (!in) return {"", 0};
  auto bad = [&] {
    return LayoutError("'" + dir + "/" + kStub + "' is not a stub written by portal-indexer");
  };
  std::string line, generation;
  unsigned shards = 0;
  bool sharded = false;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string kind, path, extra;
    words >> kind >> path;
    if (kind != "auto" || (words >> extra)) throw bad();
    auto slash = path.find('/');
    std::string gen = path.substr(0, slash);
    if (generation_number(gen) < 0 || (!generation.empty() && gen != generation)) throw bad();
    generation = gen;
    bool this_sharded = slash != std::string::npos;
    if (shards > 0 && this_sharded != sharded) throw bad();
    sharded = this_sharded;
    if (sharded ? path.substr(slash + 1) != shard_dir_name(shards) : shards > 0) throw bad();
    ++shards;
  }
  if (shards == 0) throw bad();
  return {generation, shards};
}

}  // namespace

std::string live_generation(const std::string& dir) { return read_stub(dir).first; }

unsigned live_shard_count(const std::string& dir) { return read_stub(dir).second; }

namespace {

// Writes `content` to `path` atomically (temporary file, sync, rename).
void replace_file(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << content;
    out.flush();
    if (!out) throw LayoutError("cannot write '" + tmp + "'");
  }
  sync_path(tmp, O_RDONLY);
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw LayoutError("cannot replace '" + path + "': " + std::strerror(errno));
}

}  // namespace

bool is_plain_database(const std::string& dir) {
  return fs::exists(fs::path(dir) / "iamglass") || fs::exists(fs::path(dir) / "iamchert");
}

std::vector<std::string> list_generations(const std::string& dir) {
  std::vector<std::pair<long, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    long n = generation_number(name);
    if (n >= 0 && entry.is_directory()) found.emplace_back(n, name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [n, name] : found) out.push_back(std::move(name));
  return out;
}

std::string create_generation(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw LayoutError("cannot create '" + dir + "': " + ec.message());
  long next = 1;
  for (const auto& name : list_generations(dir)) next = std::max(next, generation_number(name) + 1);
  std::string name = kGenPrefix + std::to_string(next);
  if (!fs::create_directory(fs::path(dir) / name, ec) || ec)
    throw LayoutError("cannot create '" + dir + "/" + name + "': " + ec.message());
  return name;
}

void switch_generation(const std::string& dir, const std::string& generation, unsigned shards) {
  std::string stub;
  if (shards <= 1) {
    stub = "auto " + generation + "\n";
  } else {
    for (unsigned i = 0; i < shards; ++i) {
      std::string path = generation + "/" + shard_dir_name(i);
      replace_file(dir + "/" + shard_dir_name(i), "auto " + path + "\n");
      stub += "auto " + path + "\n";
    }
  }
  replace_file(dir + "/" + kStub, stub);
  sync_path(dir, O_RDONLY | O_DIRECTORY);
  // Shard stubs of an earlier generation with more shards (or of a sharded
  // one, when the new one is not).
  for (unsigned i = shards <= 1 ? 0 : shards;; ++i) {
    std::error_code ec;
    fs::path old = fs::path(dir) / shard_dir_name(i);
    if (!fs::is_regular_file(old, ec)) break;
    fs::remove(old, ec);
  }
}

void remove_generations_except(const std::string& dir, const std::string& keep) {
  for (const auto& name : list_generations(dir)) {
    if (name == keep) continue;
    std::error_code ec;
    fs::remove_all(fs::path(dir) / name, ec);
    if (ec) throw LayoutError("cannot remove '" + dir + "/" + name + "': " + ec.message());
  }
}

uint64_t disk_usage(const std::string& path) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

IndexDirLock::IndexDirLock(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw LayoutError("cannot create '" + dir + "': " + ec.message());
  std::string path = dir + "/lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw LayoutError("cannot open '" + path + "': " + std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    throw LayoutError("'" + dir + "' is being written by another portal-indexer");
  }
}

IndexDirLock::~IndexDirLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace portal
