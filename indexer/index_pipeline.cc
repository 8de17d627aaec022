#include "indexer/index_pipeline.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "analyzers/analyzer.h"
#include "indexer/html_article.h"

namespace portal {
namespace {

// A prepared item, waiting for its turn to be written.
struct Result {
  enum class Kind { kUpsert, kDelete, kError } kind = Kind::kError;
  std::string location;
  PreparedDocument prepared;  // kUpsert; kDelete uses prepared.id only
  std::string error;          // kError
};

Result prepare(InputItem&& item, const PipelineOptions& options) {
  Result r;
  r.location = item_location(item);
  if (item.kind == InputItem::Kind::kError) {
    r.error = item.payload;
    return r;
  }
  if (item.oversize) {
    r.error = "document over the size limit of " + std::to_string(options.max_document_bytes) +
              " bytes (--max-document-bytes)";
    return r;
  }
  try {
    Article a = item.kind == InputItem::Kind::kHtmlPage
                    ? html_article(item.payload, item.page_path, options.extra_fields)
                    : parse_article(item.payload, options.extra_fields);
    if (a.deleted) {
      r.kind = Result::Kind::kDelete;
      r.prepared.id = a.id;
      return r;
    }
    r.prepared = prepare_document(a, options.extra_fields);
    r.kind = Result::Kind::kUpsert;
  } catch (const std::exception& e) {
    r.kind = Result::Kind::kError;
    r.error = e.what();
  }
  return r;
}

// State shared by the reader, the workers and the writer.
class Pipeline {
 public:
  Pipeline(const PipelineOptions& options) : options_(options) {}

  // Reader side: queues an item; blocks while too much is in flight. Returns
  // false when the pipeline is stopping.
  bool push(InputItem&& item) {
    std::unique_lock lock(mu_);
    size_t bytes = item.payload.size();
    space_cv_.wait(lock, [&] {
      return stop_ || (next_seq_ - written_ < kWindow &&
                       (in_flight_bytes_ < kMaxBytes || next_seq_ == written_));
    });
    if (stop_) return false;
    in_flight_bytes_ += bytes;
    tasks_.push_back({next_seq_++, bytes, std::move(item)});
    task_cv_.notify_one();
    return true;
  }

  void input_done() {
    std::lock_guard lock(mu_);
    input_done_ = true;
    task_cv_.notify_all();
    result_cv_.notify_all();
  }

  void stop() {
    std::lock_guard lock(mu_);
    stop_ = true;
    task_cv_.notify_all();
    space_cv_.notify_all();
    result_cv_.notify_all();
  }

  void work() {
    for (;;) {
      Task task;
      {
        std::unique_lock lock(mu_);
        task_cv_.wait(lock, [&] { return stop_ || input_done_ || !tasks_.empty(); });
        if (stop_ || tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      Result r = prepare(std::move(task.item), options_);
      std::lock_guard lock(mu_);
      results_.emplace(task.seq, std::make_pair(task.bytes, std::move(r)));
      if (task.seq == written_) result_cv_.notify_one();
    }
  }

  // Writer side: the next result in input order; false at the end.
  bool next(Result& out) {
    std::unique_lock lock(mu_);
    result_cv_.wait(lock, [&] {
      return stop_ || results_.count(written_) > 0 || (input_done_ && written_ == next_seq_);
    });
    auto it = results_.find(written_);
    if (stop_ || it == results_.end()) return false;
    in_flight_bytes_ -= it->second.first;
    out = std::move(it->second.second);
    results_.erase(it);
    ++written_;
    space_cv_.notify_one();
    return true;
  }

 private:
  static constexpr uint64_t kWindow = 512;
  static constexpr size_t kMaxBytes = 64u << 20;
  struct Task {
    uint64_t seq = 0;
    size_t bytes = 0;
    InputItem item;
  };

  const PipelineOptions& options_;
  std::mutex mu_;
  std::condition_variable task_cv_, result_cv_, space_cv_;
  std::deque<Task> tasks_;
  std::map<uint64_t, std::pair<size_t, Result>> results_;
  uint64_t next_seq_ = 0, written_ = 0;
  size_t in_flight_bytes_ = 0;
  bool input_done_ = false, stop_ = false;
};

// Joins the threads however the writer loop ends.
class Threads {
 public:
  explicit Threads(Pipeline& p) : pipeline_(p) {}
  ~Threads() {
    pipeline_.stop();
    for (auto& t : threads_) t.join();
  }
  void add(std::thread t) { threads_.push_back(std::move(t)); }

 private:
  Pipeline& pipeline_;
  std::vector<std::thread> threads_;
};

}  // namespace

IndexCounts run_pipeline(InputReader& reader, IndexWriter& writer, const PipelineOptions& options,
                         ProgressReporter& progress) {
  Pipeline pipeline(options);
  IndexCounts counts;
  Threads threads(pipeline);
  threads.add(std::thread([&] {
    reader.run([&](InputItem&& item) { return pipeline.push(std::move(item)); });
    pipeline.input_done();
  }));
  for (unsigned i = 0; i < std::max(1u, options.workers); ++i)
    threads.add(std::thread([&] { pipeline.work(); }));
  if (options.preload_analyzers) {
    threads.add(std::thread([] {
      try {
        analysis::preload_analyzers();
      } catch (const std::exception&) {
        // Reported by the first document that needs what is missing.
      }
    }));
  }

  std::unordered_map<std::string, std::string> seen;  // id -> where it was first seen
  size_t in_batch = 0;
  Result r;
  auto fail = [&](const std::string& location, const std::string& reason) {
    progress.message(location + ": " + reason);
    ++counts.skipped;
    if (options.strict) counts.stopped = true;
  };
  while (!counts.stopped && pipeline.next(r)) {
    if (r.kind == Result::Kind::kError) {
      fail(r.location, r.error);
    } else {
      auto [it, fresh] = seen.try_emplace(r.prepared.id, r.location);
      if (!fresh) {
        progress.message(r.location + ": warning: id '" + r.prepared.id + "' also at " +
                         it->second + "; the last one wins");
        it->second = r.location;
        ++counts.duplicates;
      }
      if (r.kind == Result::Kind::kDelete) {
        if (writer.remove(r.prepared.id)) {
          ++counts.deleted;
        } else {
          ++counts.not_found;
          progress.message(r.location + ": warning: cannot delete '" + r.prepared.id +
                           "': no such id in the index");
        }
      } else {
        try {
          switch (writer.upsert(std::move(r.prepared))) {
            case IndexWriter::Outcome::kAdded:
              ++counts.indexed;
              break;
            case IndexWriter::Outcome::kReplaced:
              ++counts.updated;
              break;
            case IndexWriter::Outcome::kUnchanged:
              ++counts.unchanged;
              break;
          }
        } catch (const Xapian::InvalidArgumentError& e) {
          fail(r.location, "rejected by the index: " + e.get_msg());
        }
      }
    }
    if (counts.stopped) break;
    if (++in_batch >= options.batch_size) {
      writer.commit();
      in_batch = 0;
    }
    progress.update(counts, reader.bytes_done());
  }
  if (counts.stopped)
    writer.abandon();
  else
    writer.commit();
  return counts;
}

}  // namespace portal
