#include "searchd/facet_columns.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace portal {

std::string FacetColumns::revision_of(const Xapian::Database& db) {
  if (db.size() != 1) return "";
  try {
    return db.get_uuid() + "@" + std::to_string(db.get_revision());
  } catch (const Xapian::Error&) {
    return "";  // a remote database (a stub may name one) may not tell
  }
}

FacetColumns::FacetColumns(const Xapian::Database& db, const std::vector<SlotCounter::Spec>& specs,
                           const std::vector<SlotCounter::Spec>& listed,
                           const std::vector<std::vector<Xapian::valueno>>& held,
                           size_t held_budget)
    : revision_(revision_of(db)) {
  const Xapian::docid last = db.get_lastdocid();
  lengths_.assign(last + 1, 0);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    lengths_[*it] = it.get_doclength();
  for (const auto& spec : specs) {
    if (find(spec)) continue;
    FacetColumn column;
    column.spec = spec;
    column.first.reserve(last + 2);
    std::unordered_map<std::string, uint32_t> ordinal;
    std::vector<std::string_view> values;
    column.first.push_back(0);  // docid 0
    for (auto it = db.valuestream_begin(spec.slot); it != db.valuestream_end(spec.slot); ++it) {
      const Xapian::docid id = it.get_docid();
      while (column.first.size() <= id) column.first.push_back(column.ords.size());
      const std::string value = *it;
      SlotCounter::values_of(spec, value, values);
      for (auto v : values) {
        auto [at, added] = ordinal.try_emplace(std::string(v), column.values.size());
        if (added) column.values.push_back(at->first);
        column.ords.push_back(at->second);
      }
    }
    while (column.first.size() <= last + 1) column.first.push_back(column.ords.size());
    bool single = true;
    for (size_t d = 0; single && d + 1 < column.first.size(); ++d)
      single = column.first[d + 1] - column.first[d] <= 1;
    if (single) {
      column.single.resize(column.first.size() - 1);
      for (size_t d = 0; d < column.single.size(); ++d)
        if (column.first[d + 1] > column.first[d])
          column.single[d] = column.ords[column.first[d]] + 1;
      column.first = {};
      column.ords = {};
      if (std::find(listed.begin(), listed.end(), spec) != listed.end()) list_documents(column);
    }
    columns_.push_back(std::move(column));
  }
  for (const auto& group : held) {
    // A group that will not fit is not read.
    size_t estimate = 0;
    for (Xapian::valueno slot : group) estimate += HeldValues::estimate(db, slot);
    if (estimate > held_budget) break;
    const size_t before = held_.size();
    for (Xapian::valueno slot : group) {
      HeldValues values(db, slot, held_budget);
      if (!values.held()) break;
      held_budget -= std::min(held_budget, values.bytes());
      held_.push_back(std::move(values));
    }
    if (held_.size() - before < group.size()) {
      held_.erase(held_.begin() + static_cast<long>(before), held_.end());
      break;
    }
  }
}

const HeldValues* FacetColumns::held(Xapian::valueno slot) const {
  for (const auto& h : held_)
    if (h.slot() == slot) return &h;
  return nullptr;
}

void FacetColumns::list_documents(FacetColumn& column) {
  column.listed_first.assign(column.values.size() + 1, 0);
  for (uint32_t v : column.single)
    if (v != 0) ++column.listed_first[v];
  for (size_t v = 1; v < column.listed_first.size(); ++v)
    column.listed_first[v] += column.listed_first[v - 1];
  column.listed.resize(column.listed_first.back());
  std::vector<uint32_t> next(column.listed_first.begin(), column.listed_first.end() - 1);
  for (uint32_t did = 0; did < column.single.size(); ++did)
    if (const uint32_t v = column.single[did]; v != 0) column.listed[next[v - 1]++] = did;
}

const FacetColumn* FacetColumns::find(const SlotCounter::Spec& spec) const {
  for (const auto& c : columns_)
    if (c.spec == spec) return &c;
  return nullptr;
}

size_t FacetColumns::bytes() const {
  size_t n = lengths_.size() * sizeof(uint32_t);
  for (const auto& h : held_) n += h.bytes();
  for (const auto& c : columns_) {
    n += (c.first.size() + c.ords.size() + c.single.size() + c.listed_first.size() +
          c.listed.size()) *
         sizeof(uint32_t);
    for (const auto& v : c.values) n += sizeof(v) + v.capacity();
  }
  return n;
}

std::string ColumnKey::operator()(const Xapian::Document& doc) const {
  const std::string* value = single_value(column_, doc.get_docid());
  return value ? *value : std::string();
}

FacetColumnCache::~FacetColumnCache() { wait(); }

size_t FacetColumnCache::bytes() {
  std::lock_guard lock(mutex_);
  return current_ ? current_->bytes() : 0;
}

void FacetColumnCache::wait() {
  std::thread running;
  {
    std::lock_guard lock(mutex_);
    running = std::move(thread_);
  }
  if (running.joinable()) running.join();
}

std::shared_ptr<const FacetColumns> FacetColumnCache::get(const Xapian::Database& db) {
  const std::string revision = FacetColumns::revision_of(db);
  if (revision.empty()) return nullptr;
  std::lock_guard lock(mutex_);
  if (current_ && current_->revision() == revision) return current_;
  const auto now = std::chrono::steady_clock::now();
  if (running_ || now < next_) return nullptr;
  running_ = true;
  if (thread_.joinable()) thread_.join();  // ended: running_ was false
  thread_ = std::thread([this] {
    const auto started = std::chrono::steady_clock::now();
    std::shared_ptr<const FacetColumns> built;
    try {
      built = build_();
    } catch (const std::exception&) {
      // Counting reads the value streams meanwhile; the next search retries.
    } catch (const Xapian::Error&) {
    }
    const auto ended = std::chrono::steady_clock::now();
    std::lock_guard relock(mutex_);
    if (built) current_ = std::move(built);
    running_ = false;
    next_ = ended + 3 * (ended - started);
  });
  return nullptr;
}

}  // namespace portal
