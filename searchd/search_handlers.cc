#include "searchd/search_handlers.h"

#include <nlohmann/json.hpp>

#include "searchd/http_util.h"
#include "searchd/request_context.h"
#include "searchd/searcher.h"

namespace portal::http {
namespace {

using nlohmann::json;

double number_param(const httplib::Request& req, const char* name, double fallback) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  try {
    size_t used = 0;
    double out = std::stod(v, &used);
    if (used == v.size()) return out;
  } catch (const std::exception&) {
  }
  throw InvalidRequest(name, std::string("parameter '") + name + "' must be a number");
}

bool bool_param(const httplib::Request& req, const char* name, bool fallback) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  throw InvalidRequest(name, std::string("parameter '") + name + "' must be true or false");
}

// All non-empty values of a repeatable parameter; with `commas`, a value may
// also list several, comma-separated.
std::vector<std::string> list_param(const httplib::Request& req, const char* name, bool commas) {
  std::vector<std::string> out;
  size_t n = req.get_param_value_count(name);
  for (size_t i = 0; i < n; ++i) {
    std::string v = req.get_param_value(name, i);
    if (!commas) {
      if (!v.empty()) out.push_back(v);
      continue;
    }
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      if (comma > start) out.push_back(v.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

json optional_string(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json hit_json(const Hit& h) {
  json translations = json::array();
  for (const auto& t : h.translations)
    translations.push_back({{"id", t.id}, {"lang", t.lang}, {"title", t.title}, {"url", t.url}});
  return {{"id", h.id},
          {"lang", h.lang},
          {"title", h.title},
          {"title_html", h.title_html},
          {"snippet_html", h.snippet_html},
          {"snippet", h.snippet},
          {"url", h.url},
          {"date", h.date},
          {"type", h.type},
          {"topics", h.topics},
          {"score", h.score},
          {"translations", translations}};
}

json result_json(const SearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits) hits.push_back(hit_json(h));
  json facets = json::object();
  for (const auto& f : r.facets) {
    json values = json::array();
    for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
    facets[f.name] = values;
  }
  return {
      {"query", {{"q", r.q}, {"corrected", optional_string(r.corrected)}, {"relaxed", r.relaxed}}},
      {"total", r.total},
      {"total_is_exact", r.total_is_exact},
      {"facets_exact", r.facets_exact},
      {"partial", r.partial},
      {"page", r.page},
      {"per_page", r.per_page},
      {"took_ms", r.took_ms},
      {"hits", hits},
      {"facets", facets},
      {"did_you_mean", optional_string(r.did_you_mean)}};
}

SearchRequest search_request(const httplib::Request& req, const Searcher& searcher) {
  SearchRequest r;
  r.q = req.get_param_value("q");
  r.page = int_param(req, "page", 1, 1, kMaxResultDepth);
  r.per_page = int_param(req, "per_page", 10, 1, 100);
  r.sort = parse_sort_order(req.get_param_value("sort"));
  r.ui_lang = req.get_param_value("ui_lang");
  r.collapse = bool_param(req, "collapse", true);
  r.recency = number_param(req, "recency", 0);
  r.from = req.get_param_value("from");
  r.to = req.get_param_value("to");
  r.facets = list_param(req, "facets", true);
  std::vector<std::string> filters = {"lang", "topic", "type", "year", "month"};
  for (const auto& f : searcher.options().extra_fields) filters.push_back(f.param);
  for (const auto& name : filters) {
    auto values = list_param(req, name.c_str(), false);
    if (!values.empty()) r.filters[name] = std::move(values);
  }
  return r;
}

}  // namespace

void handle_search(Services& services, const httplib::Request& request,
                   httplib::Response& response) {
  SearchRequest search = search_request(request, services.searcher);
  SearchResult result = services.searcher.search(search);
  current_request().hits = static_cast<long>(result.total);
  send_json(response, 200, result_json(result));
}

void handle_suggest(Services& services, const httplib::Request& request,
                    httplib::Response& response) {
  SuggestRequest r;
  r.q = request.get_param_value("q");
  r.lang = request.get_param_value("lang");
  r.limit = int_param(request, "limit", 8, 1, 50);
  json out = json::array();
  for (const auto& s : services.searcher.suggest(r)) {
    json item = {{"text", s.text}, {"kind", s.kind}};
    if (!s.id.empty()) item["id"] = s.id;
    if (!s.url.empty()) item["url"] = s.url;
    out.push_back(item);
  }
  send_json(response, 200, {{"q", r.q}, {"suggestions", out}});
}

void handle_document(Services& services, const httplib::Request& request,
                     httplib::Response& response) {
  json doc = json::parse(services.searcher.document_json(path_param(request, 1)), nullptr, false);
  send_json(response, 200, doc.is_discarded() ? json::object() : doc);
}

void handle_similar(Services& services, const httplib::Request& request,
                    httplib::Response& response) {
  SimilarRequest r;
  r.id = path_param(request, 1);
  r.limit = int_param(request, "limit", 10, 1, 50);
  r.lang = request.get_param_value("lang");
  json hits = json::array();
  for (const auto& h : services.searcher.similar(r)) hits.push_back(hit_json(h));
  send_json(response, 200, {{"id", r.id}, {"hits", hits}});
}

}  // namespace portal::http
