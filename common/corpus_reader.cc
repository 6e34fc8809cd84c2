#include "common/corpus_reader.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "common/html_reader.h"
#include "common/json_document_reader.h"
#include "common/jsonl_reader.h"
#include "common/markdown_reader.h"
#include "common/pdf_reader.h"

namespace pressroom {
namespace {

struct Registry {
  JsonLinesReader jsonl;
  JsonDocumentReader json;
  MarkdownReader markdown;
  HtmlReader html;
  PdfReader pdf;
  std::map<std::string, const CorpusReader*> by_extension = {
      {".jsonl", &jsonl}, {".ndjson", &jsonl}, {".json", &json}, {".md", &markdown}, {".markdown", &markdown},
      {".html", &html},   {".htm", &html},     {".pdf", &pdf}};
  std::vector<std::string> extensions;

  Registry() {
    for (const auto& entry : by_extension) extensions.push_back(entry.first);
  }
};

const Registry& registry() {
  static const Registry instance;
  return instance;
}

}  // namespace

std::string ReadIssue::to_string() const {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(": ").append(reason);
  return out;
}

const CorpusReader* reader_for(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto& readers = registry().by_extension;
  auto it = readers.find(ext);
  return it == readers.end() ? nullptr : it->second;
}

const std::vector<std::string>& supported_extensions() { return registry().extensions; }

}  // namespace pressroom
