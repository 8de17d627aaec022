#include "indexer/document_builder.h"

#include <algorithm>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/language_detector.h"
#include "indexer/schema.h"
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

}  // namespace

Xapian::Document build_document(const Article& a) {
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
  if (!lang.empty()) {
    doc.add_boolean_term(std::string(kLangPrefix) + lang);
    doc.add_value(kLangSlot, lang);
  }
  if (!a.type.empty()) {
    doc.add_boolean_term(std::string(kTypePrefix) + a.type);
    doc.add_value(kTypeSlot, a.type);
  }
  for (const auto& t : a.topics) doc.add_boolean_term(std::string(kTopicPrefix) + t);
  if (!a.topics.empty()) doc.add_value(kTopicsSlot, join_values(a.topics));
  if (!a.translation_group.empty()) {
    doc.add_boolean_term(std::string(kGroupPrefix) + a.translation_group);
    doc.add_value(kGroupSlot, a.translation_group);
  }
  if (a.date.size() >= 10) {
    std::string day = a.date.substr(0, 10);
    doc.add_value(kDateSlot, day);
    doc.add_boolean_term(std::string(kYearPrefix) + day.substr(0, 4));
    doc.add_boolean_term(std::string(kMonthPrefix) + day.substr(0, 7));
    doc.add_value(kYearSlot, day.substr(0, 4));
    doc.add_value(kMonthSlot, day.substr(0, 7));
  }
  doc.set_data(a.raw_json);
  return doc;
}

}  // namespace portal
