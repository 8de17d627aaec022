#include "searchd/ops_handlers.h"

#include <nlohmann/json.hpp>

#include "searchd/http_util.h"
#include "searchd/metrics.h"
#include "searchd/openapi.h"
#include "searchd/searcher.h"

namespace portal::http {

void handle_healthz(Services&, const httplib::Request&, httplib::Response& response) {
  send_json(response, 200, {{"status", "ok"}});
}

void handle_readyz(Services& services, const httplib::Request&, httplib::Response& response) {
  try {
    unsigned long documents = services.searcher.document_count();
    send_json(response, 200, {{"status", "ready"}, {"documents", documents}});
  } catch (const std::exception& e) {
    send_error(response, 503, "index_unavailable", std::string("index not readable: ") + e.what());
  } catch (...) {
    // The index library's own errors do not derive from std::exception.
    send_error(response, 503, "index_unavailable", "index not readable");
  }
}

void handle_metrics(Services& services, const httplib::Request&, httplib::Response& response) {
  long documents = -1;
  try {
    documents = static_cast<long>(services.searcher.document_count());
  } catch (...) {
    // Left out of the exposition: /readyz reports the index's state.
  }
  response.set_content(services.metrics.render(documents, services.searcher.facet_columns_bytes()),
                       "text/plain; version=0.0.4");
}

void handle_openapi(Services&, const httplib::Request&, httplib::Response& response) {
  response.set_content(std::string(openapi_json()), "application/json; charset=utf-8");
}

}  // namespace portal::http
