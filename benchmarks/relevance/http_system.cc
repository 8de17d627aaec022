#include <httplib.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "benchmarks/relevance/system.h"

namespace portal::eval {
namespace {

class HttpSystem final : public System {
 public:
  HttpSystem(const std::string& host, int port) : client_(host, port), where_(host) {
    where_ += ":" + std::to_string(port);
    client_.set_keep_alive(true);
  }

  std::string name() const override { return "portalsearch-http"; }

  std::vector<ScoredDoc> search(const std::string& query, std::size_t k) override {
    std::vector<ScoredDoc> out;
    const std::size_t per_page = 100;
    for (std::size_t page = 1; out.size() < k; ++page) {
      httplib::Params params{
          {"q", query}, {"page", std::to_string(page)}, {"per_page", std::to_string(per_page)}};
      auto res = client_.Get("/api/v1/search", params, httplib::Headers{});
      if (!res)
        throw std::runtime_error("GET " + where_ +
                                 "/api/v1/search: " + httplib::to_string(res.error()));
      if (res->status != 200)
        throw std::runtime_error("GET " + where_ + "/api/v1/search: HTTP " +
                                 std::to_string(res->status) + ": " + res->body);
      auto body = nlohmann::json::parse(res->body);
      const auto& hits = body.at("hits");
      for (const auto& hit : hits)
        out.push_back({hit.at("id").get<std::string>(), hit.value("score", 0.0)});
      if (hits.size() < per_page) break;
    }
    if (out.size() > k) out.resize(k);
    return out;
  }

 private:
  httplib::Client client_;
  std::string where_;
};

}  // namespace

std::unique_ptr<System> make_http_system(const std::string& host, int port) {
  return std::make_unique<HttpSystem>(host, port);
}

}  // namespace portal::eval
