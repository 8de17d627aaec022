#include "indexer/index_writer.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "indexer/document_builder.h"
#include "indexer/facet_config.h"
#include "indexer/index_layout.h"

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
  std::string dir;
  Mode mode = Mode::kUpdate;
  std::string generation;  // being written; "" for a plain database
  std::optional<IndexDirLock> lock;
  Xapian::WritableDatabase db;
  std::vector<schema::ExtraField> extra_fields;  // documents are built with these
  bool in_transaction = false;
  bool open = false;
  unsigned long closed_size = 0;  // document count when the database was closed

  std::string db_path() const { return generation.empty() ? dir : dir + "/" + generation; }

  void begin() {
    if (!in_transaction) db.begin_transaction(true);
    in_transaction = true;
  }
};

IndexWriter::IndexWriter(const std::string& dir, Mode mode,
                         const std::optional<std::vector<schema::ExtraField>>& extra_fields)
    : impl_(std::make_unique<Impl>()) {
  auto& m = *impl_;
  m.dir = dir;
  m.mode = mode;
  m.lock.emplace(dir);
  const std::string config = extra_fields ? extra_fields_to_json(*extra_fields) : "";
  bool fresh = false;
  if (is_plain_database(dir)) {
    if (mode == Mode::kRebuild)
      throw LayoutError("'" + dir +
                        "' is a plain Xapian database: --rebuild needs an index directory with "
                        "generations (index into a new directory)");
  } else if (mode == Mode::kRebuild || (m.generation = live_generation(dir)).empty()) {
    m.generation = create_generation(dir);
    fresh = true;
  } else {
    remove_generations_except(dir, m.generation);
  }
  try {
    m.db = Xapian::WritableDatabase(m.db_path(), Xapian::DB_CREATE_OR_OPEN);
    m.open = true;
    std::string stored = m.db.get_metadata(std::string(schema::kExtraFieldsKey));
    if (extra_fields && !fresh && m.db.get_doccount() > 0 && stored != config) {
      throw LayoutError("'" + dir + "' was built with the extra facet fields " +
                        (stored.empty() ? "[]" : stored) + ", not " + config +
                        ": rebuild it (--rebuild)");
    }
    // Written only when they change, so a run that changes nothing leaves the
    // revision as it was.
    bool changed = false;
    auto set = [&](std::string_view key, const std::string& value) {
      if (m.db.get_metadata(std::string(key)) == value) return;
      m.db.set_metadata(std::string(key), value);
      changed = true;
    };
    if (extra_fields) set(schema::kExtraFieldsKey, config);
    if (extra_fields) {
      m.extra_fields = *extra_fields;
    } else if (!stored.empty()) {
      m.extra_fields = parse_extra_fields(stored, m.db_path() + " metadata");
    }
    set(schema::kGenerationKey, m.generation);
    if (changed || fresh) m.db.commit();
  } catch (const Xapian::Error& e) {
    throw xapian_failure("cannot open index '" + m.db_path() + "' for writing", e);
  }
  // A fresh index becomes visible (empty) at once, so readers and re-runs
  // after a crash find a valid index; a rebuild waits for finish().
  if (fresh && mode == Mode::kUpdate) switch_generation(dir, m.generation);
}

IndexWriter::IndexWriter(const std::string& dir) : IndexWriter(dir, Mode::kUpdate, std::nullopt) {}

IndexWriter::~IndexWriter() {
  try {
    abandon();
  } catch (...) {
    // Destructors must not throw; the next writer cleans up leftovers.
  }
}

IndexWriter::Outcome IndexWriter::upsert(const PreparedDocument& p) {
  auto& m = *impl_;
  const std::string id_term = std::string(schema::kIdPrefix) + p.id;
  auto posting = m.db.postlist_begin(id_term);
  if (posting != m.db.postlist_end(id_term)) {
    Xapian::docid did = *posting;
    Xapian::Document old = m.db.get_document(did);
    if (old.get_data() == p.doc.get_data()) return Outcome::kUnchanged;
    m.begin();
    for (const auto& [word, freq] : spelling_words(old)) m.db.remove_spelling(word, freq);
    m.db.replace_document(did, p.doc);
    for (const auto& [word, freq] : p.spelling) m.db.add_spelling(word, freq);
    return Outcome::kReplaced;
  }
  m.begin();
  m.db.replace_document(id_term, p.doc);
  for (const auto& [word, freq] : p.spelling) m.db.add_spelling(word, freq);
  return Outcome::kAdded;
}

IndexWriter::Outcome IndexWriter::upsert(const Article& article) {
  return upsert(prepare_document(article, impl_->extra_fields));
}

bool IndexWriter::remove(const std::string& id) {
  auto& m = *impl_;
  const std::string id_term = std::string(schema::kIdPrefix) + id;
  auto posting = m.db.postlist_begin(id_term);
  if (posting == m.db.postlist_end(id_term)) return false;
  Xapian::docid did = *posting;
  m.begin();
  for (const auto& [word, freq] : spelling_words(m.db.get_document(did)))
    m.db.remove_spelling(word, freq);
  m.db.delete_document(did);
  return true;
}

void IndexWriter::commit() {
  auto& m = *impl_;
  if (!m.in_transaction) return;
  m.db.commit_transaction();
  m.in_transaction = false;
}

void IndexWriter::abandon() {
  auto& m = *impl_;
  if (!m.open) return;
  if (m.in_transaction) m.db.cancel_transaction();
  m.in_transaction = false;
  if (m.mode == Mode::kRebuild) {
    m.db.close();
    m.open = false;
    std::error_code ec;
    std::filesystem::remove_all(m.db_path(), ec);
  }
}

void IndexWriter::finish(double grace_seconds) {
  auto& m = *impl_;
  commit();
  if (m.mode != Mode::kRebuild) return;
  m.closed_size = m.db.get_doccount();
  m.db.close();
  m.open = false;
  switch_generation(m.dir, m.generation);
  if (grace_seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(grace_seconds));
  remove_generations_except(m.dir, m.generation);
}

unsigned long IndexWriter::size() const {
  return impl_->open ? impl_->db.get_doccount() : impl_->closed_size;
}

const std::string& IndexWriter::generation() const { return impl_->generation; }

}  // namespace portal
