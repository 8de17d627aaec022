#include "indexer/bulk_builder.h"

#include <xapian.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "indexer/schema.h"
#include "indexer/spelling_key.h"

namespace portal {
namespace {

namespace fs = std::filesystem;

// A database of consecutive documents: a run as written, or the merge of
// consecutive segments. `level` counts the merges behind it.
struct Segment {
  unsigned long id = 0;
  unsigned level = 0;
  bool done = false;     // written
  bool merging = false;  // taken by a merge
};

using Spelling = std::unordered_map<std::string, Xapian::termcount>;

// A run closes at run_documents documents or at as many times this many
// terms (counted once per document): a news article has about 150.
constexpr size_t kTermsPerDocument = 200;

// The spelling words of a run's documents, with their frequencies summed.
Spelling spelling_of(const std::vector<PreparedDocument>& docs) {
  Spelling words;
  for (const auto& d : docs)
    for (const auto& [word, freq] : d.spelling) words[word] += freq;
  return words;
}

// Writes a run without its spelling words (spelling_of()), which go to
// databases of their own: each run's spelling table would index the n-grams
// of the same common words again.
void write_run(const std::string& path, std::vector<PreparedDocument>& docs) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  for (auto& d : docs) db.add_document(d.doc);
  docs.clear();
  db.commit();
  db.close();
}

// Compacts `sources` (in order) into `path`. Docids are renumbered so that
// each source's documents follow the previous source's.
void merge(const std::vector<std::string>& sources, const std::string& path) {
  Xapian::Database all;
  for (const auto& s : sources) all.add_database(Xapian::Database(s));
  all.compact(path, Xapian::DBCOMPACT_MULTIPASS, schema::kBlockSize);
}

}  // namespace

struct BulkBuilder::Impl {
  // The spelling words of the runs go to databases of their own, merged
  // last, so that each distinct word gets its n-grams once. The words of the
  // first `fan_in` - 1 runs are added to the first part and committed as
  // each run gives them, while later runs are still analysed and written: a
  // rebuild of that few runs (the sample corpus) then has only the last
  // run's words left to add at its end, and the final merge copies that
  // part's spelling table rather than merging the n-grams of several. The
  // words of later runs are held until `fan_in` runs have given theirs, then
  // shared out by a hash among the parts (one per writing thread), which add
  // them at the same time (Xapian's spelling tables cost more to build than
  // the runs themselves on a large vocabulary) and commit them.
  struct SpellingPart {
    std::mutex mu;  // guards the rest
    std::unique_ptr<Xapian::WritableDatabase> db;
    bool written = false;  // it exists on disk, and is merged last

    // Opens the database at `path` if it is not open. Holds `mu`.
    Xapian::WritableDatabase& open(const std::string& path) {
      if (!db) {
        db = std::make_unique<Xapian::WritableDatabase>(path,
                                                        Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        written = true;
      }
      return *db;
    }
  };
  // The words of some runs, added to the parts together.
  struct SpellingBatch {
    std::vector<std::shared_ptr<const Spelling>> runs;
    size_t left = 0;  // parts that have not added their share yet
  };
  struct Output {
    std::vector<PreparedDocument> run;  // being filled
    size_t run_terms = 0;               // the distinct terms of its documents, summed
    std::vector<Segment> segments;      // in document order
    std::vector<std::unique_ptr<SpellingPart>> spelling;  // one per writing thread
    std::vector<std::shared_ptr<const Spelling>> early;   // first runs' words for part 0
    unsigned early_runs = 0;                              // runs whose words went to `early`
    bool adding = false;                                  // a task adds `early` to part 0
    std::vector<std::shared_ptr<const Spelling>> held;    // later runs' words not yet in a part
    unsigned collecting = 0;  // runs queued whose words are not known yet
  };

  std::string staging;
  BulkOptions options;
  std::vector<Output> outputs;
  unsigned long added = 0;
  unsigned long next_segment = 0;

  std::mutex mu;
  std::condition_variable task_cv, idle_cv;
  std::deque<std::function<void()>> tasks;
  unsigned running = 0;         // tasks being run
  unsigned pending_writes = 0;  // runs queued or being written, or their spelling added
  std::exception_ptr error;
  bool stop = false;
  std::vector<std::thread> threads;

  std::string segment_path(unsigned output, unsigned long id) const {
    return staging + "/" + std::to_string(output) + "-" + std::to_string(id);
  }

  void work() {
    std::unique_lock lock(mu);
    for (;;) {
      task_cv.wait(lock, [&] { return stop || !tasks.empty(); });
      if (stop) return;
      auto task = std::move(tasks.front());
      tasks.pop_front();
      ++running;
      lock.unlock();
      std::exception_ptr failed;
      try {
        task();
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      --running;
      if (failed && !error) error = failed;
      if (error) tasks.clear();
      idle_cv.notify_all();
    }
  }

  // Queues `task`; it runs with `mu` released and calls `then` under `mu`.
  void submit(std::function<void()> task, std::function<void()> then) {
    tasks.push_back([this, task = std::move(task), then = std::move(then)] {
      task();
      std::lock_guard lock(mu);
      then();
    });
    task_cv.notify_one();
  }

  std::string spelling_path(unsigned output, size_t part) const {
    return staging + "/" + std::to_string(output) + "-spelling-" + std::to_string(part);
  }

  // Adds the share of `batch` that falls to part `p` of output `o`, and
  // commits it.
  void add_share(unsigned o, size_t p, const SpellingBatch& batch) {
    auto& part = *outputs[o].spelling[p];
    const size_t parts = outputs[o].spelling.size();
    SpellingChanges share;
    for (const auto& run : batch.runs)
      for (const auto& [word, freq] : *run)
        if (std::hash<std::string>()(word) % parts == p)
          share.emplace_back(spelling_key(word), freq);
    std::lock_guard lock(part.mu);
    auto& db = part.open(spelling_path(o, p));
    apply_spelling_changes(db, share);
    db.commit();
  }

  // The words of a run of output `o`, known: to part 0 at once if it is
  // among the first fan_in - 1 runs, else held. Holds `mu`.
  void give_words(unsigned o, std::shared_ptr<const Spelling> words) {
    auto& out = outputs[o];
    --out.collecting;
    if (out.early_runs + 1 < std::max(1u, options.fan_in)) {
      ++out.early_runs;
      out.early.push_back(std::move(words));
      add_early(o);
      return;
    }
    out.held.push_back(std::move(words));
    if (out.held.size() >= std::max(1u, options.fan_in)) share_out(o);
  }

  // Queues a task that adds the words in `early` of output `o` to its part
  // 0, a run's at a time, if none is queued or running. Holds `mu`.
  void add_early(unsigned o) {
    auto& out = outputs[o];
    if (out.adding || out.early.empty()) return;
    out.adding = true;
    submit(
        [this, o] {
          auto& part = *outputs[o].spelling[0];
          for (;;) {
            std::shared_ptr<const Spelling> words;
            {
              std::lock_guard lock(mu);
              auto& queue = outputs[o].early;
              if (queue.empty()) return;
              words = std::move(queue.front());
              queue.erase(queue.begin());
            }
            SpellingChanges changes;
            changes.reserve(words->size());
            for (const auto& [word, freq] : *words) changes.emplace_back(spelling_key(word), freq);
            std::lock_guard lock(part.mu);
            auto& db = part.open(spelling_path(o, 0));
            apply_spelling_changes(db, changes);
            // Committed run by run: the words of a run held by Xapian take
            // several times the memory of our own map of them.
            db.commit();
          }
        },
        [this, o] {
          outputs[o].adding = false;
          add_early(o);  // words given after the task found none
        });
  }

  // Queues the adding of the held words of output `o` to its parts, a task
  // per part; the batch counts as a pending write until the last is done.
  // Holds `mu`.
  void share_out(unsigned o) {
    auto& out = outputs[o];
    if (out.held.empty()) return;
    auto batch = std::make_shared<SpellingBatch>();
    batch->runs = std::move(out.held);
    out.held.clear();
    batch->left = out.spelling.size();
    ++pending_writes;
    for (size_t p = 0; p < out.spelling.size(); ++p)
      submit([this, o, p, batch] { add_share(o, p, *batch); },
             [this, batch] {
               if (--batch->left == 0) --pending_writes;
             });
  }

  Segment* find(Output& out, unsigned long id) {
    for (auto& s : out.segments)
      if (s.id == id) return &s;
    return nullptr;
  }

  // Queues the writing of output `o`'s current run. Holds `mu`.
  void write_current(unsigned o) {
    auto& out = outputs[o];
    if (out.run.empty()) return;
    const unsigned long id = next_segment++;
    out.segments.push_back({id, 0, false, false});
    auto docs = std::make_shared<std::vector<PreparedDocument>>(std::move(out.run));
    out.run.clear();
    out.run_terms = 0;
    ++pending_writes;
    ++out.collecting;
    submit(
        [this, o, id, docs] {
          auto words = std::make_shared<const Spelling>(spelling_of(*docs));
          {
            std::lock_guard lock(mu);
            give_words(o, std::move(words));
          }
          idle_cv.notify_all();
          write_run(segment_path(o, id), *docs);
        },
        [this, o, id] {
          find(outputs[o], id)->done = true;
          --pending_writes;
          merge_some(o);
        });
  }

  // Queues the merge of the first `fan_in` consecutive finished segments of
  // the same level, if there are such. Holds `mu`.
  void merge_some(unsigned o) {
    auto& segs = outputs[o].segments;
    const size_t fan_in = std::max(2u, options.fan_in);
    for (size_t i = 0; i + fan_in <= segs.size(); ++i) {
      size_t j = i;
      while (j < i + fan_in && segs[j].done && !segs[j].merging && segs[j].level == segs[i].level)
        ++j;
      if (j < i + fan_in) continue;
      std::vector<unsigned long> ids;
      std::vector<std::string> sources;
      for (size_t k = i; k < j; ++k) {
        segs[k].merging = true;
        ids.push_back(segs[k].id);
        sources.push_back(segment_path(o, segs[k].id));
      }
      const unsigned long id = next_segment++;
      const unsigned level = segs[i].level + 1;
      submit(
          [this, o, id, sources] {
            merge(sources, segment_path(o, id));
            for (const auto& s : sources) fs::remove_all(s);
          },
          [this, o, id, level, ids] {
            auto& v = outputs[o].segments;
            size_t at = 0;
            while (v[at].id != ids.front()) ++at;
            v.erase(v.begin() + static_cast<long>(at),
                    v.begin() + static_cast<long>(at + ids.size()));
            v.insert(v.begin() + static_cast<long>(at), Segment{id, level, true, false});
            merge_some(o);
          });
      return;
    }
  }

  void check_error() {
    if (error) std::rethrow_exception(error);
  }

  void wait_idle(std::unique_lock<std::mutex>& lock) {
    idle_cv.wait(lock, [&] { return error || (tasks.empty() && running == 0); });
    check_error();
  }
};

BulkBuilder::BulkBuilder(const std::string& staging, unsigned outputs, const BulkOptions& options)
    : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.staging = staging;
  m.options = options;
  m.options.run_documents = std::max<size_t>(1, options.run_documents);
  m.options.threads = std::max(1u, options.threads);
  m.outputs.resize(std::max(1u, outputs));
  for (auto& out : m.outputs)
    for (unsigned i = 0; i < m.options.threads; ++i)
      out.spelling.push_back(std::make_unique<Impl::SpellingPart>());
  fs::remove_all(staging);
  fs::create_directories(staging);
  for (unsigned i = 0; i < m.options.threads; ++i) m.threads.emplace_back([&m] { m.work(); });
}

BulkBuilder::~BulkBuilder() {
  auto& m = *impl_;
  {
    std::lock_guard lock(m.mu);
    m.stop = true;
    m.tasks.clear();
  }
  m.task_cv.notify_all();
  for (auto& t : m.threads) t.join();
  for (auto& out : m.outputs) {
    for (auto& part : out.spelling) {
      try {
        part->db.reset();  // its uncommitted changes are dropped
      } catch (...) {
      }
    }
  }
  std::error_code ec;
  fs::remove_all(m.staging, ec);
}

void BulkBuilder::add(unsigned output, PreparedDocument doc) {
  auto& m = *impl_;
  std::unique_lock lock(m.mu);
  m.check_error();
  auto& out = m.outputs.at(output);
  out.run_terms += doc.doc.termlist_count();
  // Reserved: growing would copy the documents (their moves may throw).
  if (out.run.empty()) out.run.reserve(std::min<size_t>(m.options.run_documents, 10000));
  out.run.push_back(std::move(doc));
  ++m.added;
  // Long documents close a run earlier: its buffers grow with its terms.
  if (out.run.size() < m.options.run_documents &&
      out.run_terms < m.options.run_documents * kTermsPerDocument)
    return;
  // At most one run waits beside those being written: the documents held in
  // memory stay bounded.
  m.idle_cv.wait(lock, [&] { return m.error || m.pending_writes <= m.options.threads; });
  m.check_error();
  m.write_current(output);
}

void BulkBuilder::finish(const std::vector<std::string>& paths) {
  auto& m = *impl_;
  std::unique_lock lock(m.mu);
  m.check_error();
  for (unsigned o = 0; o < m.outputs.size(); ++o) m.write_current(o);
  // Once every run's words are known (the last runs may still be written),
  // those held go to the parts.
  m.idle_cv.wait(lock, [&] {
    return m.error || std::all_of(m.outputs.begin(), m.outputs.end(),
                                  [](const Impl::Output& out) { return out.collecting == 0; });
  });
  m.check_error();
  for (unsigned o = 0; o < m.outputs.size(); ++o) m.share_out(o);
  m.wait_idle(lock);
  for (auto& out : m.outputs)
    for (auto& p : out.spelling) {
      if (!p->db) continue;
      p->db->close();
      p->db.reset();
    }
  for (unsigned o = 0; o < m.outputs.size(); ++o) {
    std::vector<std::string> sources;
    for (const auto& s : m.outputs[o].segments) sources.push_back(m.segment_path(o, s.id));
    for (size_t p = 0; p < m.outputs[o].spelling.size(); ++p)
      if (m.outputs[o].spelling[p]->written) sources.push_back(m.spelling_path(o, p));
    const std::string path = paths.at(o);
    m.submit(
        [sources, path] {
          if (sources.empty()) {
            Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN, schema::kBlockSize).commit();
          } else {
            merge(sources, path);
          }
          for (const auto& s : sources) fs::remove_all(s);
        },
        [] {});
    m.outputs[o].segments.clear();
  }
  m.wait_idle(lock);
}

unsigned long BulkBuilder::size() const {
  std::lock_guard lock(impl_->mu);
  return impl_->added;
}

}  // namespace portal
