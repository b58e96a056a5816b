"""Write the demo files in the formats the first corpus lacks: XLSX, ODT, mbox, SRT, video and a
scanned PDF page. Fictional content, consistent with src/pursuit/demo/README.md.

Run from the repository root with the dev tools installed (openpyxl, odfpy, Pillow, ffmpeg,
fonts-noto-core); the files are written into src/pursuit/demo/corpus and listed in its manifest.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from odf.opendocument import OpenDocumentText
from odf.text import H, P
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

CORPUS = Path(__file__).resolve().parents[1] / "src" / "pursuit" / "demo" / "corpus"
ARABIC_FONT = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"
# openpyxl stores document times without a zone.
FIXED = datetime(2017, 3, 14, 12, 0, tzinfo=UTC).replace(tzinfo=None)

REGISTER = [
    ("kunya", "real name", "nationality", "born", "role", "joined"),
    ("Abu Hafs al-Jazrawi", "", "Saudi Arabia", 1984, "emir, Khasham sector", "2014-06"),
    ("Abu Hafs al-Masri", "Mahmoud Ragab", "Egypt", 1977, "sharia instructor, Raqqa", "2013-11"),
    ("Abu Yusuf al-Baljiki", "Yassin Bouzerda", "Belgium", 1991, "guard, school prison", "2014-05"),
    ("Abu Muhammad al-Tunisi", "Mohamed Ben Hadj Amor", "Tunisia", 1980, "qadi", "2014-02"),
    ("Abu Zubair al-Tunisi", "", "Tunisia", 1993, "fighter", "2015-01"),
    ("Abu Salman al-Shami", "", "Syria", 1990, "fighter, Mayadin", "2014-08"),
]


def _zip_fixed(path: Path) -> None:
    """Rewrite a zip-based file with fixed member times so it is the same byte for byte."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2017, 3, 14, 12, 0, 0))
            fixed.compress_type = (
                zipfile.ZIP_STORED if info.filename == "mimetype" else (zipfile.ZIP_DEFLATED)
            )
            target.writestr(fixed, data)


def register_xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "muhajirin Khasham"
    for row in REGISTER:
        sheet.append(list(row))
    book.properties.creator = "S-3 (defector), transcribed by EDN"
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.save(path)
    _zip_fixed(path)


def notes_odt(path: Path) -> None:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Notes de terrain, Kilis, avril 2016"))
    for line in (
        "Un passeur de Kilis affirme avoir fait traverser la frontière à un Belge au printemps "
        "2016. L'homme se faisait appeler Abou Youssef al-Beljiki.",
        "Selon le passeur, il avait été gardien de la prison de l'école à Khasham et parlait "
        "de l'émir Abou Hafs al-Jazraoui, un Saoudien.",
        "À vérifier : le passeur confond peut-être Abou Hafs al-Jazraoui et Abou Hafs al-Masri.",
    ):
        document.text.addElement(P(text=line))
    document.save(str(path))
    _zip_fixed(path)


def _message(sender: str, subject: str, when: datetime, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "desk@example.org"
    message["Subject"] = subject
    message["Date"] = format_datetime(when.astimezone())
    message["Message-ID"] = f"<{when:%Y%m%d%H%M}@example.org>"
    message.set_content(body)
    return message


def mailbox(path: Path) -> None:
    messages = [
        _message(
            "field@example.org",
            "Berlin: A-3 identified the Belgian",
            datetime(2018, 11, 20, 9, 15, tzinfo=UTC),
            "A-3 says the man he saw in Berlin in October 2018 is Yassin Bouzerda, known as "
            "Abu Yusuf al-Baljiki, who was a guard at the school prison in Khasham.\n",
        ),
        _message(
            "analyst@example.org",
            "Re: Berlin: A-3 identified the Belgian",
            datetime(2018, 11, 21, 16, 40, tzinfo=UTC),
            "Not yet verified. Keep Abu Hafs al-Masri apart from the emir Abu Hafs al-Jazrawi "
            "in the register.\n",
        ),
    ]
    with path.open("wb") as out:
        for message in messages:
            stamp = datetime.strptime(str(message["Date"]), "%a, %d %b %Y %H:%M:%S %z")
            out.write(f"From {message['From']} {stamp:%a %b %d %H:%M:%S %Y}\n".encode())
            out.write(message.as_bytes().replace(b"\r\n", b"\n") + b"\n")


SUBTITLES = """1
00:00:01,000 --> 00:00:05,500
Umm Ali: They took my son Ali from the school prison on the third of March.

2
00:00:05,600 --> 00:00:10,000
Umm Ali: The Belgian guard, Abu Yusuf, was with them in the square.
"""


def video(path: Path) -> None:
    subprocess.run(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=2:size=160x120:rate=10",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=2",
            "-c:v",
            "mpeg4",
            "-c:a",
            "aac",
            "-shortest",
            "-fflags",
            "+bitexact",
            "-flags:v",
            "+bitexact",
            "-flags:a",
            "+bitexact",
            "-metadata",
            "creation_time=2018-10-09T14:00:00Z",
            "-metadata",
            "title=Interview W-11 (fictional demo)",
            str(path),
        ],
        check=True,
    )


def scanned_pdf(path: Path) -> None:
    font = ImageFont.truetype(ARABIC_FONT, 40)
    page = Image.new("L", (1654, 1000), 255)
    draw = ImageDraw.Draw(page)
    lines = [
        "الدولة الإسلامية - ولاية الخير - ديوان الإعلام",
        "إلى الأخ أبو إلياس الفرنسي",
        "يرسل التصوير إلى الوالي أبو داود العراقي للمراجعة",
    ]
    for n, line in enumerate(lines):
        draw.text((1550, 150 + n * 110), line, font=font, fill=0, anchor="ra", direction="rtl")
    page.save(path, "PDF", resolution=150.0)


ENTRIES = [
    (
        "13_register_extract_2017-03.xlsx",
        register_xlsx,
        "inv-tom",
        "2017-03-14T12:00:00+00:00",
        "field_device",
        "Spreadsheet typed from the register handed over by the defector S-3.",
    ),
    (
        "14_notes_kilis_2016-04.odt",
        notes_odt,
        "inv-tom",
        "2016-04-28T18:00:00+00:00",
        "upload",
        "French field notes of the journalist Selin K. after meeting a smuggler in Kilis.",
    ),
    (
        "15_edn_desk_2018-11.mbox",
        mailbox,
        "inv-rasha",
        "2018-11-22T08:00:00+00:00",
        "upload",
        "Export of the EDN desk mailbox: two messages about A-3's identification in Berlin.",
    ),
    (
        "16_interview_W-11_video.mp4",
        video,
        "inv-rasha",
        "2018-10-09T15:00:00+00:00",
        "field_device",
        "Stand-in clip for the W-11 video (test pattern); its transcript is 06 and 17.",
    ),
    (
        "17_interview_W-11_video.srt",
        None,
        "inv-rasha",
        "2018-10-09T15:00:00+00:00",
        "testimony",
        "Subtitles of the W-11 video in SRT form.",
    ),
    (
        "18_media_office_order_scan.pdf",
        scanned_pdf,
        "inv-tom",
        "2017-03-14T12:00:00+00:00",
        "field_device",
        "Scanned page of a media office order, no text layer (OCR).",
    ),
]


def main() -> None:
    manifest_path = CORPUS / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    known = {f["filename"] for f in manifest["files"]}
    for name, build, by, at, method, notes in ENTRIES:
        path = CORPUS / name
        if build is None:
            path.write_text(SUBTITLES, encoding="utf-8")
        else:
            build(path)
        if name not in known:
            manifest["files"].append(
                {
                    "filename": name,
                    "acquired_by": by,
                    "acquired_at": at,
                    "method": method,
                    "source_url": None,
                    "notes": notes,
                }
            )
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
