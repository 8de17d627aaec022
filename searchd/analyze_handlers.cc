#include "searchd/analyze_handlers.h"

#include <string>

#include "analyzers/analysis_json.h"
#include "searchd/searcher.h"

namespace portal::http {

void handle_analyze(Services&, const httplib::Request& request, httplib::Response& response) {
  if (!request.has_param("text")) throw InvalidRequest("text", "parameter 'text' is required");
  const std::string text = request.get_param_value("text");
  if (text.size() > kMaxAnalyzeBytes)
    throw InvalidRequest(
        "text", "parameter 'text' is longer than " + std::to_string(kMaxAnalyzeBytes) + " bytes");
  response.status = 200;
  response.set_content(analysis::analysis_json(text, request.get_param_value("lang")),
                       "application/json; charset=utf-8");
}

}  // namespace portal::http
