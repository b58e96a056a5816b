"""Hostile files, made on the spot: deeply nested mail, PDFs of many blank pages."""

from __future__ import annotations

BLANK = b""
INK = b"0 0 0 rg 100 300 400 200 re f"  # a black box, no text layer
WORDS = b"BT /F1 28 Tf 72 700 Td (The convoy left at dawn) Tj ET"


def nested_eml(depth: int) -> bytes:
    """A message whose multipart bodies nest `depth` levels, a text part at the bottom."""
    lines = [b"From: a@example.org", b"To: b@example.org", b"Subject: deep", b"MIME-Version: 1.0"]
    for level in range(depth):
        lines += [f'Content-Type: multipart/mixed; boundary="b{level}"'.encode(), b""]
        lines += [f"--b{level}".encode()]
    lines += [b"Content-Type: text/plain", b"", b"The bottom of the well."]
    lines += [f"--b{level}--".encode() for level in reversed(range(depth))]
    return b"\n".join(lines) + b"\n"


def many_parts_eml(parts: int) -> bytes:
    """One flat multipart message with `parts` small text parts."""
    lines = [b"From: a@example.org", b"To: b@example.org", b"Subject: wide", b"MIME-Version: 1.0"]
    lines += [b'Content-Type: multipart/mixed; boundary="x"', b""]
    for index in range(parts):
        lines += [b"--x", b"Content-Type: text/plain", b"", f"part {index}".encode()]
    lines += [b"--x--"]
    return b"\n".join(lines) + b"\n"


def pdf(pages: list[bytes]) -> bytes:
    """A minimal valid PDF, one page per content stream (b"" for a blank page)."""
    count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for content in pages:
        page_no, stream_no = len(objects) + 1, len(objects) + 2
        kids.append(f"{page_no} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {stream_no} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        head = f"<< /Length {len(content)} >>\nstream\n".encode()
        objects.append(head + content + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {count} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return bytes(out + trailer.encode())
