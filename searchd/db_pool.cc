#include "searchd/db_pool.h"

#include <sys/stat.h>

#include "searchd/searcher.h"

namespace portal {

DbPool::Lease::~Lease() {
  if (pool_ && entry_.db) pool_->give_back(std::move(entry_));
}

void DbPool::Lease::refresh() {
  try {
    if (!entry_.db->reopen()) entry_ = pool_->open();
  } catch (const Xapian::Error&) {
    entry_ = pool_->open();
  }
}

DbPool::DbPool(std::string path) : path_(std::move(path)) { give_back(open()); }

std::string DbPool::signature() const {
  // A stub file is either the path itself or DIR/XAPIANDB; its modification
  // time and inode change when a new generation is switched in.
  for (const std::string& candidate : {path_ + "/XAPIANDB", path_}) {
    struct stat st {};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
             std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
  }
  return {};
}

DbPool::Entry DbPool::open() const {
  Entry e;
  e.signature = signature();
  try {
    e.db = std::make_unique<Xapian::Database>(path_);
  } catch (const Xapian::Error& err) {
    throw IndexUnavailable("cannot open index '" + path_ + "': " + err.get_description());
  }
  return e;
}

void DbPool::update(Entry& entry) const {
  if (signature() != entry.signature) {
    entry = open();
    return;
  }
  try {
    entry.db->reopen();
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
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(entry));
}

}  // namespace portal
