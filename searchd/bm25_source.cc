#include "searchd/bm25_source.h"

#include <algorithm>
#include <cmath>

namespace portal {
namespace {

// Xapian's skip_to() looks a document up from the top of the B-tree when it
// is past the posting list's current chunk, where moving forward by one
// steps into the next chunk at about a quarter of the cost. A rebuild in
// runs leaves a chunk per term and run (the compactor copies chunks as they
// are), so that a sparse list, such as a title term's or one word's beside
// another's, holds a chunk for every few documents: a target the part is
// expected to reach within a few documents is stepped to.
// A dense list (a common word's) holds many documents a chunk: its
// skip_to() mostly stays in the chunk, where reading on is cheaper than
// stepping through the iterator.
constexpr double kStepWithin = 2;  // documents expected before the target
constexpr int kMaxSteps = 4;
constexpr double kMaxSteppedDensity = 1.0 / 64;

}  // namespace

Bm25TermSource::Bm25TermSource(std::vector<WeightedTerm> terms,
                               std::shared_ptr<const FacetColumns> columns,
                               const Bm25Params& params)
    : terms_(std::move(terms)), columns_(std::move(columns)), params_(params) {}

void Bm25TermSource::init(const Xapian::Database& db) {
  parts_.clear();
  parts_.reserve(terms_.size());
  started_ = false;
  current_ = 0;
  const double n = db.get_doccount();
  const double average = db.get_avlength();
  len_factor_ = params_.b == 0 || params_.k1 == 0 || average == 0 ? 0 : 1 / average;
  const double length_lb = db.get_doclength_lower_bound();
  const Xapian::docid last = db.get_lastdocid();
  double maxweight = 0, est = 0;
  termfreq_min_ = termfreq_max_ = 0;
  for (const auto& [term, factor] : terms_) {
    // The statistics first: Xapian reads them through the table's own
    // cursor, and a posting list opened right after starts from that
    // cursor's blocks, where one opened first reads the term's block again.
    const Xapian::doccount termfreq = db.get_termfreq(term);
    Part& part = parts_.emplace_back();
    part.it = db.postlist_begin(term);
    part.end = db.postlist_end(term);
    if (const double density = last ? static_cast<double>(termfreq) / last : 0;
        density > 0 && density < kMaxSteppedDensity)
      part.step_gap = kStepWithin / density;
    // As BM25Weight::init() without a relevance set, for a term queried
    // once (k3's factor is then 1), scaled by `factor` as OP_SCALE_WEIGHT
    // scales a term.
    double tw = (n - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    part.termweight = std::log(tw) * factor * (params_.k1 + 1);
    // As BM25Weight::get_maxpart().
    const double wdf_max = termfreq ? db.get_wdf_upper_bound(term) : 0;
    double denom = params_.k1;
    if (params_.k1 != 0 && params_.b != 0) {
      const double normlen_lb =
          std::max(std::max(wdf_max, length_lb) * len_factor_, params_.min_normlen);
      denom *= normlen_lb * params_.b + (1 - params_.b);
    }
    denom += wdf_max;
    if (wdf_max != 0) maxweight += part.termweight * (wdf_max / denom);
    // As Xapian's OR of the terms estimates its matches.
    termfreq_min_ = std::max(termfreq_min_, termfreq);
    termfreq_max_ += termfreq;
    if (n > 0) est = est + termfreq - est * termfreq / n;
  }
  termfreq_max_ = std::min<Xapian::doccount>(termfreq_max_, db.get_doccount());
  termfreq_est_ = static_cast<Xapian::doccount>(est + 0.5);
  set_maxweight(maxweight);
}

bool Bm25TermSource::Part::step_to(Xapian::docid target) {
  for (int i = 0; i < kMaxSteps && did < target; ++i) {
    ++it;
    read();
  }
  return did >= target;
}

void Bm25TermSource::start() {
  started_ = true;
  for (auto& part : parts_) part.read();
}

void Bm25TermSource::settle() {
  Xapian::docid least = kEnded;
  for (const auto& part : parts_) least = std::min(least, part.did);
  current_ = least;
}

void Bm25TermSource::next(double) {
  if (!started_) {
    start();
  } else {
    for (auto& part : parts_)
      if (part.did == current_) {
        ++part.it;
        part.read();
      }
  }
  settle();
}

void Bm25TermSource::skip_to(Xapian::docid did, double) {
  if (!started_) start();
  for (auto& part : parts_)
    if (part.did < did) part.skip_to(did);
  settle();
}

double Bm25TermSource::get_weight() const {
  const std::vector<uint32_t>& lengths = columns_->lengths();
  const double length = current_ < lengths.size() ? lengths[current_] : 0;
  // As BM25Weight::get_sumpart(), for each term the document holds.
  const double normlen = std::max(length * len_factor_, params_.min_normlen);
  const double k = params_.k1 * (normlen * params_.b + (1 - params_.b));
  double weight = 0;
  for (const auto& part : parts_)
    if (part.did == current_) {
      const double wdf = part.it.get_wdf();
      weight += part.termweight * (wdf / (k + wdf));
    }
  return weight;
}

Bm25TermSource* Bm25TermSource::clone() const {
  return new Bm25TermSource(terms_, columns_, params_);
}

std::string Bm25TermSource::serialise() const {
  std::string out = Xapian::sortable_serialise(params_.k1) + Xapian::sortable_serialise(params_.b) +
                    Xapian::sortable_serialise(params_.min_normlen);
  for (const auto& [term, factor] : terms_) {
    out += Xapian::sortable_serialise(factor);
    out += Xapian::sortable_serialise(static_cast<double>(term.size()));
    out += term;
  }
  return out;
}

std::string Bm25TermSource::get_description() const {
  std::string out = "Bm25TermSource(";
  for (size_t i = 0; i < terms_.size(); ++i) {
    if (i) out += ", ";
    out += terms_[i].term;
    if (terms_[i].factor != 1.0) out += " * " + std::to_string(terms_[i].factor);
  }
  return out + ")";
}

QueryAnalyses::Leaves bm25_leaves(std::shared_ptr<const FacetColumns> columns,
                                  const Bm25Params& params) {
  return [columns = std::move(columns), params](const std::vector<WeightedTerm>& terms) {
    return Xapian::Query((new Bm25TermSource(terms, columns, params))->release());
  };
}

}  // namespace portal
