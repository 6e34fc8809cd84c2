#include "server/search_export.h"

#include <nlohmann/json.hpp>

namespace pressroom {
namespace {

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

}  // namespace

std::string csv_cell(std::string_view value) {
  std::string cell;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) cell = "'";
  cell += value;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_header() {
  std::string line;
  for (std::string_view column : kExportColumns) {
    if (!line.empty()) line += ',';
    line += column;
  }
  return line + "\r\n";
}

std::string csv_row(const Release& r) {
  const std::string cells[] = {r.id, r.date, r.type, r.title, joined(r.topics), joined(r.spokespeople), r.location, r.url};
  static_assert(std::size(cells) == kExportColumns.size());
  std::string line;
  for (size_t i = 0; i < std::size(cells); ++i) {
    if (i) line += ',';
    line += csv_cell(cells[i]);
  }
  return line + "\r\n";
}

std::string jsonl_row(const Release& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["date"] = r.date;
  j["type"] = r.type;
  j["title"] = r.title;
  j["topics"] = r.topics;
  j["spokespeople"] = r.spokespeople;
  j["location"] = r.location;
  j["url"] = r.url;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pressroom
