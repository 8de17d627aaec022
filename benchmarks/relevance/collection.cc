#include "benchmarks/relevance/collection.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "indexer/jsonl_reader.h"

namespace portal::eval {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<Query> parse_queries(const fs::path& path) {
  std::vector<Query> out;
  std::istringstream in(read_file(path));
  std::string line;
  unsigned long line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto where = path.string() + ":" + std::to_string(line_no) + ": ";
    nlohmann::json obj;
    try {
      obj = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      throw std::runtime_error(where + e.what());
    }
    if (!obj.is_object() || !obj.contains("id") || !obj.contains("text") ||
        !obj["text"].is_string())
      throw std::runtime_error(where + "a query needs \"id\" and \"text\"");
    const auto& id = obj["id"];
    out.push_back({id.is_string() ? id.get<std::string>() : id.dump(), obj["text"]});
  }
  return out;
}

// BEIR's qrels/test.tsv: a header line, then "query-id doc-id grade".
Qrels parse_beir_qrels(const std::string& text, const std::string& file_name) {
  std::string trec;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string q, d, g;
    if (fields >> q >> d >> g) trec += q + " 0 " + d + " " + g + "\n";
  }
  return parse_trec_qrels(trec, file_name);
}

}  // namespace

Qrels parse_trec_qrels(const std::string& text, const std::string& file_name) {
  Qrels qrels;
  std::istringstream in(text);
  std::string line;
  unsigned long line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::istringstream fields(line);
    std::string query, iteration, doc, extra;
    int grade = 0;
    if (!(fields >> query >> iteration >> doc >> grade) || (fields >> extra))
      throw std::runtime_error(file_name + ":" + std::to_string(line_no) +
                               ": expected \"query-id iteration doc-id grade\"");
    qrels[query][doc] = grade;
  }
  return qrels;
}

Collection load_collection(const std::string& dir) {
  fs::path root(dir);
  if (!fs::is_directory(root)) throw std::runtime_error(dir + ": not a directory");
  Collection c;
  c.name = fs::weakly_canonical(root).filename().string();

  fs::path docs = root / "docs.jsonl";
  std::ifstream in(docs);
  if (!in) throw std::runtime_error(docs.string() + ": cannot open");
  std::map<std::string, std::size_t> languages;
  read_jsonl(
      in, docs.string(),
      [&](Article&& a) {
        ++languages[a.lang];
        c.docs.push_back(std::move(a));
        return true;
      },
      [&](const ReadError& e) {
        c.skipped.push_back(e.to_string());
        return true;
      });
  c.language = "en";
  std::size_t most = 0;
  for (const auto& [lang, n] : languages)
    if (!lang.empty() && n > most) most = n, c.language = lang;

  c.queries = parse_queries(root / "queries.jsonl");
  if (fs::exists(root / "qrels.txt")) {
    c.qrels = parse_trec_qrels(read_file(root / "qrels.txt"), (root / "qrels.txt").string());
  } else {
    fs::path beir = root / "qrels" / "test.tsv";
    c.qrels = parse_beir_qrels(read_file(beir), beir.string());
  }
  return c;
}

}  // namespace portal::eval
