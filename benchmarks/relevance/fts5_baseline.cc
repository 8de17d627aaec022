#include <sqlite3.h>

#include <stdexcept>

#include "benchmarks/relevance/system.h"

namespace portal::eval {
namespace {

// The words of `query` as an FTS5 expression: each whitespace-separated word
// that holds a letter or digit, quoted (so FTS5 syntax characters are taken
// literally), joined by OR.
std::string or_query(const std::string& query) {
  std::string out, word;
  auto flush = [&] {
    bool wordy = false;
    for (unsigned char c : word) wordy |= c >= 0x80 || std::isalnum(c);
    if (wordy) {
      if (!out.empty()) out += " OR ";
      out += '"';
      for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    word.clear();
  };
  for (char c : query) {
    if (std::isspace(static_cast<unsigned char>(c)))
      flush();
    else
      word += c;
  }
  flush();
  return out;
}

class Fts5Baseline final : public System {
 public:
  explicit Fts5Baseline(const Collection& collection) {
    check(sqlite3_open(":memory:", &db_), "open");
    exec(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')");
    exec("BEGIN");
    sqlite3_stmt* insert = prepare("INSERT INTO docs (id, title, body) VALUES (?, ?, ?)");
    for (const auto& a : collection.docs) {
      sqlite3_bind_text(insert, 1, a.id.data(), static_cast<int>(a.id.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, a.title.data(), static_cast<int>(a.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, a.body.data(), static_cast<int>(a.body.size()), SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) fail("insert");
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec("COMMIT");
    select_ =
        prepare("SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?");
  }
  ~Fts5Baseline() override {
    sqlite3_finalize(select_);
    sqlite3_close(db_);
  }
  Fts5Baseline(const Fts5Baseline&) = delete;
  Fts5Baseline& operator=(const Fts5Baseline&) = delete;

  std::string name() const override { return "sqlite-fts5"; }

  std::vector<ScoredDoc> search(const std::string& query, std::size_t k) override {
    std::vector<ScoredDoc> out;
    std::string match = or_query(query);
    if (match.empty()) return out;
    sqlite3_bind_text(select_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(select_, 2, static_cast<sqlite3_int64>(k));
    int rc;
    while ((rc = sqlite3_step(select_)) == SQLITE_ROW) {
      auto id = reinterpret_cast<const char*>(sqlite3_column_text(select_, 0));
      // bm25() is lower for better matches: negate it so higher is better.
      out.push_back({id ? id : "", -sqlite3_column_double(select_, 1)});
    }
    sqlite3_reset(select_);
    if (rc != SQLITE_DONE) fail("query '" + match + "'");
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("sqlite: " + what + ": " + sqlite3_errmsg(db_));
  }
  void check(int rc, const std::string& what) {
    if (rc != SQLITE_OK) fail(what);
  }
  void exec(const char* sql) { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), sql); }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr), sql);
    return stmt;
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
};

}  // namespace

std::unique_ptr<System> make_fts5_baseline(const Collection& collection) {
  return std::make_unique<Fts5Baseline>(collection);
}

}  // namespace portal::eval
