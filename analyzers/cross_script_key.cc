#include "analyzers/cross_script_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <unordered_map>

#include "analyzers/script.h"

namespace portal::analysis {
namespace {

constexpr size_t kMaxCached = 100'000;

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string to_ascii(std::string_view term) {
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator Any-Latin unavailable");
    return t;
  }();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(term.data(), static_cast<int32_t>(term.size())));
  translit->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Replaces every `from` by `to` (to.size() <= from.size()).
void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size()))
    s.replace(i, from.size(), to);
}

std::string loosen(std::string_view ascii) {
  std::string s;
  for (char c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') s.push_back(c);
  }
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"shch", "s"},
                          {"sch", "s"},
                          {"zh", "z"},
                          {"kh", "h"},
                          {"ch", "c"},
                          {"sh", "s"},
                          {"ts", "c"},
                          {"tz", "c"}}) {
    replace_all(s, from, to);
  }
  for (char& c : s) {
    if (c == 'g') c = 'h';
    if (c == 'y' || c == 'j') c = 'i';
    if (c == 'w') c = 'v';
  }
  // i before a vowel (ya, yu, ye, ia...), doubled letters.
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == 'i' && i + 1 < s.size() && is_vowel(s[i + 1]) && s[i + 1] != 'i') continue;
    if (!out.empty() && out.back() == s[i]) continue;
    out.push_back(s[i]);
  }
  // One inflectional ending, keeping at least three letters.
  for (std::string_view e : {"oho", "omu", "ami", "ah", "am", "im", "ih", "om", "ov", "ei", "oi",
                             "a", "e", "i", "o", "u"}) {
    if (out.size() >= e.size() + 3 && out.ends_with(e)) {
      out.resize(out.size() - e.size());
      break;
    }
  }
  return out.size() >= 3 ? out : std::string();
}

class NameKeys final : public Stage {
 public:
  void apply(std::string_view text, std::span<Token> tokens) const override {
    for (auto& t : tokens) {
      if (t.stop || !starts_upper_case(text.substr(t.start, t.end - t.start))) continue;
      t.key = cross_script_key(t.term);
    }
  }
  bool sets_key_only() const override { return true; }
};

}  // namespace

std::string cross_script_key(std::string_view term) {
  if (script_of(term) == Script::kOther) return {};
  if (is_ascii(term)) return loosen(term);
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string word(term);
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  std::string key = loosen(to_ascii(term));
  if (cache.size() >= kMaxCached) cache.clear();
  cache.emplace(std::move(word), key);
  return key;
}

std::unique_ptr<Stage> name_keys() { return std::make_unique<NameKeys>(); }

}  // namespace portal::analysis
