#include "common/markdown_reader.h"

#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <vector>

#include "common/legacy_encoding.h"
#include "common/markdown_text.h"
#include "common/record_fields.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// Front matter is a few fields, but YAML's aliases can make a node its own
// child (`title: &t [*t]`) or double a list at each level: bounds on depth
// and on the nodes read turn such a file into a reported issue rather than a
// stack overflow or an endless expansion.
constexpr int kMaxYamlDepth = 32;
constexpr size_t kMaxYamlNodes = 100000;
struct YamlTooLarge {};

nlohmann::json yaml_to_json(const YAML::Node& node, int depth, size_t& nodes) {
  if (depth > kMaxYamlDepth || ++nodes > kMaxYamlNodes) throw YamlTooLarge{};
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(yaml_to_json(item, depth + 1, nodes));
      return array;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& kv : node) object[kv.first.as<std::string>()] = yaml_to_json(kv.second, depth + 1, nodes);
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

enum class FrontMatter { None, Yaml, Toml };

struct Split {
  FrontMatter format = FrontMatter::None;
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
  if (first_end == std::string_view::npos) return split;
  std::string_view opening = content.substr(open, first_end - open);
  // YAML between "---" lines (or "---" and "..."), TOML between "+++" lines.
  std::string_view closer;
  if (is_marker_line(opening, "---")) {
    split.format = FrontMatter::Yaml;
    closer = "---";
  } else if (is_marker_line(opening, "+++")) {
    split.format = FrontMatter::Toml;
    closer = "+++";
  } else {
    return split;
  }
  split.marker_line = line;
  split.front_first_line = line + 1;
  size_t pos = first_end + 1;
  ++line;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view current = content.substr(pos, end - pos);
    if (is_marker_line(current, closer) || (split.format == FrontMatter::Yaml && is_marker_line(current, "..."))) {
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

// The fields of YAML front matter; null when it is empty, nullopt (and an
// issue at its line) when it cannot be read.
std::optional<nlohmann::json> yaml_record(const std::string& file, const Split& split,
                                          std::vector<ReadIssue>& issues) {
  YAML::Node front;
  try {
    front = YAML::Load(std::string(split.front_matter));
  } catch (const YAML::Exception& e) {
    int line = e.mark.line >= 0 ? e.mark.line + split.front_first_line : split.marker_line;
    issues.push_back({file, line, "invalid YAML front matter: " + e.msg});
    return std::nullopt;
  }
  if (!front.IsDefined() || front.IsNull()) return nlohmann::json();
  if (!front.IsMap()) {
    issues.push_back({file, split.front_first_line, "front matter is not a mapping of fields"});
    return std::nullopt;
  }
  try {
    size_t nodes = 0;
    return yaml_to_json(front, 0, nodes);
  } catch (const YAML::Exception& e) {
    issues.push_back({file, split.front_first_line, "invalid YAML front matter: " + e.msg});
    return std::nullopt;
  } catch (const YamlTooLarge&) {
    issues.push_back({file, split.front_first_line,
                      "YAML front matter nests deeper than " + std::to_string(kMaxYamlDepth) + " levels or holds more than " +
                          std::to_string(kMaxYamlNodes) + " values (an alias inside its own anchor?)"});
    return std::nullopt;
  }
}

nlohmann::json toml_to_json(const toml::node& node) {
  if (const toml::table* table = node.as_table()) {
    nlohmann::json object = nlohmann::json::object();
    for (auto&& [key, value] : *table) object[std::string(key.str())] = toml_to_json(value);
    return object;
  }
  if (const toml::array* array = node.as_array()) {
    nlohmann::json items = nlohmann::json::array();
    for (const toml::node& item : *array) items.push_back(toml_to_json(item));
    return items;
  }
  if (auto text = node.value<std::string>()) return *text;
  if (const auto* flag = node.as_boolean()) return flag->get();
  if (const auto* number = node.as_integer()) return number->get();
  if (const auto* number = node.as_floating_point()) return number->get();
  // Dates and times, as TOML writes them ("2020-11-18T10:00:00-05:00").
  std::ostringstream written;
  if (const auto* date = node.as_date()) written << date->get();
  else if (const auto* time = node.as_time()) written << time->get();
  else if (const auto* date_time = node.as_date_time()) written << date_time->get();
  return written.str();
}

// The fields of TOML front matter (Hugo's "+++" blocks), as yaml_record().
std::optional<nlohmann::json> toml_record(const std::string& file, const Split& split,
                                          std::vector<ReadIssue>& issues) {
  try {
    toml::table table = toml::parse(split.front_matter);
    return table.empty() ? nlohmann::json() : toml_to_json(table);
  } catch (const toml::parse_error& e) {
    int line = static_cast<int>(e.source().begin.line) + split.front_first_line - 1;
    issues.push_back({file, line, "invalid TOML front matter: " + std::string(e.description())});
    return std::nullopt;
  }
}

}  // namespace

ReadBatch MarkdownReader::read(const std::string& file, std::string_view content,
                               const std::string& default_id) const {
  ReadBatch batch;
  // A file saved by a legacy editor: read as windows-1252 rather than lost.
  std::string utf8 = as_utf8(without_byte_order_mark(content));
  Split split = split_front_matter(utf8);
  if (split.unterminated) {
    batch.issues.push_back({file, split.marker_line,
                            std::string("front matter opened with '") +
                                (split.format == FrontMatter::Toml ? "+++" : "---") + "' is never closed"});
    return batch;
  }

  Release release;
  if (!split.front_matter.empty()) {
    std::optional<nlohmann::json> record = split.format == FrontMatter::Toml
                                               ? toml_record(file, split, batch.issues)
                                               : yaml_record(file, split, batch.issues);
    if (!record) return batch;
    if (!record->is_null()) {
      if (auto error = release_from_record(*record, release)) {
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
