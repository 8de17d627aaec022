#include "searchd/api_keys.h"

#include <fstream>
#include <sstream>

namespace portal {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Compares every byte of the longer string so that the time does not depend on
// where the first difference lies.
bool equal_constant_time(std::string_view a, std::string_view b) {
  size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= x ^ y;
  }
  return diff == 0;
}

}  // namespace

void ApiKeys::add(std::string_view text) {
  size_t entry = 0;
  while (!text.empty()) {
    size_t end = text.find_first_of("\n,");
    std::string_view item = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++entry;
    if (item.empty() || item.front() == '#') continue;
    KeyRole role = KeyRole::kWrite;
    if (auto colon = item.find(':'); colon != std::string_view::npos) {
      std::string_view name = item.substr(0, colon);
      if (name == "write") {
        role = KeyRole::kWrite;
      } else if (name == "read") {
        role = KeyRole::kRead;
      } else {
        throw std::invalid_argument("API key entry " + std::to_string(entry) +
                                    ": unknown role (use write:KEY or read:KEY)");
      }
      item = trim(item.substr(colon + 1));
    }
    if (item.empty())
      throw std::invalid_argument("API key entry " + std::to_string(entry) + ": empty key");
    keys_.push_back({std::string(item), role});
  }
}

void ApiKeys::add_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read API keys file '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  add(text.str());
}

KeyRole ApiKeys::role_of(std::string_view presented) const {
  KeyRole found = KeyRole::kNone;
  for (const auto& key : keys_) {
    if (equal_constant_time(key.secret, presented) && found == KeyRole::kNone) found = key.role;
  }
  return found;
}

}  // namespace portal
