#include "analyzers/stopwords.h"

#include <fstream>
#include <stdexcept>

#include "analyzers/data_dir.h"
#include "analyzers/normalize.h"

namespace portal::analysis {
namespace {

class MarkStopwords final : public Stage {
 public:
  explicit MarkStopwords(std::shared_ptr<const StopList> list) : list_(std::move(list)) {}
  void apply(std::string_view, std::span<Token> tokens) const override {
    for (auto& t : tokens)
      if (!t.compound && list_->contains(t.term)) t.stop = true;
  }

 private:
  std::shared_ptr<const StopList> list_;
};

}  // namespace

std::shared_ptr<const StopList> load_stopwords(std::string_view lang) {
  const std::string path = data_directory() + "/stopwords/" + std::string(lang) + ".txt";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("missing stop word list " + path);
  auto list = std::make_shared<StopList>();
  std::string line;
  while (std::getline(in, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    line.erase(0, first);
    fold_case(line);
    list->insert(line);
  }
  if (list->empty()) throw std::runtime_error("empty stop word list " + path);
  return list;
}

std::unique_ptr<Stage> mark_stopwords(std::shared_ptr<const StopList> list) {
  return std::make_unique<MarkStopwords>(std::move(list));
}

}  // namespace portal::analysis
