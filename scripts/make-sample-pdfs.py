#!/usr/bin/env python3
"""Writes the sample archive's PDF reports (corpus/reports/*.pdf) from the text below.

Usage: scripts/make-sample-pdfs.py [OUTPUT_DIR]      (default: corpus/reports next to this script)

Dependency-free on purpose: a small PDF 1.4 writer (standard Helvetica fonts, WinAnsi text,
Flate-compressed page streams, an info dictionary). The output is byte-for-byte reproducible,
so regenerating the files leaves git clean unless the text changed. The text is original,
written for the fictional Puentes Human Rights Center of docs/sample-archive.md.
"""

import os
import sys
import zlib

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, in points
MARGIN = 72
FOOTER_Y = 40

# Advance widths of Helvetica (Adobe's AFM), 1/1000 em, for ASCII 32..126.
HELVETICA_WIDTHS = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]

FONTS = {"regular": ("F1", "Helvetica"), "bold": ("F2", "Helvetica-Bold"),
         "italic": ("F3", "Helvetica-Oblique")}


def text_width(text, size, style):
    total = 0
    for ch in text:
        code = ord(ch)
        total += HELVETICA_WIDTHS[code - 32] if 32 <= code <= 126 else 556
    scale = 1.06 if style == "bold" else 1.0  # Helvetica-Bold runs a little wider
    return total * size * scale / 1000.0


def wrap(text, size, style, width):
    lines, line = [], ""
    for word in text.split():
        candidate = word if not line else line + " " + word
        if line and text_width(candidate, size, style) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def pdf_literal(text):
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_text_string(text):
    """A PDF text string: literal when ASCII, else UTF-16BE with a byte-order mark."""
    if all(ord(c) < 128 for c in text):
        return pdf_literal(text)
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


# Block styles: (font style, size, leading, space before, space after, indent)
STYLES = {
    "title": ("bold", 20, 25, 0, 6, 0),
    "subtitle": ("italic", 13, 17, 0, 14, 0),
    "byline": ("regular", 11, 15, 0, 2, 0),
    "h": ("bold", 13, 17, 10, 4, 0),
    "p": ("regular", 11, 15, 0, 8, 0),
    "li": ("regular", 11, 15, 0, 4, 14),
}


def layout(report):
    """Blocks → pages, each a list of (style, x, y, text) lines."""
    pages, current = [], []
    y = PAGE_HEIGHT - MARGIN
    width = PAGE_WIDTH - 2 * MARGIN
    for kind, text in report["blocks"]:
        style, size, leading, before, after, indent = STYLES[kind]
        if kind == "li":
            text = "\u2022 " + text
        lines = wrap(text, size, style, width - indent)
        y -= before
        # Keep a heading with the first lines of what follows it.
        needed = leading * (len(lines) + (3 if kind == "h" else 0))
        if y - needed < MARGIN + 20 and current:
            pages.append(current)
            current, y = [], PAGE_HEIGHT - MARGIN
        for i, line in enumerate(lines):
            if y - leading < MARGIN + 10:
                pages.append(current)
                current, y = [], PAGE_HEIGHT - MARGIN
            y -= leading
            x = MARGIN + indent + (10 if kind == "li" and i > 0 else 0)
            current.append((style, size, x, y, line))
        y -= after
    if current:
        pages.append(current)
    return pages


def page_stream(lines, footer_left, page_number, page_count):
    out = []
    for style, size, x, y, text in lines:
        font = FONTS[style][0]
        out.append(b"BT /%s %d Tf %.2f %.2f Td %s Tj ET" % (font.encode(), size, x, y, pdf_literal(text)))
    footer_right = "Page %d of %d" % (page_number, page_count)
    out.append(b"BT /F1 8 Tf %.2f %d Td %s Tj ET" % (MARGIN, FOOTER_Y, pdf_literal(footer_left)))
    right_x = PAGE_WIDTH - MARGIN - text_width(footer_right, 8, "regular")
    out.append(b"BT /F1 8 Tf %.2f %d Td %s Tj ET" % (right_x, FOOTER_Y, pdf_literal(footer_right)))
    return b"\n".join(out) + b"\n"


def write_pdf(path, report):
    pages = layout(report)
    objects = []  # object bodies; object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    font_ids = {}
    for style, (name, base) in FONTS.items():
        font_ids[name] = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                             % base.encode())
    fonts = b" ".join(b"/%s %d 0 R" % (name.encode(), oid) for name, oid in font_ids.items())
    page_ids = []
    for number, lines in enumerate(pages, start=1):
        data = zlib.compress(page_stream(lines, report["footer"], number, len(pages)), 9)
        stream = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                            b"/Resources << /Font << %s >> >> /Contents %d 0 R >>"
                            % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, fonts, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info_entries = [(b"Title", pdf_text_string(report["title"])),
                    (b"Author", pdf_text_string("Puentes Human Rights Center")),
                    (b"Subject", pdf_text_string(report["subject"])),
                    (b"Keywords", pdf_text_string(", ".join(report["keywords"]))),
                    (b"Creator", pdf_literal("scripts/make-sample-pdfs.py")),
                    (b"Producer", pdf_literal("pressroom sample archive")),
                    (b"CreationDate", pdf_literal(report["created"])),
                    (b"ModDate", pdf_literal(report["created"]))]
    info = add(b"<< " + b" ".join(b"/" + k + b" " + v for k, v in info_entries) + b" >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    with open(path, "wb") as f:
        f.write(out)
    return len(pages)


# ---------------------------------------------------------------- the reports

REPORTS = [
    {
        "file": "test.pdf",
        "title": "Test Report: Something Long Enough",
        "subject": "A subject line.",
        "keywords": ["Asylum"],
        "created": "D:20200219100000-07'00'",
        "footer": "Puentes Human Rights Center | Test Report",
        "blocks": [
            ("title", "Test Report: Something Long Enough To Wrap Maybe Onto a Second Line of the Page"),
            ("subtitle", "A subtitle here"),
            ("byline", "Puentes Human Rights Center \u00b7 El Paso, Texas"),
            ("byline", "Published February 20, 2020"),
            ("h", "Summary"),
            ("p", "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 8 + "End of paragraph."),
            ("p", "Second paragraph with \u201ccurly quotes\u201d and Ju\u00e1rez and an em dash \u2014 here. " * 5),
            ("li", "A bullet item that says something about the findings of the report, long enough to wrap over to a second line."),
            ("li", "Short bullet."),
            ("h", "Methods"),
        ] + [("p", "Paragraph number %d. " % i + "Text of the methods section goes on and on. " * 10) for i in range(12)],
    },
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "corpus", "reports")
    os.makedirs(out_dir, exist_ok=True)
    for report in REPORTS:
        path = os.path.join(out_dir, report["file"])
        pages = write_pdf(path, report)
        print("%s: %d pages, %d bytes" % (path, pages, os.path.getsize(path)))


if __name__ == "__main__":
    main()
