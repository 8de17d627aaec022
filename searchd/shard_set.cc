#include "searchd/shard_set.h"

#include <sys/stat.h>

#include <stdexcept>

#include "searchd/searcher.h"

namespace portal {

std::string ShardSpec::to_string() const {
  return remote() ? "tcp:" + host + ":" + std::to_string(port) : path;
}

ShardSpec parse_shard_spec(std::string_view spec) {
  if (spec.empty()) throw std::invalid_argument("empty shard");
  ShardSpec out;
  if (!spec.starts_with("tcp:")) {
    out.path = std::string(spec);
    return out;
  }
  std::string_view rest = spec.substr(4);
  auto colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    throw std::invalid_argument("shard '" + std::string(spec) + "' must be tcp:HOST:PORT");
  out.host = std::string(rest.substr(0, colon));
  std::string port(rest.substr(colon + 1));
  size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(port, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != port.size() || port.empty() || value < 1 || value > 65535)
    throw std::invalid_argument("shard '" + std::string(spec) + "' has an invalid port");
  out.port = value;
  return out;
}

namespace {

// The stub file a local shard is opened through (DIR/XAPIANDB or the path
// itself): inode, size and modification time, or "" when there is none.
std::string stub_identity(const std::string& path) {
  for (const std::string& candidate : {path + "/XAPIANDB", path}) {
    struct stat st {};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
             std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
  }
  return {};
}

}  // namespace

ShardSet::ShardSet(IndexSetOptions options) : options_(std::move(options)) {
  if (options_.shards.empty()) throw std::invalid_argument("no index shard given");
  state_.resize(options_.shards.size());
  for (const auto& s : options_.shards)
    description_ += (description_.empty() ? "" : ",") + s.to_string();
}

std::string ShardSet::signature() const {
  std::string out;
  for (const auto& s : options_.shards)
    if (!s.remote()) out += stub_identity(s.path) + ";";
  return out;
}

ShardSet::Opened ShardSet::open() const {
  Opened opened;
  opened.signature = signature();
  std::string first_error;
  auto fail = [&](size_t i, const std::string& why) {
    opened.missing.push_back(options_.shards[i].to_string());
    if (first_error.empty()) first_error = "shard " + options_.shards[i].to_string() + " " + why;
  };
  for (size_t i = 0; i < options_.shards.size(); ++i) {
    if (!first_error.empty() && !options_.allow_partial) break;
    const ShardSpec& spec = options_.shards[i];
    if (spec.remote()) {
      // A remote shard that failed lately is skipped without waiting for its
      // timeout again; local ones fail fast and are always tried.
      std::lock_guard lock(mutex_);
      if (Clock::now() < state_[i].down_until) {
        fail(i, "is down: " + state_[i].last_error);
        continue;
      }
    }
    try {
      if (spec.remote())
        opened.db.add_database(Xapian::Remote::open(
            spec.host, spec.port, options_.remote_timeout_ms, options_.connect_timeout_ms));
      else
        opened.db.add_database(Xapian::Database(spec.path));
    } catch (const Xapian::Error& e) {
      if (spec.remote()) {
        mark_down(i, e.get_description());
        fail(i, "is unavailable: " + e.get_description());
      } else {
        fail(i, "cannot be opened as an index: " + e.get_description());
      }
    }
  }
  if (!first_error.empty() &&
      (!options_.allow_partial || opened.missing.size() == options_.shards.size()))
    throw IndexUnavailable(first_error);
  return opened;
}

void ShardSet::mark_down(size_t shard, const std::string& error) const {
  std::lock_guard lock(mutex_);
  state_[shard].down_until = Clock::now() + std::chrono::milliseconds(options_.retry_after_ms);
  state_[shard].last_error = error;
}

std::string ShardSet::note_failure(const Xapian::NetworkError& e) const {
  for (size_t i = 0; i < options_.shards.size(); ++i) {
    const ShardSpec& spec = options_.shards[i];
    if (spec.remote() &&
        e.get_context() == "remote:tcp(" + spec.host + ":" + std::to_string(spec.port) + ")") {
      mark_down(i, e.get_description());
      return "shard " + spec.to_string() + " is unavailable: " + e.get_description();
    }
  }
  return "a shard is unavailable: " + e.get_description();
}

}  // namespace portal
