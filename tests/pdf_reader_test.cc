// Specification of common/pdf_reader.h: a PDF report becomes one release,
// its text rebuilt into paragraphs, its title and date from the document or
// its first page; a PDF that cannot be read is reported, never a crash.
#include "common/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "common/corpus_reader.h"
#include "common/ingest.h"

namespace pressroom {
namespace {

// ------------------------------------------------------------------ a tiny PDF writer

// One line of text set at (x, y) points from the bottom-left, in Helvetica.
struct PdfLine {
  std::string text;  // ASCII
  double size = 11;
  double y = 700;
  double x = 72;
};
using PdfPage = std::vector<PdfLine>;

// Lines of body text from the top of the page down, 15 points apart, with
// `gap` extra points before each new paragraph (each string is one line;
// an empty string starts a new paragraph).
PdfPage body_page(const std::vector<std::string>& lines, double top = 720, double gap = 8) {
  PdfPage page;
  double y = top;
  for (const std::string& line : lines) {
    if (line.empty()) {
      y -= gap;
      continue;
    }
    page.push_back({line, 11, y});
    y -= 15;
  }
  return page;
}

std::string pdf_string(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

// A valid PDF 1.4 file: the pages given, an info dictionary, and optionally
// an /Encrypt dictionary whose user password is not empty.
std::string make_pdf(const std::vector<PdfPage>& pages, const std::map<std::string, std::string>& info = {},
                     bool encrypted = false) {
  std::vector<std::string> objects;  // object n is objects[n - 1]
  auto add = [&](std::string body) {
    objects.push_back(std::move(body));
    return objects.size();
  };
  size_t catalog = add("");
  size_t pages_id = add("");
  size_t font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const PdfPage& page : pages) {
    std::string stream;
    for (const PdfLine& line : page) {
      char position[64];
      std::snprintf(position, sizeof position, "%.1f %.1f Td ", line.x, line.y);
      stream += "BT /F1 " + std::to_string(static_cast<int>(line.size)) + " Tf " + position + pdf_string(line.text) +
                " Tj ET\n";
    }
    size_t content = add("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
    size_t page_id = add("<< /Type /Page /Parent " + std::to_string(pages_id) + " 0 R /MediaBox [0 0 612 792] "
                         "/Resources << /Font << /F1 " + std::to_string(font) + " 0 R >> >> /Contents " +
                         std::to_string(content) + " 0 R >>");
    kids += std::to_string(page_id) + " 0 R ";
  }
  objects[catalog - 1] = "<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>";
  objects[pages_id - 1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string info_dict = "<< ";
  for (const auto& [key, value] : info) info_dict += "/" + key + " " + pdf_string(value) + " ";
  size_t info_id = add(info_dict + ">>");
  size_t encrypt_id = 0;
  if (encrypted)
    encrypt_id = add("<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, 'A') + "> /U <" + std::string(64, 'B') +
                     "> /P -4 >>");

  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + std::to_string(catalog) +
         " 0 R /Info " + std::to_string(info_id) + " 0 R";
  if (encrypted)
    out += " /Encrypt " + std::to_string(encrypt_id) + " 0 R /ID [<00112233445566778899AABBCCDDEEFF> "
           "<00112233445566778899AABBCCDDEEFF>]";
  out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

const std::string kFile = "reports/waiting-in-danger.pdf";
const std::string kDefaultId = "reports/waiting-in-danger";

ReadBatch read(const std::string& pdf) { return PdfReader().read(kFile, pdf, kDefaultId); }

Release read_one(const std::string& pdf) {
  ReadBatch batch = read(pdf);
  EXPECT_EQ(batch.releases.size(), 1u);
  for (const ReadIssue& issue : batch.issues) ADD_FAILURE() << issue.to_string();
  return batch.releases.empty() ? Release{} : batch.releases[0];
}

// A two-page report: a title in large type, a dated byline, paragraphs of
// several lines, and a running footer with page numbers.
std::vector<PdfPage> report_pages() {
  PdfPage first = {{"Waiting in Danger", 20, 720}, {"Published February 20, 2020", 11, 690}};
  PdfPage rest = body_page({"Asylum seekers sent back to Ciudad Juarez wait for months for", "their hearings.",
                            "", "Only four percent had a lawyer at their last hearing, and many", "missed hearings.",
                            "", "The report recommends ending the program."},
                           660);
  first.insert(first.end(), rest.begin(), rest.end());
  first.push_back({"Puentes Human Rights Center | Waiting in Danger", 8, 40});
  first.push_back({"Page 1 of 2", 8, 40, 480});
  PdfPage second = body_page({"Methods", "", "We interviewed 1,200 people in 19 shelters over five months and",
                              "checked every case against court records."});
  second.push_back({"Puentes Human Rights Center | Waiting in Danger", 8, 40});
  second.push_back({"Page 2 of 2", 8, 40, 480});
  return {first, second};
}

// ------------------------------------------------------------------ text

TEST(PdfReader, ReadsTheTextOfEveryPageAsParagraphs) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "Waiting in Danger"}}));
  EXPECT_EQ(r.body,
            "Published February 20, 2020\n\n"
            "Asylum seekers sent back to Ciudad Juarez wait for months for their hearings.\n\n"
            "Only four percent had a lawyer at their last hearing, and many missed hearings.\n\n"
            "The report recommends ending the program.\n\n"
            "Methods\n\n"
            "We interviewed 1,200 people in 19 shelters over five months and checked every case against court "
            "records.");
}

TEST(PdfReader, LeavesOutRunningFootersAndPageNumbers) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "Waiting in Danger"}}));
  EXPECT_EQ(r.body.find("Page 1"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("Human Rights Center |"), std::string::npos) << r.body;
}

TEST(PdfReader, JoinsASentenceThatRunsOverAPageBreak) {
  PdfPage one = body_page({"The first paragraph ends here.", "", "A sentence that runs on and on across the",
                           "bottom of the page and"});
  PdfPage two = body_page({"continues on the next page."});
  Release r = read_one(make_pdf({one, two}, {{"Title", "T"}}));
  EXPECT_EQ(r.body,
            "The first paragraph ends here.\n\n"
            "A sentence that runs on and on across the bottom of the page and continues on the next page.");
}

// ------------------------------------------------------------------ title

TEST(PdfReader, TakesTheTitleFromTheInfoDictionary) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "Waiting in Danger: Asylum Seekers Under MPP"}}));
  EXPECT_EQ(r.title, "Waiting in Danger: Asylum Seekers Under MPP");
  EXPECT_EQ(r.provenance.at("title"), Provenance::Source);
}

TEST(PdfReader, TakesTheTitleFromTheLargestTypeOnPageOneWithoutAnInfoTitle) {
  Release r = read_one(make_pdf(report_pages()));
  EXPECT_EQ(r.title, "Waiting in Danger");
  EXPECT_EQ(r.provenance.at("title"), Provenance::Extracted);
  EXPECT_EQ(r.body.rfind("Published", 0), 0u) << "the title is not repeated in the body";
}

TEST(PdfReader, IgnoresAnAuthoringToolsPlaceholderTitle) {
  for (const std::string placeholder : {"Microsoft Word - report_final_v3.docx", "untitled", "report.pdf"}) {
    Release r = read_one(make_pdf(report_pages(), {{"Title", placeholder}}));
    EXPECT_EQ(r.title, "Waiting in Danger") << placeholder;
  }
}

TEST(PdfReader, TakesTheFirstLineThatReadsLikeATitleWhenNoTypeStandsOut) {
  PdfPage page = body_page({"2", "February 20, 2020", "Heat at Work: Farmworker Safety", "", "The text of the report."});
  Release r = read_one(make_pdf({page}));
  EXPECT_EQ(r.title, "Heat at Work: Farmworker Safety");
}

// ------------------------------------------------------------------ date, type, summary

TEST(PdfReader, TakesTheDateWrittenOnPageOneBeforeTheCreationDate) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "T"}, {"CreationDate", "D:20200219100000-07'00'"}}));
  EXPECT_EQ(r.date, "2020-02-20");
  EXPECT_EQ(r.provenance.at("date"), Provenance::Extracted);
}

TEST(PdfReader, TakesTheCreationDateWhenPageOneHasNoDate) {
  PdfPage page = body_page({"A report without a date on its cover."});
  Release r = read_one(make_pdf({page}, {{"Title", "T"}, {"CreationDate", "D:20211215235900-07'00'"},
                                         {"ModDate", "D:20220101120000Z"}}));
  EXPECT_EQ(r.date, "2021-12-15");  // the day as written in its own zone
  EXPECT_EQ(r.provenance.at("date"), Provenance::Source);
}

TEST(PdfReader, TakesTheModificationDateWithoutACreationDate) {
  PdfPage page = body_page({"A report without a date on its cover."});
  Release r = read_one(make_pdf({page}, {{"Title", "T"}, {"ModDate", "D:20220101120000Z"}}));
  EXPECT_EQ(r.date, "2022-01-01");
}

TEST(PdfReader, LeavesTheDateEmptyWhenThereIsNone) {
  Release r = read_one(make_pdf({body_page({"No date anywhere."})}, {{"Title", "T"}}));
  EXPECT_EQ(r.date, "");
}

TEST(PdfReader, MarksEveryPdfAReport) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "T"}}));
  EXPECT_EQ(r.type, "report");
  EXPECT_EQ(r.provenance.at("type"), Provenance::Extracted);
  EXPECT_EQ(r.lang, "");
}

TEST(PdfReader, TakesTheSummaryFromTheInfoSubject) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "T"}, {"Subject", "Asylum seekers returned to Mexico."}}));
  EXPECT_EQ(r.summary, "Asylum seekers returned to Mexico.");
}

TEST(PdfReader, GivesTheDefaultIdAndSource) {
  Release r = read_one(make_pdf(report_pages(), {{"Title", "T"}}));
  EXPECT_EQ(r.id, kDefaultId);
  EXPECT_EQ(r.source, kFile);
}

TEST(PdfReader, AReadableReportPassesValidation) {
  ReadBatch batch = ingest(PdfReader(), kFile, make_pdf(report_pages(), {{"Title", "Waiting in Danger"}}), kDefaultId);
  EXPECT_TRUE(batch.issues.empty());
  EXPECT_EQ(batch.releases.size(), 1u);
}

// ------------------------------------------------------------------ bad files

void expect_issue(const std::string& pdf, const std::string& reason_part) {
  ReadBatch batch;
  ASSERT_NO_THROW(batch = read(pdf));
  EXPECT_TRUE(batch.releases.empty());
  ASSERT_EQ(batch.issues.size(), 1u);
  EXPECT_EQ(batch.issues[0].file, kFile);
  EXPECT_EQ(batch.issues[0].line, 0);
  EXPECT_NE(batch.issues[0].reason.find(reason_part), std::string::npos) << batch.issues[0].reason;
}

TEST(PdfReader, ReportsAFileThatIsNotAPdf) {
  expect_issue("", "not a readable PDF");
  expect_issue("<html><body>saved with the wrong extension</body></html>", "not a readable PDF");
  expect_issue(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "not a readable PDF");
}

TEST(PdfReader, ReportsATruncatedPdf) {
  std::string pdf = make_pdf(report_pages(), {{"Title", "T"}});
  ReadBatch batch;
  ASSERT_NO_THROW(batch = read(pdf.substr(0, 40)));
  EXPECT_TRUE(batch.releases.empty());
  EXPECT_EQ(batch.issues.size(), 1u);
}

TEST(PdfReader, ReportsAnEncryptedPdf) { expect_issue(make_pdf(report_pages(), {}, true), "encrypted"); }

TEST(PdfReader, ReportsAPdfWithoutText) { expect_issue(make_pdf({PdfPage{}, PdfPage{}}), "no text"); }

TEST(PdfReader, SurvivesCorruptedBytes) {
  std::string pdf = make_pdf(report_pages(), {{"Title", "T"}});
  for (size_t step : {7u, 13u, 31u}) {
    std::string damaged = pdf;
    for (size_t i = 100; i < damaged.size(); i += step) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    ASSERT_NO_THROW(read(damaged)) << step;
  }
}

TEST(PdfReader, IsRegisteredForThePdfExtension) {
  const CorpusReader* reader = reader_for("reports/a.PDF");
  ASSERT_NE(reader, nullptr);
  EXPECT_NE(dynamic_cast<const PdfReader*>(reader), nullptr);
}

// ------------------------------------------------------------------ sample archive

TEST(PdfReader, ReadsEverySampleReport) {
  const std::filesystem::path reports = std::filesystem::path(PRESSROOM_SOURCE_DIR) / "corpus" / "reports";
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(reports)) {
    if (entry.path().extension() != ".pdf") continue;
    ++count;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    std::string name = entry.path().filename().string();
    ReadBatch batch = ingest(PdfReader(), name, content.str(), "reports/" + name);
    ASSERT_EQ(batch.releases.size(), 1u) << name;
    EXPECT_TRUE(batch.issues.empty()) << name;
    const Release& r = batch.releases[0];
    EXPECT_EQ(r.provenance.at("title"), Provenance::Source) << name;
    EXPECT_EQ(r.provenance.at("date"), Provenance::Extracted) << name;
    EXPECT_GT(r.body.size(), 3000u) << name;
    EXPECT_EQ(r.body.find("Page 2 of"), std::string::npos) << name;
  }
  EXPECT_GE(count, 3);
}

}  // namespace
}  // namespace pressroom
