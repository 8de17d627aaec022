#include "searchd/query_parser.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "analyzers/analyzer.h"
#include "searchd/date_filter.h"
#include "searchd/field_values.h"
#include "searchd/query_terms.h"
#include "searchd/searcher.h"

namespace portal {
namespace {

// A query matching every document. Never Xapian::Query::MatchAll itself: that
// is one object for the whole process, and copying a Xapian::Query changes
// its reference count without atomics, so threads copying it at once corrupt
// the count (and the object is freed while still in use).
Xapian::Query match_all() { return Xapian::Query(std::string()); }

enum class Kind { kWord, kPhrase, kField, kLParen, kRParen, kAnd, kOr, kNot, kEnd };

struct Token {
  Kind kind = Kind::kEnd;
  std::string text;   // word, phrase or field value
  std::string field;  // for kField
  size_t start = 0, end = 0;
  bool plus = false, minus = false;
  bool wildcard = false;      // word ended with '*'
  bool quoted_value = false;  // field value was a "phrase"
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_break(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

[[noreturn]] void fail(const std::string& message) { throw InvalidRequest("q", message); }

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Lexer {
 public:
  Lexer(std::string_view q, const std::vector<std::string>& fields) : q_(q), fields_(fields) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      while (i_ < q_.size() && is_space(q_[i_])) ++i_;
      if (i_ >= q_.size()) break;
      Token t;
      t.start = i_;
      // A sign binds to what follows it directly; a lone sign is ignored.
      if ((q_[i_] == '+' || q_[i_] == '-') && i_ + 1 < q_.size() && !is_space(q_[i_ + 1]) &&
          q_[i_ + 1] != ')') {
        (q_[i_] == '+' ? t.plus : t.minus) = true;
        ++i_;
      } else if (q_[i_] == '+' || q_[i_] == '-') {
        ++i_;
        continue;
      }
      char c = q_[i_];
      if (c == '(') {
        t.kind = Kind::kLParen;
        ++i_;
      } else if (c == ')') {
        t.kind = Kind::kRParen;
        ++i_;
      } else if (c == '"') {
        t.kind = Kind::kPhrase;
        t.text = quoted();
      } else {
        lex_run(t);
      }
      t.end = i_;
      out.push_back(std::move(t));
    }
    return out;
  }

 private:
  std::string quoted() {
    size_t open = i_++;
    size_t close = q_.find('"', i_);
    if (close == std::string_view::npos)
      fail("unbalanced quote: the phrase opened at character " + std::to_string(open + 1) +
           " is not closed");
    std::string text(q_.substr(i_, close - i_));
    i_ = close + 1;
    return text;
  }

  void lex_run(Token& t) {
    size_t begin = i_;
    while (i_ < q_.size() && !is_break(q_[i_]) && q_[i_] != ':') ++i_;
    std::string head(q_.substr(begin, i_ - begin));
    if (i_ < q_.size() && q_[i_] == ':' && !head.empty()) {
      std::string name = lower_ascii(head);
      if (std::find(fields_.begin(), fields_.end(), name) != fields_.end()) {
        ++i_;
        t.kind = Kind::kField;
        t.field = name;
        if (i_ < q_.size() && q_[i_] == '"') {
          t.text = quoted();
          t.quoted_value = true;
        } else {
          size_t vb = i_;
          while (i_ < q_.size() && !is_break(q_[i_])) ++i_;
          t.text = std::string(q_.substr(vb, i_ - vb));
        }
        if (t.text.find_first_not_of(" \t\r\n") == std::string::npos)
          fail("the field '" + name + ":' has an empty value");
        return;
      }
    }
    // Not a known field: the colon is part of the word ("10:30").
    while (i_ < q_.size() && !is_break(q_[i_])) ++i_;
    t.text = std::string(q_.substr(begin, i_ - begin));
    if (!t.plus && !t.minus) {
      if (t.text == "AND") t.kind = Kind::kAnd;
      if (t.text == "OR") t.kind = Kind::kOr;
      if (t.text == "NOT") t.kind = Kind::kNot;
      if (t.kind != Kind::kEnd) return;
    }
    t.kind = Kind::kWord;
    while (!t.text.empty() && t.text.back() == '*') {
      t.text.pop_back();
      t.wildcard = true;
    }
  }

  std::string_view q_;
  const std::vector<std::string>& fields_;
  size_t i_ = 0;
};

enum class Role { kDefault, kRequired, kProhibited };

// Bounds the parser's recursion, whatever the query length.
constexpr int kMaxNesting = 16;

struct Item {
  Xapian::Query query;
  Role role = Role::kDefault;
  bool filter = false;  // boolean, does not score
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, const QueryContext& ctx, const IndexTerms* index, bool relaxed,
         ParsedQuery& out)
      : t_(std::move(tokens)),
        ctx_(ctx),
        index_(index),
        relaxed_(relaxed),
        out_(out),
        analyses_(*out.analyses) {
    languages_ = query_languages("");
  }

  Xapian::Query parse() {
    Xapian::Query q = or_expr(0);
    while (pos_ < t_.size()) {
      // Only a stray ')' can stop or_expr early.
      fail("unbalanced parentheses: ')' at character " + std::to_string(t_[pos_].start + 1) +
           " has no matching '('");
    }
    return q;
  }

  bool has_text() const { return has_text_; }
  bool had_default_group() const { return default_items_ > 1; }

 private:
  const Token* peek() const { return pos_ < t_.size() ? &t_[pos_] : nullptr; }

  Xapian::Query or_expr(int depth) {
    std::vector<Xapian::Query> alternatives;
    alternatives.push_back(and_expr(depth));
    while (peek() && peek()->kind == Kind::kOr) {
      ++pos_;
      alternatives.push_back(and_expr(depth));
    }
    std::vector<Xapian::Query> kept;
    for (auto& a : alternatives)
      if (!a.empty()) kept.push_back(a);
    if (kept.size() == 1) return kept[0];
    return Xapian::Query(Xapian::Query::OP_OR, kept.begin(), kept.end());
  }

  Xapian::Query and_expr(int depth) {
    std::vector<Item> items;
    bool explicit_and = false;
    while (const Token* t = peek()) {
      if (t->kind == Kind::kOr) break;
      if (t->kind == Kind::kRParen) {
        if (depth == 0)
          fail("unbalanced parentheses: ')' at character " + std::to_string(t->start + 1) +
               " has no matching '('");
        break;
      }
      if (t->kind == Kind::kAnd) {
        ++pos_;
        explicit_and = !items.empty();
        continue;
      }
      auto item = unary(depth, Role::kDefault);
      if (!item) continue;
      if (explicit_and) {
        if (item->role == Role::kDefault) item->role = Role::kRequired;
        for (auto it = items.rbegin(); it != items.rend(); ++it)
          if (it->role != Role::kProhibited) {
            if (it->role == Role::kDefault) it->role = Role::kRequired;
            break;
          }
        explicit_and = false;
      }
      items.push_back(std::move(*item));
    }
    return combine(items);
  }

  Xapian::Query combine(const std::vector<Item>& items) {
    std::vector<Xapian::Query> required, optional, prohibited, filters;
    for (const auto& it : items) {
      if (it.query.empty() && it.role != Role::kRequired) continue;
      if (it.role == Role::kProhibited)
        prohibited.push_back(it.query);
      else if (it.filter)
        filters.push_back(it.query);
      else if (it.role == Role::kRequired || !relaxed_)
        required.push_back(it.query);
      else
        optional.push_back(it.query);
    }
    size_t defaults = 0;
    for (const auto& it : items) defaults += it.role == Role::kDefault && !it.filter;
    default_items_ = std::max(default_items_, defaults);

    Xapian::Query scoring;
    if (!required.empty())
      scoring = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (!optional.empty()) {
      Xapian::Query any(Xapian::Query::OP_OR, optional.begin(), optional.end());
      scoring = scoring.empty() ? any : Xapian::Query(Xapian::Query::OP_AND_MAYBE, scoring, any);
    }
    Xapian::Query q = scoring;
    if (!filters.empty()) {
      Xapian::Query f(Xapian::Query::OP_AND, filters.begin(), filters.end());
      q = q.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0)
                    : Xapian::Query(Xapian::Query::OP_FILTER, q, f);
    }
    if (!prohibited.empty()) {
      if (q.empty()) q = match_all();
      q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                        Xapian::Query(Xapian::Query::OP_OR, prohibited.begin(), prohibited.end()));
    }
    return q;
  }

  std::optional<Item> unary(int depth, Role role) {
    const Token* t = peek();
    if (!t) return std::nullopt;
    if (t->kind == Kind::kNot) {
      ++pos_;
      count_term();
      if (!peek() || peek()->kind == Kind::kRParen || peek()->kind == Kind::kOr)
        return std::nullopt;  // stray NOT
      return unary(depth, Role::kProhibited);
    }
    if (t->minus) role = Role::kProhibited;
    if (t->plus && role == Role::kDefault) role = Role::kRequired;
    auto item = primary(depth);
    if (!item) return std::nullopt;
    if (role != Role::kDefault) item->role = role;
    return item;
  }

  void count_term() {
    if (++terms_ > ctx_.max_terms)
      fail("too many terms in the query (at most " + std::to_string(ctx_.max_terms) + ")");
  }

  std::optional<Item> primary(int depth) {
    const Token& t = t_[pos_++];
    Item item;
    switch (t.kind) {
      case Kind::kLParen: {
        size_t open = t.start;
        if (depth >= kMaxNesting)
          fail("parentheses nested too deeply (at most " + std::to_string(kMaxNesting) +
               " levels)");
        item.query = or_expr(depth + 1);
        if (!peek() || peek()->kind != Kind::kRParen)
          fail("unbalanced parentheses: '(' at character " + std::to_string(open + 1) +
               " is not closed");
        ++pos_;
        if (item.query.empty()) return std::nullopt;
        return item;
      }
      case Kind::kPhrase: {
        if (analyses_.tokens("", t.text).empty()) return std::nullopt;
        count_term();
        item.query = phrase_query(t.text, QueryField::kAll, {}, &analyses_);
        out_.highlight_words.push_back(t.text);
        has_text_ = true;
        return item;
      }
      case Kind::kField:
        count_term();
        return field(t);
      case Kind::kWord:
        return word(t);
      default:
        return std::nullopt;  // a stray operator
    }
  }

  std::optional<Item> word(const Token& t) {
    const auto& tokens = analyses_.tokens("", t.text);
    if (tokens.empty()) return std::nullopt;
    count_term();
    Item item;
    has_text_ = true;
    if (t.wildcard) {
      item.query = wildcard("", tokens.back().term);
      out_.highlight_prefixes.push_back(tokens.back().term);
      return item;
    }
    if (!t.minus) {
      out_.highlight_words.push_back(t.text);
      out_.words.push_back({t.start + (t.plus ? 1 : 0), t.end, t.text});
    }
    if (tokens.size() == 1) {
      item.query = word_query(t.text, languages_, QueryField::kAll, &analyses_);
    } else {
      // "covid-19", "Zelensky's": all parts, as written.
      std::vector<Xapian::Query> parts;
      for (const auto& tok : tokens)
        parts.push_back(word_query(t.text.substr(tok.start, tok.end - tok.start), languages_,
                                   QueryField::kAll, &analyses_));
      item.query = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }
    return item;
  }

  Xapian::Query wildcard(const std::string& prefix, const std::string& stem) {
    return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix + stem, ctx_.max_wildcard_expansion,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }

  std::optional<Item> field(const Token& t) {
    Item item;
    item.filter = true;
    const std::string& v = t.text;
    if (t.field == "title") {
      item.filter = false;
      has_text_ = true;
      out_.highlight_words.push_back(v);
      if (t.quoted_value) {
        item.query = phrase_query(v, QueryField::kTitle, {}, &analyses_);
      } else if (v.size() > 1 && v.back() == '*') {
        auto toks = analysis::analyzer_for("").analyze(v.substr(0, v.size() - 1));
        if (toks.empty()) return std::nullopt;
        item.query = wildcard(std::string(schema::kTitlePrefix), toks.back().term);
        out_.highlight_prefixes.push_back(toks.back().term);
      } else {
        item.query = word_query(v, languages_, QueryField::kTitle, &analyses_);
      }
    } else if (t.field == "topic") {
      item.query = field_value(std::string(schema::kTopicPrefix), v);
    } else if (t.field == "type") {
      item.query = field_value(std::string(schema::kTypePrefix), v);
    } else if (t.field == "lang") {
      item.query =
          Xapian::Query(std::string(schema::kLangPrefix) + analysis::normalize_language_tag(v));
    } else if (t.field == "date") {
      item.query = date_range(v);
    } else {
      for (const auto& f : ctx_.extra_fields)
        if (f.param == t.field) item.query = field_value(f.term_prefix(), v);
    }
    return item;
  }

  Xapian::Query field_value(const std::string& prefix, const std::string& v) {
    out_.index_terms = true;
    if (!index_) return Xapian::Query(prefix + v);
    return field_values(*index_, prefix, v, ctx_.max_wildcard_expansion);
  }

  Xapian::Query date_range(const std::string& v) {
    out_.index_terms = true;
    auto dots = v.find("..");
    std::string from, to;
    if (dots == std::string::npos) {
      from = date_bound(v, false, "q");
      to = date_bound(v, true, "q");
    } else {
      std::string a = v.substr(0, dots), b = v.substr(dots + 2);
      if (a.empty() && b.empty()) fail("the field 'date:' needs at least one end of the range");
      if (!a.empty()) from = date_bound(a, false, "q");
      if (!b.empty()) to = date_bound(b, true, "q");
    }
    if (!from.empty() && !to.empty() && from > to)
      fail("the range 'date:" + v + "' ends before it starts");
    return index_ ? date_filter(*index_, from, to) : date_values(from, to);
  }

  std::vector<Token> t_;
  const QueryContext& ctx_;
  const IndexTerms* index_;
  bool relaxed_;
  ParsedQuery& out_;
  QueryAnalyses& analyses_;
  std::vector<std::string> languages_;
  size_t pos_ = 0;
  unsigned terms_ = 0;
  size_t default_items_ = 0;
  bool has_text_ = false;
};

Xapian::Query scaled(Xapian::Query q, double weight) {
  if (weight == 1.0) return q;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
}

std::vector<Xapian::Query> proximity_boosts(const std::vector<ParsedQuery::Word>& words,
                                            const RankingOptions& ranking,
                                            QueryAnalyses& analyses) {
  std::vector<Xapian::Query> boosts;
  auto languages = query_languages("");
  if (ranking.title_weight > 0)
    for (const auto& w : words)
      boosts.push_back(scaled(word_query(w.text, languages, QueryField::kTitle, &analyses),
                              ranking.title_weight));
  // The whole query as a phrase, or all its words near each other, is what a
  // short query means; a long one (a sentence) is never found that way.
  if (words.size() >= 2 && words.size() <= ranking.max_all_words) {
    std::string joined;
    std::vector<Xapian::Query> near;
    for (const auto& w : words) {
      joined += w.text + " ";
      for (const auto& t : analyses.tokens("", w.text)) near.emplace_back(t.term);
    }
    if (ranking.phrase_weight > 0)
      boosts.push_back(
          scaled(phrase_query(joined, QueryField::kAll, {}, &analyses), ranking.phrase_weight));
    if (ranking.near_weight > 0)
      boosts.push_back(
          scaled(Xapian::Query(Xapian::Query::OP_NEAR, near.begin(), near.end(), near.size() + 3),
                 ranking.near_weight));
  }
  return boosts;
}

}  // namespace

std::string date_bound(std::string_view text, bool upper, const std::string& parameter) {
  auto bad = [&] {
    throw InvalidRequest(
        parameter, "bad date '" + std::string(text) + "': expected YYYY, YYYY-MM or YYYY-MM-DD");
  };
  auto digits = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) bad();
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) bad();
  digits(0, 4);
  if (text.size() >= 7) {
    if (text[4] != '-') bad();
    int month = digits(5, 2);
    if (month < 1 || month > 12) bad();
  }
  if (text.size() == 10) {
    if (text[7] != '-') bad();
    int day = digits(8, 2);
    if (day < 1 || day > 31) bad();
  }
  std::string out(text);
  // Date values are "YYYY-MM-DD": "2022-03" as an upper bound means the
  // whole month, so it is extended past every day of it.
  if (upper) out += "\xff";
  return out;
}

ParsedQuery parse_query(std::string_view q, const QueryContext& context, const IndexTerms* index,
                        QueryAnalyses::Leaves leaves) {
  std::vector<std::string> fields = {"title", "topic", "type", "lang", "date"};
  for (const auto& f : context.extra_fields) fields.push_back(f.param);
  auto tokens = Lexer(q, fields).run();

  ParsedQuery out;
  out.analyses = std::make_shared<QueryAnalyses>();
  out.analyses->set_leaves(std::move(leaves));
  Parser strict(tokens, context, index, false, out);
  out.strict = strict.parse();
  out.has_text = strict.has_text();
  if (out.strict.empty()) out.strict = match_all();
  if (strict.had_default_group()) {
    ParsedQuery scratch;
    scratch.analyses = out.analyses;
    Parser relaxed(tokens, context, index, true, scratch);
    out.relaxed = relaxed.parse();
  }
  out.boosts = proximity_boosts(out.words, context.ranking, *out.analyses);
  return out;
}

}  // namespace portal
