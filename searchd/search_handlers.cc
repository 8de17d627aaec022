#include "searchd/search_handlers.h"

#include <nlohmann/json.hpp>

#include "searchd/http_util.h"
#include "searchd/searcher.h"

namespace portal::http {
namespace {

using nlohmann::json;

json to_json(const SearchResult& r) {
  json hits = json::array();
  for (const auto& h : r.hits) {
    hits.push_back({{"id", h.id},
                    {"title", h.title},
                    {"url", h.url},
                    {"lang", h.lang},
                    {"date", h.date},
                    {"score", h.score},
                    {"snippet", h.snippet}});
  }
  return {{"total", r.total}, {"hits", hits}};
}

}  // namespace

void handle_search(Services& services, const httplib::Request& request,
                   httplib::Response& response) {
  SearchRequest search;
  search.q = request.get_param_value("q");
  search.page = int_param(request, "page", 1, 1, 1000);
  search.per_page = int_param(request, "per_page", 10, 1, 100);
  send_json(response, 200, to_json(services.searcher.search(search)));
}

}  // namespace portal::http
