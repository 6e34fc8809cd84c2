#include "common/user_names.h"

#include <algorithm>
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

bool is_letter_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// The words of `text` (letters, with inner apostrophes and hyphens), each
// marked when it follows the one before as a name's next word would.
std::vector<Word> words_of_text(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0, previous_end = std::string_view::npos;
  while (i < text.size()) {
    if (!is_letter_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (is_letter_byte(c)) {
        ++i;
      } else if ((c == '\'' || c == '-') && i + 1 < text.size() && is_letter_byte(static_cast<unsigned char>(text[i + 1]))) {
        i += 2;
      } else {
        break;
      }
    }
    bool joined = false;
    if (previous_end != std::string_view::npos) {
      std::string_view gap = text.substr(previous_end, start - previous_end);
      // A full stop only after an initial or a title ("A. Parcell", "Dr.
      // Ruiz"); after a word it ends a sentence.
      std::string_view before = words.back().text;
      if (!gap.empty() && gap.front() == '.' && (before.size() == 1 || is_honorific(before))) gap.remove_prefix(1);
      joined = !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
    }
    words.push_back({text.substr(start, i - start), joined});
    previous_end = i;
  }
  return words;
}

bool capitalised(std::string_view word) { return !word.empty() && word.front() >= 'A' && word.front() <= 'Z'; }

// A word without a possessive ending ("Sullivan's", "Sullivan’s").
std::string_view without_possessive(std::string_view word) {
  for (std::string_view ending : {"'s", "\xE2\x80\x99s", "\xE2\x80\x99"})
    if (word.size() > ending.size() && word.substr(word.size() - ending.size()) == ending)
      return word.substr(0, word.size() - ending.size());
  return word;
}

// A capitalised word as a user name would write it: folded, without its
// hyphens and apostrophes ("Noce-Sigritz" → "nocesigritz").
std::string user_name_form(std::string_view word) {
  std::string folded = fold_key(without_possessive(word)), out;
  for (char c : folded)
    if (c != '-' && c != '\'') out.push_back(c);
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
  std::string wanted = fold_key(user);
  std::vector<std::string> found;
  if (wanted.empty()) return found;
  std::vector<Word> words = words_of_text(text);
  std::vector<std::string> folded(words.size());
  for (size_t i = 0; i < words.size(); ++i)
    if (capitalised(words[i].text)) folded[i] = user_name_form(words[i].text);
  std::set<std::string> seen;
  for (size_t first = 0; first < words.size(); ++first) {
    // Any capitalised word may begin the name: "By Jacob Parcell",
    // "Director Jacob Parcell".
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
      if (std::find(std::begin(keys), std::end(keys), wanted) == std::end(keys)) continue;
      std::string name;
      for (size_t k = first; k <= last; ++k) {
        if (!name.empty()) name.push_back(' ');
        name.append(without_possessive(words[k].text));
        if (words[k].text.size() == 1) name.push_back('.');  // an initial, which the rules drop
      }
      std::string normal = normalize_person_name(name);
      if (!normal.empty() && seen.insert(normal).second) found.push_back(normal);
    }
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
