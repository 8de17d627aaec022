#include "indexer/text_indexer.h"

#include <string>

#include "indexer/schema.h"

namespace portal {
namespace {

// Surface forms with positions (phrases), stems without (as Xapian's
// TermGenerator does with STEM_SOME); stop words have no stems.
void add_tokens(Xapian::Document& doc, const std::vector<analysis::Token>& tokens,
                Xapian::termcount wdf, std::string_view prefix, std::string_view stem_prefix) {
  std::string term;
  for (const auto& t : tokens) {
    term.assign(prefix).append(t.term);
    doc.add_posting(term, t.position + 1, wdf);
    for (const auto& s : t.stems) {
      term.assign(stem_prefix).append(s);
      doc.add_term(term, wdf);
    }
  }
}

void add_name_keys(Xapian::Document& doc, const std::vector<analysis::Token>& tokens) {
  std::string term;
  for (const auto& t : tokens) {
    if (t.key.empty()) continue;
    term.assign(schema::kNameKeyPrefix).append(t.key);
    doc.add_term(term);
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
  add_name_keys(doc, tokens);
  if (!tokens.empty()) position = tokens.back().position + 1;
  position += 100;
}

}  // namespace portal
