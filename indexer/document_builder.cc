#include "indexer/document_builder.h"

#include <string>

#include "analyzers/analyzer.h"
#include "indexer/schema.h"

namespace portal {
namespace {

void index_text(Xapian::Document& doc, const analysis::Analyzer& analyzer, std::string_view text,
                uint32_t& position, Xapian::termcount wdf, std::string_view prefix,
                std::string_view stem_prefix) {
  std::vector<analysis::Token> tokens;
  analyzer.analyze(text, tokens, position);
  for (const auto& t : tokens) {
    doc.add_posting(std::string(prefix) + t.term, t.position + 1, wdf);
    for (const auto& s : t.stems) doc.add_term(std::string(stem_prefix) + s, wdf);
    position = t.position + 1;
  }
  position += 100;  // gap so phrases never span two fields
}

}  // namespace

Xapian::Document build_document(const Article& a) {
  using namespace schema;
  Xapian::Document doc;
  const auto& analyzer = analysis::analyzer_for(a.lang);

  uint32_t pos = 0;
  index_text(doc, analyzer, a.title, pos, kTitleWdfBoost, "", kStemPrefix);
  uint32_t title_pos = 0;
  index_text(doc, analyzer, a.title, title_pos, 1, kTitlePrefix, kTitleStemPrefix);
  index_text(doc, analyzer, a.summary, pos, 1, "", kStemPrefix);
  index_text(doc, analyzer, a.body, pos, 1, "", kStemPrefix);

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
