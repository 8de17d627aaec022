// A JSON object built member by member, its values moved in. A braced list
// (`json{{"key", value}, ...}`) builds each member as an array of two first
// and copies it out again (for a page of search results, when they were
// built so, half the time of its JSON; they are now written by
// search_json.h).
#pragma once

#include <nlohmann/json.hpp>
#include <utility>

namespace portal::http {

class JsonObject {
 public:
  template <typename T>
  JsonObject& add(const char* key, T&& value) {
    json_.emplace(key, std::forward<T>(value));
    return *this;
  }
  // The object; this one is left empty.
  nlohmann::json take() { return std::move(json_); }

 private:
  nlohmann::json json_ = nlohmann::json::object();
};

// An empty array with room for `n` items.
inline nlohmann::json json_array(size_t n) {
  nlohmann::json a = nlohmann::json::array();
  a.get_ref<nlohmann::json::array_t&>().reserve(n);
  return a;
}

}  // namespace portal::http
