#include "common/query_text.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>

namespace pressroom {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator(std::string_view token) {
  return token == "AND" || token == "OR" || token == "NOT" || token == "XOR" || token == "NEAR" ||
         token == "ADJ" || token.substr(0, 5) == "NEAR/" || token.substr(0, 4) == "ADJ/";
}

bool all_alnum(std::string_view s) {
  if (s.empty()) return false;
  for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it)
    if (!Xapian::Unicode::is_wordchar(*it) || *it == '_') return false;
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string lower(std::string_view s) {
  std::string out;
  for (Xapian::Utf8Iterator it(s.data(), s.size()), end; it != end; ++it)
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
  return out;
}

// "2,500" / "1,200,000" / "2,500.75": digit groups of three after the first.
bool is_grouped_number(std::string_view s) {
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  if (dot != std::string_view::npos && !all_digits(s.substr(dot + 1))) return false;
  size_t comma = whole.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 3) return false;
  if (!all_digits(whole.substr(0, comma))) return false;
  for (size_t pos = comma; pos < whole.size(); pos += 4) {
    if (whole[pos] != ',' || pos + 4 > whole.size() || !all_digits(whole.substr(pos + 1, 3))) return false;
  }
  return true;
}

std::string without_commas(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ',') out.push_back(c);
  return out;
}

// "covid-19" → {"covid", "19"} when every part is a word; empty otherwise.
std::vector<std::string_view> hyphen_parts(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dash = s.find('-', start);
    std::string_view part = s.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (!all_alnum(part)) return {};
    parts.push_back(part);
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return parts.size() >= 2 ? parts : std::vector<std::string_view>{};
}

std::string_view trim_punctuation(std::string_view s) {
  auto is_edge = [](char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
           c == '"' || c == '\'' || c == '[' || c == ']';
  };
  while (!s.empty() && is_edge(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_edge(s.back())) s.remove_suffix(1);
  // Curly quotes and dashes are multi-byte: strip the common ones too
  // (each starts and ends with a byte above ASCII).
  if (s.empty() || (static_cast<unsigned char>(s.front()) < 0x80 && static_cast<unsigned char>(s.back()) < 0x80))
    return s;
  for (std::string_view q : {"“", "”", "‘", "’", "«", "»"}) {
    while (s.substr(0, q.size()) == q) s.remove_prefix(q.size());
    while (s.size() >= q.size() && s.substr(s.size() - q.size()) == q) s.remove_suffix(q.size());
  }
  return s;
}

}  // namespace

std::vector<QuerySpan> split_query(std::string_view query) {
  std::vector<QuerySpan> spans;
  size_t i = 0;
  while (i < query.size()) {
    if (is_space(query[i])) {
      size_t start = i;
      while (i < query.size() && is_space(query[i])) ++i;
      spans.push_back({std::string(query.substr(start, i - start)), false});
      continue;
    }
    // Leading and trailing brackets are syntax; the word between them may be rewritten.
    if (query[i] == '(' || query[i] == ')') {
      spans.push_back({std::string(1, query[i]), false});
      ++i;
      continue;
    }
    size_t start = i;
    bool quoted = false;
    while (i < query.size() && !is_space(query[i]) && query[i] != ')' && !(query[i] == '(' && i == start)) {
      if (query[i] == '"') {
        quoted = true;
        size_t close = query.find('"', i + 1);
        i = close == std::string_view::npos ? query.size() : close + 1;
        continue;
      }
      ++i;
    }
    std::string_view token = query.substr(start, i - start);
    bool rewritable = !quoted && token.find(':') == std::string_view::npos && !is_operator(token) &&
                      token[0] != '-' && token[0] != '+' && token.find('*') == std::string_view::npos;
    spans.push_back({std::string(token), rewritable});
  }
  return spans;
}

std::string rewrite_compounds(std::string_view query) {
  std::string out;
  for (const QuerySpan& span : split_query(query)) {
    if (!span.rewritable) {
      out += span.text;
      continue;
    }
    std::string_view word = span.text;
    if (is_grouped_number(word)) {
      out += without_commas(word);
    } else if (auto parts = hyphen_parts(word); !parts.empty()) {
      std::string joined;
      for (auto p : parts) joined += p;
      out += "(" + span.text + " OR " + joined + ")";
    } else {
      out += span.text;
    }
  }
  return out;
}

std::vector<std::string> compound_variants(std::string_view text) {
  std::vector<std::string> variants;
  size_t i = 0;
  std::string_view previous;  // an all-capitals acronym just before, as in "SB 4"
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    std::string_view raw = text.substr(start, i - start);
    std::string_view chunk = trim_punctuation(raw);
    std::string_view acronym = previous;
    previous = chunk.size() >= 2 && chunk.size() <= 5 && chunk == raw &&
                       std::all_of(chunk.begin(), chunk.end(), [](char c) { return c >= 'A' && c <= 'Z'; })
                   ? chunk
                   : std::string_view();
    if (!acronym.empty() && chunk.size() <= 4 && all_digits(chunk))
      variants.push_back(lower(acronym) + std::string(chunk));  // "SB 4" is also typed "SB4"
    if (chunk.size() < 3) continue;
    if (is_grouped_number(chunk)) {
      variants.push_back(without_commas(chunk.substr(0, chunk.find('.'))));
    } else if (chunk.find('-') != std::string_view::npos) {
      auto parts = hyphen_parts(chunk);
      if (parts.empty()) continue;
      std::string joined;
      for (auto p : parts) joined += p;
      variants.push_back(lower(joined));
    } else {
      // Letters glued to digits ("covid19"): also its parts, for "covid 19".
      // (ASCII letters then ASCII digits: no word check needed.)
      size_t split = 0;
      while (split < chunk.size() && std::isalpha(static_cast<unsigned char>(chunk[split]))) ++split;
      if (split >= 2 && split < chunk.size() && all_digits(chunk.substr(split))) {
        variants.push_back(lower(chunk.substr(0, split)));
        variants.push_back(std::string(chunk.substr(split)));
      }
    }
  }
  return variants;
}

}  // namespace pressroom
