#include "searchd/search_handlers.h"

#include <nlohmann/json.hpp>

#include "searchd/http_util.h"
#include "searchd/json_object.h"
#include "searchd/request_context.h"
#include "searchd/searcher.h"

namespace portal::http {
namespace {

// The largest facet_size a request may ask for (0 asks for every value).
constexpr int kMaxFacetSize = 10'000;

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

// The JSON of a hit or a result, their strings moved into it.
json hit_json(Hit&& h) {
  json translations = json_array(h.translations.size());
  for (auto& t : h.translations)
    translations.push_back(JsonObject()
                               .add("id", std::move(t.id))
                               .add("lang", std::move(t.lang))
                               .add("title", std::move(t.title))
                               .add("url", std::move(t.url))
                               .take());
  return JsonObject()
      .add("id", std::move(h.id))
      .add("lang", std::move(h.lang))
      .add("title", std::move(h.title))
      .add("title_html", std::move(h.title_html))
      .add("snippet_html", std::move(h.snippet_html))
      .add("snippet", std::move(h.snippet))
      .add("url", std::move(h.url))
      .add("date", std::move(h.date))
      .add("type", std::move(h.type))
      .add("topics", std::move(h.topics))
      .add("score", h.score)
      .add("translations", std::move(translations))
      .take();
}

json result_json(SearchResult&& r) {
  json hits = json_array(r.hits.size());
  for (auto& h : r.hits) hits.push_back(hit_json(std::move(h)));
  JsonObject facets;
  for (auto& f : r.facets) {
    json values = json_array(f.values.size());
    for (auto& v : f.values)
      values.push_back(JsonObject().add("value", std::move(v.value)).add("count", v.count).take());
    facets.add(f.name.c_str(), std::move(values));
  }
  return JsonObject()
      .add("query", JsonObject()
                        .add("q", std::move(r.q))
                        .add("corrected", optional_string(r.corrected))
                        .add("relaxed", r.relaxed)
                        .take())
      .add("total", r.total)
      .add("total_is_exact", r.total_is_exact)
      .add("facets_exact", r.facets_exact)
      .add("partial", r.partial)
      .add("page", r.page)
      .add("per_page", r.per_page)
      .add("took_ms", r.took_ms)
      .add("hits", std::move(hits))
      .add("facets", facets.take())
      .add("did_you_mean", optional_string(r.did_you_mean))
      .take();
}

SearchRequest search_request(const httplib::Request& req, const Searcher& searcher) {
  SearchRequest r;
  r.q = req.get_param_value("q");
  r.page = int_param(req, "page", 1, 1, kMaxResultDepth);
  r.per_page = int_param(req, "per_page", 10, 1, 100);
  r.sort = parse_sort_order(req.get_param_value("sort"));
  r.ui_lang = req.get_param_value("ui_lang");
  r.collapse = bool_param(req, "collapse", true);
  r.snippets = bool_param(req, "snippets", true);
  r.recency = number_param(req, "recency", 0);
  r.from = req.get_param_value("from");
  r.to = req.get_param_value("to");
  r.facets = list_param(req, "facets", true);
  r.facet_size = static_cast<size_t>(
      int_param(req, "facet_size", static_cast<int>(kDefaultFacetSize), 0, kMaxFacetSize));
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
  send_json(response, 200, result_json(std::move(result)));
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
  for (auto& h : services.searcher.similar(r)) hits.push_back(hit_json(std::move(h)));
  send_json(response, 200, {{"id", r.id}, {"hits", hits}});
}

}  // namespace portal::http
