#include "common/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
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

// ------------------------------------------------------------------ lines

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(collapse_whitespace(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
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
  std::string key = fold_key(line);
  std::string rest;
  for (char c : key)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ' ' && c != '-' && c != '/' && c != '|') rest.push_back(c);
  return rest.empty() || rest == "page" || rest == "pageof" || rest == "pagina" || rest == "paginade" ||
         rest == "p." || rest == "of";
}

// Lines that repeat at the top or bottom of most pages (a running title, the
// organisation's name, "Page 2 of 4") are layout, not text.
void drop_running_lines(std::vector<std::vector<std::string>>& pages) {
  if (pages.size() < 2) {
    for (auto& lines : pages)
      lines.erase(std::remove_if(lines.begin(), lines.end(), is_page_number), lines.end());
    return;
  }
  constexpr size_t kEdge = 3;  // lines looked at at each end of a page
  std::map<std::string, size_t> seen;
  for (const auto& lines : pages) {
    std::vector<std::string> shapes;
    std::vector<std::string> content;
    for (const std::string& l : lines)
      if (!l.empty()) content.push_back(l);
    for (size_t i = 0; i < content.size(); ++i)
      if (i < kEdge || i + kEdge >= content.size()) shapes.push_back(shape_of(content[i]));
    std::sort(shapes.begin(), shapes.end());
    shapes.erase(std::unique(shapes.begin(), shapes.end()), shapes.end());
    for (const std::string& s : shapes) ++seen[s];
  }
  size_t threshold = std::max<size_t>(2, (pages.size() + 1) / 2);
  for (auto& lines : pages) {
    lines.erase(std::remove_if(lines.begin(), lines.end(),
                               [&](const std::string& l) {
                                 if (l.empty()) return false;
                                 auto it = seen.find(shape_of(l));
                                 return is_page_number(l) || (it != seen.end() && it->second >= threshold);
                               }),
                lines.end());
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

bool ends_sentence(const std::string& line) {
  if (line.empty()) return false;
  char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == ')') return true;
  return line.size() >= 3 && (line.compare(line.size() - 3, 3, "\xE2\x80\x9D") == 0 ||   // ”
                              line.compare(line.size() - 3, 3, "\xE2\x80\x99") == 0);   // ’
}

size_t char_count(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(),
                                           [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Lines → paragraphs. PDF text has no paragraphs, only lines: a blank line, a
// list item, or a line that stops well short of the page's measure ends one.
std::vector<std::string> paragraphs_of(const std::vector<std::string>& lines) {
  std::vector<size_t> lengths;
  for (const std::string& l : lines)
    if (!l.empty()) lengths.push_back(char_count(l));
  if (lengths.empty()) return {};
  std::sort(lengths.begin(), lengths.end());
  size_t measure = lengths[lengths.size() * 9 / 10];  // a full line, ignoring the odd wide one

  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  for (const std::string& line : lines) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (starts_list_item(line)) flush();
    if (!current.empty()) {
      bool hyphen = current.back() == '-' && current.size() > 1 &&
                    std::isalpha(static_cast<unsigned char>(current[current.size() - 2]));
      if (!hyphen) current += ' ';
    }
    current += line;
    bool short_line = char_count(line) * 10 < measure * 7;
    if (short_line || (ends_sentence(line) && char_count(line) * 10 < measure * 9)) flush();
  }
  flush();
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
  return normalize_iso_date(text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2));
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

// The title as set on page 1: the words in the largest type, when that type
// stands out from the text; nullopt when the page has no such words.
std::optional<std::string> largest_type_on(const poppler::page& page) {
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  if (boxes.empty()) return std::nullopt;
  std::vector<double> sizes;
  for (const auto& box : boxes) sizes.push_back(box.get_font_size());
  std::vector<double> sorted = sizes;
  std::sort(sorted.begin(), sorted.end());
  double median = sorted[sorted.size() / 2];
  double largest = sorted.back();
  if (largest < median * 1.25) return std::nullopt;
  std::string title;
  bool started = false;
  for (size_t i = 0; i < boxes.size(); ++i) {
    bool big = sizes[i] >= largest * 0.97;
    if (!big) {
      if (started) break;  // the first run of the largest type only
      continue;
    }
    started = true;
    title += utf8(boxes[i].text());
    if (boxes[i].has_space_after() || i + 1 < boxes.size()) title += ' ';
  }
  title = collapse_whitespace(title);
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

  std::vector<std::vector<std::string>> pages;
  std::optional<std::string> big_title;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      pages.emplace_back();
      continue;
    }
    pages.push_back(lines_of(utf8(page->text())));
    if (i == 0) big_title = largest_type_on(*page);
  }
  std::vector<std::string> first_page_lines = pages.front();
  drop_running_lines(pages);

  std::vector<std::string> paragraphs;
  for (const auto& lines : pages)
    for (std::string& p : paragraphs_of(lines)) paragraphs.push_back(std::move(p));
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
    std::optional<std::string> title = big_title;
    if (!title)
      for (const std::string& line : first_page_lines)
        if (looks_like_title(line)) {
          title = line;
          break;
        }
    if (title) {
      release.title = *title;
      release.provenance["title"] = Provenance::Extracted;
    }
  }

  std::string first_page;
  for (const std::string& line : first_page_lines) first_page += line + "\n";
  if (auto date = find_written_date(first_page)) {
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
  for (const std::string& p : paragraphs) {
    if (!release.body.empty()) release.body += "\n\n";
    release.body += p;
  }
  batch.releases.push_back(std::move(release));
  return batch;
}

}  // namespace pressroom
