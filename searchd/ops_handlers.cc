#include "searchd/ops_handlers.h"

#include <nlohmann/json.hpp>

#include "searchd/http_util.h"

namespace portal::http {

void handle_healthz(Services&, const httplib::Request&, httplib::Response& response) {
  send_json(response, 200, {{"status", "ok"}});
}

}  // namespace portal::http
