#include "common/json_document_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "common/legacy_encoding.h"
#include "common/record_fields.h"

namespace pressroom {
namespace {

using json = nlohmann::json;

// The line of each byte offset, from one pass over the text: a document of
// many records asks for the line of each.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) newlines_.push_back(at);
  }
  int line_at(size_t offset) const {
    return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
  }

 private:
  std::vector<size_t> newlines_;
};

// The byte offset where each object of a valid JSON text starts, by its JSON
// pointer ("/db/0/data/posts/3"): nlohmann's values carry no positions.
std::map<std::string, size_t> object_offsets(std::string_view text) {
  struct Level {
    bool array;
    size_t index = 0;   // arrays: the element being read
    std::string key;    // objects: the member being read
    std::string path;   // the container's own pointer
  };
  std::map<std::string, size_t> offsets;
  std::vector<Level> stack;
  auto child_path = [&]() -> std::string {
    if (stack.empty()) return "";
    const Level& top = stack.back();
    return top.path + "/" + (top.array ? std::to_string(top.index) : top.key);
  };
  bool expecting_key = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      size_t end = i + 1;
      std::string value;
      while (end < text.size() && text[end] != '"') {
        if (text[end] == '\\' && end + 1 < text.size()) value += text[++end];
        else value += text[end];
        ++end;
      }
      if (expecting_key && !stack.empty() && !stack.back().array) stack.back().key = value;
      expecting_key = false;
      i = end;
    } else if (c == '{' || c == '[') {
      std::string path = child_path();
      if (c == '{') offsets.emplace(path, i);
      stack.push_back({c == '[', 0, "", path});
      expecting_key = c == '{';
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      expecting_key = false;
    } else if (c == ',' && !stack.empty()) {
      if (stack.back().array) ++stack.back().index;
      else expecting_key = true;
    }
  }
  return offsets;
}

bool has_title(const json& value) { return value.is_object() && value.contains("title"); }

using Located = std::pair<std::string, const json*>;  // a value and its pointer, as object_offsets() writes it

// The first array of objects with a title, breadth first, or the top object
// when it is a release itself; nullopt when there is none.
std::optional<Located> find_records(const json& top) {
  if (has_title(top)) return Located{"", &top};
  std::deque<Located> queue{{"", &top}};
  while (!queue.empty()) {
    auto [path, node] = queue.front();
    queue.pop_front();
    if (node->is_array()) {
      if (std::any_of(node->begin(), node->end(), has_title)) return Located{path, node};
      for (size_t i = 0; i < node->size(); ++i) queue.emplace_back(path + "/" + std::to_string(i), &(*node)[i]);
    } else if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) queue.emplace_back(path + "/" + it.key(), &it.value());
    }
  }
  return std::nullopt;
}

}  // namespace

ReadBatch JsonDocumentReader::read(const std::string& file, std::string_view content,
                                   const std::string& default_id) const {
  ReadBatch batch;
  // JSON is UTF-8; a document that is not was written by a legacy system.
  std::string text = as_utf8(without_byte_order_mark(content));
  json top;
  try {
    top = json::parse(text);
  } catch (const json::parse_error& e) {
    batch.issues.push_back({file, LineIndex(text).line_at(e.byte > 0 ? e.byte - 1 : 0), std::string("invalid JSON: ") + e.what()});
    return batch;
  } catch (const json::exception& e) {  // out_of_range: a number too large for any type
    batch.issues.push_back({file, 0, std::string("invalid JSON: ") + e.what()});
    return batch;
  }
  std::optional<Located> found = find_records(top);
  if (!found) {
    batch.issues.push_back({file, 0, "no releases found: expected an array of objects with a title, or one such object"});
    return batch;
  }
  std::map<std::string, size_t> offsets = object_offsets(text);
  LineIndex lines(text);
  auto read_record = [&](const json& record, const std::string& pointer) {
    auto at = offsets.find(pointer);
    add_record(record, file, at == offsets.end() ? 1 : lines.line_at(at->second), default_id, batch);
  };
  const auto& [path, records] = *found;
  if (records->is_array()) {
    for (size_t i = 0; i < records->size(); ++i) {
      if (!(*records)[i].is_object()) continue;  // what an API lists besides its records
      read_record((*records)[i], path + "/" + std::to_string(i));
    }
  } else {
    read_record(*records, path);
  }
  return batch;
}

}  // namespace pressroom
