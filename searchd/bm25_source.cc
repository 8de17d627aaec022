#include "searchd/bm25_source.h"

#include <algorithm>
#include <cmath>

namespace portal {

Bm25TermSource::Bm25TermSource(std::string term, std::shared_ptr<const FacetColumns> columns,
                               const Bm25Params& params)
    : term_(std::move(term)), columns_(std::move(columns)), params_(params) {}

void Bm25TermSource::init(const Xapian::Database& db) {
  it_ = db.postlist_begin(term_);
  end_ = db.postlist_end(term_);
  started_ = false;
  termfreq_ = db.get_termfreq(term_);
  // As BM25Weight::init() without a relevance set, for a term queried once
  // (k3's factor is then 1).
  const double n = db.get_doccount();
  double tw = (n - termfreq_ + 0.5) / (termfreq_ + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  termweight_ = std::log(tw) * (params_.k1 + 1);
  const double average = db.get_avlength();
  len_factor_ = params_.b == 0 || params_.k1 == 0 || average == 0 ? 0 : 1 / average;
  // As BM25Weight::get_maxpart().
  const double wdf_max = termfreq_ ? db.get_wdf_upper_bound(term_) : 0;
  double denom = params_.k1;
  if (params_.k1 != 0 && params_.b != 0) {
    const double normlen_lb = std::max(
        std::max(wdf_max, static_cast<double>(db.get_doclength_lower_bound())) * len_factor_,
        params_.min_normlen);
    denom *= normlen_lb * params_.b + (1 - params_.b);
  }
  denom += wdf_max;
  set_maxweight(wdf_max == 0 ? 0 : termweight_ * (wdf_max / denom));
}

void Bm25TermSource::next(double) {
  if (started_)
    ++it_;
  else
    started_ = true;
}

void Bm25TermSource::skip_to(Xapian::docid did, double) {
  started_ = true;
  it_.skip_to(did);
}

double Bm25TermSource::get_weight() const {
  const double wdf = it_.get_wdf();
  const Xapian::docid did = *it_;
  const std::vector<uint32_t>& lengths = columns_->lengths();
  const double length = did < lengths.size() ? lengths[did] : 0;
  // As BM25Weight::get_sumpart().
  const double normlen = std::max(length * len_factor_, params_.min_normlen);
  const double denom = params_.k1 * (normlen * params_.b + (1 - params_.b)) + wdf;
  return termweight_ * (wdf / denom);
}

Bm25TermSource* Bm25TermSource::clone() const {
  return new Bm25TermSource(term_, columns_, params_);
}

std::string Bm25TermSource::serialise() const {
  return Xapian::sortable_serialise(params_.k1) + Xapian::sortable_serialise(params_.b) +
         Xapian::sortable_serialise(params_.min_normlen) + term_;
}

std::string Bm25TermSource::get_description() const { return "Bm25TermSource(" + term_ + ")"; }

std::function<Xapian::Query(const std::string&)> bm25_leaves(
    std::shared_ptr<const FacetColumns> columns, const Bm25Params& params) {
  return [columns = std::move(columns), params](const std::string& term) {
    return Xapian::Query((new Bm25TermSource(term, columns, params))->release());
  };
}

}  // namespace portal
