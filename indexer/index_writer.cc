#include "indexer/index_writer.h"

#include <xapian.h>

#include "indexer/document_builder.h"
#include "indexer/schema.h"

namespace portal {

struct IndexWriter::Impl {
  Xapian::WritableDatabase db;
};

IndexWriter::IndexWriter(const std::string& db_path) : impl_(std::make_unique<Impl>()) {
  try {
    impl_->db = Xapian::WritableDatabase(db_path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open index '" + db_path +
                             "' for writing: " + e.get_description());
  }
}

IndexWriter::~IndexWriter() = default;

bool IndexWriter::upsert(const Article& article) {
  std::string id_term = std::string(schema::kIdPrefix) + article.id;
  bool existed = impl_->db.term_exists(id_term);
  impl_->db.replace_document(id_term, build_document(article));
  return existed;
}

bool IndexWriter::remove(const std::string& id) {
  std::string id_term = std::string(schema::kIdPrefix) + id;
  if (!impl_->db.term_exists(id_term)) return false;
  impl_->db.delete_document(id_term);
  return true;
}

void IndexWriter::commit() { impl_->db.commit(); }

unsigned long IndexWriter::size() const { return impl_->db.get_doccount(); }

}  // namespace portal
