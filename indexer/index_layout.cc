#include "indexer/index_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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

}  // namespace

std::string live_generation(const std::string& dir) {
  std::ifstream in(dir + "/" + kStub);
  if (!in) return {};
  std::string kind, name, extra;
  in >> kind >> name;
  if (kind != "auto" || generation_number(name) < 0 || (in >> extra))
    throw LayoutError("'" + dir + "/" + kStub + "' is not a stub written by portal-indexer");
  return name;
}

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

void switch_generation(const std::string& dir, const std::string& generation) {
  std::string tmp = dir + "/" + kStub + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "auto " << generation << "\n";
    out.flush();
    if (!out) throw LayoutError("cannot write '" + tmp + "'");
  }
  sync_path(tmp, O_RDONLY);
  if (std::rename(tmp.c_str(), (dir + "/" + kStub).c_str()) != 0)
    throw LayoutError("cannot replace '" + dir + "/" + kStub + "': " + std::strerror(errno));
  sync_path(dir, O_RDONLY | O_DIRECTORY);
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
