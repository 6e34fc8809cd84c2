#include "common/user_names.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/name_normalizer.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

constexpr size_t kMaxNameWords = 4;

struct Word {
  std::string_view text;
  bool joined = false;  // only spaces since the word before (after a '.' ending an initial or title)
};

// The code point at `i` of `text` (U+FFFD for a bad byte), and where the next begins.
UChar32 code_point_at(std::string_view text, size_t i, size_t& next) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t at = static_cast<int32_t>(i), n = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_NEXT(bytes, at, n, c);
  next = static_cast<size_t>(at);
  return c < 0 ? 0xFFFD : c;
}

// Inside a word between letters: "O'Donnell", "O’Donnell", "Noce-Sigritz".
bool joins_letters(UChar32 c) { return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011; }

// Between two words of one name: spaces, a no-break space, one line break
// (a name wrapped in Markdown) but not a blank line.
bool joins_words(std::string_view gap) {
  if (gap.empty()) return false;
  size_t line_breaks = 0;
  for (size_t i = 0; i < gap.size();) {
    size_t next;
    UChar32 c = code_point_at(gap, i, next);
    if (c == '\n') ++line_breaks;
    else if (c != ' ' && c != '\t' && c != '\r' && c != 0xA0) return false;
    i = next;
  }
  return line_breaks <= 1;
}

// The words of `text` (letters, with inner apostrophes and hyphens), each
// marked when it follows the one before as a name's next word would.
std::vector<Word> words_of_text(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0, previous_end = std::string_view::npos;
  while (i < text.size()) {
    size_t next;
    if (!u_isalpha(code_point_at(text, i, next))) {
      i = next;
      continue;
    }
    size_t start = i;
    i = next;
    while (i < text.size()) {
      UChar32 c = code_point_at(text, i, next);
      if (u_isalpha(c)) {
        i = next;
        continue;
      }
      size_t after;
      if (joins_letters(c) && next < text.size() && u_isalpha(code_point_at(text, next, after))) {
        i = after;
        continue;
      }
      break;
    }
    bool joined = false;
    if (previous_end != std::string_view::npos) {
      std::string_view gap = text.substr(previous_end, start - previous_end);
      // A full stop only after an initial or a title ("A. Parcell", "Dr.
      // Ruiz"); after a word it ends a sentence.
      std::string_view before = words.back().text;
      if (!gap.empty() && gap.front() == '.' && (before.size() == 1 || is_honorific(before))) gap.remove_prefix(1);
      joined = joins_words(gap);
    }
    words.push_back({text.substr(start, i - start), joined});
    previous_end = i;
  }
  return words;
}

bool capitalised(std::string_view word) {
  size_t next;
  return !word.empty() && u_isupper(code_point_at(word, 0, next));
}

// A word without a possessive ending ("Sullivan's", "Sullivan’s").
std::string_view without_possessive(std::string_view word) {
  for (std::string_view ending : {"'s", "\xE2\x80\x99s", "\xE2\x80\x99"})
    if (word.size() > ending.size() && word.substr(word.size() - ending.size()) == ending)
      return word.substr(0, word.size() - ending.size());
  return word;
}

// A capitalised word as a user name would write it: folded, without its
// hyphens and apostrophes ("Noce-Sigritz" → "nocesigritz", "O’Donnell" →
// "odonnell").
std::string user_name_form(std::string_view word) {
  std::string folded = fold_key(without_possessive(word)), out;
  for (size_t i = 0; i < folded.size();) {
    size_t next;
    UChar32 c = code_point_at(folded, i, next);
    if (!joins_letters(c)) out.append(folded, i, next - i);
    i = next;
  }
  return out;
}

}  // namespace

bool looks_like_user_name(std::string_view value) {
  if (value.size() < 4 || value.size() > 30) return false;
  size_t letters = 0;
  for (char c : value) {
    if (c >= 'a' && c <= 'z') ++letters;
    else if (c < '0' || c > '9') return false;
  }
  return letters >= 3;
}

std::vector<std::string> names_for_user(std::string_view user, std::string_view text) {
  // "kdaniel2": the digits tell two accounts apart, not the name.
  std::string wanted = fold_key(user);
  while (!wanted.empty() && wanted.back() >= '0' && wanted.back() <= '9') wanted.pop_back();
  std::vector<std::string> found;
  if (wanted.empty()) return found;
  std::vector<Word> words = words_of_text(text);
  std::vector<std::string> folded(words.size());
  for (size_t i = 0; i < words.size(); ++i)
    if (capitalised(words[i].text)) folded[i] = user_name_form(words[i].text);
  // For each last word, the match that begins latest: the rules that leave
  // out middle names would otherwise also take a capitalised word before
  // the name ("By Bill Brantley", "Today Tom Herrera").
  std::map<size_t, size_t> first_of_last;
  for (size_t first = 0; first < words.size(); ++first) {
    if (folded[first].empty() || is_honorific(words[first].text)) continue;
    std::string all = folded[first], initial_then_rest(1, folded[first][0]), initials = initial_then_rest;
    for (size_t last = first + 1; last < words.size() && last - first < kMaxNameWords; ++last) {
      if (folded[last].empty() || !words[last].joined) break;
      all += folded[last];
      initial_then_rest += folded[last];
      // Middle names and initials may be left out of the user name too.
      const std::string keys[] = {all, initial_then_rest, initials + folded[last], folded[first][0] + folded[last],
                                  folded[first] + folded[last]};
      initials.push_back(folded[last][0]);
      if (std::find(std::begin(keys), std::end(keys), wanted) != std::end(keys)) first_of_last[last] = first;
    }
  }
  std::set<std::string> seen;
  for (const auto& [last, first] : first_of_last) {
    std::string name;
    for (size_t k = first; k <= last; ++k) {
      std::string_view word = without_possessive(words[k].text);
      if (!name.empty()) name.push_back(' ');
      name.append(word);
      size_t next;
      code_point_at(word, 0, next);
      if (next == word.size()) name.push_back('.');  // an initial, which the rules drop
    }
    std::string normal = normalize_person_name(name);
    if (!normal.empty() && seen.insert(normal).second) found.push_back(normal);
  }
  return found;
}

void UserNameEvidence::add(const std::string& user, const std::vector<std::string>& names) {
  Seen& seen = by_user_[user];
  ++seen.releases;
  for (const std::string& name : std::set<std::string>(names.begin(), names.end())) ++seen.names[name];
}

std::vector<UserNameEvidence::Suggestion> UserNameEvidence::suggestions() const {
  std::vector<Suggestion> out;
  for (const auto& [user, seen] : by_user_) {
    Suggestion s;
    s.user = user;
    s.releases = seen.releases;
    for (const auto& [name, count] : seen.names)
      if (count > s.named_in) s.name = name, s.named_in = count;
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) { return a.releases > b.releases; });
  return out;
}

}  // namespace pressroom
