#include "common/slug_names.h"

#include <array>
#include <optional>
#include <vector>

#include "common/name_normalizer.h"

namespace pressroom {
namespace {

bool is_separator(char c) { return c == '-' || c == '_'; }

std::vector<std::string_view> words_of(std::string_view slug) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= slug.size(); ++i)
    if (i == slug.size() || is_separator(slug[i])) {
      words.push_back(slug.substr(start, i - start));
      start = i + 1;
    }
  return words;
}

// Joining words that stay lower case inside a title, in English and Spanish
// (the archive's two languages).
bool is_small_word(std::string_view word) {
  static constexpr std::array<std::string_view, 27> kSmall = {
      "a",  "an",  "and", "as", "at", "but", "by",   "de",  "del", "el", "en", "for", "from", "in",
      "la", "las", "los", "of", "on", "or",  "para", "por", "the", "to", "vs", "via", "y"};
  for (std::string_view small : kSmall)
    if (word == small) return true;
  return false;
}

// `forms`: how the release writes the words (null: not known);
// `sentence_case`: only the first word and names capitalised.
std::string title_of(std::string_view slug, const WordForms* forms = nullptr, bool sentence_case = false) {
  std::string out;
  std::vector<std::string_view> words = words_of(slug);
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out.push_back(' ');
    if (std::optional<std::string> own = forms ? forms->own_capitals(words[i]) : std::nullopt) {
      out.append(*own);
      continue;
    }
    size_t at = out.size();
    out.append(words[i]);
    bool inside = i > 0 && i + 1 < words.size();
    bool capital = sentence_case ? i == 0 || (forms && forms->capitalised(words[i])) : !(inside && is_small_word(words[i]));
    if (capital && out[at] >= 'a' && out[at] <= 'z') out[at] = static_cast<char>(out[at] - 'a' + 'A');
  }
  return out;
}

// A slug of a person's name as words, without WordPress's number
// ("angela-hooker-2"); nothing for a value that is not such a slug.
std::vector<std::string_view> name_words(std::string_view value) {
  if (!is_slug(value) || value.find_first_of("-_") == std::string_view::npos) return {};
  std::vector<std::string_view> words = words_of(value);
  // WordPress tells two authors of one name apart by a number: "angela-hooker-2".
  if (words.size() > 2 && words.back().find_first_not_of("0123456789") == std::string_view::npos) words.pop_back();
  return words;
}

}  // namespace

bool is_slug(std::string_view value) {
  if (value.empty() || is_separator(value.front()) || is_separator(value.back())) return false;
  bool letter = false;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c >= 'a' && c <= 'z') letter = true;
    else if (is_separator(c)) {
      if (is_separator(value[i - 1])) return false;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return letter;
}

std::string topic_name(std::string_view value) { return is_slug(value) ? title_of(value) : std::string(value); }

std::string person_name(std::string_view value) {
  std::vector<std::string_view> words = name_words(value);
  if (words.empty()) return std::string(value);
  std::string spaced;
  for (std::string_view word : words) spaced.append(spaced.empty() ? "" : " ").append(word);
  return proper_case(spaced);
}

std::vector<std::string_view> slug_words(std::string_view value) {
  return is_slug(value) ? words_of(value) : std::vector<std::string_view>{};
}

std::string topic_name(std::string_view value, const WordForms& forms, std::string_view lang) {
  return is_slug(value) ? title_of(value, &forms, lang == "es") : std::string(value);
}

std::string person_name(std::string_view value, const WordForms& forms) {
  std::string name = person_name(value);
  if (name == value) return name;
  // proper_case() puts capitals it is given in proper case ("GSA" → "Gsa"):
  // the text's own forms replace its words after it.
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i)
    if (i == name.size() || name[i] == ' ') {
      std::string_view word = std::string_view(name).substr(start, i - start);
      std::optional<std::string> own = forms.own_capitals(word);
      out.append(start ? " " : "").append(own ? *own : std::string(word));
      start = i + 1;
    }
  return out;
}

}  // namespace pressroom
