// The side-by-side table portal-eval prints.
#pragma once

#include <ostream>
#include <vector>

#include "benchmarks/relevance/evaluate.h"

namespace portal::eval {

// One row per evaluation: nDCG@10, MAP@100, MRR@10, Recall@100, the number of
// queries averaged and the query time.
void print_table(std::ostream& out, const std::vector<Evaluation>& evaluations);

}  // namespace portal::eval
