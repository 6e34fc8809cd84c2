// Realistic archives on disk for tests that run the real indexer: releases of
// the synthetic generator (bench/synthetic_corpus.h) as a JSON Lines export
// and as a folder of Markdown files with front matter. Header-only.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "bench/synthetic_corpus.h"

namespace pressroom::testing {

// Changes a generated release before it is written (e.g. a new title for an
// update); may be empty.
using ReleaseEdit = std::function<void(SyntheticRelease&)>;

// Releases [first, last) as one JSON Lines file.
inline void write_synthetic_jsonl(const std::filesystem::path& file, const SyntheticCorpus& corpus,
                                  uint64_t first, uint64_t last, const ReleaseEdit& edit = {}) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  std::string line;
  for (uint64_t i = first; i < last; ++i) {
    SyntheticRelease r = corpus.release(i);
    if (edit) edit(r);
    line.clear();
    append_json_line(r, line);
    out << line;
  }
}

// One release as a Markdown file with YAML front matter (docs/corpus-format.md).
// JSON strings are valid YAML double-quoted scalars, so every value is written
// with the JSON encoder.
inline std::string synthetic_markdown(const SyntheticRelease& r) {
  auto q = [](const std::string& s) { return nlohmann::json(s).dump(); };
  auto list = [&](const std::vector<std::string>& v) { return nlohmann::json(v).dump(); };
  std::string md = "---\n";
  md += "id: " + q(r.id) + "\n";
  md += "title: " + q(r.title) + "\n";
  md += "date: " + r.date + "\n";
  md += "type: " + r.type + "\n";
  md += "topics: " + list(r.topics) + "\n";
  md += "spokespeople: " + list(r.spokespeople) + "\n";
  md += "location: " + q(r.location) + "\n";
  md += "url: " + q(r.url) + "\n";
  md += "lang: " + r.lang + "\n";
  md += "---\n";
  md += r.body + "\n";
  return md;
}

// Releases [first, last) as one Markdown file each, <folder>/<year>/<id>.md.
inline void write_synthetic_markdown(const std::filesystem::path& folder, const SyntheticCorpus& corpus,
                                     uint64_t first, uint64_t last, const ReleaseEdit& edit = {}) {
  for (uint64_t i = first; i < last; ++i) {
    SyntheticRelease r = corpus.release(i);
    if (edit) edit(r);
    std::filesystem::path file = folder / r.date.substr(0, 4) / (r.id + ".md");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << synthetic_markdown(r);
  }
}

}  // namespace pressroom::testing
