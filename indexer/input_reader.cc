#include "indexer/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "indexer/line_reader.h"

namespace portal {
namespace fs = std::filesystem;
namespace {

bool is_page(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".html" || ext == ".htm";
}

// The pages under `dir`, sorted so runs are repeatable.
std::vector<fs::path> pages_under(const std::string& dir, std::error_code& ec) {
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && is_page(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

InputItem error_item(const std::string& file, std::string reason) {
  InputItem item;
  item.kind = InputItem::Kind::kError;
  item.file = file;
  item.payload = std::move(reason);
  return item;
}

}  // namespace

std::string item_location(const InputItem& item) {
  return item.line > 0 ? item.file + ":" + std::to_string(item.line) : item.file;
}

InputReader::InputReader(std::vector<std::string> inputs, size_t max_document_bytes)
    : inputs_(std::move(inputs)), max_bytes_(max_document_bytes) {
  for (const auto& in : inputs_) {
    std::error_code ec;
    if (in == "-") continue;
    if (fs::is_directory(in, ec)) {
      for (const auto& p : pages_under(in, ec)) total_bytes_ += fs::file_size(p, ec);
    } else if (fs::is_regular_file(in, ec)) {
      total_bytes_ += fs::file_size(in, ec);
    }
  }
}

void InputReader::run(const std::function<bool(InputItem&&)>& sink) {
  for (const auto& in : inputs_) {
    std::error_code ec;
    bool go = true;
    if (in != "-" && fs::is_directory(in, ec))
      go = read_pages(in, sink);
    else if (in != "-" && is_page(in) && fs::is_regular_file(in, ec))
      go = read_page(in, fs::path(in).filename().string(), sink);
    else
      go = read_lines(in, sink);
    if (!go) return;
  }
}

bool InputReader::read_lines(const std::string& path,
                             const std::function<bool(InputItem&&)>& sink) {
  const std::string name = path == "-" ? "<stdin>" : path;
  try {
    LineReader reader(path);
    unsigned long line_no = 0;
    std::string line;
    while (reader.next(line, max_bytes_)) {
      ++line_no;
      bytes_done_.store(finished_bytes_ + reader.position(), std::memory_order_relaxed);
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      InputItem item;
      item.kind = InputItem::Kind::kJsonLine;
      item.file = name;
      item.line = line_no;
      item.oversize = line.size() > max_bytes_;
      item.payload = std::move(line);
      line = std::string();
      if (!sink(std::move(item))) return false;
    }
    finished_bytes_ += reader.size();
    bytes_done_.store(finished_bytes_, std::memory_order_relaxed);
    return true;
  } catch (const InputError& e) {
    std::string what = e.what();
    // The message starts with the path already.
    std::string reason = what.rfind(path + ": ", 0) == 0 ? what.substr(path.size() + 2) : what;
    return sink(error_item(name, reason));
  }
}

bool InputReader::read_pages(const std::string& dir, const std::function<bool(InputItem&&)>& sink) {
  std::error_code ec;
  auto pages = pages_under(dir, ec);
  if (ec) return sink(error_item(dir, "cannot read directory: " + ec.message()));
  fs::path root = fs::path(dir).lexically_normal();
  std::string root_name =
      root.filename().empty() ? root.parent_path().filename().string() : root.filename().string();
  for (const auto& p : pages) {
    std::string rel = p.lexically_relative(root).generic_string();
    if (!read_page(p.string(), root_name.empty() ? rel : root_name + "/" + rel, sink)) return false;
  }
  return true;
}

bool InputReader::read_page(const std::string& path, const std::string& page_path,
                            const std::function<bool(InputItem&&)>& sink) {
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  InputItem item;
  item.kind = InputItem::Kind::kHtmlPage;
  item.file = path;
  item.page_path = page_path;
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) return sink(error_item(path, "cannot open"));
  item.oversize = size > max_bytes_;
  item.payload.resize(item.oversize ? max_bytes_ + 1 : size);
  in.read(item.payload.data(), static_cast<std::streamsize>(item.payload.size()));
  if (static_cast<size_t>(in.gcount()) != item.payload.size())
    return sink(error_item(path, "read error"));
  finished_bytes_ += size;
  bytes_done_.store(finished_bytes_, std::memory_order_relaxed);
  return sink(std::move(item));
}

}  // namespace portal
