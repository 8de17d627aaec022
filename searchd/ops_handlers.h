// Handlers of the operations endpoints: liveness, readiness, metrics, API
// description.
#pragma once

#include "searchd/http_route.h"

namespace portal::http {

// Always 200 while the process serves requests.
void handle_healthz(Services& services, const httplib::Request& request,
                    httplib::Response& response);

}  // namespace portal::http
