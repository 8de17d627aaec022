#include "tests/support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>

namespace portal::test {
namespace {

// True once `raw` holds the headers and the whole Content-Length body, so the
// caller need not wait for the server to close a kept-alive connection.
bool response_complete(const std::string& raw) {
  auto split = raw.find("\r\n\r\n");
  if (split == std::string::npos) return false;
  std::string headers = raw.substr(0, split);
  for (auto& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto at = headers.find("\r\ncontent-length:");
  if (at == std::string::npos) return false;
  size_t length = std::strtoul(headers.c_str() + at + 17, nullptr, 10);
  return raw.size() - (split + 4) >= length;
}

}  // namespace

RawResponse raw_request(int port, const std::string& request, int timeout_ms) {
  RawResponse out;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return out;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return out;
  }
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading it all
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) break;
    char buf[16384];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<size_t>(n));
    if (response_complete(raw)) break;
  }
  close(fd);
  if (raw.rfind("HTTP/1.", 0) != 0 || raw.size() < 12) return out;
  out.status = std::atoi(raw.c_str() + 9);
  auto split = raw.find("\r\n\r\n");
  out.headers = raw.substr(0, split);
  if (split != std::string::npos) out.body = raw.substr(split + 4);
  return out;
}

RawResponse raw_get(int port, const std::string& target, const std::string& extra_headers) {
  return raw_request(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers +
                               "Connection: close\r\n\r\n");
}

}  // namespace portal::test
