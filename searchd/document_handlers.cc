#include "searchd/document_handlers.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "indexer/jsonl_reader.h"
#include "searchd/http_util.h"
#include "searchd/index_updates.h"

namespace portal::http {

using nlohmann::json;

void handle_put_document(Services& services, const httplib::Request& request,
                         httplib::Response& response) {
  std::string id = path_param(request, 1);
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    throw InvalidRequest("body", "the body must be one JSON object (an article)");
  if (!body.contains("id")) body["id"] = id;
  if (body["id"] != id) throw InvalidRequest("id", "the body's id differs from the id in the path");
  WriteResult written = services.updates.upsert(body.dump());
  bool created = written.created > 0;
  send_json(response, created ? 201 : 200,
            {{"id", id}, {"result", created ? "created" : "replaced"}});
}

void handle_delete_document(Services& services, const httplib::Request& request,
                            httplib::Response& response) {
  std::string id = path_param(request, 1);
  services.updates.remove(id);  // NotFound: 404
  send_json(response, 200, {{"id", id}, {"result", "deleted"}});
}

void handle_post_documents(Services& services, const httplib::Request& request,
                           httplib::Response& response) {
  // Lines are checked one by one so that bad ones can be reported by line
  // number; the valid ones are then written in one call (one commit).
  json valid = json::array();
  std::vector<std::string> errors;
  std::istringstream in(request.body);
  read_jsonl(
      in, "request",
      [&](Article&& article) {
        valid.push_back(json::parse(article.raw_json, nullptr, false));
        return true;
      },
      [&](const ReadError& e) {
        errors.push_back(e.to_string());
        return true;
      });
  if (valid.empty()) {
    send_json(response, 400,
              {{"error",
                {{"code", "invalid_body"},
                 {"message", errors.empty() ? "the body holds no article"
                                            : "no line of the body is a valid article"}}},
               {"indexed", 0},
               {"errors", errors}});
    return;
  }
  WriteResult written = services.updates.upsert(valid.dump());
  send_json(response, 200,
            {{"indexed", written.created + written.updated},
             {"created", written.created},
             {"updated", written.updated},
             {"errors", errors}});
}

}  // namespace portal::http
