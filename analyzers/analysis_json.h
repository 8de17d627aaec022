// The tokens of a text as JSON, like Elasticsearch's `_analyze`: shared by
// `portal-indexer analyze` and the daemon's GET /api/v1/analyze.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace portal::analysis {

// Analyses `text` with analyzer_for(lang) (with `lang` empty, the language
// detect_language() finds, else the default analyzer) and returns
//   {"lang": "uk", "detected": false, "tokens": [{"term": "...", "stems": [...],
//    "key": "...", "position": 0, "start": 0, "end": 10, "text": "...",
//    "stop": false, "compound": false}, ...]}
// where start/end are byte offsets into `text` and "text" the original slice.
// `indent` < 0 gives compact JSON.
std::string analysis_json(std::string_view text, std::string_view lang, int indent = -1);

}  // namespace portal::analysis
