// Handlers of the read API: GET /api/v1/search, /api/v1/suggest,
// /api/v1/documents/{id} and /api/v1/documents/{id}/similar. They parse and
// validate the parameters into the library's request structs, call the
// Searcher and encode its result as JSON.
#pragma once

#include "searchd/http_route.h"

namespace portal::http {

void handle_search(Services& services, const httplib::Request& request,
                   httplib::Response& response);
void handle_suggest(Services& services, const httplib::Request& request,
                    httplib::Response& response);
void handle_document(Services& services, const httplib::Request& request,
                     httplib::Response& response);
void handle_similar(Services& services, const httplib::Request& request,
                    httplib::Response& response);

}  // namespace portal::http
