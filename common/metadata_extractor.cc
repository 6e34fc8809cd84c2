#include "common/metadata_extractor.h"

#include <cctype>

#include "common/attribution.h"
#include "common/dateline.h"
#include "common/dates.h"
#include "common/language_detector.h"
#include "common/slug_names.h"

namespace pressroom {
namespace {

// The number of `count` digits at `pos`, or -1.
int digits_at(std::string_view s, size_t pos, size_t count) {
  if (pos + count > s.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

bool digit_at(std::string_view s, size_t pos) {
  return pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]));
}

std::optional<std::string> as_date(int year, int month, int day) {
  if (!is_valid_day(year, month, day) || year < 1990) return std::nullopt;
  return format_iso_day(year, month, day);
}

// The language cues and stemming follow: "es-MX" → "es".
std::string language_of(const Release& release) {
  std::string lang;
  for (char c : release.lang.substr(0, 2)) lang.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lang;
}

void mark(Release& release, const char* field) { release.provenance[field] = Provenance::Extracted; }

}  // namespace

std::optional<std::string> date_from_path(std::string_view path) {
  for (size_t i = 0; i + 10 <= path.size(); ++i) {
    if (i > 0 && digit_at(path, i - 1)) continue;
    int year = digits_at(path, i, 4);
    if (year < 0) continue;
    char separator = path[i + 4];
    if (separator != '-' && separator != '/' && separator != '_') continue;
    int month = digits_at(path, i + 5, 2);
    if (month < 0) continue;
    char second = path[i + 7];
    // "2020/11/18", "2020-11-18", and a year folder with "11-18-…" names.
    bool same = second == separator;
    bool folder = separator == '/' && second == '-';
    if (!same && !folder) continue;
    int day = digits_at(path, i + 8, 2);
    if (day < 0 || digit_at(path, i + 10)) continue;
    if (auto date = as_date(year, month, day)) return date;
  }
  return std::nullopt;
}

std::optional<std::string> load_extraction_context(const std::filesystem::path& taxonomy,
                                                   const std::filesystem::path& aliases,
                                                   ExtractionContext& out) {
  ExtractionContext loaded;
  if (!taxonomy.empty())
    if (auto error = load_taxonomy(taxonomy, loaded.taxonomy)) return error;
  if (!aliases.empty())
    if (auto error = load_aliases(aliases, loaded.names)) return error;
  out = std::move(loaded);
  return std::nullopt;
}

void enrich(Release& release, const ExtractionContext& context) {
  if (release.lang.empty()) {
    std::string lang = detect_language(release.title + "\n" + release.summary + "\n" + release.body);
    if (!lang.empty()) {
      release.lang = lang;
      mark(release, "lang");
    }
  }
  std::string lang = language_of(release);

  bool needs_opening = release.date.empty() || release.type.empty() || release.location.empty();
  Opening opening = needs_opening ? read_opening(release.title, release.body) : Opening{};
  if (release.date.empty()) {
    std::string date = opening.date;
    for (const std::string* where : {&release.url, &release.id, &release.source}) {
      if (!date.empty()) break;
      if (auto found = date_from_path(*where)) date = *found;
    }
    if (!date.empty()) {
      release.date = date;
      mark(release, "date");
    }
  }
  if (release.type.empty()) {
    // Every release is at least news: the archive's default type, but one
    // the extractor chose, so it is marked as such.
    release.type = opening.type.empty() ? "press-release" : opening.type;
    mark(release, "type");
  }
  if (release.location.empty() && !opening.location.empty()) {
    release.location = opening.location;
    mark(release, "location");
  }

  // As written, or a slug as the name it reads as ("lucia-fernandez").
  for (std::string& person : release.spokespeople) {
    std::optional<std::string> canonical = context.names.aliased(person);
    if (!canonical && is_slug(person)) canonical = context.names.aliased(person_name(person));
    if (canonical) person = std::move(*canonical);
  }

  bool needs_people = release.quotes.empty() || release.spokespeople.empty() || release.contacts.empty();
  if (needs_people) {
    Attribution found = attribute_quotes(release.title, release.body, context.names);
    if (release.quotes.empty() && !found.quotes.empty()) {
      release.quotes = std::move(found.quotes);
      mark(release, "quotes");
    }
    if (release.spokespeople.empty() && !found.spokespeople.empty()) {
      release.spokespeople = std::move(found.spokespeople);
      mark(release, "spokespeople");
    }
    if (release.contacts.empty() && !found.contacts.empty()) {
      release.contacts = std::move(found.contacts);
      mark(release, "contacts");
    }
  }

  if (release.topics.empty() && !context.taxonomy.empty()) {
    std::vector<std::string> topics =
        context.taxonomy.classify(release.title, release.summary + "\n\n" + release.body, lang);
    if (!topics.empty()) {
      release.topics = std::move(topics);
      mark(release, "topics");
    }
  }
}

}  // namespace pressroom
