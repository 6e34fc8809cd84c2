#include "common/word_forms.h"

#include <algorithm>

namespace pressroom {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// The bytes of the separator at `i`: an ASCII character other than a
// letter or digit; Latin-1's punctuation and no-break space (U+00A0–U+00BF
// but for ª, µ, º); General Punctuation (U+2000–U+203F: dashes, curly quotes
// and apostrophes, ellipsis). 0 in a word: press releases write “ICE”,
// ICE’s and ICE—, and each is the word ICE.
size_t separator_at(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  unsigned char c = byte(i);
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? 0 : 1;
  if (c == 0xC2 && byte(i + 1) >= 0xA0 && byte(i + 1) <= 0xBF && byte(i + 1) != 0xAA && byte(i + 1) != 0xB5 &&
      byte(i + 1) != 0xBA)
    return 2;
  if (c == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0x80 && byte(i + 2) <= 0xBF) return 3;
  return 0;
}

// Whether a word starting at `at` begins a sentence, a line or a quotation,
// where a capital says nothing of the word. Punctuation of other scripts
// before it (“, ¿, ¡, «, —) counts as such a start: unsure, so not counted.
bool begins_sentence(std::string_view text, size_t at) {
  for (;;) {
    if (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
    else if (at > 1 && text.compare(at - 2, 2, "\xC2\xA0") == 0) at -= 2;  // a no-break space
    else break;
  }
  if (at == 0) return true;
  char c = text[at - 1];
  if (static_cast<unsigned char>(c) < 0x80) return std::string_view(".!?:;\"'(\n\r#*>|-[").find(c) != std::string_view::npos;
  return (at >= 2 && separator_at(text, at - 2) == 2) || (at >= 3 && separator_at(text, at - 3) == 3);
}

// A word of two letters or more all in capitals: a shouted heading's
// ("OPEN DATA") when its neighbours are so too.
bool shouted(std::string_view word) {
  int letters = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    letters += is_upper(c);
  }
  return letters >= 2;
}

std::string_view word_at(std::string_view text, size_t& i) {
  while (i < text.size())
    if (size_t n = separator_at(text, i)) i += n;
    else break;
  size_t start = i;
  while (i < text.size() && separator_at(text, i) == 0) ++i;
  return text.substr(start, i - start);
}

char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `word` is `lower_case` in any case, ASCII letters only.
bool same_word(std::string_view word, std::string_view lower_case) {
  if (word.size() != lower_case.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower(word[i]) != lower_case[i]) return false;
  return true;
}

}  // namespace

WordForms::WordForms(std::string_view text, const std::vector<std::string_view>& words) : WordForms(words) {
  add(text);
}

WordForms::WordForms(const std::vector<std::string_view>& words) {
  for (std::string_view w : words)
    if (!find(w)) {
      Forms forms;
      forms.word = std::string(w);
      forms_.push_back(std::move(forms));
    }
}

void WordForms::add(std::string_view text) {
  if (forms_.empty()) return;
  std::string_view previous;
  for (size_t i = 0; i < text.size();) {
    std::string_view word = word_at(text, i);
    if (word.empty()) break;
    size_t start = static_cast<size_t>(word.data() - text.data());
    std::string_view before = previous;
    previous = word;
    auto found = std::find_if(forms_.begin(), forms_.end(), [&](const Forms& f) { return same_word(word, f.word); });
    if (found == forms_.end()) continue;
    Forms& f = *found;
    ++f.total;
    bool capitals_after_first = std::any_of(word.begin() + 1, word.end(), is_upper);
    if (capitals_after_first) {
      size_t after = i;
      if (shouted(word) && (shouted(before) || shouted(word_at(text, after)))) continue;  // no form of its own
      ++f.own[std::string(word)];
    } else if (is_upper(word.front())) {
      if (!begins_sentence(text, start)) ++f.capitalised_inside;
    } else if (word.front() >= 'a' && word.front() <= 'z') {
      ++f.lower;
    }
  }
}

const WordForms::Forms* WordForms::find(std::string_view word) const {
  for (const Forms& f : forms_)
    if (same_word(word, f.word)) return &f;
  return nullptr;
}

std::optional<std::string> WordForms::own_capitals(std::string_view word) const {
  const Forms* found = find(word);
  if (!found) return std::nullopt;
  const Forms& f = *found;
  const std::pair<const std::string, unsigned>* best = nullptr;
  for (const auto& form : f.own)
    if (!best || form.second > best->second || (form.second == best->second && form.first < best->first)) best = &form;
  if (!best || best->second * 2 <= f.total) return std::nullopt;
  return best->first;
}

bool WordForms::capitalised(std::string_view word) const {
  const Forms* found = find(word);
  return found && found->capitalised_inside > found->lower;
}

}  // namespace pressroom
