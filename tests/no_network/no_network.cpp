// SPDX-License-Identifier: MIT
//
// LD_PRELOAD'ed under fmkit by run.sh: a process that opens a network socket
// or looks a host name up prints "network use: ..." on stderr and aborts.
// Unix sockets (a local socket pair) are allowed.
#include <cstdlib>
#include <cstring>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

void refuse(const char* what) {
  static const char prefix[] = "network use: ";
  ssize_t unused = write(2, prefix, sizeof prefix - 1);
  unused = write(2, what, std::strlen(what));
  unused = write(2, "\n", 1);
  (void)unused;
  std::abort();
}

}  // namespace

extern "C" {

int socket(int domain, int type, int protocol) {
  if (domain != AF_UNIX) refuse("socket");
  return static_cast<int>(syscall(SYS_socket, domain, type, protocol));
}

int connect(int fd, const struct sockaddr* address, socklen_t length) {
  if (address == nullptr || address->sa_family != AF_UNIX) refuse("connect");
  return static_cast<int>(syscall(SYS_connect, fd, address, length));
}

int getaddrinfo(const char*, const char*, const addrinfo*, addrinfo**) {
  refuse("getaddrinfo");
  return EAI_FAIL;
}

hostent* gethostbyname(const char*) {
  refuse("gethostbyname");
  return nullptr;
}

}  // extern "C"
