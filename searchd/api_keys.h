// The API keys a deployment accepts, each with a role. Keys come from a file
// or the environment, never from the command line, and are never logged.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace portal {

enum class KeyRole { kNone, kRead, kWrite };

class ApiKeys {
 public:
  // Adds the keys listed in `text`, one per entry, entries separated by new
  // lines or commas: `write:KEY`, `read:KEY`, or a bare `KEY` (a write key).
  // Blank entries and lines starting with `#` are skipped. Throws
  // std::invalid_argument (naming the entry's position, not the key) on an
  // unknown role or an empty key.
  void add(std::string_view text);
  // Reads a keys file in the format of add(). Throws std::runtime_error when it
  // cannot be read.
  void add_file(const std::string& path);

  // The role of the presented key: kNone when unknown. Takes the same time
  // whatever the presented key's content: every key is compared in full.
  KeyRole role_of(std::string_view presented) const;
  bool empty() const { return keys_.empty(); }
  size_t size() const { return keys_.size(); }

 private:
  struct Key {
    std::string secret;
    KeyRole role;
  };
  std::vector<Key> keys_;
};

}  // namespace portal
