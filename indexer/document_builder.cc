#include "indexer/document_builder.h"

#include <algorithm>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"
#include "indexer/sharding.h"
#include "indexer/stored_data.h"
#include "indexer/text_indexer.h"

namespace portal {
namespace {

// Enough text for a reliable guess without copying a long body.
constexpr size_t kDetectionSampleBytes = 4096;

std::string detected_language(const Article& a) {
  std::string sample = a.title + "\n" + a.summary + "\n";
  sample.append(a.body, 0, std::min(a.body.size(), kDetectionSampleBytes));
  return analysis::detect_language(sample);
}

void add_filter_term(Xapian::Document& doc, std::string_view prefix, const std::string& value,
                     const char* field) {
  if (prefix.size() + value.size() > schema::kMaxTermBytes)
    throw ArticleError(std::string("a value of field '") + field + "' is longer than " +
                       std::to_string(schema::kMaxTermBytes - prefix.size()) + " bytes");
  doc.add_boolean_term(std::string(prefix) + value);
}

}  // namespace

Xapian::Document build_document(const Article& a,
                                const std::vector<schema::ExtraField>& extra_fields) {
  using namespace schema;
  Xapian::Document doc;
  // Articles without a language get the one detected in their text (or none:
  // the default analyzer, no language filter term).
  const std::string lang =
      a.lang.empty() ? detected_language(a) : analysis::normalize_language_tag(a.lang);
  const auto& analyzer = analysis::analyzer_for(lang);

  uint32_t pos = 0;
  index_field(doc, analyzer, a.title, TextField::kTitle, pos);
  index_field(doc, analyzer, a.summary, TextField::kSummary, pos);
  index_field(doc, analyzer, a.body, TextField::kBody, pos);

  doc.add_boolean_term(std::string(kIdPrefix) + a.id);
  doc.add_value(kIdSlot, a.id);
  if (!a.title.empty()) doc.add_value(kTitleSlot, a.title);
  if (!a.url.empty()) doc.add_value(kUrlSlot, a.url);
  if (!lang.empty()) {
    add_filter_term(doc, kLangPrefix, lang, "lang");
    doc.add_value(kLangSlot, lang);
  }
  if (!a.type.empty()) {
    add_filter_term(doc, kTypePrefix, a.type, "type");
    doc.add_value(kTypeSlot, a.type);
  }
  for (const auto& t : a.topics) add_filter_term(doc, kTopicPrefix, t, "topics");
  if (!a.topics.empty()) doc.add_value(kTopicsSlot, join_values(a.topics));
  add_spread_values(doc, kTopicsSlot, a.topics);
  if (!a.translation_group.empty()) {
    add_filter_term(doc, kGroupPrefix, a.translation_group, "translation_group");
    doc.add_value(kGroupSlot, a.translation_group);
  }
  const unsigned level = sample_level(a.translation_group.empty() ? a.id : a.translation_group);
  for (unsigned n = 0; n <= level; ++n)
    doc.add_boolean_term(std::string(kSamplePrefix) + std::to_string(n));
  if (!a.day.empty()) {
    doc.add_value(kDateSlot, a.day);
    doc.add_boolean_term(std::string(kYearPrefix) + a.day.substr(0, 4));
    doc.add_boolean_term(std::string(kMonthPrefix) + a.day.substr(0, 7));
    doc.add_value(kYearSlot, a.day.substr(0, 4));
    doc.add_value(kMonthSlot, a.day.substr(0, 7));
  }
  for (const auto& f : extra_fields) {
    auto it = a.extra_fields.find(f.field);
    if (it == a.extra_fields.end()) continue;
    for (const auto& v : it->second) add_filter_term(doc, f.term_prefix(), v, f.field.c_str());
    doc.add_value(f.slot, join_values(it->second));
    add_spread_values(doc, f.slot, it->second);
  }
  set_stored(doc, a.stored_head.empty() ? encode_stored(a.raw_json)
                                        : encode_stored(a.stored_head, a.body));
  return doc;
}

}  // namespace portal
