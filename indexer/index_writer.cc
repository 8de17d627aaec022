#include "indexer/index_writer.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "indexer/bulk_builder.h"
#include "indexer/document_builder.h"
#include "indexer/facet_config.h"
#include "indexer/index_layout.h"
#include "indexer/schema.h"
#include "indexer/sharding.h"
#include "indexer/spelling_key.h"
#include "indexer/stored_data.h"

namespace portal {
namespace {

// Unprefixed terms (Xapian prefixes start with a capital letter) long enough
// and free of digits.
bool is_spelling_word(const std::string& term) {
  if (term.size() < schema::kMinSpellingBytes) return false;
  if (term[0] >= 'A' && term[0] <= 'Z') return false;
  for (char c : term)
    if (c >= '0' && c <= '9') return false;
  return true;
}

std::runtime_error xapian_failure(const std::string& what, const Xapian::Error& e) {
  return std::runtime_error(what + ": " + e.get_description());
}

}  // namespace

SpellingWords spelling_words(const Xapian::Document& doc) {
  SpellingWords out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    std::string term = *it;
    if (is_spelling_word(term)) out.emplace_back(std::move(term), it.get_wdf());
  }
  return out;
}

PreparedDocument prepare_document(const Article& article,
                                  const std::vector<schema::ExtraField>& extra_fields) {
  PreparedDocument p{article.id, build_document(article, extra_fields), {}};
  p.spelling = spelling_words(p.doc);
  return p;
}

struct IndexWriter::Impl {
  // One shard of the generation being written.
  struct Shard {
    Xapian::WritableDatabase db;
    bool in_transaction = false;
    // Spelling frequency changes of the open batch, summed per word and
    // written at commit: one call per word and batch instead of one per word
    // and document (the same table in the end, and most of the writer's
    // time saved).
    std::unordered_map<std::string, long> spelling;
    // Its spelling table holds spelling_key()s (schema::kSpellingKeysKey),
    // else UTF-8 words.
    bool spelling_keys = true;
    void begin() {
      if (!in_transaction) db.begin_transaction(true);
      in_transaction = true;
    }
    void add_spelling(const SpellingWords& words, long sign) {
      for (const auto& [word, freq] : words) spelling[word] += sign * static_cast<long>(freq);
    }
    void write_spelling() {
      SpellingChanges changes;
      changes.reserve(spelling.size());
      for (const auto& [word, delta] : spelling)
        if (delta != 0) changes.emplace_back(spelling_keys ? spelling_key(word) : word, delta);
      apply_spelling_changes(db, changes);
      spelling.clear();
    }
  };

  std::string dir;
  Mode mode = Mode::kUpdate;
  std::string generation;  // being written; "" for a plain database
  std::optional<IndexDirLock> lock;
  std::vector<Shard> shards;
  std::vector<schema::ExtraField> extra_fields;  // documents are built with these
  bool open = false;
  unsigned shard_count = 1;
  unsigned long closed_size = 0;  // document count when the databases were closed

  std::string generation_path() const { return generation.empty() ? dir : dir + "/" + generation; }
  std::string shard_path(unsigned i) const {
    return shard_count <= 1 ? generation_path() : generation_path() + "/" + shard_dir_name(i);
  }
  Shard& shard_of(const std::string& id) { return shards[shard_for(id, shard_count)]; }
  // Runs of a bulk rebuild; the final state of the ids it added more than
  // once or deleted (nullopt), applied after the merge.
  std::string staging_path() const { return dir + "/staging"; }
  std::unique_ptr<BulkBuilder> bulk;
  std::unordered_set<std::string> bulk_ids;
  std::map<std::string, std::optional<PreparedDocument>> bulk_later;

  // Opens (creating them) the shards of the generation and records the
  // configuration in them; `fresh`: a new generation.
  void open_shards(const std::optional<std::vector<schema::ExtraField>>& given_fields, bool fresh);
  // Merges the runs of a bulk rebuild into the shards and applies bulk_later.
  void finish_bulk(IndexWriter& writer);
};

IndexWriter::IndexWriter(const std::string& dir, Mode mode,
                         const std::optional<std::vector<schema::ExtraField>>& extra_fields,
                         unsigned shards, const BulkOptions& bulk)
    : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.dir = dir;
  m.mode = mode;
  m.lock.emplace(dir);
  bool fresh = false;
  if (is_plain_database(dir)) {
    if (mode == Mode::kRebuild)
      throw LayoutError("'" + dir +
                        "' is a plain Xapian database: --rebuild needs an index directory with "
                        "generations (index into a new directory)");
    if (shards > 1)
      throw LayoutError("'" + dir + "' is a plain Xapian database: it cannot be sharded");
    m.shard_count = 1;
  } else {
    std::error_code ec;
    std::filesystem::remove_all(m.staging_path(), ec);  // left by an interrupted rebuild
    const unsigned live = live_shard_count(dir);
    if (mode == Mode::kUpdate && live != 0 && shards != 0 && shards != live)
      throw LayoutError("'" + dir + "' holds " + std::to_string(live) + " shard(s), not " +
                        std::to_string(shards) +
                        ": changing the number of shards needs a rebuild (--rebuild)");
    m.shard_count = shards != 0 ? shards : std::max(live, 1u);
    if (mode == Mode::kRebuild || live == 0) {
      m.generation = create_generation(dir);
      fresh = true;
    } else {
      m.generation = live_generation(dir);
      remove_generations_except(dir, m.generation);
    }
  }
  if (mode == Mode::kRebuild && bulk.run_documents > 0) {
    // Nothing is opened before finish(): the runs are merged into the shards.
    m.extra_fields = extra_fields.value_or(std::vector<schema::ExtraField>{});
    m.bulk = std::make_unique<BulkBuilder>(m.staging_path(), m.shard_count, bulk);
    return;
  }
  m.open_shards(extra_fields, fresh);
  // A fresh index becomes visible (empty) at once, so readers and re-runs
  // after a crash find a valid index; a rebuild waits for finish().
  if (fresh && mode == Mode::kUpdate) switch_generation(dir, m.generation, m.shard_count);
}

void IndexWriter::Impl::open_shards(
    const std::optional<std::vector<schema::ExtraField>>& given_fields, bool fresh) {
  const std::string config = given_fields ? extra_fields_to_json(*given_fields) : "";
  unsigned i = 0;
  try {
    for (i = 0; i < shard_count; ++i) {
      shards.push_back(
          {Xapian::WritableDatabase(shard_path(i), Xapian::DB_CREATE_OR_OPEN, schema::kBlockSize),
           false,
           {},
           true});
      open = true;
      auto& db = shards.back().db;
      std::string stored = db.get_metadata(std::string(schema::kExtraFieldsKey));
      if (given_fields && !fresh && db.get_doccount() > 0 && stored != config) {
        throw LayoutError("'" + dir + "' was built with the extra facet fields " +
                          (stored.empty() ? "[]" : stored) + ", not " + config +
                          ": rebuild it (--rebuild)");
      }
      // Written only when they change, so a run that changes nothing leaves
      // the revision as it was.
      bool changed = false;
      auto set = [&](std::string_view key, const std::string& value) {
        if (db.get_metadata(std::string(key)) == value) return;
        db.set_metadata(std::string(key), value);
        changed = true;
      };
      if (given_fields) set(schema::kExtraFieldsKey, config);
      if (i == 0) {
        if (given_fields) {
          extra_fields = *given_fields;
        } else if (!stored.empty()) {
          extra_fields = parse_extra_fields(stored, shard_path(i) + " metadata");
        }
      } else if (!given_fields) {
        set(schema::kExtraFieldsKey, extra_fields_to_json(extra_fields));
      }
      set(schema::kGenerationKey, generation);
      // A new index, or one without spelling words yet, holds spelling keys;
      // an older one keeps its UTF-8 words until it is rebuilt.
      const std::string keys(schema::kSpellingKeysKey);
      if (fresh || db.spellings_begin() == db.spellings_end()) set(keys, "1");
      shards.back().spelling_keys = db.get_metadata(keys) == "1";
      if (changed || fresh) db.commit();
    }
  } catch (const Xapian::Error& e) {
    throw xapian_failure("cannot open index '" + shard_path(i) + "' for writing", e);
  }
}

IndexWriter::IndexWriter(const std::string& dir) : IndexWriter(dir, Mode::kUpdate, std::nullopt) {}

IndexWriter::~IndexWriter() {
  try {
    abandon();
  } catch (...) {
    // Destructors must not throw; the next writer cleans up leftovers.
  }
}

IndexWriter::Outcome IndexWriter::upsert(PreparedDocument&& p) {
  auto& m = *impl_;
  if (!m.bulk) return upsert(static_cast<const PreparedDocument&>(p));
  if (m.bulk_ids.insert(p.id).second) {
    const unsigned shard = shard_for(p.id, m.shard_count);  // before p is moved from
    m.bulk->add(shard, std::move(p));
    return Outcome::kAdded;
  }
  auto [it, first] = m.bulk_later.try_emplace(p.id);
  const bool was_deleted = !first && !it->second;
  it->second = std::move(p);
  return was_deleted ? Outcome::kAdded : Outcome::kReplaced;
}

IndexWriter::Outcome IndexWriter::upsert(const PreparedDocument& p) {
  if (impl_->bulk) {
    // A copy of its own: Xapian::Document copies share one object, whose
    // reference count is not atomic.
    return upsert(
        PreparedDocument{p.id, Xapian::Document::unserialise(p.doc.serialise()), p.spelling});
  }
  auto& shard = impl_->shard_of(p.id);
  auto& db = shard.db;
  const std::string id_term = std::string(schema::kIdPrefix) + p.id;
  auto posting = db.postlist_begin(id_term);
  if (posting != db.postlist_end(id_term)) {
    Xapian::docid did = *posting;
    Xapian::Document old = db.get_document(did);
    if (stored_bytes(old) == stored_bytes(p.doc)) return Outcome::kUnchanged;
    shard.begin();
    shard.add_spelling(spelling_words(old), -1);
    db.replace_document(did, p.doc);
    shard.add_spelling(p.spelling, +1);
    return Outcome::kReplaced;
  }
  shard.begin();
  // No document has the id (the lookup above sees the uncommitted batch too):
  // adding spares replace_document()'s second lookup of it.
  db.add_document(p.doc);
  shard.add_spelling(p.spelling, +1);
  return Outcome::kAdded;
}

IndexWriter::Outcome IndexWriter::upsert(const Article& article) {
  return upsert(prepare_document(article, impl_->extra_fields));
}

bool IndexWriter::remove(const std::string& id) {
  auto& m = *impl_;
  if (m.bulk) {
    if (m.bulk_ids.count(id) == 0) return false;
    auto [it, first] = m.bulk_later.try_emplace(id);
    if (!first && !it->second) return false;
    it->second.reset();
    return true;
  }
  auto& shard = impl_->shard_of(id);
  auto& db = shard.db;
  const std::string id_term = std::string(schema::kIdPrefix) + id;
  auto posting = db.postlist_begin(id_term);
  if (posting == db.postlist_end(id_term)) return false;
  Xapian::docid did = *posting;
  shard.begin();
  shard.add_spelling(spelling_words(db.get_document(did)), -1);
  db.delete_document(did);
  return true;
}

void IndexWriter::commit() {
  for (auto& shard : impl_->shards) {
    if (!shard.in_transaction) continue;
    shard.write_spelling();
    shard.db.commit_transaction();
    shard.in_transaction = false;
  }
}

void IndexWriter::abandon() {
  auto& m = *impl_;
  if (m.bulk) {
    m.bulk.reset();
    m.bulk_ids.clear();
    m.bulk_later.clear();
    std::error_code ec;
    std::filesystem::remove_all(m.generation_path(), ec);
    return;
  }
  if (!m.open) return;
  for (auto& shard : m.shards) {
    if (shard.in_transaction) shard.db.cancel_transaction();
    shard.in_transaction = false;
    shard.spelling.clear();
  }
  if (m.mode == Mode::kRebuild) {
    for (auto& shard : m.shards) shard.db.close();
    m.open = false;
    std::error_code ec;
    std::filesystem::remove_all(m.generation_path(), ec);
  }
}

void IndexWriter::Impl::finish_bulk(IndexWriter& writer) {
  std::vector<std::string> paths;
  for (unsigned i = 0; i < shard_count; ++i) paths.push_back(shard_path(i));
  try {
    bulk->finish(paths);
  } catch (const Xapian::Error& e) {
    throw xapian_failure("cannot build index '" + generation_path() + "'", e);
  }
  bulk.reset();
  bulk_ids.clear();
  open_shards(extra_fields, true);
  auto later = std::move(bulk_later);
  bulk_later.clear();
  for (const auto& [id, doc] : later) {
    if (doc) {
      writer.upsert(*doc);
    } else {
      writer.remove(id);
    }
  }
}

void IndexWriter::finish(double grace_seconds) {
  auto& m = *impl_;
  if (m.bulk) m.finish_bulk(*this);
  commit();
  if (m.mode != Mode::kRebuild) return;
  m.closed_size = size();
  for (auto& shard : m.shards) shard.db.close();
  m.open = false;
  switch_generation(m.dir, m.generation, m.shard_count);
  // Readers may still use the older generations: they go after the grace
  // period (and there is nothing to wait for without them).
  if (grace_seconds > 0 && list_generations(m.dir).size() > 1)
    std::this_thread::sleep_for(std::chrono::duration<double>(grace_seconds));
  remove_generations_except(m.dir, m.generation);
}

unsigned long IndexWriter::size() const {
  if (impl_->bulk) {
    unsigned long n = impl_->bulk->size();
    for (const auto& [id, doc] : impl_->bulk_later) n -= doc ? 0 : 1;
    return n;
  }
  if (!impl_->open) return impl_->closed_size;
  unsigned long n = 0;
  for (const auto& shard : impl_->shards) n += shard.db.get_doccount();
  return n;
}

unsigned IndexWriter::shard_count() const { return impl_->shard_count; }

const std::string& IndexWriter::generation() const { return impl_->generation; }

}  // namespace portal
