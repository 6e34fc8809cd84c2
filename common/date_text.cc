#include "common/date_text.h"

#include <array>
#include <vector>

#include "common/dates.h"

namespace pressroom {
namespace {

enum class Kind { Word, Number, Punct };

struct Token {
  Kind kind;
  size_t begin;
  size_t end;
  bool space_before;  // separated from the previous token by whitespace
  char32_t cp = 0;    // the code point of a Punct token
};

// Decodes one UTF-8 code point at `pos`. A malformed sequence decodes as
// U+FFFD with length 1 so that scanning always moves on; overlong forms
// ("\xC0\xB1" for '1') are malformed, or they would pass for ASCII here and
// not in the byte-wise scans that follow.
char32_t decode(std::string_view s, size_t pos, size_t& length) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = byte(pos);
  length = 1;
  if (c < 0x80) return c;
  int extra = c >= 0xF8 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra == 0) return 0xFFFD;
  char32_t cp = c & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    if (pos + i >= s.size() || (byte(pos + i) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  length = static_cast<size_t>(extra) + 1;
  return cp;
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}

// Letters of the Latin scripts English and Spanish are written in; º and ª
// are left out on purpose, they mark ordinals ("1.º de julio").
bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool space = true;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length;
    char32_t cp = decode(text, pos, length);
    if (is_space(cp)) {
      space = true;
      pos += length;
      continue;
    }
    size_t begin = pos;
    if (text[pos] >= '0' && text[pos] <= '9') {
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      tokens.push_back({Kind::Number, begin, pos, space});
    } else if (is_letter(cp)) {
      pos += length;
      while (pos < text.size()) {
        size_t next_length;
        if (!is_letter(decode(text, pos, next_length))) break;
        pos += next_length;
      }
      tokens.push_back({Kind::Word, begin, pos, space});
    } else {
      pos += length;
      tokens.push_back({Kind::Punct, begin, pos, space, cp});
    }
    space = false;
  }
  return tokens;
}

// Lower case for ASCII and for Latin-1 capitals (É → é), enough to compare
// with month and weekday names; long words cannot be one, so they are cut.
std::string lower_word(std::string_view word) {
  if (word.size() > 12) return {};
  std::string out(word);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

struct MonthName {
  const char* name;
  int month;
  bool abbreviation;
};

// English and Spanish month names and their usual abbreviations ("sept" and
// "set" included; Peru and Uruguay write "setiembre").
constexpr std::array<MonthName, 47> kMonths = {{
    {"january", 1, false},   {"february", 2, false},  {"march", 3, false},
    {"april", 4, false},     {"may", 5, false},       {"june", 6, false},
    {"july", 7, false},      {"august", 8, false},    {"september", 9, false},
    {"october", 10, false},  {"november", 11, false}, {"december", 12, false},
    {"jan", 1, true},        {"feb", 2, true},        {"mar", 3, true},
    {"apr", 4, true},        {"jun", 6, true},        {"jul", 7, true},
    {"aug", 8, true},        {"sep", 9, true},        {"sept", 9, true},
    {"oct", 10, true},       {"nov", 11, true},       {"dec", 12, true},
    {"enero", 1, false},     {"febrero", 2, false},   {"marzo", 3, false},
    {"abril", 4, false},     {"mayo", 5, false},      {"junio", 6, false},
    {"julio", 7, false},     {"agosto", 8, false},    {"septiembre", 9, false},
    {"setiembre", 9, false}, {"octubre", 10, false},  {"noviembre", 11, false},
    {"diciembre", 12, false}, {"ene", 1, true},       {"abr", 4, true},
    {"ago", 8, true},        {"set", 9, true},        {"dic", 12, true},
    {"febr", 2, true},       {"marz", 3, true},       {"agos", 8, true},
    {"octub", 10, true},     {"novbre", 11, true},
}};

constexpr std::array<const char*, 31> kWeekdays = {
    "monday",  "tuesday", "wednesday", "thursday",  "friday",    "saturday", "sunday",
    "mon",     "tue",     "tues",      "wed",       "thu",       "thur",     "thurs",
    "fri",     "sat",     "sun",       "lunes",     "martes",    "miércoles", "miercoles",
    "jueves",  "viernes", "sábado",    "sabado",    "domingo",   "lun",      "mié",
    "mie",     "jue",     "vie"};

class Matcher {
 public:
  explicit Matcher(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

  const std::vector<Token>& tokens() const { return tokens_; }

  // A date starting at token `i`: its value and the index one past its last
  // token, tried month-first, day-first, then year-first.
  bool match_at(size_t i, std::string& date, size_t& end) const {
    return month_first(i, date, end) || day_first(i, date, end) || year_first(i, date, end);
  }

  bool is_weekday(size_t i) const {
    if (!is(i, Kind::Word)) return false;
    std::string word = lower(i);
    for (const char* name : kWeekdays)
      if (word == name) return true;
    return false;
  }

  bool is_punct(size_t i, char32_t cp) const { return is(i, Kind::Punct) && tokens_[i].cp == cp; }
  bool adjacent(size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }

 private:
  bool is(size_t i, Kind kind) const { return i < tokens_.size() && tokens_[i].kind == kind; }
  std::string_view view(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  std::string lower(size_t i) const { return lower_word(view(i)); }

  // The value of a number token of `min`..`max` digits, or -1.
  int number(size_t i, size_t min, size_t max) const {
    if (!is(i, Kind::Number)) return -1;
    std::string_view digits = view(i);
    if (digits.size() < min || digits.size() > max) return -1;
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
  }

  const MonthName* month(size_t i) const {
    if (!is(i, Kind::Word)) return nullptr;
    std::string word = lower(i);
    for (const MonthName& m : kMonths)
      if (word == m.name) return &m;
    return nullptr;
  }

  bool is_word(size_t i, std::string_view word) const { return is(i, Kind::Word) && lower(i) == word; }

  bool is_dash(size_t i) const {
    return is(i, Kind::Punct) && (tokens_[i].cp == '-' || tokens_[i].cp == 0x2010 ||
                                  tokens_[i].cp == 0x2013 || tokens_[i].cp == 0x2014);
  }

  // Skips an ordinal suffix glued to the number before `i`: 18th, 1st, 1º,
  // 1.º, 1ro, 1er.
  size_t skip_ordinal(size_t i) const {
    if (!adjacent(i)) return i;
    if (is(i, Kind::Word)) {
      std::string word = lower(i);
      for (const char* suffix : {"st", "nd", "rd", "th", "ro", "er", "ero", "do", "to", "vo", "no"})
        if (word == suffix) return i + 1;
      return i;
    }
    auto is_indicator = [&](size_t k) {
      return is_punct(k, 0xBA) || is_punct(k, 0xAA) || is_punct(k, 0xB0);
    };
    if (is_indicator(i)) return i + 1;
    if (is_punct(i, '.') && adjacent(i + 1) && is_indicator(i + 1)) return i + 2;
    return i;
  }

  // After a day: "–4" of a range such as "December 3–4, 2021".
  size_t skip_range_end(size_t i) const {
    if (is_dash(i) && number(i + 1, 1, 2) > 0) return skip_ordinal(i + 2);
    return i;
  }

  // A word or number glued to the left means the token is part of something
  // else ("A18", "v2.18").
  bool glued_left(size_t i) const {
    return i > 0 && !tokens_[i].space_before && tokens_[i - 1].kind != Kind::Punct;
  }

  bool finish(int y, int m, int d, size_t end_token, std::string& date, size_t& end) const {
    if (y < 0 || !is_valid_day(y, m, d)) return false;
    date = format_iso_day(y, m, d);
    end = end_token;
    return true;
  }

  // November 18, 2020 · Nov. 18 2020 · noviembre 18, 2020 · December 3–4, 2021
  bool month_first(size_t i, std::string& date, size_t& end) const {
    const MonthName* m = month(i);
    if (!m || glued_left(i)) return false;
    size_t j = i + 1;
    if (m->abbreviation && is_punct(j, '.') && adjacent(j)) ++j;
    int day = number(j, 1, 2);
    if (day < 0) return false;
    j = skip_range_end(skip_ordinal(j + 1));
    if (is_punct(j, ',')) ++j;
    int year = number(j, 4, 4);
    return finish(year, m->month, day, j + 1, date, end);
  }

  // 18 November 2020 · 18 de noviembre de 2020 · 18-Nov-2020 · 1.º de julio del 2020
  bool day_first(size_t i, std::string& date, size_t& end) const {
    int day = number(i, 1, 2);
    if (day < 0 || glued_left(i)) return false;
    size_t j = skip_range_end(skip_ordinal(i + 1));
    char32_t separator = 0;
    if (j == i + 1 && adjacent(j) && (is_dash(j) || is_punct(j, '/') || is_punct(j, '.')) &&
        month(j + 1)) {
      separator = tokens_[j].cp;
      ++j;
    }
    if (!separator && is_word(j, "de")) ++j;
    const MonthName* m = month(j);
    if (!m) return false;
    ++j;
    if (separator) {
      if (!is_punct(j, separator) || !adjacent(j)) return false;
      ++j;
    } else {
      if (m->abbreviation && is_punct(j, '.') && adjacent(j)) ++j;
      if (is_punct(j, ',')) ++j;
      if (is_word(j, "de") || is_word(j, "del")) ++j;
    }
    int year = number(j, 4, 4);
    return finish(year, m->month, day, j + 1, date, end);
  }

  // 2020-11-18 · 2020/11/18 (the only numeric forms that cannot be misread)
  bool year_first(size_t i, std::string& date, size_t& end) const {
    int year = number(i, 4, 4);
    if (year < 0 || glued_left(i)) return false;
    if (i > 0 && !tokens_[i].space_before &&
        (is_dash(i - 1) || is_punct(i - 1, '/') || is_punct(i - 1, '.')))
      return false;  // the tail of a longer numeric string
    size_t j = i + 1;
    if (!(is_punct(j, '-') || is_punct(j, '/')) || !adjacent(j)) return false;
    char32_t separator = tokens_[j].cp;
    int month = adjacent(j + 1) ? number(j + 1, 1, 2) : -1;
    if (month < 0 || !is_punct(j + 2, separator) || !adjacent(j + 2) || !adjacent(j + 3)) return false;
    int day = number(j + 3, 1, 2);
    if (day < 0) return false;
    return finish(year, month, day, j + 4, date, end);
  }

  std::string_view text_;
  std::vector<Token> tokens_;
};

// Punctuation that may wrap a date in a byline or a listing: "(Nov. 18, 2020)",
// "— November 18, 2020 —", "Posted: 18/11".
bool is_wrapping(char32_t cp) {
  switch (cp) {
    case ',': case '.': case ';': case ':': case '|': case '(': case ')': case '[': case ']':
    case '-': case '/': case '"': case '\'': case 0x2013: case 0x2014: case 0x2022: case 0xB7:
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0xAB: case 0xBB:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<std::string> parse_written_date(std::string_view text) {
  if (auto iso = normalize_iso_date(text)) return iso;
  Matcher matcher(text);
  const auto& tokens = matcher.tokens();
  size_t first = 0, last = tokens.size();
  while (first < last && tokens[first].kind == Kind::Punct && is_wrapping(tokens[first].cp)) ++first;
  if (matcher.is_weekday(first)) {
    ++first;
    if (first < last && matcher.is_punct(first, '.') && matcher.adjacent(first)) ++first;
    if (first < last && matcher.is_punct(first, ',')) ++first;
  }
  while (last > first && tokens[last - 1].kind == Kind::Punct && is_wrapping(tokens[last - 1].cp)) --last;
  std::string date;
  size_t end;
  if (first < last && matcher.match_at(first, date, end) && end == last) return date;
  return std::nullopt;
}

std::optional<WrittenDate> locate_written_date(std::string_view text) {
  Matcher matcher(text);
  const auto& tokens = matcher.tokens();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == Kind::Punct) continue;
    std::string date;
    size_t end;
    if (matcher.match_at(i, date, end))
      return WrittenDate{std::move(date), tokens[i].begin, tokens[end - 1].end};
  }
  return std::nullopt;
}

std::optional<std::string> find_written_date(std::string_view text) {
  auto found = locate_written_date(text);
  if (!found) return std::nullopt;
  return std::move(found->date);
}

}  // namespace pressroom
