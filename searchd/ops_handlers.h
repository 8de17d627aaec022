// Handlers of the operations endpoints: liveness, readiness, metrics, API
// description.
#pragma once

#include "searchd/http_route.h"

namespace portal::http {

// GET /healthz: always 200 while the process serves requests.
void handle_healthz(Services& services, const httplib::Request& request,
                    httplib::Response& response);
// GET /readyz: 200 when the index can be opened and read, else 503.
void handle_readyz(Services& services, const httplib::Request& request,
                   httplib::Response& response);
// GET /metrics: Prometheus text exposition.
void handle_metrics(Services& services, const httplib::Request& request,
                    httplib::Response& response);
// GET /api/v1/openapi.json: the OpenAPI 3 description (searchd/openapi.json).
void handle_openapi(Services& services, const httplib::Request& request,
                    httplib::Response& response);

}  // namespace portal::http
