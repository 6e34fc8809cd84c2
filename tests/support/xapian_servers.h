// Xapian's own servers for tests of shards and replicas: xapian-tcpsrv and
// xapian-replicate-server on ephemeral loopback ports, started as child
// processes and stopped with the test. Header-only, for the *_test.cc files.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/subprocess.h"

namespace pressroom::testing {

// True once something accepts TCP connections on 127.0.0.1:port.
inline bool accepts_connections(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// True when process `pid` itself holds a socket listening on TCP `port`
// (IPv4 or IPv6): the inode of the listening socket in /proc/net/tcp{,6} is
// one of the process's open files. A connection alone could reach another
// process that took the port first.
inline bool process_listens_on(pid_t pid, int port) {
  std::vector<std::string> inodes;
  for (const char* file : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::istringstream table(read_text(file));
    std::string line;
    std::getline(table, line);  // the header
    while (std::getline(table, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
      fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
      size_t colon = local.rfind(':');
      if (state != "0A" || colon == std::string::npos) continue;  // 0A: LISTEN
      if (std::stoi(local.substr(colon + 1), nullptr, 16) == port) inodes.push_back("socket:[" + inode + "]");
    }
  }
  std::error_code ec;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    std::string target = std::filesystem::read_symlink(fd.path(), ec).string();
    for (const std::string& inode : inodes)
      if (target == inode) return true;
  }
  return false;
}

// A Xapian server process listening on a free loopback port.
class XapianServer {
 public:
  // `argv_before_port` and `argv_after_port` surround "--port N"; tries a few
  // ports in case one is taken between choosing and binding it, or only
  // `port` when it is given (a server coming back where it was).
  XapianServer(std::vector<std::string> argv_before_port, std::vector<std::string> argv_after_port,
               const std::filesystem::path& log, int port = 0) {
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = port ? port : free_loopback_port();
      std::vector<std::string> argv = argv_before_port;
      argv.push_back("--port");
      argv.push_back(std::to_string(port_));
      argv.insert(argv.end(), argv_after_port.begin(), argv_after_port.end());
      process_ = std::make_unique<Subprocess>(argv, log);
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (std::chrono::steady_clock::now() < deadline && !process_->poll()) {
        // Ours first: a connection to another process's listener that never
        // accepts can block for minutes once its queue is full.
        if (process_listens_on(process_->pid(), port_) && accepts_connections(port_)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      process_.reset();
    }
    throw std::runtime_error("could not start " + argv_before_port.front() + ": " + read_text(log));
  }

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  // Stops the server now, with the children it forked for open connections
  // (a shard going down, as when its machine stops).
  void stop() {
    if (!process_) return;
    for (pid_t child : children_of(process_->pid())) ::kill(child, SIGKILL);
    process_.reset();
  }
  ~XapianServer() { stop(); }

 private:
  static std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> children;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      std::string name = entry.path().filename();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;
      std::string stat = read_text(entry.path() / "stat");
      size_t close = stat.rfind(')');
      if (close == std::string::npos) continue;
      std::istringstream fields(stat.substr(close + 2));
      std::string state;
      pid_t ppid = 0;
      fields >> state >> ppid;
      if (ppid == parent) children.push_back(static_cast<pid_t>(std::stoi(name)));
    }
    return children;
  }

  int port_ = -1;
  std::unique_ptr<Subprocess> process_;
};

// xapian-tcpsrv serving the databases at `paths` (read-only), on `port`
// when given, else on a free one.
inline std::unique_ptr<XapianServer> start_tcpsrv(const std::vector<std::string>& paths,
                                                  const std::filesystem::path& log, int port = 0) {
  std::vector<std::string> after = {"--interface", "127.0.0.1", "--quiet"};
  after.insert(after.end(), paths.begin(), paths.end());
  return std::make_unique<XapianServer>(std::vector<std::string>{"/usr/bin/xapian-tcpsrv"}, after, log, port);
}

}  // namespace pressroom::testing
