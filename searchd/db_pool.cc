#include "searchd/db_pool.h"

#include "searchd/facet_columns.h"
#include "searchd/searcher.h"

namespace portal {

DbPool::Lease::~Lease() {
  if (pool_ && entry_.db) pool_->give_back(std::move(entry_));
}

void DbPool::Lease::refresh() {
  try {
    if (entry_.db->reopen())
      pool_->changed(entry_);
    else
      entry_ = pool_->open();
  } catch (const Xapian::Error&) {
    entry_ = pool_->open();
  }
}

std::string DbPool::Lease::revision() const {
  if (!pool_->remote_ && entry_.db->size() == 1) {
    std::string own = FacetColumns::revision_of(*entry_.db);
    if (!own.empty()) return own;  // else a stub named a remote database
  }
  return entry_.current ? "changes " + std::to_string(entry_.changes) : "";
}

std::string DbPool::Lease::recover(const Xapian::NetworkError& e) {
  std::string message = pool_->shards_.note_failure(e);
  pool_->drop_free();
  entry_ = pool_->open();
  return message;
}

DbPool::DbPool(std::string path) : DbPool(IndexSetOptions{.shards = {parse_shard_spec(path)}}) {}

DbPool::DbPool(IndexSetOptions shards) : shards_(std::move(shards)) {
  for (const auto& s : shards_.options().shards) remote_ = remote_ || s.remote();
  try {
    give_back(open());
  } catch (const IndexUnavailable&) {
    for (const auto& s : shards_.options().shards)
      if (!s.remote()) throw;
  }
}

std::string DbPool::signature() const { return shards_.signature(); }

DbPool::Entry DbPool::open() const {
  ShardSet::Opened opened = shards_.open();
  Entry e;
  e.db = std::make_unique<Xapian::Database>(std::move(opened.db));
  e.signature = std::move(opened.signature);
  e.missing = std::move(opened.missing);
  e.opened = std::chrono::steady_clock::now();
  changed(e);
  return e;
}

void DbPool::changed(Entry& entry) const {
  ++changes_;
  entry.current = false;
}

void DbPool::update(Entry& entry) const {
  const int refresh_ms = shards_.options().remote_refresh_ms;
  const bool stale =
      refresh_ms > 0 && remote_ &&
      std::chrono::steady_clock::now() - entry.opened > std::chrono::milliseconds(refresh_ms);
  if (stale || signature() != entry.signature) {
    entry = open();
    return;
  }
  try {
    const uint64_t before = changes_.load();
    if (entry.db->reopen()) {
      changed(entry);
    } else {
      entry.current = true;
      entry.changes = before;
    }
  } catch (const Xapian::NetworkError& e) {
    shards_.note_failure(e);
    drop_free();
    entry = open();
  } catch (const Xapian::Error&) {
    entry = open();
  }
}

DbPool::Lease DbPool::lease() const {
  Entry entry;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      entry = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (entry.db)
    update(entry);
  else
    entry = open();
  return Lease(*this, std::move(entry));
}

void DbPool::give_back(Entry entry) const {
  if (!entry.missing.empty()) return;  // re-opened next time, to find the missing shards
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(entry));
}

void DbPool::drop_free() const {
  std::vector<Entry> dropped;  // closed outside the lock
  std::lock_guard lock(mutex_);
  dropped.swap(free_);
}

}  // namespace portal
