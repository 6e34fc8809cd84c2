#include "common/markdown_reader.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "common/markdown_text.h"
#include "common/record_fields.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

nlohmann::json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(yaml_to_json(item));
      return array;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& kv : node) object[kv.first.as<std::string>()] = yaml_to_json(kv.second);
      return object;
    }
    default:
      return nullptr;
  }
}

// A line that is exactly `marker` (trailing spaces and \r allowed).
bool is_marker_line(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  return line.substr(marker.size()).find_first_not_of(" \t\r") == std::string_view::npos;
}

struct Split {
  std::string_view front_matter;  // empty when the file has none
  std::string_view body;
  int marker_line = 1;       // the opening '---'
  int front_first_line = 2;  // the first line of the front matter
  int body_first_line = 1;
  bool unterminated = false;
};

Split split_front_matter(std::string_view content) {
  Split split;
  split.body = content;
  // Blank lines before the opening marker are allowed, as Hugo allows them:
  // real archives have posts that start with an empty line.
  size_t open = 0;
  int line = 1;
  for (size_t end; (end = content.find('\n', open)) != std::string_view::npos; open = end + 1, ++line)
    if (content.substr(open, end - open).find_first_not_of(" \t\r") != std::string_view::npos) break;
  size_t first_end = content.find('\n', open);
  if (first_end == std::string_view::npos || !is_marker_line(content.substr(open, first_end - open), "---"))
    return split;
  split.marker_line = line;
  split.front_first_line = line + 1;
  size_t pos = first_end + 1;
  ++line;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view current = content.substr(pos, end - pos);
    if (is_marker_line(current, "---") || is_marker_line(current, "...")) {
      split.front_matter = content.substr(first_end + 1, pos - first_end - 1);
      split.body = end < content.size() ? content.substr(end + 1) : std::string_view();
      split.body_first_line = line + 1;
      return split;
    }
    pos = end + 1;
    ++line;
  }
  split.unterminated = true;
  return split;
}

}  // namespace

ReadBatch MarkdownReader::read(const std::string& file, std::string_view content,
                               const std::string& default_id) const {
  ReadBatch batch;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  Split split = split_front_matter(content);
  if (split.unterminated) {
    batch.issues.push_back({file, split.marker_line, "front matter opened with '---' is never closed"});
    return batch;
  }

  Release release;
  if (!split.front_matter.empty()) {
    YAML::Node front;
    try {
      front = YAML::Load(std::string(split.front_matter));
    } catch (const YAML::Exception& e) {
      int line = e.mark.line >= 0 ? e.mark.line + split.front_first_line : split.marker_line;
      batch.issues.push_back({file, line, "invalid YAML front matter: " + e.msg});
      return batch;
    }
    if (front.IsDefined() && !front.IsNull()) {
      if (!front.IsMap()) {
        batch.issues.push_back({file, split.front_first_line, "front matter is not a mapping of fields"});
        return batch;
      }
      nlohmann::json record;
      try {
        record = yaml_to_json(front);
      } catch (const YAML::Exception& e) {
        batch.issues.push_back({file, split.front_first_line, "invalid YAML front matter: " + e.msg});
        return batch;
      }
      if (auto error = release_from_record(record, release)) {
        batch.issues.push_back({file, 1, *error});
        return batch;
      }
    }
  }
  if (release.title.empty()) {
    release.title = first_heading(split.body);
    if (!release.title.empty()) release.provenance["title"] = Provenance::Extracted;
  }
  if (release.body.empty()) release.body = markdown_to_text(split.body);
  if (release.id.empty()) release.id = default_id;
  release.source = file;
  release.source_line = 1;
  batch.releases.push_back(std::move(release));
  return batch;
}

}  // namespace pressroom
