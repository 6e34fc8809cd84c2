#include "tests/fixtures.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "common/release_json.h"

namespace pressroom::testing {

TempDir::TempDir() {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("pressroom-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& relative, const std::string& content) const {
  std::filesystem::path full = path_ / relative;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out << content;
  return full;
}

std::string jsonl_line(const Release& release) {
  nlohmann::json j = release_to_json(release);
  return j.dump() + "\n";
}

IndexStats index_paths(const std::string& db, const std::vector<std::string>& paths, bool prune) {
  IndexOptions options;
  options.db_path = db;
  options.paths = paths;
  options.prune = prune;
  options.threads = 2;
  try {
    return run_index(options);
  } catch (const IndexError& e) {
    ADD_FAILURE() << "indexing failed: " << e.what();
    return {};
  }
}

Xapian::Document document_with_words(const std::vector<std::string>& words) {
  Xapian::Document doc;
  for (size_t i = 0; i < words.size(); ++i)
    if (!words[i].empty()) doc.add_posting(words[i], static_cast<Xapian::termpos>(i + 1));
  return doc;
}

}  // namespace pressroom::testing
