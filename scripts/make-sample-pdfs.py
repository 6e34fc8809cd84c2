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
        "file": "2020-02-20-waiting-in-danger.pdf",
        "title": "Waiting in Danger: Asylum Seekers Under the Migrant Protection Protocols",
        "subject": "A study of 1,200 asylum seekers returned to Ciudad Juárez to await U.S. immigration court hearings.",
        "keywords": ["Asylum", "Due Process"],
        "created": "D:20200219163000-07'00'",
        "footer": "Puentes Human Rights Center \u00b7 Waiting in Danger",
        "blocks": [
            ("title", "Waiting in Danger"),
            ("subtitle", "Asylum Seekers Under the Migrant Protection Protocols"),
            ("byline", "A report of Puentes Human Rights Center \u00b7 El Paso, Texas"),
            ("byline", "Published February 20, 2020"),
            ("h", "Summary"),
            ("p", "Since January 2019, the Migrant Protection Protocols (MPP), known as \u201cRemain in Mexico,\u201d "
                  "have required people who ask for asylum at the southern border to wait in Mexico while their "
                  "cases move through U.S. immigration court. This report follows 1,200 people who were returned "
                  "to Ciudad Ju\u00e1rez between June and October 2019 and who sought help from Puentes legal "
                  "volunteers in shelters across the city."),
            ("p", "We found that the program makes it nearly impossible for asylum seekers to find a lawyer, to "
                  "receive notice of their hearings, or to remain safe while they wait. Only 4 percent of the "
                  "people we followed were represented at their most recent hearing. One in four reported being "
                  "threatened, robbed or assaulted. One in six missed at least one hearing and was ordered "
                  "removed in absentia."),
            ("h", "Key findings"),
            ("li", "1,200 people were tracked across 19 shelters over five months."),
            ("li", "307 people reported being threatened, robbed or assaulted while waiting in Ciudad Ju\u00e1rez."),
            ("li", "212 people missed at least one hearing and were ordered removed in their absence."),
            ("li", "48 people, or 4 percent, had a lawyer at their most recent hearing."),
            ("li", "Families with children under five made up more than a third of those we followed."),
            ("h", "1. How the program works"),
            ("p", "A person placed in MPP is given a notice to appear and a date for a first hearing, usually "
                  "several months away, and is walked back across an international bridge. On the day of each "
                  "hearing they must present themselves at the port of entry before dawn, be transported to the "
                  "immigration court in El Paso, and be returned to Mexico the same evening. Between hearings, "
                  "they are on their own."),
            ("p", "The notices are in English. Many list an address in Ciudad Ju\u00e1rez that is simply the "
                  "name of a shelter, or no address at all. Shelters close, fill up or ask people to leave after "
                  "a fixed number of nights, so a notice sent to the address on file often never reaches the "
                  "person it is meant for."),
            ("h", "2. Access to counsel"),
            ("p", "Immigration law allows asylum seekers to be represented, but at no cost to the government. "
                  "Lawyers in El Paso who are willing to take cases must cross the border to meet clients, often "
                  "in shelters where there is no private room to talk, and must rely on phone calls that drop or "
                  "never connect. Several attorneys told us they had stopped accepting MPP cases because they "
                  "could not do the work competently under these conditions."),
            ("p", "Among the 1,200 people we followed, the 48 who had lawyers were far more likely to appear at "
                  "every hearing and to file a complete asylum application on time. None of the represented "
                  "people in our sample was ordered removed in absentia."),
            ("h", "3. Safety while waiting"),
            ("p", "Asylum seekers are visibly foreign in Ciudad Ju\u00e1rez, often carry cash sent by relatives, "
                  "and cannot call the police without fear of being detained by Mexican immigration authorities. "
                  "People described being followed from money transfer offices, being held for ransom, and "
                  "being told by their captors that their relatives in the United States would pay. Women and "
                  "girls described harassment in and around shelters, and parents told us they kept their "
                  "children indoors for weeks at a time."),
            ("p", "Because the court in El Paso expects people to appear at the port at four in the morning, "
                  "many walk through the city in the dark on hearing days. Six of the assaults reported to us "
                  "happened on the way to a hearing."),
            ("h", "4. Hearings missed and cases lost"),
            ("p", "We compared the hearing dates people gave us with public court records. Of the 212 people "
                  "ordered removed in absentia, 131 had moved from the address on their notice because their "
                  "shelter closed or asked them to leave, and 37 told us they had arrived at the bridge on time "
                  "but were turned back because the port was closed or they did not have the right paper. "
                  "Most did not know that an order had been issued against them until a volunteer looked up "
                  "their case."),
            ("h", "Methods"),
            ("p", "Puentes volunteers, supervised by staff attorneys, met people in shelters and at two legal "
                  "clinics in Ciudad Ju\u00e1rez between June 3 and October 31, 2019. Each person gave informed "
                  "consent. We recorded their case number, hearing dates, address history, representation and "
                  "any incident of harm, and we verified hearing outcomes against the court's automated case "
                  "information line. Names and identifying details have been removed."),
            ("h", "Recommendations"),
            ("li", "The Department of Homeland Security should end the Migrant Protection Protocols."),
            ("li", "People already enrolled should be allowed to await their hearings inside the United States."),
            ("li", "The Executive Office for Immigration Review should reopen in absentia orders issued to "
                   "people who never received notice, and restore legal orientation programs at the border."),
            ("li", "Congress should fund appointed counsel for asylum seekers, beginning with families with "
                   "young children."),
        ],
    },
    {
        "file": "2021-04-22-heat-at-work.pdf",
        "title": "Heat at Work: Farmworker Safety in the Lower Colorado Desert",
        "subject": "Survey of 514 farmworkers in Yuma, San Luis and Somerton on shade, water, rest and heat illness.",
        "keywords": ["Labor Rights", "Public Health"],
        "created": "D:20210421102000-07'00'",
        "footer": "Puentes Human Rights Center \u00b7 Heat at Work",
        "blocks": [
            ("title", "Heat at Work"),
            ("subtitle", "Farmworker Safety in the Lower Colorado Desert"),
            ("byline", "A report of Puentes Human Rights Center \u00b7 Yuma, Arizona"),
            ("byline", "April 22, 2021"),
            ("h", "Summary"),
            ("p", "Yuma County grows most of the leafy greens eaten in the United States between November and "
                  "March, and its melon and vegetable harvests run well into the summer. The people who do this "
                  "work labor through some of the highest temperatures recorded anywhere in the country. Arizona "
                  "has no workplace heat standard, and federal rules say nothing specific about heat."),
            ("p", "Between September 2020 and February 2021, Puentes surveyed 514 farmworkers in Yuma, San Luis "
                  "and Somerton and held twelve focus groups. Three in five workers said shade was not available "
                  "within a short walk of where they worked. Forty-four percent had felt dizziness, cramps or "
                  "nausea on the job during the previous summer. Only one in five had ever received training on "
                  "heat illness."),
            ("h", "Key findings"),
            ("li", "3 in 5 workers said there was no shade within a short walk of their work."),
            ("li", "44 percent had symptoms of heat illness at work during summer 2020."),
            ("li", "1 in 5 had received any training on heat illness, and fewer in a language they speak well."),
            ("li", "Workers paid by the piece were the least likely to take breaks, even when they felt ill."),
            ("li", "Fewer than 1 in 10 who felt ill reported it to a supervisor."),
            ("h", "1. The conditions"),
            ("p", "Afternoon temperatures in the fields around Yuma exceed 105 degrees on most days between June "
                  "and September. Workers start before sunrise to avoid the worst of it, but harvest schedules, "
                  "packing deadlines and long bus rides from San Luis mean that many are still working after "
                  "noon. Several crews told us that the water cooler is kept on the bus, which is parked at the "
                  "edge of a field that can be half a mile long."),
            ("p", "Workers described colleagues who vomited, fainted or became confused and were taken home "
                  "by relatives rather than to a clinic. Most did not know that heat stroke can kill within hours, "
                  "or that confusion is one of its warning signs."),
            ("h", "2. Paid by the bucket"),
            ("p", "Piece-rate pay turns every break into lost income. In our survey, workers paid by the piece "
                  "took fewer and shorter breaks than those paid by the hour, and were twice as likely to say "
                  "they had kept working while feeling ill. \u201cIf I stop to drink, the others fill their "
                  "buckets and I do not,\u201d one woman told us in a focus group in Somerton. \u201cAt the end of "
                  "the week you can see it in the check.\u201d"),
            ("h", "3. Fear of speaking up"),
            ("p", "Many workers are hired through labor contractors who also provide transportation and, in "
                  "some cases, housing. Workers told us they were afraid that a complaint about heat would mean "
                  "not being picked up the next morning. Workers on temporary H-2A visas, whose right to remain "
                  "in the country depends on a single employer, were the most reluctant to speak."),
            ("h", "Methods"),
            ("p", "The survey was designed with farmworker organizers and conducted in Spanish, English and "
                  "Mixteco by trained community surveyors, at bus stops, markets and churches rather than at "
                  "workplaces. Participation was voluntary and anonymous. Focus groups were held in the evenings "
                  "and on Sundays. Percentages are of the 514 people who answered each question."),
            ("h", "Recommendations"),
            ("li", "Adopt an enforceable heat standard at the federal and state level with mandatory shade and "
                   "cool water within a short walk of every worker."),
            ("li", "Require paid rest breaks once temperatures reach 90 degrees, including for workers paid by "
                   "the piece."),
            ("li", "Require heat illness training in the languages workers speak, and emergency plans for every crew."),
            ("li", "Protect workers who report heat violations from retaliation, including loss of transportation or housing."),
        ],
    },
    {
        "file": "2022-08-17-drowned-fields.pdf",
        "title": "Drowned Fields: Climate Disasters and Displacement From Central America",
        "subject": "Interviews with 260 recently arrived migrants on hurricanes, drought and crop failure as causes of displacement.",
        "keywords": ["Climate Displacement", "Asylum"],
        "created": "D:20220816180000-04'00'",
        "footer": "Puentes Human Rights Center \u00b7 Drowned Fields",
        "blocks": [
            ("title", "Drowned Fields"),
            ("subtitle", "Climate Disasters and Displacement From Central America"),
            ("byline", "A report of Puentes Human Rights Center \u00b7 Washington, DC"),
            ("byline", "Published August 17, 2022"),
            ("h", "Summary"),
            ("p", "In November 2020, hurricanes Eta and Iota struck Central America two weeks apart. Rivers rose "
                  "over entire towns in Honduras and Guatemala, washing away houses, roads and the harvest that "
                  "families were counting on for the year. Many of the people arriving at the U.S.\u2013Mexico "
                  "border since then come from the places those storms hit hardest."),
            ("p", "Between January and June 2022, Puentes researchers interviewed 260 people from Honduras, "
                  "Guatemala and Nicaragua in shelters in Tucson and El Paso. Two in five said that a climate-"
                  "related disaster directly caused them to lose their home, their land or their livelihood. "
                  "Almost none of them believed that this harm would count in their asylum case, and under "
                  "current U.S. law they are largely right."),
            ("h", "Key findings"),
            ("li", "41 percent cited a hurricane, flood, drought or crop failure as a direct cause of leaving."),
            ("li", "Most had first moved within their own country, to a city or to relatives, before heading north."),
            ("li", "Climate harms rarely came alone: they overlapped with violence, extortion and debt."),
            ("li", "Only 3 of the 260 had heard of Temporary Protected Status, and none had applied for it."),
            ("h", "1. Two storms, then a drought"),
            ("p", "People from the Sula valley in Honduras described water reaching the roofs of their houses "
                  "and staying for weeks. Farmers from the Guatemalan highlands described the opposite: rains "
                  "that failed for a second year in a row after the storms had already destroyed their seed "
                  "stores. \u201cFirst the corn rotted, then it would not grow,\u201d a man from Alta Verapaz "
                  "told us. \u201cAfter that, there was nothing left to wait for.\u201d"),
            ("h", "2. Displacement in steps"),
            ("p", "Few people left their countries right after a disaster. Most first moved to a nearby city or "
                  "to relatives, borrowed money to rebuild, and left only when a second shock, often a threat "
                  "from a gang collecting extortion or a debt they could not repay, made staying impossible. "
                  "This pattern means that climate harm is often invisible by the time a person reaches the "
                  "border and is asked why they left."),
            ("h", "3. A gap in the law"),
            ("p", "U.S. asylum law protects people who fear persecution because of their race, religion, "
                  "nationality, political opinion or membership in a particular social group. It has no "
                  "category for a person whose village is underwater. Temporary Protected Status can be granted "
                  "to people already in the United States when their country suffers a disaster, but it "
                  "requires a decision by the Secretary of Homeland Security and does not help people who arrive "
                  "after the designation date."),
            ("h", "Methods"),
            ("p", "Interviews lasted between 30 and 90 minutes and were conducted in Spanish, K'iche' and "
                  "Q'eqchi' by trained interviewers, with informed consent and without recording names. We "
                  "asked open questions about the reasons for leaving before asking specifically about weather "
                  "and disasters, to avoid suggesting answers. Percentages are of all 260 people interviewed."),
            ("h", "Recommendations"),
            ("li", "Designate and extend Temporary Protected Status promptly after major disasters, with "
                   "designation dates that reflect continuing displacement."),
            ("li", "Create a humanitarian visa for people displaced by climate-related disasters."),
            ("li", "Fund adaptation and reconstruction programs designed and led by affected communities."),
            ("li", "Train asylum officers and immigration judges to recognize how climate harm interacts with "
                   "violence and persecution."),
        ],
    },
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(here, "..", "corpus", "reports"))
    os.makedirs(out_dir, exist_ok=True)
    for report in REPORTS:
        path = os.path.join(out_dir, report["file"])
        pages = write_pdf(path, report)
        print("%s: %d pages, %d bytes" % (path, pages, os.path.getsize(path)))


if __name__ == "__main__":
    main()
