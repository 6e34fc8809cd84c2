#include "common/near_duplicate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "common/listing_dedup.h"
#include "common/paragraphs.h"
#include "common/schema.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// Everything below is stored in the index (band terms): changing a constant
// or a hash changes every key, which needs a schema::kVersion bump.
uint64_t fnv1a(std::string_view data, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// splitmix64's finaliser: spreads FNV's weak low bits, and with a seed it
// gives the independent hash functions MinHash needs.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::string hex(uint64_t value, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return std::string(buf + 16 - digits);
}

// Labels newsrooms put before or after a title when they re-post it.
constexpr std::array<std::string_view, 30> kTitleLabels = {
    "updated", "update", "corrected", "correction", "correcting", "revised", "revision", "clarification",
    "clarified", "repeat", "reissued", "re-issued", "reissue", "republished", "press release", "news release",
    "media advisory", "advisory", "statement", "for immediate release", "actualizado", "actualizada",
    "actualizacion", "corregido", "corregida", "correccion", "comunicado de prensa", "comunicado",
    "aviso a medios", "declaracion"};
constexpr std::array<std::string_view, 5> kSeparators = {":", "-", "\u2014", "\u2013", "|"};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view trim_label_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// Removes one label at the start or the end of a folded title; false when
// there is none. A label must be set off ("Updated: …", "[Updated] …",
// "… (updated)", "… - Updated"), so "Statement on the ruling" keeps its word.
bool strip_one_label(std::string_view& s) {
  for (std::string_view label : kTitleLabels) {
    for (auto [open, close] : {std::pair{"[", "]"}, std::pair{"(", ")"}}) {
      std::string wrapped = std::string(open).append(label).append(close);
      if (starts_with(s, wrapped)) {
        s = trim_label_space(s.substr(wrapped.size()));
        return true;
      }
      if (ends_with(s, wrapped) && s.size() > wrapped.size()) {
        s = trim_label_space(s.substr(0, s.size() - wrapped.size()));
        return true;
      }
    }
    if (starts_with(s, label)) {
      std::string_view rest = trim_label_space(s.substr(label.size()));
      for (std::string_view sep : kSeparators)
        if (starts_with(rest, sep) && rest.size() > sep.size()) {
          s = trim_label_space(rest.substr(sep.size()));
          return true;
        }
    }
    if (ends_with(s, label) && s.size() > label.size()) {
      std::string_view rest = trim_label_space(s.substr(0, s.size() - label.size()));
      for (std::string_view sep : kSeparators)
        if (ends_with(rest, sep) && rest.size() > sep.size()) {
          s = trim_label_space(rest.substr(0, rest.size() - sep.size()));
          return true;
        }
    }
  }
  return false;
}

std::vector<std::string> words_of(std::string_view text) { return schema::title_words(strip_accents(text)); }

// At most `bytes` bytes of `s`, not cutting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view s, size_t bytes) {
  if (s.size() <= bytes) return s;
  while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
  return s.substr(0, bytes);
}

size_t count_digits(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

bool has_email(std::string_view s) {
  size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos;
}

// A telephone number: ten or more digits in a run of digits and the
// characters people write between them.
bool has_phone(std::string_view s) {
  size_t digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++digits >= 10) return true;
    } else if (c != ' ' && c != '(' && c != ')' && c != '-' && c != '.' && c != '+') {
      digits = 0;
    }
  }
  return false;
}

bool is_end_marker(std::string_view paragraph) {
  if (paragraph.size() > 16) return false;  // the longest marker, spaced out
  std::string compact;
  for (char c : fold_key(paragraph))
    if (c != ' ') compact.push_back(c);
  for (std::string_view marker : {"###", "#", "-30-", "30", "\u201430\u2014", "\u201330\u2013", "***", "end", "-end-", "fin"})
    if (compact == marker) return true;
  return false;
}

// "About Puentes Human Rights Center" as a heading, or "About Puentes: …"
// opening a paragraph: the organisation's description, which runs to the end.
bool opens_about_section(std::string_view paragraph) {
  if (paragraph.empty() || std::string_view("AaSsQq").find(paragraph.front()) == std::string_view::npos) return false;
  std::vector<std::string_view> lines = split_lines(paragraph);
  if (lines.empty()) return false;
  std::string first = fold_key(lines.front());
  for (std::string_view opener : {"about ", "acerca de ", "sobre ", "quienes somos"}) {
    if (!starts_with(first, opener)) continue;
    size_t colon = first.find(':');
    if (colon != std::string::npos && count_words(std::string_view(first).substr(0, colon)) <= 6) return true;
    char last = first.back();
    bool sentence = last == '.' || last == '!' || last == '?';
    return count_words(first) <= 8 && count_digits(first) == 0 && !sentence;
  }
  return false;
}

void add_shingles(const std::vector<std::string>& words, std::vector<uint64_t>& out) {
  if (words.size() < kShingleWords) return;
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t h = fnv1a(words[i]);
    for (size_t k = 1; k < kShingleWords; ++k) h = fnv1a(words[i + k], fnv1a(" ", h));
    out.push_back(mix(h));
  }
}

std::vector<std::string> band_keys(const std::vector<uint64_t>& shingles) {
  // Shingle hashes are already mixed: multiply-shift hashing (one multiply
  // by an odd constant per function) is as good a family here, and cheap.
  std::array<uint64_t, kBands * kRows> multipliers, minima;
  for (size_t f = 0; f < multipliers.size(); ++f) multipliers[f] = mix(0x5eed0000ULL + f) | 1;
  minima.fill(~0ULL);
  for (uint64_t s : shingles)
    for (size_t f = 0; f < minima.size(); ++f) minima[f] = std::min(minima[f], s * multipliers[f]);
  std::vector<std::string> keys;
  for (size_t b = 0; b < kBands; ++b) {
    uint64_t h = b;
    for (size_t r = 0; r < kRows; ++r) h = mix(h ^ minima[b * kRows + r]);
    keys.push_back(hex(b, 1).append(hex(h, 12)));
  }
  return keys;
}

}  // namespace

std::string normalised_title(std::string_view title) {
  std::string folded = fold_key(title);
  std::string_view s = folded;
  while (strip_one_label(s)) {
  }
  std::string out;
  for (const std::string& word : words_of(s)) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

bool is_boilerplate_paragraph(std::string_view paragraph) {
  if (is_end_marker(paragraph)) return true;
  if (count_words(paragraph) > 60) return false;
  if (has_email(paragraph) || has_phone(paragraph)) return true;
  std::string folded = fold_key(utf8_prefix(paragraph, 48));  // the openers are shorter
  for (std::string_view opener :
       {"media contact", "press contact", "contact:", "contacts:", "contact -", "for media inquiries", "media inquiries",
        "for more information", "for immediate release", "follow us", "contacto", "para mas informacion",
        "para publicacion inmediata", "siguenos"})
    if (starts_with(folded, opener)) return true;
  return false;
}

std::string comparable_text(const Release& release) {
  std::string text;
  auto add = [&](std::string_view paragraph) {
    if (is_boilerplate_paragraph(paragraph)) return;
    if (!text.empty()) text.append("\n\n");
    text.append(paragraph);
  };
  for (std::string_view p : split_paragraphs(release.summary)) add(p);
  std::vector<std::string_view> body = split_paragraphs(release.body);
  for (size_t i = 0; i < body.size(); ++i) {
    // The opening paragraph is the release's own, whatever its first word.
    if (i >= 1 && opens_about_section(body[i])) break;
    if (i >= 1 && is_end_marker(body[i])) break;
    add(body[i]);
  }
  return text;
}

DuplicateProfile duplicate_profile(const Release& release) {
  DuplicateProfile profile;
  std::string title = normalised_title(release.title);
  if (!title.empty() && !release.date.empty())
    profile.title_date = hex(mix(fnv1a(title.append("\x1f").append(release.date))), 16);
  std::string url = url_match_key(release.url);
  if (!url.empty()) profile.url = hex(mix(fnv1a(url)), 16);
  profile.listing = is_listing_entry(release);
  profile.date = release.date;
  // Shingles do not cross paragraphs: the summary and the body's first
  // paragraph often repeat each other, and the set keeps one copy.
  std::string text = comparable_text(release);
  for (std::string_view paragraph : split_paragraphs(text)) add_shingles(words_of(paragraph), profile.shingles);
  std::sort(profile.shingles.begin(), profile.shingles.end());
  profile.shingles.erase(std::unique(profile.shingles.begin(), profile.shingles.end()), profile.shingles.end());
  if (profile.shingles.size() >= kMinShingles) profile.bands = band_keys(profile.shingles);
  return profile;
}

Similarity similarity(const DuplicateProfile& a, const DuplicateProfile& b) {
  size_t common = 0;
  auto i = a.shingles.begin(), j = b.shingles.begin();
  while (i != a.shingles.end() && j != b.shingles.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  Similarity s;
  size_t all = a.shingles.size() + b.shingles.size() - common;
  size_t smaller = std::min(a.shingles.size(), b.shingles.size());
  if (all) s.jaccard = static_cast<double>(common) / static_cast<double>(all);
  if (smaller) s.containment = static_cast<double>(common) / static_cast<double>(smaller);
  return s;
}

bool are_near_duplicates(const DuplicateProfile& a, const DuplicateProfile& b) {
  bool same_title_date = !a.title_date.empty() && a.title_date == b.title_date;
  bool same_url = !a.url.empty() && a.url == b.url;
  // A listing entry is its page's title, date and a teaser written for the
  // listing: identity is all there is to compare (as listing_dedup.h does).
  if ((a.listing || b.listing) && (same_title_date || same_url)) return true;
  size_t smaller = std::min(a.shingles.size(), b.shingles.size());
  if (smaller < kMinShingles) return same_title_date;
  Similarity s = similarity(a, b);
  if (s.jaccard >= kSameTextJaccard) return true;
  if (!a.date.empty() && a.date == b.date && s.jaccard >= kSameDayJaccard) return true;
  return (same_title_date || same_url) && s.containment >= kSameReleaseContainment;
}

}  // namespace pressroom
