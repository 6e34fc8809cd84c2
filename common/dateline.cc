#include "common/dateline.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/date_text.h"
#include "common/name_normalizer.h"
#include "common/text_folding.h"
#include "common/paragraphs.h"

namespace pressroom {
namespace {

constexpr size_t kMaxHeaderParagraphs = 8;  // a lead starts within the first paragraphs
constexpr size_t kLeadMinWords = 20;        // shorter paragraphs above the lead are header lines
constexpr size_t kHeaderLineMaxWords = 16;  // longer lines are prose, whose dates are not the release's


// Trims punctuation and emphasis that wrap a label or a place.
std::string_view trim_marks(std::string_view s) {
  auto mark = [](char c) {
    return c == ' ' || c == '*' || c == '_' || c == '#' || c == ':' || c == ',' || c == ';' || c == '.' ||
           c == '|' || c == '-' || c == '(' || c == ')' || c == '[' || c == ']';
  };
  while (!s.empty() && mark(s.front())) s.remove_prefix(1);
  while (!s.empty() && mark(s.back())) s.remove_suffix(1);
  return s;
}




// A paragraph of running text: long enough, and ending a sentence. A block
// of header lines ("Testimony of …\nBefore the …\nFebruary 14, 2024") is as
// long but ends without one.
bool is_prose(std::string_view paragraph) {
  if (count_words(paragraph) < kLeadMinWords || paragraph.empty()) return false;
  std::string_view end = paragraph.substr(paragraph.size() - std::min(paragraph.size(), size_t{4}));
  for (std::string_view mark : {".", "?", "!", ":", "\xE2\x80\x9D", "\"", "\xC2\xBB"})
    if (end.size() >= mark.size() && end.substr(end.size() - mark.size()) == mark) return true;
  return false;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

// Code points of a UTF-8 word, for case tests.
template <typename F>
void for_each_code_point(std::string_view s, F&& f) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) c = 0xFFFD;
    f(c);
  }
}

bool starts_upper(std::string_view word) {
  bool result = false, first = true;
  for_each_code_point(word, [&](UChar32 c) {
    if (first) result = u_isupper(c);
    first = false;
  });
  return result;
}

// True when every letter is a capital and there are at least two letters.
bool all_caps(std::string_view text) {
  int letters = 0;
  bool caps = true;
  for_each_code_point(text, [&](UChar32 c) {
    if (!u_isalpha(c)) return;
    ++letters;
    if (!u_isupper(c)) caps = false;
  });
  return caps && letters >= 2;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

// ------------------------------------------------------------------ places

// US states by every spelling a dateline uses (postal code, AP abbreviation
// without its periods, full name without spaces), lower case → postal code.
const std::unordered_map<std::string, std::string>& state_codes() {
  static const std::unordered_map<std::string, std::string> codes = [] {
    const std::vector<std::pair<const char*, std::vector<const char*>>> table = {
        {"AL", {"ala", "alabama"}},        {"AK", {"alaska"}},
        {"AZ", {"ariz", "arizona"}},       {"AR", {"ark", "arkansas"}},
        {"CA", {"calif", "california"}},   {"CO", {"colo", "colorado"}},
        {"CT", {"conn", "connecticut"}},   {"DE", {"del", "delaware"}},
        {"FL", {"fla", "florida"}},        {"GA", {"georgia"}},
        {"HI", {"hawaii"}},                {"ID", {"idaho"}},
        {"IL", {"ill", "illinois"}},       {"IN", {"ind", "indiana"}},
        {"IA", {"iowa"}},                  {"KS", {"kan", "kans", "kansas"}},
        {"KY", {"kentucky"}},              {"LA", {"louisiana"}},
        {"ME", {"maine"}},                 {"MD", {"maryland"}},
        {"MA", {"mass", "massachusetts"}}, {"MI", {"mich", "michigan"}},
        {"MN", {"minn", "minnesota"}},     {"MS", {"miss", "mississippi"}},
        {"MO", {"missouri"}},              {"MT", {"mont", "montana"}},
        {"NE", {"neb", "nebraska"}},       {"NV", {"nev", "nevada"}},
        {"NH", {"newhampshire"}},          {"NJ", {"newjersey"}},
        {"NM", {"newmexico"}},             {"NY", {"newyork"}},
        {"NC", {"northcarolina"}},         {"ND", {"northdakota"}},
        {"OH", {"ohio"}},                  {"OK", {"okla", "oklahoma"}},
        {"OR", {"ore", "oregon"}},         {"PA", {"penn", "pennsylvania"}},
        {"RI", {"rhodeisland"}},           {"SC", {"southcarolina"}},
        {"SD", {"southdakota"}},           {"TN", {"tenn", "tennessee"}},
        {"TX", {"tex", "texas"}},          {"UT", {"utah"}},
        {"VT", {"vermont"}},               {"VA", {"virginia"}},
        {"WA", {"wash", "washington"}},    {"WV", {"wva", "westvirginia"}},
        {"WI", {"wis", "wisc", "wisconsin"}}, {"WY", {"wyo", "wyoming"}},
        {"DC", {"districtofcolumbia"}},    {"PR", {"puertorico"}}};
    std::unordered_map<std::string, std::string> map;
    for (const auto& [code, spellings] : table) {
      map[fold_key(code)] = code;
      for (const char* spelling : spellings) map[spelling] = code;
    }
    return map;
  }();
  return codes;
}

// "Ariz." → "AZ", "N.M." → "NM", "Texas" → "TX"; "" when not a US state.
std::string state_code(std::string_view state) {
  std::string key;
  for (char c : fold_key(state))
    if (c != '.' && c != ' ') key.push_back(c);
  auto found = state_codes().find(key);
  return found == state_codes().end() ? std::string() : found->second;
}

// A city: one to four words, each starting with a capital.
bool is_city(std::string_view city) {
  std::vector<std::string_view> words = words_of(city);
  if (words.empty() || words.size() > 4) return false;
  for (std::string_view word : words) {
    if (!starts_upper(word)) return false;
    bool ok = true;
    for_each_code_point(word, [&](UChar32 c) {
      if (!u_isalpha(c) && c != '.' && c != '\'' && c != 0x2019 && c != '-') ok = false;
    });
    if (!ok) return false;
  }
  return true;
}

// Display form of one "CITY[, STATE]"; nullopt when it is not a place.
std::optional<std::string> display_one_place(std::string_view part) {
  part = trim_space(part);
  size_t comma = part.find(',');
  std::string_view city = trim_space(part.substr(0, comma));
  std::string_view state = comma == std::string_view::npos ? std::string_view() : trim_space(part.substr(comma + 1));
  if (!is_city(city)) return std::nullopt;
  bool caps = all_caps(city);
  std::string display = proper_case(city);
  if (state.empty()) {
    // Without a state only the capitals of a dateline mark a place
    // ("WASHINGTON —"); "Today —" is the start of a sentence.
    if (!caps) return std::nullopt;
    return display;
  }
  std::string code = state_code(state);
  if (!code.empty()) return display + ", " + code;
  // A region outside the US ("NOGALES, SONORA") is only believed in capitals.
  if (!caps || !is_city(state)) return std::nullopt;
  return display + ", " + proper_case(state);
}

// Display form of a dateline place, possibly several joined by "and"/"y".
std::optional<std::string> display_place(std::string_view place) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t best = std::string_view::npos, best_length = 0;
    std::string joiner;
    for (std::string_view conjunction : {" and ", " AND ", " y ", " Y ", " & "}) {
      size_t found = place.find(conjunction, pos);
      if (found < best) {
        best = found;
        best_length = conjunction.size();
        joiner = fold_key(conjunction) == "&" ? "and" : fold_key(conjunction);
      }
    }
    auto one = display_one_place(place.substr(pos, best == std::string_view::npos ? std::string_view::npos : best - pos));
    if (!one) return std::nullopt;
    out += *one;
    if (best == std::string_view::npos) break;
    out += " " + joiner + " ";
    pos = best + best_length;
  }
  return out;
}

// The first dash that ends a dateline: an em or en dash, or a spaced hyphen.
std::optional<std::pair<size_t, size_t>> find_separator(std::string_view text, size_t from, size_t limit) {
  std::optional<std::pair<size_t, size_t>> best;
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", " -- ", " - "}) {
    size_t found = text.find(dash, from);
    if (found != std::string_view::npos && found < limit && (!best || found < best->first))
      best = std::make_pair(found, dash.size());
  }
  return best;
}

bool only_punctuation(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != ',' && c != '.' && c != ')' && c != ':') return false;
  return true;
}

bool is_weekday_or_month(std::string_view word) {
  static const std::array<std::string_view, 38> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
      "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "enero", "febrero", "marzo", "abril", "mayo", "junio",
      "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  std::string key = fold_key(trim_marks(word));
  return std::find(kNames.begin(), kNames.end(), key) != kNames.end();
}

// ------------------------------------------------------------------ types

const std::map<std::string, std::string>& label_types() {
  static const std::map<std::string, std::string> labels = {
      {"press release", "press-release"},     {"news release", "press-release"},
      {"for immediate release", "press-release"}, {"comunicado de prensa", "press-release"},
      {"comunicado", "press-release"},         {"boletin de prensa", "press-release"},
      {"statement", "statement"},             {"declaracion", "statement"},
      {"declaraciones", "statement"},         {"pronunciamiento", "statement"},
      {"report", "report"},                   {"report release", "report"},
      {"informe", "report"},                  {"reporte", "report"},
      {"media advisory", "media-advisory"},   {"advisory", "media-advisory"},
      {"aviso a los medios", "media-advisory"}, {"aviso a medios", "media-advisory"},
      {"aviso de prensa", "media-advisory"},  {"op-ed", "op-ed"},
      {"op ed", "op-ed"},                     {"oped", "op-ed"},
      {"opinion", "op-ed"},                   {"commentary", "op-ed"},
      {"articulo de opinion", "op-ed"},       {"columna de opinion", "op-ed"},
      {"letter", "letter"},                   {"open letter", "letter"},
      {"carta", "letter"},                    {"carta abierta", "letter"},
      {"testimony", "testimony"},             {"testimonio", "testimony"}};
  return labels;
}

// Evidence for each type, added up over the opening.
class TypeScores {
 public:
  void add(const std::string& type, int weight) {
    if (!type.empty()) scores_[type] += weight;
  }
  std::string best() const {
    // On a tie the more specific kind wins: a media advisory is also news.
    static const std::array<const char*, 7> kPreference = {
        "media-advisory", "testimony", "letter", "op-ed", "statement", "report", "press-release"};
    std::string winner;
    int top = 0;
    for (const char* type : kPreference) {
      auto found = scores_.find(type);
      if (found != scores_.end() && found->second > top) {
        top = found->second;
        winner = type;
      }
    }
    return top >= 2 ? winner : std::string();
  }

 private:
  std::map<std::string, int> scores_;
};

constexpr int kLabelWeight = 4;        // "MEDIA ADVISORY", "Report:" — the publisher says so
constexpr int kGenericLabelWeight = 2;  // "Press Release", printed by page templates on anything
constexpr int kOpeningWeight = 3;      // "Statement on …", "issued the following statement"
constexpr int kCueWeight = 2;          // a byline, "Dear …,", "a report released today"

int label_weight(const std::string& type) { return type == "press-release" ? kGenericLabelWeight : kLabelWeight; }

// Labels in a header line: its segments between separators ("May 22, 2020 •
// Press Release", "Home › News › Press Releases", "Op-Ed | July 26, 2016").
void score_label_line(std::string_view line, TypeScores& scores) {
  std::string text(line);
  if (auto date = locate_written_date(text))
    text = text.substr(0, date->begin) + "|" + text.substr(date->end);
  static const std::array<std::string_view, 9> kSeparators = {
      "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xBA", "|", "/", ">", ":"};
  std::string_view rest = text;
  size_t start = 0, pos = 0;
  while (pos <= rest.size()) {
    size_t length = 0;
    for (std::string_view separator : kSeparators)
      if (rest.substr(pos, separator.size()) == separator) length = separator.size();
    if (length == 0 && pos < rest.size()) {
      ++pos;
      continue;
    }
    std::string type = type_for_label(rest.substr(start, pos - start));
    scores.add(type, label_weight(type));
    pos += std::max<size_t>(length, 1);
    start = pos;
  }
}

// The title's own cues: a label prefix ("Report: …"), or an opening that
// names the type ("Statement on …", "Letter to …", "Testimonio de …").
void score_title(std::string_view title, TypeScores& scores, bool header_line) {
  std::string folded = fold_key(title);
  for (std::string_view separator : {":", " |", " \xE2\x80\x94", " \xE2\x80\x93"}) {
    size_t pos = folded.find(separator);
    if (pos != std::string::npos && pos < 40) {
      std::string type = type_for_label(std::string_view(folded).substr(0, pos));
      if (!type.empty()) {
        scores.add(type, label_weight(type));
        return;
      }
    }
  }
  static const std::vector<std::pair<const char*, const char*>> kOpenings = {
      {"statement on ", "statement"},   {"statement from ", "statement"},  {"statement of ", "statement"},
      {"statement by ", "statement"},   {"statement regarding ", "statement"},
      {"joint statement", "statement"}, {"declaracion de ", "statement"},  {"declaracion sobre ", "statement"},
      {"declaracion ante ", "statement"}, {"testimony of ", "testimony"},  {"testimony on ", "testimony"},
      {"testimony before ", "testimony"}, {"testimony to ", "testimony"},  {"testimony for ", "testimony"},
      {"testimonio de ", "testimony"},  {"testimonio ante ", "testimony"}, {"letter to ", "letter"},
      {"letter from ", "letter"},       {"open letter", "letter"},         {"joint letter", "letter"},
      {"coalition letter", "letter"},   {"carta a ", "letter"},            {"carta abierta", "letter"},
      {"media advisory", "media-advisory"}, {"aviso a los medios", "media-advisory"}};
  for (const auto& [opening, type] : kOpenings) {
    if (starts_with(folded, opening)) {
      scores.add(type, kOpeningWeight);
      return;
    }
  }
  if (header_line) return;
  if (contains(folded, "op-ed")) scores.add("op-ed", kOpeningWeight);
  // "Human Rights Day Report Finds …": the noun, not the verb "reports".
  for (std::string_view word : words_of(folded))
    if (trim_marks(word) == "report" || trim_marks(word) == "informe") scores.add("report", kCueWeight);
}

void score_phrases(const std::string& folded, TypeScores& scores) {
  static const std::vector<std::tuple<const char*, const char*, int>> kPhrases = {
      {"issued the following statement", "statement", kOpeningWeight},
      {"released the following statement", "statement", kOpeningWeight},
      {"issued this statement", "statement", kOpeningWeight},
      {"the following statement", "statement", kOpeningWeight},
      {"siguiente declaracion", "statement", kOpeningWeight},
      {"following testimony", "testimony", kOpeningWeight},
      {"written testimony", "testimony", kOpeningWeight},
      {"joint testimony", "testimony", kOpeningWeight},
      {" testified ", "testimony", kOpeningWeight},
      {"testimony follows", "testimony", kOpeningWeight},
      {"siguiente testimonio", "testimony", kOpeningWeight},
      {"following op-ed", "op-ed", kOpeningWeight},
      {"this op-ed", "op-ed", kOpeningWeight},
      {"op-ed by", "op-ed", kOpeningWeight},
      {"column by", "op-ed", kOpeningWeight},
      {"articulo de opinion", "op-ed", kOpeningWeight},
      {"following letter", "letter", kOpeningWeight},
      {"sent a letter", "letter", kOpeningWeight},
      {"delivered a letter", "letter", kOpeningWeight},
      {"letter reads", "letter", kOpeningWeight},
      {"siguiente carta", "letter", kOpeningWeight},
      {"envio una carta", "letter", kOpeningWeight},
      {"entrego una carta", "letter", kOpeningWeight},
      {"report released today", "report", kCueWeight},
      {"released a report", "report", kCueWeight},
      {"published a report", "report", kCueWeight},
      {"released a new report", "report", kCueWeight},
      {"annual report", "report", kCueWeight},
      {"informe publicado", "report", kCueWeight},
      {"publico hoy un informe", "report", kCueWeight},
      {"presento hoy un informe", "report", kCueWeight},
      {"publico un informe", "report", kCueWeight}};
  for (const auto& [phrase, type, weight] : kPhrases)
    if (contains(folded, phrase)) scores.add(type, weight);
}

// "By Priya Raman", "Por Henry Lin", "By Maribel Soto | July 11, 2023".
bool is_byline(std::string_view line) {
  std::string_view text = trim_marks(line);
  for (std::string_view prefix : {"By ", "by ", "BY ", "Por ", "por ", "POR "}) {
    if (starts_with(text, prefix)) {
      std::vector<std::string_view> words = words_of(text.substr(prefix.size()));
      return words.size() >= 2 && starts_upper(words[0]) && starts_upper(words[1]);
    }
  }
  return false;
}

bool names_an_organisation(std::string_view text) {
  for (std::string_view word : {"Center", "Centre", "Coalition", "Network", "Organization", "Organisation",
                                "Alliance", "Puentes", "Project", "Fund", "Council", "Centro"})
    if (contains(text, word)) return true;
  return false;
}

// "Elena Vásquez is Children's Rights Program Director at …", the line that
// closes an op-ed; "Puentes Human Rights Center is …" boilerplate is not one.
bool is_author_tagline(std::string_view paragraph) {
  std::string_view text = trim_marks(paragraph);
  if (count_words(text) > 30) return false;
  for (std::string_view verb : {" is ", " es "}) {
    size_t pos = text.find(verb);
    if (pos == std::string_view::npos || pos > 60) continue;
    std::vector<std::string_view> name = words_of(text.substr(0, pos));
    if (name.size() < 2 || name.size() > 4 || names_an_organisation(text.substr(0, pos))) continue;
    if (std::all_of(name.begin(), name.end(), [](std::string_view w) { return starts_upper(w); })) return true;
  }
  return false;
}

bool is_salutation(std::string_view paragraph) {
  std::string_view text = trim_space(paragraph);
  while (!text.empty() && (text.front() == '>' || text.front() == ' ')) text.remove_prefix(1);
  if (count_words(text) > 10 || text.empty()) return false;
  bool opens = starts_with(text, "Dear ") || starts_with(text, "Estimad") || starts_with(text, "Querid");
  bool closes = text.back() == ',' || text.back() == ':';
  std::string folded = fold_key(trim_marks(text));
  bool sign_off = folded == "sincerely" || folded == "respectfully" || folded == "atentamente" ||
                  folded == "sinceramente" || folded == "respectfully submitted";
  return (opens && closes) || sign_off;
}

// "WHAT:", "**CUÁNDO / WHEN:**": the labelled blocks of a media advisory.
bool is_advisory_field(std::string_view line) {
  std::string folded = fold_key(trim_marks(line.substr(0, 30)));
  for (std::string_view field : {"what", "when", "where", "who", "que", "cuando", "donde", "quien"}) {
    if (starts_with(folded, field) && folded.size() > field.size() &&
        (folded[field.size()] == ':' || folded[field.size()] == ' ' || folded[field.size()] == '/')) {
      size_t colon = line.find(':');
      return colon != std::string_view::npos && colon < 30;
    }
  }
  return false;
}

bool is_event_line(std::string_view line) {
  std::string folded = fold_key(trim_marks(line));
  return starts_with(folded, "when") || starts_with(folded, "cuando") || starts_with(folded, "date and time") ||
         starts_with(folded, "fecha y hora");
}

// A letter-style place and date line: "Tucson, 22 de marzo de 2023".
std::optional<std::string> place_of_dated_line(std::string_view line) {
  auto date = locate_written_date(line);
  if (!date || !only_punctuation(line.substr(date->end))) return std::nullopt;
  std::string_view before = trim_space(line.substr(0, date->begin));
  if (before.empty() || before.back() != ',') return std::nullopt;
  before = trim_space(before.substr(0, before.size() - 1));
  std::vector<std::string_view> words = words_of(before);
  if (words.empty() || words.size() > 3 || !is_city(before)) return std::nullopt;
  for (std::string_view word : words)
    if (is_weekday_or_month(word)) return std::nullopt;
  if (!type_for_label(before).empty()) return std::nullopt;
  return proper_case(before);
}

}  // namespace

std::string type_for_label(std::string_view label) {
  std::string key = fold_key(trim_marks(label));
  const auto& labels = label_types();
  auto found = labels.find(key);
  if (found == labels.end() && key.size() > 3 && key.back() == 's') found = labels.find(key.substr(0, key.size() - 1));
  if (found == labels.end() && key.size() > 4 && key.substr(key.size() - 3) == "ies")  // advisories
    found = labels.find(key.substr(0, key.size() - 3) + "y");
  if (found == labels.end() && key.size() > 3 && key.substr(key.size() - 2) == "es")  // declaraciones
    found = labels.find(key.substr(0, key.size() - 2));
  return found == labels.end() ? std::string() : found->second;
}

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
  std::string_view text = trim_space(paragraph);
  auto separator = find_separator(text, 0, 140);
  if (!separator) return std::nullopt;
  std::string_view prefix = trim_space(text.substr(0, separator->first));
  size_t after = separator->first + separator->second;
  std::string date;
  std::string_view place = prefix;
  size_t open = prefix.find('(');
  if (open != std::string_view::npos && !prefix.empty() && prefix.back() == ')') {
    auto parsed = parse_written_date(prefix.substr(open + 1, prefix.size() - open - 2));
    if (!parsed) return std::nullopt;
    date = *parsed;
    place = trim_space(prefix.substr(0, open));
  } else if (auto found = locate_written_date(prefix)) {
    if (!only_punctuation(prefix.substr(found->end))) return std::nullopt;
    date = found->date;
    place = trim_space(prefix.substr(0, found->begin));
  }
  while (!place.empty() && (place.back() == ',' || place.back() == ' ')) place.remove_suffix(1);
  if (date.empty()) {
    // "EL PASO, TX — November 18, 2020 — …": the date between two dashes.
    if (auto next = find_separator(text, after, after + 60)) {
      if (auto parsed = parse_written_date(trim_space(text.substr(after, next->first - after)))) {
        date = *parsed;
        after = next->first + next->second;
      }
    }
  }
  if (place.empty() || !type_for_label(place).empty()) return std::nullopt;
  std::string folded_place = fold_key(place);
  for (std::string_view word : {"release", "update", "breaking", "correction", "embargo"})
    if (contains(folded_place, word)) return std::nullopt;
  auto display = display_place(place);
  if (!display) return std::nullopt;
  // A dateline introduces a sentence; a bare "PLACE — DATE" is a header line.
  std::string_view rest = trim_space(text.substr(after));
  if (count_words(rest) < 3 || parse_written_date(rest)) return std::nullopt;
  return Dateline{*display, date, after};
}

Opening read_opening(std::string_view title, std::string_view body) {
  Opening opening;
  std::vector<std::string_view> paragraphs = split_paragraphs(body);
  size_t limit = std::min(paragraphs.size(), kMaxHeaderParagraphs);

  // The lead: the paragraph with the dateline, else the first long one.
  size_t lead = paragraphs.size();
  std::vector<std::string_view> header;
  std::optional<Dateline> dateline;
  for (size_t i = 0; i < limit && !dateline; ++i) {
    std::vector<std::string_view> lines = split_lines(paragraphs[i]);
    for (std::string_view line : lines) {
      std::string_view rest = paragraphs[i].substr(static_cast<size_t>(line.data() - paragraphs[i].data()));
      if ((dateline = parse_dateline(rest))) {
        lead = i;
        break;
      }
      header.push_back(line);
    }
  }
  if (!dateline) {
    header.clear();
    lead = std::min(paragraphs.size(), size_t{3});
    for (size_t i = 0; i < limit; ++i) {
      if (is_prose(paragraphs[i])) {
        lead = i;
        break;
      }
    }
    for (size_t i = 0; i < lead; ++i)
      for (std::string_view line : split_lines(paragraphs[i])) header.push_back(line);
  }

  if (dateline) {
    opening.location = dateline->location;
    opening.date = dateline->date;
  }
  for (std::string_view line : header) {
    if (count_words(line) > kHeaderLineMaxWords || is_event_line(line)) continue;
    if (opening.date.empty())
      if (auto date = find_written_date(line)) opening.date = *date;
    if (opening.location.empty())
      if (auto place = place_of_dated_line(line)) opening.location = *place;
  }

  TypeScores scores;
  score_title(title, scores, false);
  bool byline = false;
  for (std::string_view line : header) {
    if (count_words(line) > kHeaderLineMaxWords + 8) continue;
    // "A report of Puentes Human Rights Center · Yuma, Arizona".
    std::string folded_line = fold_key(line);
    for (std::string_view opening : {"a report of ", "a report by ", "report of ", "un informe de "})
      if (starts_with(folded_line, opening)) scores.add("report", kLabelWeight);
    score_label_line(line, scores);
    score_title(line, scores, true);
    byline = byline || is_byline(line);
  }
  std::string lead_text;
  for (size_t i = lead; i < std::min(paragraphs.size(), lead + 3); ++i) {
    lead_text += ' ';
    lead_text += paragraphs[i];
    if (i <= lead + 1 && is_byline(paragraphs[i])) byline = true;
  }
  const std::string folded_lead = " " + fold_key(lead_text) + " ";
  score_phrases(folded_lead, scores);  // the lead and the two paragraphs after it
  if (byline) scores.add("op-ed", kCueWeight);
  for (size_t i = paragraphs.size() >= 2 ? paragraphs.size() - 2 : 0; i < paragraphs.size(); ++i)
    if (i > lead && is_author_tagline(paragraphs[i])) scores.add("op-ed", kCueWeight);
  int advisory_fields = 0;
  bool letter = false;
  for (std::string_view paragraph : paragraphs) {
    for (std::string_view line : split_lines(paragraph)) {
      if (is_advisory_field(line)) ++advisory_fields;
      letter = letter || is_salutation(line);
    }
  }
  if (advisory_fields >= 2) scores.add("media-advisory", kLabelWeight);
  // A report's own section headings, one point each: a press release may
  // end with "Recommendations", a report has several.
  for (std::string_view paragraph : paragraphs) {
    std::string heading = fold_key(trim_marks(paragraph));
    static const std::array<std::string_view, 13> kHeadings = {
        "key findings", "summary", "executive summary", "methodology", "findings", "recommendations",
        "what the report found", "resumen", "resumen ejecutivo", "hallazgos", "recomendaciones",
        "metodologia", "principales hallazgos"};
    if (std::find(kHeadings.begin(), kHeadings.end(), heading) != kHeadings.end()) scores.add("report", 1);
  }
  if (letter) scores.add("letter", kCueWeight);
  for (std::string_view phrase : {"chair and members of the", "members of the committee", "members of the council",
                                  "opportunity to testify", "miembros del concejo", "miembros de la comision"})
    if (contains(folded_lead, phrase)) {
      scores.add("testimony", kCueWeight);
      break;
    }
  opening.type = scores.best();
  return opening;
}

}  // namespace pressroom
