#include "common/release_json.h"

namespace pressroom {
namespace {

void put_if(nlohmann::json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

std::string get_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> get_strings(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return {};
  return it->get<std::vector<std::string>>();
}

}  // namespace

nlohmann::json release_to_json(const Release& r) {
  nlohmann::json j = {{"id", r.id},       {"title", r.title},   {"date", r.date},
                      {"type", r.type},   {"topics", r.topics}, {"spokespeople", r.spokespeople}};
  put_if(j, "location", r.location);
  put_if(j, "url", r.url);
  put_if(j, "lang", r.lang);
  put_if(j, "summary", r.summary);
  put_if(j, "body", r.body);
  put_if(j, "source", r.source);
  if (r.source_line > 0) j["source_line"] = r.source_line;
  if (!r.contacts.empty()) j["contacts"] = r.contacts;
  if (!r.quotes.empty()) {
    nlohmann::json quotes = nlohmann::json::array();
    for (const Quote& q : r.quotes) {
      nlohmann::json jq = {{"text", q.text}, {"speaker", q.speaker}};
      put_if(jq, "role", q.role);
      put_if(jq, "organisation", q.organisation);
      put_if(jq, "paragraph", q.paragraph);
      quotes.push_back(std::move(jq));
    }
    j["quotes"] = std::move(quotes);
  }
  if (!r.provenance.empty()) {
    nlohmann::json p = nlohmann::json::object();
    for (const auto& [field, origin] : r.provenance)
      p[field] = origin == Provenance::Source ? "source" : "extracted";
    j["provenance"] = std::move(p);
  }
  return j;
}

Release release_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("id"))
    throw nlohmann::json::type_error::create(302, "a release is a JSON object with an id", &j);
  Release r;
  r.id = get_string(j, "id");
  r.title = get_string(j, "title");
  r.date = get_string(j, "date");
  r.type = get_string(j, "type");
  r.topics = get_strings(j, "topics");
  r.spokespeople = get_strings(j, "spokespeople");
  r.contacts = get_strings(j, "contacts");
  r.location = get_string(j, "location");
  r.url = get_string(j, "url");
  r.lang = get_string(j, "lang");
  r.summary = get_string(j, "summary");
  r.body = get_string(j, "body");
  r.source = get_string(j, "source");
  if (auto it = j.find("source_line"); it != j.end() && it->is_number_integer())
    r.source_line = it->get<int>();
  if (auto it = j.find("quotes"); it != j.end() && it->is_array()) {
    for (const auto& jq : *it) {
      Quote q;
      q.text = get_string(jq, "text");
      q.speaker = get_string(jq, "speaker");
      q.role = get_string(jq, "role");
      q.organisation = get_string(jq, "organisation");
      q.paragraph = get_string(jq, "paragraph");
      r.quotes.push_back(std::move(q));
    }
  }
  if (auto it = j.find("provenance"); it != j.end() && it->is_object()) {
    for (const auto& [field, origin] : it->items())
      r.provenance[field] = origin == "extracted" ? Provenance::Extracted : Provenance::Source;
  }
  return r;
}

}  // namespace pressroom
