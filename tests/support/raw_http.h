// A raw HTTP/1.1 client for tests that must send bytes no well-behaved client
// library would: invalid UTF-8, bad percent-encoding, huge headers.
#pragma once

#include <string>

namespace portal::test {

struct RawResponse {
  int status = 0;  // 0 when no parsable response came back
  std::string headers;
  std::string body;
};

// Sends `request` verbatim to 127.0.0.1:port and reads the response until the
// server closes the connection or `timeout_ms` passes. The request should say
// "Connection: close".
RawResponse raw_request(int port, const std::string& request, int timeout_ms = 10000);

// A GET of `target` (sent as is, not encoded) with Connection: close.
RawResponse raw_get(int port, const std::string& target, const std::string& extra_headers = "");

}  // namespace portal::test
