"""Generate the binary files of the fictional demo case (PDF, WARC, PNG, zip, DOCX, e-mail).

The demo's text files (.txt, .html, .vtt) are written by hand in src/pursuit/demo/corpus/; the
files here are produced by code because their formats are binary or need exact structure. Every
timestamp is fixed and nothing random is left unseeded, so running the script twice gives the
same bytes: the demo's SHA-256 values, and therefore its custody log, stay stable across builds.

Run from the project root (needs the dev tools fpdf2, uharfbuzz, Pillow, warcio, python-docx and
the Noto fonts of the Debian package fonts-noto-core, found through fontconfig):

    .venv/bin/python tools/make_demo_corpus.py [--out DIR]

All people, outlets and documents are invented; see src/pursuit/demo/README.md.
"""

from __future__ import annotations

import argparse
import io
import random
import subprocess
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "pursuit" / "demo" / "corpus"
ZIP_TIME = (2017, 3, 14, 9, 30, 0)


def font_file(family: str) -> str:
    """Locate an installed font through fontconfig, so no system path is written here."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", family], capture_output=True, text=True, check=True
    ).stdout.strip()
    if family.split(":")[0].replace(" ", "") not in Path(found).name:
        raise SystemExit(f"font {family!r} not installed (install fonts-noto-core); got {found}")
    return found


# ---------------------------------------------------------------- PDF: the NGO report

REPORT_TITLE = "Khasham, 3 March 2015: an execution and its chain of command"
REPORT_PARAGRAPHS = [
    "Euphrates Documentation Network - Incident report EDN-IR-2018-03 (fictional demo)\n"
    "Published 12 February 2018. Classification: public version; witness identities withheld.",
    "1. Summary",
    "On 3 March 2015, members of the Islamic State (ISIS) executed eleven civilian men in the "
    "central square of Khasham, a village in Deir ez-Zor province, Syria. The men had been held "
    "for up to three weeks in the village's former primary school, which the group used as a "
    "prison. This report rests on nine witness interviews, two leaked internal documents and "
    "open-source material collected between 2015 and 2017.",
    "2. Chain of command",
    "The Khasham sector belonged to Wilayat al-Khayr, the group's name for Deir ez-Zor. The wali "
    "of Wilayat al-Khayr in early 2015 was an Iraqi, Abu Dawud al-Iraqi. The emir of the Khasham "
    "sector from August 2014 was Abu Hafs al-Jazrawi, a Saudi national who had fought with "
    "Jabhat al-Nusra until June 2014. Six witnesses name him as the man who ordered the "
    "execution. Sentences were pronounced by the sector's qadi, Abu Muhammad al-Tunisi, a "
    "Tunisian.",
    "The prison guards included Abu Yusuf al-Baljiki, a Belgian national, and Hamid al-Khalaf, "
    "a Syrian from Khasham. Four witnesses place the Belgian among the shooters. The media "
    "official Abu Ilyas al-Faransi, a French national, filmed the killings.",
    "3. A name that is not the emir's",
    "Several lists in circulation attribute the Khasham execution to Abu Hafs al-Masri. He is a "
    "different man: an Egyptian preacher born about 1977 who taught in Raqqa in 2014 and 2015. "
    "No witness places him in Khasham. Investigators should keep the two apart.",
    "4. Earlier incident",
    "On 20 December 2014 two young men, Yasser al-Mohammad and Fadi al-Ahmad, were beheaded in "
    "the same square after the qadi Abu Muhammad al-Tunisi sentenced them as Free Syrian Army "
    "fighters. Two witnesses saw the beheading.",
    "5. Named victims of 3 March 2015",
    "Mahmoud al-Hussein (52, teacher); Ali Hassan al-Abed (17); Ahmad al-Saleh (29, farmer); "
    "Khaled al-Ibrahim (34). Seven further names are held by EDN.",
]
REPORT_ARABIC_NAMES = [
    ("Abu Hafs al-Jazrawi", "أبو حفص الجزراوي", "emir, Khasham sector"),
    ("Abu Muhammad al-Tunisi", "أبو محمد التونسي", "qadi"),
    ("Abu Yusuf al-Baljiki", "أبو يوسف البلجيكي", "guard"),
    ("Hamid al-Khalaf", "حامد الخلف", "guard"),
    ("Abu Ilyas al-Faransi", "أبو إلياس الفرنسي", "media official"),
    ("Abu Dawud al-Iraqi", "أبو داود العراقي", "wali, Wilayat al-Khayr"),
]


def make_pdf(out: Path) -> None:
    """A two-page report with a real text layer, Arabic shaped by HarfBuzz."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2018, 2, 12, 10, 0, tzinfo=UTC))
    pdf.set_title(REPORT_TITLE)
    pdf.set_author("Euphrates Documentation Network (fictional)")
    pdf.set_producer("pursuit demo generator")
    pdf.add_font("sans", "", font_file("Noto Sans"))
    pdf.add_font("sans", "B", font_file("Noto Sans:bold"))
    pdf.add_font("naskh", "", font_file("Noto Naskh Arabic"))
    pdf.set_fallback_fonts(["naskh"])
    pdf.set_text_shaping(True)
    pdf.add_page()
    pdf.set_font("sans", "B", 15)
    pdf.multi_cell(0, 8, REPORT_TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for paragraph in REPORT_PARAGRAPHS:
        heading = paragraph[:2].rstrip(".").isdigit()
        pdf.set_font("sans", "B" if heading else "", 12 if heading else 10.5)
        pdf.multi_cell(0, 5.6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    _pdf_name_table(pdf)
    pdf.output(str(out))


def _pdf_name_table(pdf: object) -> None:
    from fpdf import FPDF

    assert isinstance(pdf, FPDF)
    pdf.add_page()
    pdf.set_font("sans", "B", 12)
    pdf.multi_cell(0, 7, "Annex: names as written in Arabic sources", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for latin, arabic, role in REPORT_ARABIC_NAMES:
        pdf.set_font("sans", "", 10.5)
        pdf.cell(70, 8, latin)
        pdf.cell(55, 8, role)
        pdf.set_font("naskh", "", 12)
        pdf.cell(0, 8, arabic, align="R", new_x="LMARGIN", new_y="NEXT")


# ---------------------------------------------------------------- WARC: a web capture

WARC_URI = "https://example.org/news/2016/09/belgian-jihadist-khasham-turkey"
WARC_DATE = "2016-09-14T10:22:31Z"
WARC_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Belgian jihadist linked to Syria executions believed to have crossed into Turkey</title>
</head><body>
<nav><a href="/">Front page</a> | <a href="/news">News</a> | <a href="/world">World</a></nav>
<article>
<h1>Belgian jihadist linked to Syria executions believed to have crossed into Turkey</h1>
<p class="dateline">Example Daily News (fictional), 14 September 2016</p>
<p>A Belgian man accused by Syrian witnesses of taking part in the execution of eleven civilians
in the village of Khasham in March 2015 is believed to have left Islamic State territory and
crossed into Turkey this spring, according to a smuggler and two Syrian activists.</p>
<p>The man, known in Syria as Abu Yusuf al-Baljiki, served as a guard at a school that ISIS used
as a prison in Khasham, in Deir ez-Zor province. Witnesses say he was among the gunmen when the
prisoners were shot on 3 March 2015, on the orders of the local emir, a Saudi called Abu Hafs
al-Jazrawi.</p>
<p>A smuggler in Gaziantep said he had guided "a tall Belgian with a red beard who called himself
Abu Yusuf" across the border near Kilis in April 2016. The smuggler said the man carried a
Belgian identity card in another name, which he did not see.</p>
<p>Belgian authorities have not said whether the man has returned to Europe. At least two other
Belgian fighters from the Deir ez-Zor sector were killed in 2015, according to the activists.</p>
<p>The Tunisian judge who sentenced the Khasham prisoners, Abu Muhammad al-Tunisi, is believed to
have stayed with the group in the Euphrates valley.</p>
</article>
<footer><p>Example Daily News - fictional site used in a software demonstration</p></footer>
</body></html>
"""


def make_warc(out: Path) -> None:
    """One warcinfo and one response record, with fixed record ids and capture time."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(
            "08_capture_example_org_2016-09-14.warc.gz",
            {"software": "pursuit demo generator", "format": "WARC File Format 1.1"},
        )
        info.rec_headers.replace_header(
            "WARC-Record-ID", "<urn:uuid:0b6f2c1e-5d1a-4f3e-9a57-1e0d2c000001>"
        )
        info.rec_headers.replace_header("WARC-Date", WARC_DATE)
        writer.write_record(info)
        body = WARC_HTML.encode("utf-8")
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            WARC_URI,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={
                "WARC-Record-ID": "<urn:uuid:0b6f2c1e-5d1a-4f3e-9a57-1e0d2c000002>",
                "WARC-Date": WARC_DATE,
            },
        )
        writer.write_record(record)


# ---------------------------------------------------------------- PNG: a scanned order

ORDER_ARABIC = [
    ("الدولة الإسلامية", 40),
    ("ولاية الخير، قطاع الخشام", 34),
    ("أمر نقل موقوفين رقم 47 لعام 1436", 34),
    ("التاريخ: 3 جمادى الأولى 1436", 30),
    ("يُنقل الموقوفون الأحد عشر من مقر الحسبة إلى سجن المدرسة في الخشام،", 30),
    ("ويكون الأخ أبو يوسف البلجيكي والأخ حامد الخلف مسؤولين عن حراستهم", 30),
    ("إلى حين صدور حكم القاضي أبو محمد التونسي.", 30),
    ("أمير القطاع: أبو حفص الجزراوي", 32),
]
ORDER_ENGLISH = [
    "Working translation (Euphrates Documentation Network, 2017):",
    "Islamic State - Wilayat al-Khayr - Khasham sector",
    "Order to transfer detainees no. 47/1436, dated 22 February 2015.",
    "The eleven detainees are to be moved from the Hisba office to the school prison",
    "in Khasham. The brothers Abu Yusuf al-Baljiki and Hamid al-Khalaf are responsible",
    "for guarding them until the ruling of the qadi Abu Muhammad al-Tunisi.",
    "Emir of the sector: Abu Hafs al-Jazrawi",
]


def make_png(out: Path) -> None:
    """A paper-like scan: Arabic original above, English working translation below."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 1700, 1250
    image = Image.new("L", (width, height), 243)
    draw = ImageDraw.Draw(image)
    naskh, sans = font_file("Noto Naskh Arabic"), font_file("Noto Sans")
    y = 60
    for line, size in ORDER_ARABIC:
        font = ImageFont.truetype(naskh, size, layout_engine=ImageFont.Layout.RAQM)
        draw.text((width - 90, y), line, font=font, fill=25, anchor="ra", direction="rtl")
        y += int(size * 1.9)
    draw.line((90, y + 10, width - 90, y + 10), fill=90, width=2)
    y += 45
    font = ImageFont.truetype(sans, 28)
    for line in ORDER_ENGLISH:
        draw.text((90, y), line, font=font, fill=30)
        y += 48
    _speckle(image, random.Random(1436))
    image.rotate(0.35, resample=Image.Resampling.BICUBIC, fillcolor=243).save(out, optimize=False)


def _speckle(image: object, rng: random.Random) -> None:
    """Scanner dust: a few thousand grey dots, seeded so the bytes never change."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    width, height = image.size
    for _ in range(2500):
        x, y = rng.randrange(width), rng.randrange(height)
        image.putpixel((x, y), rng.randrange(150, 215))


# ---------------------------------------------------------------- ZIP: a leaked folder

REGISTER_CSV = """no,kunya,kunya_arabic,real_name,nationality,birth_year,joined,post,posted_at
1,Abu Dawud al-Iraqi,أبو داود العراقي,,Iraqi,1971,2013,wali,Wilayat al-Khayr
2,Abu Hafs al-Jazrawi,أبو حفص الجزراوي,,Saudi,1984,2014-06,emir,Khasham
3,Abu Muhammad al-Tunisi,أبو محمد التونسي,Mohamed Ben Hadj Amor,Tunisian,1980,2014-07,qadi,Khasham
4,Abu Yusuf al-Baljiki,أبو يوسف البلجيكي,Yassin Bouzerda,Belgian,1991,2014-09,guard,Khasham
5,Hamid al-Khalaf,حامد الخلف,Hamid Abdullah al-Khalaf,Syrian,1979,2014-08,guard,Khasham
6,Abu Ilyas al-Faransi,أبو إلياس الفرنسي,,French,1988,2014-10,media official,Khasham
7,Abu Hafs al-Masri,أبو حفص المصري,Mahmoud Ragab,Egyptian,1977,2013,sharia instructor,Raqqa
8,Abu Zubair al-Tunisi,أبو الزبير التونسي,,Tunisian,1993,2014-11,fighter,Khasham
9,Abu Salman al-Shami,أبو سلمان الشامي,,Syrian,1990,2014-07,fighter,Mayadin
"""
MEMO_TXT = """[EDN working translation of an Arabic original; fictional demo document]

Islamic State - Wilayat al-Khayr - Media office, Khasham point

To: the emir of the Khasham sector, Abu Hafs al-Jazrawi
From: Abu Ilyas al-Faransi, media official
Date: 10 Jumada al-Ula 1436 (1 March 2015)
Subject: filming the implementation of the ruling

Peace be upon you. We ask for a car and two brothers to secure the square during the filming of
the implementation of the ruling of the qadi Abu Muhammad al-Tunisi against the eleven detainees,
on Tuesday 3 March 2015 after the noon prayer. The brother Abu Yusuf al-Baljiki has agreed to
stand in the front row as he speaks French for the foreign release. The guard Hamid al-Khalaf
will bring the detainees from the school.

The recording will be sent to the media office of the wilaya for review by the wali, Abu Dawud
al-Iraqi, before any release.

[Handwritten in the margin:] Approved. Two brothers from the Hisba. - Abu Hafs al-Jazrawi
"""
SOURCE_NOTE_TXT = """Provenance note (Euphrates Documentation Network; fictional demo)

These two files were handed on a USB stick to EDN investigator R.H. in Gaziantep, Turkey, on
14 March 2017 by a former member of the Khasham sector's administration (source S-3). S-3 says
he copied the personnel register from a laptop of the Khasham sector office in late 2015.

The register was typed by the source from an Arabic spreadsheet into CSV; the memo is EDN's
working translation of a scanned Arabic page (original held by EDN, not included here).

S-3 served in the administration, not as a fighter, and left the group in 2016. He states that
he did not witness the execution of 3 March 2015 himself. Reliability of source: B (usually
reliable). The register contains two men called Abu Hafs: the Saudi emir of Khasham and an
Egyptian instructor in Raqqa. They are different people.
"""
ZIP_MEMBERS = [
    ("khasham_sector/personnel_register.csv", REGISTER_CSV),
    ("khasham_sector/memo_media_office_1436-05-10.txt", MEMO_TXT),
    ("khasham_sector/source_note.txt", SOURCE_NOTE_TXT),
]


def fixed_zip(members: list[tuple[str, bytes]], when: tuple[int, ...] = ZIP_TIME) -> bytes:
    """A zip whose member times and attributes are fixed, so its hash is stable."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when[:6])  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def make_zip(out: Path) -> None:
    out.write_bytes(fixed_zip([(n, t.encode("utf-8")) for n, t in ZIP_MEMBERS]))


# ---------------------------------------------------------------- DOCX: an asylum interview

ASYLUM_HEADER = [
    "Reception office, Berlin - 14 November 2018 - Case reference B-2018-11-7731 (fictional)",
    "Applicant: A-3 (name withheld in this extract), Syrian national, born 1986, from Khasham, "
    "Deir ez-Zor province. Interview held in Arabic with an interpreter.",
]
ASYLUM_QA = [
    (
        "Did you witness any crimes in Syria?",
        "Yes. On 3 March 2015 I saw the execution of eleven men in the square of Khasham. The "
        "emir, Abu Hafs al-Jazrawi, a Saudi, gave the order. I knew two of the dead: Mahmoud "
        "al-Hussein, who was my teacher, and Khaled al-Ibrahim.",
    ),
    (
        "Who carried out the execution?",
        "Men from the Islamic State. The qadi Abu Muhammad al-Tunisi read the sentence. Among the "
        "shooters was the Belgian guard from the school prison.",
    ),
    (
        "Have you seen any of these people since you left Syria?",
        "Yes. In October 2018, in Berlin, in a bakery in Neukolln, I saw the Belgian guard. In "
        "Khasham everyone knew him as Abu Yusuf al-Baljiki. A neighbour who works with him told me "
        "that here he uses his legal name, Yassin Bouzerda. He is a Belgian national, born in "
        "1991, and he lives in Berlin. He did not recognise me.",
    ),
    (
        "How sure are you that it is the same man?",
        "I am sure. He has a red beard and a scar above the left eye. He guarded me for two days "
        "in February 2015, when the Hisba detained me in the school.",
    ),
]
ASYLUM_NOTE = (
    "Caseworker's note: the applicant's statement about a possible perpetrator of crimes under "
    "international law was forwarded to the competent war crimes unit on 15 November 2018. The "
    "identification has not been verified. No conclusion about Mr Bouzerda may be drawn from this "
    "record alone."
)


def make_docx(out: Path) -> None:
    """python-docx stamps the current time into the package; rewrite it with fixed times."""
    from docx import Document

    document = Document()
    document.add_heading("Record of asylum interview (extract)", level=1)
    for line in ASYLUM_HEADER:
        document.add_paragraph(line)
    for question, answer in ASYLUM_QA:
        document.add_paragraph(f"Q: {question}")
        document.add_paragraph(f"A: {answer}")
    document.add_paragraph(ASYLUM_NOTE)
    fixed = datetime(2018, 11, 14, 16, 30, tzinfo=UTC)
    core = document.core_properties
    core.author = core.last_modified_by = "caseworker (fictional)"
    core.created = core.modified = core.last_printed = fixed
    core.revision = 1
    core.title = "Record of asylum interview (extract)"
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as original:
        members = [(info.filename, original.read(info)) for info in original.infolist()]
    out.write_bytes(fixed_zip(members, (2018, 11, 14, 16, 30, 0)))


# ---------------------------------------------------------------- EML: a tip with a note

TIP_BODY = """Hi R.,

As promised, my notes from Kilis.

A smuggler I have known since 2015 (I call him M.) says that in April 2016 he took a Belgian man
across the border near Kilis: tall, red beard, about 25, who gave his name as Abu Yusuf and said
he had been "a guard in Khasham". Two men who spoke French met him on the Turkish side and drove
him towards Gaziantep.

M. says the Belgian talked about his old emir, "Abu Hafs the Saudi", and said the emir was still
in the Euphrates valley, around Hajin. M. has never heard of an Egyptian Abu Hafs, so when your
lists say "Abu Hafs al-Masri" for Khasham, I think they have the wrong man.

Careful with M.: he works for whoever pays, and he wants to be paid for more. I would grade him C3.

Notes attached. Talk soon,
Selin
"""
TIP_NOTES = """Kilis, 30 January 2017 - conversation with M. (smuggler, active since 2015)

- April 2016: one crossing near Kilis. A Belgian, "Abu Yusuf", tall, red beard, about 25.
  Said he had been a guard at the prison in the school in Khasham (Deir ez-Zor).
- Met on the Turkish side by two French speakers; car went towards Gaziantep.
- The Belgian spoke of his emir "Abu Hafs al-Jazrawi", a Saudi, said to be in Hajin in late 2016.
- M. does not know any Abu Hafs al-Masri.
- Grading: source C (fairly reliable), information 3 (possibly true).
"""


def make_eml(out: Path) -> None:
    """An RFC 5322 message with a text attachment; boundary and ids fixed."""
    message = EmailMessage(policy=SMTP)
    message["From"] = "Selin K. <selin.k@example.net>"
    message["To"] = "R.H. <rh@edn.example.org>"
    message["Date"] = "Thu, 02 Feb 2017 08:41:00 +0300"
    message["Subject"] = "Tip: the Belgian from Khasham (Kilis notes)"
    message["Message-ID"] = "<tip-20170202-0841@example.net>"
    message.set_content(TIP_BODY)
    message.add_attachment(
        TIP_NOTES.encode("utf-8"),
        maintype="text",
        subtype="plain",
        filename="kilis_notes_2017-01-30.txt",
    )
    message.set_boundary("==pursuit-demo-boundary-2017==")
    out.write_bytes(message.as_bytes())


# ---------------------------------------------------------------- main

MAKERS: dict[str, Callable[[Path], None]] = {
    "07_edn_report_khasham_2018-02.pdf": make_pdf,
    "08_capture_example_org_2016-09-14.warc.gz": make_warc,
    "09_transfer_order_scan.png": make_png,
    "10_leak_khasham_sector.zip": make_zip,
    "11_asylum_interview_record_2018-11.docx": make_docx,
    "12_tip_from_kilis_2017-02.eml": make_eml,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CORPUS, help="folder to write into")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        make(args.out / name)
        print(f"wrote {name} ({(args.out / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
