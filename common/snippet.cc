#include "common/snippet.h"

#include <algorithm>
#include <unordered_set>

#include "common/text_folding.h"

namespace pressroom {
namespace {

struct Token {
  size_t begin, end;  // byte offsets into the text
  bool hit = false;
  int term = -1;      // index into the terms, for counting distinct terms
};

constexpr size_t kMaxScanBytes = 64 * 1024;  // long reports: the answer is nearly always early

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Xapian::Utf8Iterator it(text.data(), text.size()), end;
  const char* base = text.data();
  while (it != end) {
    while (it != end && !Xapian::Unicode::is_wordchar(*it)) ++it;
    if (it == end) break;
    size_t begin = it.raw() - base;
    while (it != end && Xapian::Unicode::is_wordchar(*it)) ++it;
    size_t stop = it == end ? text.size() : static_cast<size_t>(it.raw() - base);
    tokens.push_back({begin, stop});
  }
  return tokens;
}

std::string lower(std::string_view word) {
  std::string out;
  for (Xapian::Utf8Iterator it(word.data(), word.size()), end; it != end; ++it)
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string make_snippet(std::string_view text, const std::vector<std::string>& terms,
                         const Xapian::Stem& stemmer, const SnippetOptions& options) {
  if (text.size() > kMaxScanBytes) {
    size_t cut = kMaxScanBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::vector<Token> tokens = tokenize(text);
  if (tokens.empty()) return {};

  // Stemming every word is the cost of a snippet; only words that share their
  // first two letters with some term can possibly stem to it.
  std::unordered_set<std::string> openings;
  for (const std::string& term : terms) openings.insert(term.substr(0, 2));
  for (Token& token : tokens) {
    if (terms.empty()) break;
    std::string word = lower(strip_accents(text.substr(token.begin, token.end - token.begin)));
    if (!openings.count(word.substr(0, 2))) continue;
    std::string stem = stemmer(word);
    for (size_t t = 0; t < terms.size(); ++t) {
      if (terms[t] == stem || terms[t] == word) {
        token.hit = true;
        token.term = static_cast<int>(t);
        break;
      }
    }
  }

  size_t window = std::min(options.words, tokens.size());
  auto score_at = [&](size_t start) {
    std::vector<bool> distinct(terms.size(), false);
    size_t d = 0, hits = 0;
    for (size_t i = start; i < start + window; ++i) {
      if (!tokens[i].hit) continue;
      ++hits;
      if (!distinct[tokens[i].term]) {
        distinct[tokens[i].term] = true;
        ++d;
      }
    }
    return std::make_pair(d, hits);
  };
  // The best window can always be taken to start at a hit (or as late as the
  // text allows, for hits among the last words).
  size_t best_start = 0;
  std::pair<size_t, size_t> best_score = score_at(0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].hit) continue;
    size_t start = std::min(i, tokens.size() - window);
    auto score = score_at(start);
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
  }
  if (best_score.second > 0) {
    size_t first_hit = best_start, last_hit = best_start + window - 1;
    while (!tokens[first_hit].hit) ++first_hit;
    while (!tokens[last_hit].hit) --last_hit;
    // Place the window so that about four words lead in to the first hit,
    // keeping the last hit inside and not running past the end of the text.
    size_t wanted = first_hit > 4 ? first_hit - 4 : 0;
    size_t keep_last = last_hit + 1 > window ? last_hit + 1 - window : 0;
    best_start = std::max(keep_last, std::min(wanted, tokens.size() - window));
  }

  size_t last = best_start + window - 1;
  std::string out;
  if (best_start > 0) out += "…";
  size_t pos = best_start == 0 ? 0 : tokens[best_start].begin;
  for (size_t i = best_start; i <= last; ++i) {
    out += html_escape(text.substr(pos, tokens[i].begin - pos));
    std::string_view word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (tokens[i].hit) {
      out += "<mark>" + html_escape(word) + "</mark>";
    } else {
      out += html_escape(word);
    }
    pos = tokens[i].end;
  }
  std::string tail;
  if (last + 1 < tokens.size()) {
    out += "…";
  } else {
    tail = html_escape(text.substr(pos));
  }
  out += tail;
  std::string collapsed = collapse_whitespace(out);
  return collapsed;
}

}  // namespace pressroom
