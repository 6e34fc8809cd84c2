// The test support that starts Xapian's servers: a port counts as the
// server's only when the server process itself listens on it.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "tests/fixtures.h"
#include "tests/support/xapian_servers.h"

namespace pressroom::testing {
namespace {

// A socket of this process listening on an ephemeral loopback port, not
// inherited by the processes it starts.
struct Listener {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int port = 0;
  Listener() {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t length = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, SOMAXCONN) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0)
      throw std::runtime_error(std::string("cannot listen on loopback: ") + std::strerror(errno));
    port = ntohs(addr.sin_port);
  }
  ~Listener() { ::close(fd); }
};

TEST(XapianServers, ProcessHoldingTheListeningSocketListensOnItsPort) {
  Listener listener;
  ASSERT_TRUE(accepts_connections(listener.port));
  EXPECT_TRUE(process_listens_on(::getpid(), listener.port));
}

TEST(XapianServers, AnotherProcessDoesNotListenOnAPortThatAccepts) {
  TempDir dir;
  Listener listener;
  Subprocess other({"/bin/sleep", "30"}, dir.path() / "sleep.log");
  ASSERT_TRUE(accepts_connections(listener.port));
  EXPECT_FALSE(process_listens_on(other.pid(), listener.port));
}

// xapian-tcpsrv cannot bind a port another process listens on and exits;
// that port accepting connections does not make the server started.
TEST(XapianServers, ServerIsNotStartedOnAPortAnotherProcessListensOn) {
  TempDir dir;
  std::string db = (dir.path() / "db").string();
  Xapian::WritableDatabase(db, Xapian::DB_CREATE).commit();
  Listener listener;
  EXPECT_THROW(start_tcpsrv({db}, dir.path() / "tcpsrv.log", listener.port), std::runtime_error);
}

TEST(XapianServers, ClosedPortHasNoListener) {
  int port;
  {
    Listener listener;
    port = listener.port;
  }
  EXPECT_FALSE(process_listens_on(::getpid(), port));
}

}  // namespace
}  // namespace pressroom::testing
