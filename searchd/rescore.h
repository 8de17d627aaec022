// Rescoring the first matches of a query with costlier boosts (phrase,
// proximity, title), as Elasticsearch's rescore: the match is ranked without
// the boosts, and the boosts then run over its first matches only, their
// weights added to those of the first ranking.
// A broad query of common words then checks word positions in a window of
// documents instead of in every match.
#pragma once

#include <xapian.h>

#include <vector>

#include "searchd/facet_columns.h"
#include "searchd/top_matches.h"

namespace portal {

// A boolean query matching the documents of `window` (one ranked match on
// `db`, each with its group when it was collapsed) and, when it was
// collapsed, every document of their translation groups, for restricting a
// second match to them: on one local database the documents of both listed
// by docid, else the window's id terms and the group terms. A second match
// collapsed the same way then picks each group's best version among all of
// them, and when `window` holds every match of a query, that query
// restricted to these documents matches exactly what it matches alone.
// Returns an empty Query when it cannot (a document without an id value), in
// which case the second match must run unrestricted. `local` false: `db` may
// have remote parts, which cannot run a posting source of ours. `groups`,
// when not null, lists the documents of each group of a local `db` (its
// revision's column), which are then not read from the index.
Xapian::Query restrict_to(const Xapian::Database& db, const std::vector<TopMatch>& window,
                          bool local, const FacetColumn* groups = nullptr);

// What restrict_to() lists on one local database: the documents of
// `window` and of their groups, sorted, each once.
std::vector<Xapian::docid> window_documents(const Xapian::Database& db,
                                            const std::vector<TopMatch>& window,
                                            const FacetColumn* groups = nullptr);

// A boolean query matching `dids` (sorted, each once) of one local database.
Xapian::Query docid_query(std::vector<Xapian::docid> dids);

}  // namespace portal
