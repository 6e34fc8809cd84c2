#include "common/paragraphs.h"

#include <string>

#include "common/text_folding.h"

namespace pressroom {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_paragraphs(std::string_view body) {
  std::vector<std::string_view> paragraphs;
  size_t pos = 0, start = 0;
  bool in_paragraph = false;
  while (pos <= body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    bool blank = trim_space(body.substr(pos, end - pos)).empty();
    if (blank && in_paragraph) {
      paragraphs.push_back(trim_space(body.substr(start, pos - start)));
      in_paragraph = false;
    } else if (!blank && !in_paragraph) {
      start = pos;
      in_paragraph = true;
    }
    pos = end + 1;
  }
  if (in_paragraph) paragraphs.push_back(trim_space(body.substr(start)));
  return paragraphs;
}

std::vector<std::string_view> split_lines(std::string_view paragraph) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= paragraph.size()) {
    size_t end = paragraph.find('\n', pos);
    if (end == std::string_view::npos) end = paragraph.size();
    std::string_view line = trim_space(paragraph.substr(pos, end - pos));
    if (!line.empty()) lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

size_t count_words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool repeats_opening(std::string_view summary, std::string_view body) {
  std::string opening = collapse_whitespace(summary);
  for (std::string_view cut : {"[\u2026]", "[...]", "\u2026", "..."}) {
    if (opening.size() >= cut.size() && opening.compare(opening.size() - cut.size(), cut.size(), cut) == 0) {
      opening.resize(opening.size() - cut.size());
      break;
    }
  }
  opening = collapse_whitespace(opening);
  return !opening.empty() && collapse_whitespace(body).compare(0, opening.size(), opening) == 0;
}

}  // namespace pressroom
