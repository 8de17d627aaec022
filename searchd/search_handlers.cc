#include "searchd/search_handlers.h"

#include <nlohmann/json.hpp>

#include "searchd/http_util.h"
#include "searchd/request_context.h"
#include "searchd/search_json.h"
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
  send_json_text(response, 200, search_result_json(result));
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
  send_json_text(response, 200, similar_json(r.id, services.searcher.similar(r)));
}

}  // namespace portal::http
