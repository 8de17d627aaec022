#include "indexer/text_indexer.h"

#include <string>

#include "indexer/schema.h"

namespace portal {
namespace {

void add_tokens(Xapian::Document& doc, const std::vector<analysis::Token>& tokens,
                Xapian::termcount wdf, std::string_view prefix, std::string_view stem_prefix) {
  for (const auto& t : tokens) {
    doc.add_posting(std::string(prefix) + t.term, t.position + 1, wdf);
    for (const auto& s : t.stems) doc.add_term(std::string(stem_prefix) + s, wdf);
  }
}

}  // namespace

void index_field(Xapian::Document& doc, const analysis::Analyzer& analyzer, std::string_view text,
                 TextField field, uint32_t& position) {
  std::vector<analysis::Token> tokens;
  analyzer.analyze(text, tokens, position);
  if (field == TextField::kTitle) {
    add_tokens(doc, tokens, schema::kTitleWdfBoost, "", schema::kStemPrefix);
    add_tokens(doc, tokens, 1, schema::kTitlePrefix, schema::kTitleStemPrefix);
  } else {
    add_tokens(doc, tokens, 1, "", schema::kStemPrefix);
  }
  if (!tokens.empty()) position = tokens.back().position + 1;
  position += 100;
}

}  // namespace portal
