#include "common/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "common/date_text.h"
#include "common/dates.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// Poppler reports damaged files on stderr; here they become ReadIssues.
void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&ignore_poppler_message, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  std::string out(bytes.begin(), bytes.end());
  // Some producers leave NULs and other control characters in text strings.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }),
            out.end());
  return out;
}

// ------------------------------------------------------------------ layout

// A line of text as set on the page: PDF has no paragraphs, only words at
// positions, so lines are rebuilt from where the words stand.
struct Line {
  std::string text;
  double left = 0, right = 0, top = 0, bottom = 0;
  double size = 0;  // height of its first word: the type size, give or take the face
};

std::vector<Line> lines_of(const poppler::page& page) {
  std::vector<Line> lines;
  bool space_pending = false;
  // Without text_list_include_font: asking poppler for font names makes
  // reading about 1.6 times slower, and word heights rank type sizes as well.
  for (const poppler::text_box& box : page.text_list()) {
    std::string word = utf8(box.text());
    if (word.empty()) continue;
    poppler::rectf r = box.bbox();
    double top = r.y(), bottom = r.y() + r.height(), middle = (top + bottom) / 2;
    bool same_line = !lines.empty() && middle > lines.back().top && middle < lines.back().bottom &&
                     r.x() > lines.back().right - 1;
    if (!same_line) {
      lines.push_back({word, r.x(), r.x() + r.width(), top, bottom, r.height()});
    } else {
      Line& line = lines.back();
      // Producers that position every word leave has_space_after unset.
      if (space_pending || r.x() - line.right > 0.15 * r.height()) line.text += ' ';
      line.text += word;
      line.right = r.x() + r.width();
      line.top = std::min(line.top, top);
      line.bottom = std::max(line.bottom, bottom);
    }
    space_pending = box.has_space_after();
  }
  for (Line& line : lines) line.text = collapse_whitespace(line.text);
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return l.text.empty(); }),
              lines.end());
  return lines;
}

// A line with its digits masked, so "Page 2 of 4" and "Page 3 of 4" compare equal.
std::string shape_of(const std::string& line) {
  std::string shape = line;
  for (char& c : shape)
    if (std::isdigit(static_cast<unsigned char>(c))) c = '#';
  return shape;
}

bool is_page_number(const std::string& line) {
  std::string rest;
  for (char c : fold_key(line))
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ' ' && c != '-' && c != '/' && c != '|') rest.push_back(c);
  return rest.empty() || rest == "page" || rest == "pageof" || rest == "pagina" || rest == "paginade" ||
         rest == "p." || rest == "of";
}

// Lines that repeat at the top or bottom of most pages (a running title, the
// organisation's name, "Page 2 of 4") are layout, not text.
void drop_running_lines(std::vector<std::vector<Line>>& pages) {
  constexpr size_t kEdge = 3;  // lines looked at at each end of a page
  std::map<std::string, size_t> seen;
  for (const auto& lines : pages) {
    std::vector<std::string> shapes;
    for (size_t i = 0; i < lines.size(); ++i)
      if (i < kEdge || i + kEdge >= lines.size()) shapes.push_back(shape_of(lines[i].text));
    std::sort(shapes.begin(), shapes.end());
    shapes.erase(std::unique(shapes.begin(), shapes.end()), shapes.end());
    for (const std::string& s : shapes) ++seen[s];
  }
  size_t threshold = std::max<size_t>(2, (pages.size() + 1) / 2);
  for (auto& lines : pages) {
    std::vector<Line> kept;
    for (size_t i = 0; i < lines.size(); ++i) {
      bool edge = i < kEdge || i + kEdge >= lines.size();
      auto it = seen.find(shape_of(lines[i].text));
      bool running = pages.size() > 1 && it != seen.end() && it->second >= threshold;
      if (edge && (running || is_page_number(lines[i].text))) continue;
      kept.push_back(std::move(lines[i]));
    }
    lines = std::move(kept);
  }
}

bool starts_list_item(const std::string& line) {
  if (line.rfind("\xE2\x80\xA2", 0) == 0 || line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 ||
      line.rfind("\xE2\x80\x93 ", 0) == 0)
    return true;
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && digits < 3 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         line[digits + 1] == ' ';
}

bool ends_sentence(const std::string& text) {
  if (text.empty()) return false;
  char last = text.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == ')') return true;
  return text.size() >= 3 && (text.compare(text.size() - 3, 3, "\xE2\x80\x9D") == 0 ||  // ”
                              text.compare(text.size() - 3, 3, "\xE2\x80\x99") == 0);  // ’
}

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(fraction * static_cast<double>(values.size() - 1))];
}

// Lines → paragraphs. A paragraph ends at extra space between lines, a
// change of type size, a list item, a jump back up the page (a new column),
// or a line that stops well short of the measure (a heading, a last line).
std::vector<std::string> paragraphs_of(const std::vector<Line>& lines) {
  if (lines.empty()) return {};
  std::vector<double> widths, gaps;
  for (size_t i = 0; i < lines.size(); ++i) {
    widths.push_back(lines[i].right - lines[i].left);
    if (i > 0 && std::abs(lines[i].size - lines[i - 1].size) < 0.5 && lines[i].top > lines[i - 1].bottom - 1)
      gaps.push_back(lines[i].top - lines[i - 1].bottom);
  }
  double measure = percentile(widths, 0.9);
  double usual_gap = gaps.empty() ? 0 : percentile(gaps, 0.5);

  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (i > 0) {
      const Line& previous = lines[i - 1];
      double gap = line.top - previous.bottom;
      bool breaks = gap > usual_gap + 0.35 * line.size || line.top < previous.top - 1 ||
                    std::abs(line.size - previous.size) > 0.1 * std::max(line.size, previous.size) ||
                    starts_list_item(line.text) || previous.right - previous.left < 0.7 * measure;
      if (breaks && !current.empty()) {
        out.push_back(std::move(current));
        current.clear();
      }
    }
    if (!current.empty()) {
      // A word broken at the end of a line keeps its hyphen: most line-end
      // hyphens in reports are real ones (well-known, U.S.-Mexico).
      bool hyphen = current.back() == '-' && current.size() > 1 &&
                    std::isalpha(static_cast<unsigned char>(current[current.size() - 2]));
      if (!hyphen) current += ' ';
    }
    current += line.text;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// ------------------------------------------------------------------ metadata

// "D:20201118093000-07'00'" → "2020-11-18", the day as written in its zone.
std::optional<std::string> pdf_date(std::string text) {
  text = collapse_whitespace(text);
  if (text.rfind("D:", 0) == 0) text.erase(0, 2);
  if (text.size() < 8 || !std::all_of(text.begin(), text.begin() + 8, [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return std::nullopt;
  return normalize_iso_date(expand_compact_date(text));
}

// Titles that authoring tools write by themselves.
bool is_placeholder_title(const std::string& title) {
  std::string key = fold_key(title);
  if (key.empty() || key == "untitled" || key == "sin titulo" || key.rfind("microsoft word - ", 0) == 0 ||
      key.rfind("microsoft powerpoint - ", 0) == 0 || key.rfind("slide ", 0) == 0)
    return true;
  for (const char* ext : {".doc", ".docx", ".pdf", ".odt", ".indd", ".rtf", ".pages", ".txt"}) {
    std::string e = ext;
    if (key.size() > e.size() && key.compare(key.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

bool looks_like_title(const std::string& line) {
  size_t letters = static_cast<size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
  }));
  if (letters < 6 || line.size() > 200 || is_page_number(line)) return false;
  if (parse_written_date(line)) return false;
  std::string key = fold_key(line);
  return key.rfind("http", 0) != 0 && key.rfind("www.", 0) != 0;
}

// The title as set on page 1: the first run of lines in the largest type,
// when that type stands out from the text; nullopt otherwise.
std::optional<std::string> largest_type(const std::vector<Line>& lines) {
  if (lines.empty()) return std::nullopt;
  std::vector<double> sizes;
  for (const Line& l : lines) sizes.push_back(l.size);
  double usual = percentile(sizes, 0.5), largest = percentile(sizes, 1.0);
  if (largest < usual * 1.25) return std::nullopt;
  std::string title;
  bool started = false;
  for (const Line& line : lines) {
    if (line.size < largest * 0.97) {
      if (started) break;
      continue;
    }
    started = true;
    if (!title.empty()) title += ' ';
    title += line.text;
  }
  if (!looks_like_title(title)) return std::nullopt;
  return title;
}

}  // namespace

ReadBatch PdfReader::read(const std::string& file, std::string_view content,
                          const std::string& default_id) const {
  silence_poppler();
  ReadBatch batch;
  if (content.size() > static_cast<size_t>(INT_MAX)) {
    batch.issues.push_back({file, 0, "PDF too large to read"});
    return batch;
  }
  // Poppler reads the bytes in place: `content` outlives the document.
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(content.data(), static_cast<int>(content.size())));
  if (!document) {
    batch.issues.push_back({file, 0, "not a readable PDF (damaged, truncated or not a PDF)"});
    return batch;
  }
  if (document->is_locked()) {
    batch.issues.push_back({file, 0, "encrypted PDF: a password is needed to read it"});
    return batch;
  }
  int page_count = document->pages();
  if (page_count <= 0) {
    batch.issues.push_back({file, 0, "PDF has no pages"});
    return batch;
  }

  std::vector<std::vector<Line>> pages;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    pages.push_back(page ? lines_of(*page) : std::vector<Line>());
  }
  std::vector<Line> first_page = pages.front();
  drop_running_lines(pages);

  std::vector<std::string> paragraphs;
  for (const auto& lines : pages) {
    std::vector<std::string> page_paragraphs = paragraphs_of(lines);
    for (size_t i = 0; i < page_paragraphs.size(); ++i) {
      // A sentence that runs over the page break is one paragraph.
      if (i == 0 && !paragraphs.empty() && !ends_sentence(paragraphs.back()) &&
          std::islower(static_cast<unsigned char>(page_paragraphs[0][0]))) {
        paragraphs.back() += ' ' + page_paragraphs[0];
        continue;
      }
      paragraphs.push_back(std::move(page_paragraphs[i]));
    }
  }
  if (paragraphs.empty()) {
    batch.issues.push_back({file, 0, "PDF has no text (a scan without a text layer?)"});
    return batch;
  }

  Release release;
  release.id = default_id;
  release.source = file;
  release.source_line = 0;

  std::string info_title = collapse_whitespace(utf8(document->info_key("Title")));
  if (!is_placeholder_title(info_title)) {
    release.title = info_title;
    release.provenance["title"] = Provenance::Source;
  } else {
    std::optional<std::string> title = largest_type(first_page);
    if (!title)
      for (const Line& line : first_page)
        if (looks_like_title(line.text)) {
          title = line.text;
          break;
        }
    if (title) {
      release.title = *title;
      release.provenance["title"] = Provenance::Extracted;
    }
  }

  std::string first_page_text;
  for (const Line& line : first_page) first_page_text += line.text + "\n";
  if (auto date = find_written_date(first_page_text)) {
    release.date = *date;
    release.provenance["date"] = Provenance::Extracted;
  } else {
    for (const char* key : {"CreationDate", "ModDate"}) {
      if (auto date = pdf_date(utf8(document->info_key(key)))) {
        release.date = *date;
        release.provenance["date"] = Provenance::Source;
        break;
      }
    }
  }

  release.type = "report";
  release.provenance["type"] = Provenance::Extracted;
  std::string subject = collapse_whitespace(utf8(document->info_key("Subject")));
  if (!subject.empty()) {
    release.summary = subject;
    release.provenance["summary"] = Provenance::Source;
  }
  // The title set on the cover, whole or as title and subtitle lines, is the
  // title, not body text.
  std::string title_key = fold_key(release.title);
  for (int cover_lines = 0; cover_lines < 2 && !paragraphs.empty() && !title_key.empty(); ++cover_lines) {
    std::string key = fold_key(paragraphs.front());
    if (key.empty() || title_key.find(key) == std::string::npos) break;
    paragraphs.erase(paragraphs.begin());
  }
  for (const std::string& p : paragraphs) {
    if (!release.body.empty()) release.body += "\n\n";
    release.body += p;
  }
  batch.releases.push_back(std::move(release));
  return batch;
}

}  // namespace pressroom
