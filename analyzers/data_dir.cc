#include "analyzers/data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace portal::analysis {
namespace {

namespace fs = std::filesystem;

// <dir of the running binary>/../share/portalsearch, when it exists.
std::string installed_share_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path share = exe.parent_path().parent_path() / "share" / "portalsearch";
  return fs::is_directory(share, ec) ? share.string() : std::string();
}

const char* env_data_dir() {
  const char* env = std::getenv("PORTAL_DATA_DIR");
  return env && *env ? env : nullptr;
}

}  // namespace

std::string data_directory() {
  if (const char* env = env_data_dir()) return env;
  static const std::string installed = installed_share_dir();
  if (!installed.empty()) return installed;
  std::error_code ec;
  if (fs::is_directory(PORTAL_SOURCE_DATA_DIR, ec)) return PORTAL_SOURCE_DATA_DIR;
  return PORTAL_INSTALL_DATA_DIR;
}

std::string web_directory() {
  if (const char* env = env_data_dir()) return std::string(env) + "/web";
  static const std::string installed = installed_share_dir();
  if (!installed.empty()) return installed + "/web";
  std::error_code ec;
  if (fs::is_directory(PORTAL_SOURCE_WEB_DIR, ec)) return PORTAL_SOURCE_WEB_DIR;
  return std::string(PORTAL_INSTALL_DATA_DIR) + "/web";
}

}  // namespace portal::analysis
