"""Evaluate page-furniture removal: entity precision and recall on saved web pages.

Run from the project root: `.venv/bin/python bench/eval_boilerplate.py` (part of `make eval`).
The pages in bench/data/boilerplate are fictional articles we wrote in the style of news sites
(English, French, German, Arabic), each saved twice over the set: as HTML with menus, cookie
banner, paywall, captions, most-read lists, share buttons and footer, and as a copy-pasted text
save. gold.json lists the persons, organizations and places of each article's headline and
body; bylines are in "ignore" (neither right nor wrong).

"before": the text as pursuit read it without furniture removal (trafilatura with its former
options for HTML, the raw text for text saves); "after": the text the language stage reads now
(HTML pruned before trafilatura, then `without_furniture` on both). Each distinct (type, surface)
the language stage finds counts once per page; it is right when it equals, contains or is
contained in a gold name of its type (whole words). Writes bench/results/eval_boilerplate.json
and .md.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import trafilatura

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pursuit.extract.boilerplate import without_furniture  # noqa: E402
from pursuit.extract.html import html_text  # noqa: E402
from pursuit.nlp import extract_mentions  # noqa: E402

DATA = ROOT / "bench" / "data" / "boilerplate"
RESULTS = ROOT / "bench" / "results"
TYPES = ("person", "organization", "location")


def before_text(path: Path) -> str:
    """The text as read before furniture removal."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return raw
    found = trafilatura.extract(
        raw, include_comments=False, include_tables=True, favor_precision=False
    )
    return found or raw


def after_text(path: Path) -> str:
    """The text the language stage reads now."""
    raw = path.read_text(encoding="utf-8")
    text = html_text(raw)[0] if path.suffix == ".html" else raw
    return without_furniture(text)


def _words(text: str) -> str:
    return " " + " ".join(text.casefold().replace("-", " ").split()) + " "


def _agrees(found: str, gold: str) -> bool:
    a, b = _words(found), _words(gold)
    return a in b or b in a


def predicted(text: str, lang: str) -> set[tuple[str, str]]:
    mentions = extract_mentions(text, lang)
    return {(m.type.value, " ".join(m.text.split())) for m in mentions if m.type.value in TYPES}


def score_page(gold: dict[str, list[str]], found: set[tuple[str, str]]) -> dict[str, Any]:
    ignore = gold.get("ignore", [])
    kept = {(t, s) for t, s in found if not any(_agrees(s, name) for name in ignore)}
    out: dict[str, Any] = {}
    for kind in TYPES:
        mine = sorted(s for t, s in kept if t == kind)
        right = [s for s in mine if any(_agrees(s, g) for g in gold[kind])]
        hit = [g for g in gold[kind] if any(_agrees(s, g) for s in mine)]
        wrong = [s for s in mine if s not in right]
        out[kind] = {"found": len(mine), "right": len(right), "gold": len(gold[kind])}
        out[kind] |= {"hit": len(hit), "wrong": wrong}
    return out


def _figures(pages: dict[str, Any], kind: str) -> dict[str, Any]:
    found = sum(p[kind]["found"] for p in pages.values())
    right = sum(p[kind]["right"] for p in pages.values())
    gold = sum(p[kind]["gold"] for p in pages.values())
    hit = sum(p[kind]["hit"] for p in pages.values())
    return {
        "precision": round(right / found, 3) if found else 0.0,
        "recall": round(hit / gold, 3) if gold else 0.0,
        "found": found,
        "wrong": found - right,
        "gold": gold,
    }


def evaluate() -> dict[str, Any]:
    gold_all = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"pages": len(gold_all)}
    for stage, reader in (("before", before_text), ("after", after_text)):
        pages = {}
        for name, gold in gold_all.items():
            path = DATA / name
            pages[name] = score_page(gold, predicted(reader(path), name[:2]))
        result[stage] = {kind: _figures(pages, kind) for kind in TYPES}
        result[stage]["by_format"] = {
            fmt: {
                kind: _figures({k: v for k, v in pages.items() if k.endswith(fmt)}, kind)
                for kind in TYPES
            }
            for fmt in (".html", ".txt")
        }
        result[stage]["wrong"] = {
            name: {kind: page[kind]["wrong"] for kind in TYPES if page[kind]["wrong"]}
            for name, page in pages.items()
        }
    return result


def markdown(result: dict[str, Any], seconds: float) -> str:
    lines = [
        "# Page furniture: entities on saved web pages",
        "",
        f"{result['pages']} fictional pages (4 languages, HTML and text saves), {seconds:.1f} s;"
        " rules in bench/eval_boilerplate.py.",
        "",
        "| type | P before | R before | P after | R after | wrong before → after |",
        "|---|---|---|---|---|---|",
    ]
    for kind in TYPES:
        b, a = result["before"][kind], result["after"][kind]
        lines.append(
            f"| {kind} | {b['precision']} | {b['recall']} | {a['precision']} | {a['recall']} "
            f"| {b['wrong']} → {a['wrong']} |"
        )
    lines += [
        "",
        "| format | type | P before | P after | R before | R after |",
        "|---|---|---|---|---|---|",
    ]
    for fmt in (".html", ".txt"):
        for kind in TYPES:
            b = result["before"]["by_format"][fmt][kind]
            a = result["after"]["by_format"][fmt][kind]
            lines.append(
                f"| {fmt} | {kind} | {b['precision']} | {a['precision']} | {b['recall']} "
                f"| {a['recall']} |"
            )
    lines += ["", "Still wrong after removal:", ""]
    for name, kinds in result["after"]["wrong"].items():
        for kind, wrong in kinds.items():
            lines.append(f"- {name} {kind}: {', '.join(wrong)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    started = time.perf_counter()
    result = evaluate()
    seconds = time.perf_counter() - started
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "eval_boilerplate.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    text = markdown(result, seconds)
    (RESULTS / "eval_boilerplate.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
