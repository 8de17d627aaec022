#include "searchd/search_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <simdjson.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

namespace portal::http {
namespace {

// A writer of one JSON text. Strings are copied as they are; with `repair`,
// their invalid UTF-8 sequences are first replaced by U+FFFD (ICU's
// conversion), as nlohmann::json's error_handler_t::replace does.
class JsonOut {
 public:
  explicit JsonOut(bool repair) : writer_(buffer_), repair_(repair) {}

  JsonOut& key(std::string_view k) {
    writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
    return *this;
  }
  void string(std::string_view s) {
    if (!repair_) {
      writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      return;
    }
    std::string valid;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .toUTF8String(valid);
    writer_.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  void optional_string(const std::optional<std::string>& s) {
    if (s) {
      string(*s);
    } else {
      writer_.Null();
    }
  }
  // Not a number nor infinite: null, as nlohmann::json writes them.
  void number(double d) {
    if (std::isfinite(d)) {
      writer_.Double(d);
    } else {
      writer_.Null();
    }
  }
  void count(unsigned long n) { writer_.Uint64(n); }
  void integer(int n) { writer_.Int(n); }
  void boolean(bool b) { writer_.Bool(b); }
  void start_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void start_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }

  std::string_view text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
  const bool repair_;
};

void write_hit(JsonOut& out, const Hit& h) {
  out.start_object();
  out.key("date").string(h.date);
  out.key("id").string(h.id);
  out.key("lang").string(h.lang);
  out.key("score").number(h.score);
  out.key("snippet").string(h.snippet);
  out.key("snippet_html").string(h.snippet_html);
  out.key("title").string(h.title);
  out.key("title_html").string(h.title_html);
  out.key("topics").start_array();
  for (const auto& t : h.topics) out.string(t);
  out.end_array();
  out.key("translations").start_array();
  for (const auto& t : h.translations) {
    out.start_object();
    out.key("id").string(t.id);
    out.key("lang").string(t.lang);
    out.key("title").string(t.title);
    out.key("url").string(t.url);
    out.end_object();
  }
  out.end_array();
  out.key("type").string(h.type);
  out.key("url").string(h.url);
  out.end_object();
}

void write_hits(JsonOut& out, const std::vector<Hit>& hits) {
  out.start_array();
  for (const auto& h : hits) write_hit(out, h);
  out.end_array();
}

void write_result(JsonOut& out, const SearchResult& r) {
  out.start_object();
  out.key("did_you_mean").optional_string(r.did_you_mean);
  // By name, each once (the first), as an object's members are.
  std::vector<const Facet*> facets;
  for (const auto& f : r.facets) facets.push_back(&f);
  std::stable_sort(facets.begin(), facets.end(),
                   [](const Facet* a, const Facet* b) { return a->name < b->name; });
  out.key("facets").start_object();
  for (size_t i = 0; i < facets.size(); ++i) {
    if (i > 0 && facets[i]->name == facets[i - 1]->name) continue;
    out.key(facets[i]->name).start_array();
    for (const auto& v : facets[i]->values) {
      out.start_object();
      out.key("count").count(v.count);
      out.key("value").string(v.value);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
  out.key("facets_exact").boolean(r.facets_exact);
  out.key("hits");
  write_hits(out, r.hits);
  out.key("page").integer(r.page);
  out.key("partial").boolean(r.partial);
  out.key("per_page").integer(r.per_page);
  out.key("query").start_object();
  out.key("corrected").optional_string(r.corrected);
  out.key("q").string(r.q);
  out.key("relaxed").boolean(r.relaxed);
  out.end_object();
  out.key("took_ms").number(r.took_ms);
  out.key("total").count(r.total);
  out.key("total_is_exact").boolean(r.total_is_exact);
  out.end_object();
}

// The text `write` writes. Checked for valid UTF-8 as a whole (SIMD, a few
// microseconds a page), and written again repairing each string when it is
// not: the text comes from articles checked when they were indexed, so that
// is rare.
template <typename Write>
std::string encode(Write write) {
  JsonOut out(false);
  write(out);
  if (simdjson::validate_utf8(out.text().data(), out.text().size())) return std::string(out.text());
  JsonOut repaired(true);
  write(repaired);
  return std::string(repaired.text());
}

}  // namespace

std::string search_result_json(const SearchResult& result) {
  return encode([&](JsonOut& out) { write_result(out, result); });
}

std::string similar_json(const std::string& id, const std::vector<Hit>& hits) {
  return encode([&](JsonOut& out) {
    out.start_object();
    out.key("hits");
    write_hits(out, hits);
    out.key("id").string(id);
    out.end_object();
  });
}

}  // namespace portal::http
