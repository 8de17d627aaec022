// Handlers of the write API: add, replace and remove articles. The server
// lets only write keys reach them.
#pragma once

#include "searchd/http_route.h"

namespace portal::http {

// PUT /api/v1/documents/{id}: one article as JSON; its `id`, when present,
// must equal the path's. 201 when added, 200 when replaced.
void handle_put_document(Services& services, const httplib::Request& request,
                         httplib::Response& response);
// DELETE /api/v1/documents/{id}: 200 when removed, 404 (NotFound) when unknown.
void handle_delete_document(Services& services, const httplib::Request& request,
                            httplib::Response& response);
// POST /api/v1/documents: JSON Lines, one article a line. Valid lines are
// indexed; bad ones are listed as "request:LINE: reason". 400 when no line is
// valid.
void handle_post_documents(Services& services, const httplib::Request& request,
                           httplib::Response& response);

}  // namespace portal::http
