// Fuzz target: the query language and search parameters through the search
// library, over a small index of real articles. The first input line is the
// query; further lines are `name=value` parameters (page, per_page, sort,
// from, to, ui_lang, collapse, recency, facets, or a facet filter such as
// topic=...). The only acceptable failure is InvalidRequest.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "indexer/article.h"
#include "indexer/index_writer.h"
#include "searchd/searcher.h"

namespace {

const portal::Searcher& searcher() {
  static std::unique_ptr<portal::Searcher> instance = [] {
    char tmpl[] = "/tmp/portal-fuzz-query-XXXXXX";
    std::string dir = mkdtemp(tmpl);
    {
      portal::IndexWriter writer(dir + "/db");
      std::ifstream in(std::string(PORTAL_SOURCE_DATA_DIR) + "/zelensky-addresses/docs.jsonl");
      std::string line;
      for (int i = 0; i < 60 && std::getline(in, line); ++i)
        writer.upsert(portal::parse_article(line));
      writer.commit();
    }
    portal::SearcherOptions options;
    options.extra_fields =
        portal::load_extra_fields(std::string(PORTAL_SOURCE_DATA_DIR) + "/facets.json");
    return std::make_unique<portal::Searcher>(dir + "/db", options);
  }();
  return *instance;
}

int to_int(const std::string& v) { return static_cast<int>(std::strtol(v.c_str(), nullptr, 10)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  portal::SearchRequest request;
  std::getline(in, request.q);
  std::string line;
  try {
    while (std::getline(in, line)) {
      auto eq = line.find('=');
      if (eq == std::string::npos) continue;
      std::string name = line.substr(0, eq), value = line.substr(eq + 1);
      if (name == "page")
        request.page = to_int(value);
      else if (name == "per_page")
        request.per_page = to_int(value);
      else if (name == "sort")
        request.sort = portal::parse_sort_order(value);
      else if (name == "from")
        request.from = value;
      else if (name == "to")
        request.to = value;
      else if (name == "ui_lang")
        request.ui_lang = value;
      else if (name == "collapse")
        request.collapse = value != "false";
      else if (name == "recency")
        request.recency = std::strtod(value.c_str(), nullptr);
      else if (name == "facets")
        request.facets.push_back(value);
      else
        request.filters[name].push_back(value);
    }
    searcher().search(request);
  } catch (const portal::InvalidRequest&) {
  }
  try {
    searcher().suggest(portal::SuggestRequest{request.q, request.ui_lang, 8});
  } catch (const portal::InvalidRequest&) {
  }
  return 0;
}
