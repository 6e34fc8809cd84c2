// A real child process for tests that run the pressroom binaries as a user
// would: spawned with its output captured to a file, waited for with a
// deadline, killed with a signal. Header-only, for the *_test.cc files.
#pragma once

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace pressroom::testing {

// How a child ended: exit status, or the signal that killed it.
struct ExitStatus {
  bool exited = false;
  int code = -1;    // when exited
  int signal = 0;   // when killed by a signal
  std::string describe() const {
    return exited ? "exit status " + std::to_string(code) : "killed by signal " + std::to_string(signal);
  }
};

class Subprocess {
 public:
  // Starts `argv` with stdout and stderr appended to `log`. `extra_env` entries
  // ("NAME=value") are added to this process's environment.
  Subprocess(const std::vector<std::string>& argv, const std::filesystem::path& log,
             const std::vector<std::string>& extra_env = {})
      : log_(log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
    for (const std::string& e : extra_env) env_strings.push_back(e);
    std::vector<char*> env;
    for (std::string& e : env_strings) env.push_back(e.data());
    env.push_back(nullptr);
    int rc = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  ~Subprocess() {
    if (!status_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }

  // The status if the child has ended, without waiting.
  std::optional<ExitStatus> poll() {
    if (status_) return status_;
    int raw = 0;
    pid_t r = ::waitpid(pid_, &raw, WNOHANG);
    if (r == pid_) status_ = decode(raw);
    return status_;
  }

  ExitStatus wait() {
    if (status_) return *status_;
    int raw = 0;
    while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
    }
    status_ = decode(raw);
    return *status_;
  }

  // Waits at most `timeout`; kills the child (SIGKILL) when it is still running then.
  ExitStatus wait_for(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (auto s = poll()) return *s;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    return wait();
  }

  void kill(int signal) { ::kill(pid_, signal); }

  std::string output() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  static ExitStatus decode(int raw) {
    ExitStatus s;
    if (WIFEXITED(raw)) {
      s.exited = true;
      s.code = WEXITSTATUS(raw);
    } else if (WIFSIGNALED(raw)) {
      s.signal = WTERMSIG(raw);
    }
    return s;
  }

  pid_t pid_ = -1;
  std::filesystem::path log_;
  std::optional<ExitStatus> status_;
};

// Runs a command to its end (at most `timeout`) and returns its status;
// its output goes to `log`.
inline ExitStatus run_command(const std::vector<std::string>& argv, const std::filesystem::path& log,
                              std::chrono::milliseconds timeout = std::chrono::minutes(5),
                              const std::vector<std::string>& extra_env = {}) {
  Subprocess p(argv, log, extra_env);
  return p.wait_for(timeout);
}

// A TCP port on 127.0.0.1 that was free a moment ago, for a child server.
inline int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace pressroom::testing
