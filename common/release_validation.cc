#include "common/release_validation.h"

#include <cctype>
#include <set>

#include "common/release_date.h"
#include "common/slug_names.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// `name` turns a slug into the name it stands for before duplicates are
// dropped, so that "family-detention" and "Family Detention" count once.
template <typename Name>
void clean_list(std::vector<std::string>& values, Name name) {
  std::set<std::string> seen;
  std::vector<std::string> kept;
  for (const std::string& value : values) {
    std::string clean = collapse_whitespace(value);
    clean = name(clean);
    if (clean.empty() || !seen.insert(fold_key(clean)).second) continue;
    kept.push_back(std::move(clean));
  }
  values = std::move(kept);
}

std::optional<std::string> first_invalid_utf8(const Release& r) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"id", &r.id},     {"title", &r.title}, {"type", &r.type}, {"location", &r.location},
      {"url", &r.url},   {"lang", &r.lang},   {"summary", &r.summary}, {"body", &r.body}};
  for (const auto& [name, value] : fields)
    if (!is_valid_utf8(*value)) return std::string(name);
  for (const auto* list : {&r.topics, &r.spokespeople, &r.contacts})
    for (const std::string& v : *list)
      if (!is_valid_utf8(v)) return std::string("topics/spokespeople/contacts");
  for (const Quote& q : r.quotes)
    if (!is_valid_utf8(q.text) || !is_valid_utf8(q.speaker) || !is_valid_utf8(q.paragraph) ||
        !is_valid_utf8(q.role) || !is_valid_utf8(q.organisation))
      return std::string("quotes");
  return std::nullopt;
}

}  // namespace

std::string normalize_type(const std::string& type) {
  std::string out;
  for (char c : collapse_whitespace(type)) {
    if (c == ' ' || c == '_') c = '-';
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool is_valid_release_id(const std::string& id) {
  if (id.empty() || id.size() > 200 || id.front() == '/' || id.back() == '/') return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' &&
        c != '~' && c != '/' && c != ':')
      return false;
  }
  size_t start = 0;
  while (start <= id.size()) {
    size_t end = id.find('/', start);
    if (end == std::string::npos) end = id.size();
    std::string segment = id.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

std::optional<std::string> normalize_and_validate(Release& r) {
  if (auto field = first_invalid_utf8(r)) return "invalid UTF-8 in " + *field;
  r.id = collapse_whitespace(r.id);
  r.title = collapse_whitespace(r.title);
  r.location = collapse_whitespace(r.location);
  r.url = collapse_whitespace(r.url);
  r.summary = collapse_whitespace(r.summary);
  r.type = normalize_type(r.type);
  r.lang = fold_key(r.lang);
  if (r.lang.size() > 2 && (r.lang[2] == '-' || r.lang[2] == '_')) r.lang.resize(2);
  // Slugs have lost their capitals; the release's own text gives them back.
  std::vector<std::string> values;
  for (const auto* list : {&r.topics, &r.spokespeople})
    for (const std::string& value : *list) values.push_back(collapse_whitespace(value));
  std::vector<std::string_view> slugs;
  for (const std::string& value : values)
    for (std::string_view word : slug_words(value)) slugs.push_back(word);
  WordForms forms(slugs);
  for (const std::string* text : {&r.title, &r.summary, &r.body}) forms.add(*text);
  clean_list(r.topics, [&](std::string_view v) { return topic_name(v, forms, r.lang); });
  clean_list(r.spokespeople, [&](std::string_view v) { return person_name(v, forms); });
  clean_list(r.contacts, [](std::string_view v) { return std::string(v); });

  if (r.id.empty()) return std::string("missing id");
  if (!is_valid_release_id(r.id))
    return "invalid id '" + r.id + "' (use letters, digits and - _ . ~ / :, at most 200 bytes)";
  if (r.title.empty()) return std::string("missing title");
  if (r.date.empty()) return std::string("missing date");
  auto date = parse_release_date(r.date);
  if (!date) return "invalid date '" + r.date + "' (expected a real day, such as 2020-11-18 or November 18, 2020)";
  r.date = *date;
  if (r.type.empty()) r.type = "press-release";
  return std::nullopt;
}

}  // namespace pressroom
