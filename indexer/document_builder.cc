#include "indexer/document_builder.h"

#include <string>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"
#include "indexer/text_indexer.h"

namespace portal {

Xapian::Document build_document(const Article& a) {
  using namespace schema;
  Xapian::Document doc;
  const auto& analyzer = analysis::analyzer_for(a.lang);

  uint32_t pos = 0;
  index_field(doc, analyzer, a.title, TextField::kTitle, pos);
  index_field(doc, analyzer, a.summary, TextField::kSummary, pos);
  index_field(doc, analyzer, a.body, TextField::kBody, pos);

  doc.add_boolean_term(std::string(kIdPrefix) + a.id);
  if (!a.lang.empty()) {
    std::string lang = analysis::normalize_language_tag(a.lang);
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
