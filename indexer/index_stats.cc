#include "indexer/index_stats.h"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "indexer/facet_config.h"
#include "indexer/index_layout.h"
#include "indexer/schema.h"

namespace portal {
namespace {

using nlohmann::json;

// Documents per value of the boolean terms under `prefix`.
json term_counts(const Xapian::Database& db, const std::string& prefix) {
  json out = json::object();
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    out[(*it).substr(prefix.size())] = it.get_termfreq();
  return out;
}

}  // namespace

std::string index_stats_json(const std::string& dir) {
  Xapian::Database db;
  try {
    db = Xapian::Database(dir);
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open index '" + dir + "': " + e.get_description());
  }
  json out;
  out["documents"] = db.get_doccount();
  out["generation"] = db.get_metadata(std::string(schema::kGenerationKey));
  out["shards"] = db.size();
  out["languages"] = term_counts(db, std::string(schema::kLangPrefix));
  out["types"] = term_counts(db, std::string(schema::kTypePrefix));
  out["topics"] = term_counts(db, std::string(schema::kTopicPrefix));
  json extra = json::object();
  std::string config = db.get_metadata(std::string(schema::kExtraFieldsKey));
  if (!config.empty()) {
    for (const auto& f : parse_extra_fields(config, dir + " metadata"))
      extra[f.param] = term_counts(db, f.term_prefix());
  }
  out["extra_fields"] = extra;
  std::string first, last;
  unsigned long dated = 0;
  for (auto it = db.valuestream_begin(schema::kDateSlot);
       it != db.valuestream_end(schema::kDateSlot); ++it) {
    std::string v = *it;
    if (v.empty()) continue;
    ++dated;
    if (first.empty() || v < first) first = v;
    if (last.empty() || v > last) last = v;
  }
  out["dated_documents"] = dated;
  out["date_range"] = dated ? json{{"first", first}, {"last", last}} : json(nullptr);
  out["size_bytes"] = disk_usage(dir);
  unsigned long spelling = 0;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) ++spelling;
  out["spelling_words"] = spelling;
  return out.dump(2);
}

}  // namespace portal
