#include "benchmarks/plain_xapian.h"

#include <nlohmann/json.hpp>

namespace portal::bench {

std::string snowball_name(const std::string& lang) {
  if (lang == "en") return "english";
  if (lang == "fr") return "french";
  if (lang == "ru") return "russian";
  return "none";
}

PlainIndexer::PlainIndexer(const std::string& db_path)
    : db_(db_path, Xapian::DB_CREATE_OR_OVERWRITE) {}

bool PlainIndexer::add(const std::string& line) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) return false;
  auto text = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  Xapian::Document doc;
  tg_.set_stemmer(Xapian::Stem(snowball_name(text("lang"))));
  tg_.set_document(doc);
  tg_.index_text(text("title"), 3);
  tg_.increase_termpos();
  tg_.index_text(text("body"));
  if (j.contains("topics") && j["topics"].is_array())
    for (const auto& t : j["topics"])
      if (t.is_string()) doc.add_boolean_term("XT" + t.get<std::string>());
  std::string date = text("date");
  if (date.size() >= 10) doc.add_value(0, date.substr(0, 10));
  doc.set_data(line);
  std::string idterm = "Q" + text("id");
  doc.add_boolean_term(idterm);
  db_.replace_document(idterm, doc);
  return true;
}

PlainSearcher::PlainSearcher(const std::string& db_path) : db_(db_path) {
  qp_.set_database(db_);
  qp_.set_default_op(Xapian::Query::OP_AND);
  qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

Xapian::Query PlainSearcher::parse(const BenchQuery& q) {
  // Not Xapian::Query::MatchAll, one object whose reference count the
  // threads of bench_minimal_httpd would change at once (without atomics).
  if (q.q.empty()) return Xapian::Query(std::string());
  qp_.set_stemmer(Xapian::Stem(snowball_name(q.lang)));
  return qp_.parse_query(q.q,
                         Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
}

Xapian::Enquire PlainSearcher::enquire(const BenchQuery& q) {
  Xapian::Query query = parse(q);
  if (!q.topic.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query("XT" + q.topic));
  if (!q.date_from.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, q.date_from, q.date_to));
  Xapian::Enquire e(db_);
  e.set_query(query);
  if (q.q.empty()) e.set_sort_by_value(0, true);
  return e;
}

Xapian::MSet PlainSearcher::search(const BenchQuery& q) { return enquire(q).get_mset(0, 10); }

Xapian::doccount PlainSearcher::count(const BenchQuery& q) {
  return enquire(q).get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
}

Xapian::MSet PlainSearcher::search_page(const BenchQuery& q) {
  Xapian::MSet m = search(q);
  for (auto it = m.begin(); it != m.end(); ++it) it.get_document().get_data();
  return m;
}

std::string PlainSearcher::id_of(const Xapian::Document& doc) {
  auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
  return j.is_object() ? j.value("id", "") : "";
}

}  // namespace portal::bench
