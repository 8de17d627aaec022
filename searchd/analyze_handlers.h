// Handler of the analysis endpoint: how a text is split into indexed terms,
// like Elasticsearch's `_analyze`.
#pragma once

#include "searchd/http_route.h"

namespace portal::http {

// GET /api/v1/analyze?text=...&lang=...: the tokens as JSON (see
// analyzers/analysis_json.h). 400 when `text` is missing or longer than
// kMaxAnalyzeBytes.
void handle_analyze(Services& services, const httplib::Request& request,
                    httplib::Response& response);

inline constexpr size_t kMaxAnalyzeBytes = 10'000;

}  // namespace portal::http
