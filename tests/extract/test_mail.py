"""E-mail and mailboxes built with the standard library, read back as an investigator needs them."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from pursuit.errors import MalformedInput
from pursuit.extract.base import Probe
from pursuit.extract.mail import EmlExtractor
from pursuit.extract.mbox import MboxExtractor, message_spans
from pursuit.extract.sniff import sniff

SENT = "Tue, 03 Jun 2014 14:05:00 +0300"


def _pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _message(
    subject: str = "Lists from the checkpoint",
    body: str = "The attached list names the guards on duty.\nأبو حفص الجزراوي",
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Source Eleven <s11@example.org>"
    message["To"] = "desk@example.org"
    message["Cc"] = "=?utf-8?b?2KPYqNmIINit2YHYtQ==?= <af@example.org>"
    message["Date"] = SENT
    message["Subject"] = subject
    message["Message-ID"] = "<w17.1@example.org>"
    message.set_content(body)
    message.add_alternative("<p>The attached list <b>names</b> the guards.</p>", subtype="html")
    return message


def _eml(path: Path) -> Path:
    message = _message()
    message.add_attachment(_pdf_bytes(), "application", "pdf", filename="guards.pdf")
    message.add_attachment(b"root:x:0:0", "text", "plain", filename="../../etc/passwd")
    message.add_attachment(b"\xff\xd8one", "image", "jpeg", filename="scan.jpg")
    message.add_attachment(b"\xff\xd8two", "image", "jpeg", filename="scan.jpg")
    forwarded = EmailMessage()
    forwarded["From"] = "officer@example.net"
    forwarded["Subject"] = "Orders"
    forwarded.set_content("Move the detainees tonight.")
    message.add_attachment(forwarded)
    path.write_bytes(message.as_bytes())
    return path


def test_eml_text_has_headers_and_plain_body(tmp_path: Path) -> None:
    probe = sniff(_eml(tmp_path / "mail.eml"))
    extractor = EmlExtractor()
    assert extractor.match(probe) >= 0.8
    extracted = extractor.extract(probe)
    lines = extracted.text.splitlines()
    assert lines[:5] == [
        "From: Source Eleven <s11@example.org>",
        "To: desk@example.org",
        "Cc: أبو حفص <af@example.org>",
        f"Date: {SENT}",
        "Subject: Lists from the checkpoint",
    ]
    assert "The attached list names the guards on duty." in lines
    assert "أبو حفص الجزراوي" in lines
    assert "<p>" not in extracted.text
    assert extracted.metadata["message_id"] == "<w17.1@example.org>"
    assert extracted.metadata["date"] == "2014-06-03T11:05:00+00:00"
    assert extracted.metadata["body"] == "plain"
    assert extracted.metadata["attachment_count"] == "5"
    assert "Attachments: guards.pdf, passwd, scan.jpg, scan (2).jpg, attachment-5.eml" in lines


def test_eml_attachments_become_safe_dated_children(tmp_path: Path) -> None:
    probe = sniff(_eml(tmp_path / "mail.eml"))
    workdir = tmp_path / "work"
    workdir.mkdir()
    children = list(EmlExtractor().children(probe, workdir))
    names = [child.name for child in children]
    assert names == ["guards.pdf", "passwd", "scan.jpg", "scan (2).jpg", "attachment-5.eml"]
    for child in children:
        assert child.path.resolve().parent == workdir.resolve()
        assert child.acquired_at == datetime(2014, 6, 3, 11, 5, tzinfo=UTC)
    assert not (tmp_path / "etc").exists()
    assert len(PdfReader(children[0].path).pages) == 1
    assert children[1].path.read_bytes() == b"root:x:0:0"
    assert children[3].path.read_bytes() == b"\xff\xd8two"
    forwarded = BytesParser(policy=default_policy).parsebytes(children[4].path.read_bytes())
    assert forwarded["Subject"] == "Orders"


def test_html_only_message_is_converted_to_text(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "a@example.org"
    message["Subject"] = "html only"
    message.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>First line</p>"
        "<p>Second&nbsp;line &amp; more</p><script>alert(1)</script></body></html>",
        subtype="html",
    )
    path = tmp_path / "html.eml"
    path.write_bytes(message.as_bytes())
    extracted = EmlExtractor().extract(sniff(path))
    assert extracted.text.split("\n\n", 1)[1] == "First line\nSecond line & more"
    assert extracted.metadata["body"] == "html"
    assert "date" not in extracted.metadata


def test_text_named_eml_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "note.eml"
    path.write_text("Just some notes about the meeting.\nNothing else.", encoding="utf-8")
    probe = sniff(path)
    assert EmlExtractor().match(probe) == 0.3
    with pytest.raises(MalformedInput, match="no mail headers"):
        EmlExtractor().extract(probe)


def test_unparseable_date_leaves_children_undated(tmp_path: Path) -> None:
    message = _message()
    message.add_attachment(b"data", "application", "octet-stream", filename="x.bin")
    path = tmp_path / "odd.eml"
    path.write_bytes(message.as_bytes().replace(SENT.encode(), b"sometime last spring"))
    (child,) = EmlExtractor().children(Probe(path, "message/rfc822", "odd.eml"), tmp_path)
    assert child.acquired_at is None
    assert EmlExtractor().extract(sniff(path)).metadata["date"] == "sometime last spring"


def _mbox(path: Path) -> Path:
    """Two messages in mboxo form, a body line starting "From " escaped as mail tools do."""
    first = _message("First report", "Line one.\nFrom the checkpoint we saw trucks.\n")
    first.add_attachment(b"photo", "image", "jpeg", filename="truck.jpg")
    second = _message("Second report")
    second.replace_header("Date", "Wed, 04 Jun 2014 09:00:00 +0000")
    with path.open("wb") as out:
        for message in (first, second):
            out.write(b"From s11@example.org Tue Jun  3 11:05:00 2014\n")
            for line in message.as_bytes().splitlines(keepends=True):
                out.write(b">" + line if line.startswith(b"From ") else line)
            out.write(b"\n")
    return path


def test_mbox_lists_messages(tmp_path: Path) -> None:
    probe = sniff(_mbox(tmp_path / "inbox.mbox"))
    assert MboxExtractor().match(probe) >= 0.85
    extracted = MboxExtractor().extract(probe)
    assert extracted.text.splitlines() == [
        "[1] 2014-06-03T11:05:00+00:00 | Source Eleven <s11@example.org> | First report",
        "[2] 2014-06-04T09:00:00+00:00 | Source Eleven <s11@example.org> | Second report",
    ]
    assert extracted.metadata["message_count"] == "2"


def test_mbox_children_are_eml_items_that_read_back(tmp_path: Path) -> None:
    probe = sniff(_mbox(tmp_path / "inbox.mbox"))
    workdir = tmp_path / "work"
    workdir.mkdir()
    children = list(MboxExtractor().children(probe, workdir))
    assert [child.name for child in children] == [
        "00001-First report.eml",
        "00002-Second report.eml",
    ]
    assert children[1].acquired_at == datetime(2014, 6, 4, 9, 0, tzinfo=UTC)
    first = sniff(children[0].path, children[0].name)
    assert EmlExtractor().match(first) >= 0.8
    assert ">From the checkpoint we saw trucks." in EmlExtractor().extract(first).text
    (attachment,) = EmlExtractor().children(first, workdir)
    assert attachment.name == "truck.jpg"
    assert attachment.path.read_bytes() == b"photo"


def test_text_named_mbox_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "inbox.mbox"
    path.write_text("Subject: not an mbox\n\nhello\n", encoding="utf-8")
    with pytest.raises(MalformedInput, match="not an mbox"):
        MboxExtractor().extract(sniff(path))


def test_unescaped_from_line_inside_a_paragraph_does_not_split(tmp_path: Path) -> None:
    path = tmp_path / "raw.mbox"
    path.write_bytes(
        b"From a@example.org Mon Jun  2 10:00:00 2014\n"
        b"Subject: one\nFrom: a@example.org\n\nWe left at dawn.\nFrom there we walked.\n\n"
        b"From b@example.org Mon Jun  2 11:00:00 2014\n"
        b"Subject: two\nFrom: b@example.org\n\nSecond.\n"
    )
    spans = list(message_spans(path))
    assert len(spans) == 2
    with path.open("rb") as fh:
        fh.seek(spans[0].start)
        assert b"From there we walked." in fh.read(spans[0].end - spans[0].start)
