// Handlers of the search API (/api/v1/search, ...): parse the parameters, call
// the Searcher, encode its result as JSON.
#pragma once

#include "searchd/http_route.h"

namespace portal::http {

void handle_search(Services& services, const httplib::Request& request,
                   httplib::Response& response);

}  // namespace portal::http
