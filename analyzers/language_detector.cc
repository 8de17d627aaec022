#include "analyzers/language_detector.h"

#include <algorithm>
// <cstdio> must precede the CLD2 header, which uses it without including it.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
// clang-format on

namespace portal::analysis {
namespace {

// CLD2 looks at a bounded prefix: enough for a reliable guess, cheap on long
// bodies.
constexpr size_t kMaxBytes = 16 * 1024;

// `text` without a UTF-8 sequence cut short at its end (CLD2 wants valid
// UTF-8; callers may pass a byte-bounded prefix).
std::string_view without_partial_tail(std::string_view text) {
  size_t lead = text.size();
  while (lead > 0 && text.size() - lead < 4 &&
         (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80)
    --lead;
  if (lead == 0) return text;
  auto b = static_cast<unsigned char>(text[lead - 1]);
  size_t need = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  return text.size() - (lead - 1) < need ? text.substr(0, lead - 1) : text;
}

}  // namespace

std::string detect_language(std::string_view text) {
  text = without_partial_tail(text.substr(0, std::min(text.size(), kMaxBytes)));
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), static_cast<int>(text.size()),
                                             /*is_plain_text=*/true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return {};
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 names some languages with longer codes ("zh-Hant"); keep the primary
  // subtag, as language tags are normalised everywhere else.
  if (auto dash = code.find('-'); dash != std::string::npos) code.erase(dash);
  return code;
}

}  // namespace portal::analysis
