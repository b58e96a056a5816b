"""Real files to take in: texts in four languages, HTML, PDF, e-mail and zip, each unique.

Every file carries its serial number, so no two share a hash and each must become exactly one
item; the kinds rotate so a kill lands in every extractor's path sooner or later.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from tests.extract.hostile import pdf

__all__ = ["KINDS", "make_batch", "sha256_of"]

SENTENCES = {
    "en": "Witness {n} saw Abu Omar al-Shishani in Raqqa on {d} March 2014 with the convoy.",
    "fr": "Le témoin {n} a vu Abou Omar à Mossoul le {d} mars 2015, près du pont détruit.",
    "ar": "شاهد الشاهد رقم {n} أبو عمر الشيشاني في الرقة يوم {d} آذار 2014 مع القافلة.",
    "de": "Zeuge {n} sah Abu Omar in Aleppo am {d}. März 2014 in der Nähe des Marktes.",
}
KINDS = ("en.txt", "fr.txt", "ar.txt", "de.txt", "html", "pdf", "eml", "zip")


def _text(lang: str, n: int, lines: int = 6) -> str:
    return "\n".join(SENTENCES[lang].format(n=n, d=1 + (n + i) % 28) for i in range(lines)) + "\n"


def _html(n: int) -> bytes:
    body = "".join(f"<p>{SENTENCES['en'].format(n=n, d=i + 1)}</p>" for i in range(4))
    return f"<html><head><title>Report {n}</title></head><body>{body}</body></html>".encode()


def _pdf(n: int) -> bytes:
    line = f"BT /F1 18 Tf 72 700 Td (Report {n}: the convoy left Raqqa at dawn) Tj ET"
    return pdf([line.encode()])


def _eml(n: int) -> bytes:
    head = f"From: source{n}@example.org\nTo: desk@example.org\nSubject: report {n}\n"
    return (head + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n").encode() + (
        _text("fr", n, 3).encode()
    )


def _zip(path: Path, n: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"notes-{n}-de.txt", _text("de", n, 3))
        archive.writestr(f"notes-{n}-ar.txt", _text("ar", n, 3))


def make_file(folder: Path, n: int) -> Path:
    """File number `n`, of the kind its number selects."""
    kind = KINDS[n % len(KINDS)]
    path = folder / f"doc-{n:05d}.{kind}"
    if kind.endswith(".txt"):
        path.write_text(_text(kind[:2], n), encoding="utf-8")
    elif kind == "html":
        path.write_bytes(_html(n))
    elif kind == "pdf":
        path.write_bytes(_pdf(n))
    elif kind == "eml":
        path.write_bytes(_eml(n))
    else:
        _zip(path, n)
    return path


def make_batch(folder: Path, start: int, count: int) -> list[Path]:
    """Files `start` .. `start + count - 1` in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [make_file(folder, n) for n in range(start, start + count)]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
