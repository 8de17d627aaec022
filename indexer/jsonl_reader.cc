#include "indexer/jsonl_reader.h"

namespace portal {

void read_jsonl(std::istream& in, const std::string& file_name,
                const std::function<bool(Article&&)>& on_article,
                const std::function<bool(const ReadError&)>& on_error) {
  std::string line;
  unsigned long line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      if (!on_article(parse_article(line))) return;
    } catch (const ArticleError& e) {
      if (!on_error(ReadError{file_name, line_no, e.what()})) return;
    }
  }
}

}  // namespace portal
