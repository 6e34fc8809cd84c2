// The fuzz targets (tests/fuzz/targets.h) in the ordinary test suite, so that
// every build — and the sanitizer build — checks what the fuzzers check:
//   * FuzzSeeds replays each target's seed corpus, tests/fuzz/corpus/<target>/;
//   * FuzzRegression feeds each input a fuzzer ever crashed on through the
//     same function. An input whose bug is not fixed yet fails its test; the
//     table says whose code it is in.
// A broken contract aborts (the test fails with the reason on stderr); an
// exception the contract does not allow fails the test.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fuzz/targets.h"

namespace pressroom {
namespace {

namespace fs = std::filesystem;
using Target = void (*)(std::string_view);

const std::map<std::string, Target>& targets() {
  static const std::map<std::string, Target> all = {
      {"search_request", fuzz::search_request}, {"query_text", fuzz::query_text},
      {"snippet", fuzz::snippet},               {"dates", fuzz::dates},
      {"attribution", fuzz::attribution},
      {"jsonl_reader", fuzz::jsonl_reader},     {"json_document_reader", fuzz::json_document_reader},
      {"markdown_reader", fuzz::markdown_reader},
      {"html_reader", fuzz::html_reader},       {"pdf_reader", fuzz::pdf_reader},
  };
  return all;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FuzzSeeds : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzSeeds, EverySeedKeepsTheContract) {
  fs::path folder = fs::path(PRESSROOM_SOURCE_DIR) / "tests/fuzz/corpus" / GetParam();
  ASSERT_TRUE(fs::is_directory(folder)) << folder;
  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) seeds.push_back(entry.path());
  std::sort(seeds.begin(), seeds.end());
  EXPECT_GE(seeds.size(), 10u) << "a target's seed corpus has a dozen realistic inputs";
  Target target = targets().at(GetParam());
  for (const fs::path& seed : seeds) {
    SCOPED_TRACE(seed.string());
    std::string data = read_file(seed);
    target(data);
  }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzSeeds,
                         ::testing::Values("search_request", "query_text", "snippet", "dates", "attribution", "jsonl_reader",
                                           "json_document_reader", "markdown_reader", "html_reader", "pdf_reader"),
                         [](const auto& info) { return info.param; });

// One input a fuzzer crashed on: the target, the bytes (hex), and where the
// bug is. Keep every entry after its fix: it guards against the bug's return.
struct Regression {
  const char* name;
  const char* target;
  const char* hex;
  const char* bug;
};

std::string from_hex(std::string_view hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return bytes;
}

const std::vector<Regression>& regressions() {
  static const std::vector<Regression> all = {
      // FAILS UNTIL FIXED (common/date_text.cc, not ours): an overlong UTF-8
      // encoding of a digit ("\xC0\xB1" decodes to '1') enters tokenize()'s
      // number branch, which then advances over ASCII digits only: pos never
      // moves, and Number tokens are pushed until memory runs out (2 GB in
      // well under a second). Any text that reaches parse_written_date /
      // locate_written_date (date_text.cc:66-68) hangs its thread.
      {"DatesOverlongDigitHangs", "dates", "c0b1", "common/date_text.cc tokenize(): endless loop on an overlong digit"},
      // A synonym group member with no word in it ("\xdb\x99", a lone
      // combining mark) matched at every position without consuming a word:
      // Synonyms::expand() looped forever (found by fuzz_query_text in CI).
      {"SynonymMemberWithoutWordsHangs", "query_text", "617c6220637c64642020637c62657cdb997c6720682069206a0a62206320642065206669206a",
       "common/synonyms.cc expand(): endless loop on a member with no words"},
      // Two byte-order marks before the first record: the whole file dropped
      // one and nlohmann's parser the other, a chunk of it only one, so the
      // record was read one way and not the other (fuzz_jsonl_reader in CI).
      {"JsonLinesDoubleByteOrderMark", "jsonl_reader", "efbbbfefbbbf7b226964223a2261222c227469746c65223a2254222c2264617465223a22323032302d31312d3138227d",
       "common/jsonl_reader.cc read_lines(): the file's mark dropped only at its first line"},
      // A number too large for any type: nlohmann throws out_of_range, not
      // parse_error, and the readers caught only the latter (found by
      // fuzz_json_document_reader before it ran in CI).
      {"JsonDocumentNumberOverflow", "json_document_reader", "7b22615c2262223a2038383838383838383838383838383838383838383838383838383838383838383838383838383838383838383830303030303030303030303030303030303030303030303030303030303030303065303030303030303030303030303030303030313933323236363333312c2022903838383838383838383838383838383838383838382c20227469746c65223a202254205c02715c22207b5b227d5d7d",
       "common/json_document_reader.cc read(): json::out_of_range escaped"},
      {"JsonLinesNumberOverflow", "jsonl_reader", "7b226964223a2261222c227469746c65223a2254222c226e223a31653939393939397d",
       "common/jsonl_reader.cc read_lines(): json::out_of_range escaped"},
      // "title: &t [*t, *t]": an alias inside its own anchor (found by
      // fuzz_markdown_reader in CI, session 13).
      {"MarkdownRecursiveYamlAlias", "markdown_reader", "2d2d2d0a7469746c653a20267420205b2a742c202a745d0a69633a207a7573746f6d2769642d310a2d2d2d0a386f64790a",
       "common/markdown_reader.cc yaml_to_json(): stack overflow on a node that is its own child"},
  };
  return all;
}

// Runs `target` on `data` in a child process, so that an input that hangs or
// eats memory (the kind fuzzers find) fails its test instead of the machine:
// the child is killed past 20 s or 1 GiB resident. Returns "" when the
// target returned, else what went wrong.
std::string run_isolated(Target target, const std::string& data) {
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    try {
      target(data);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "uncaught exception: %s\n", e.what());
      _exit(3);
    }
    _exit(0);
  }
  if (pid < 0) return "fork failed";
  const long page = sysconf(_SC_PAGESIZE);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (true) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
      if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
      return "crashed with signal " + std::to_string(WTERMSIG(status)) + " (see the report above)";
    }
    long resident = 0;
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    statm >> resident >> resident;
    std::string problem;
    if (resident * page > (1L << 30)) problem = "used more than 1 GiB of memory";
    else if (std::chrono::steady_clock::now() > deadline) problem = "ran for more than 20 s";
    if (!problem.empty()) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      return problem;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

class FuzzRegression : public ::testing::TestWithParam<Regression> {};

TEST_P(FuzzRegression, InputKeepsTheContract) {
  const Regression& r = GetParam();
  std::string problem = run_isolated(targets().at(r.target), from_hex(r.hex));
  EXPECT_EQ(problem, "") << "fuzz target " << r.target << ", input hex " << r.hex << "\n" << r.bug;
}

INSTANTIATE_TEST_SUITE_P(Found, FuzzRegression, ::testing::ValuesIn(regressions()),
                         [](const auto& info) { return std::string(info.param.name); });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FuzzRegression);

}  // namespace
}  // namespace pressroom
