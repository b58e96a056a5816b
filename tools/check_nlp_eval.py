"""Build and check the labelled evaluation set of the language stage (bench/data/nlp_eval.jsonl).

The set is written by hand in a small inline markup (bench/data/nlp_eval.src.txt) so that nobody
counts character offsets by hand:

    ## en-001 en
    He shouted at his [emir|role], a [Saudi|nat] jihadist, [Abu Hafs al-Jazrawi|per], ...
    > Abu Hafs al-Jazrawi | role | emir

A block starts with `## ID LANG`; text lines follow (joined with one space); `[span|type]` marks a
mention; lines starting with `>` are claims `subject | predicate | object`; `#` lines outside a
block are comments. `build` turns the markup into JSON lines; `check` validates a JSON-lines file
against the guidelines in bench/data/README.md (offsets, types, predicates, claim subjects).

    .venv/bin/python tools/check_nlp_eval.py build   # markup -> bench/data/nlp_eval.jsonl
    .venv/bin/python tools/check_nlp_eval.py check   # exit 1 and list every problem
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "bench" / "data" / "nlp_eval.src.txt"
TARGET = ROOT / "bench" / "data" / "nlp_eval.jsonl"
TYPES = {
    "per": "person",
    "org": "organization",
    "loc": "location",
    "date": "date",
    "role": "role",
    "nat": "nationality",
    "inc": "incident",
}
PREDICATES = {"role", "nationality", "affiliation", "presence", "perpetrator", "ordered"}
PREDICATES |= {"victim_count", "alias", "witnessed"}
LANGS = {"en", "fr", "ar", "de"}
MARK = re.compile(r"\[([^\[\]|]+)\|(\w+)\]")


def parse_text(raw: str) -> tuple[str, list[dict[str, Any]]]:
    """Strip the markup, returning the plain text and its mentions with offsets."""
    text, mentions, cursor = "", [], 0
    for match in MARK.finditer(raw):
        text += raw[cursor : match.start()]
        span, kind = match.group(1), match.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown mention type {kind!r} in {match.group(0)!r}")
        mentions.append(
            {"start": len(text), "end": len(text) + len(span), "type": TYPES[kind], "text": span}
        )
        text += span
        cursor = match.end()
    text += raw[cursor:]
    if "[" in text or "]" in text or "|" in text:
        raise ValueError(f"stray markup left in text: {text[:80]!r}")
    return text, mentions


def parse_claim(line: str) -> dict[str, str]:
    parts = [p.strip() for p in line.lstrip("> ").split("|")]
    if len(parts) != 3:
        raise ValueError(f"a claim needs subject | predicate | object: {line!r}")
    return {"subject": parts[0], "predicate": parts[1], "object": parts[2]}


def parse_source(source: str) -> list[dict[str, Any]]:
    """Read every `## ID LANG` block of the markup into a record."""
    records: list[dict[str, Any]] = []
    lines: list[str] = []
    claims: list[dict[str, str]] = []
    head: list[str] = []

    def close() -> None:
        if head:
            text, mentions = parse_text(" ".join(lines))
            record = {"id": head[0], "lang": head[1], "text": text, "mentions": mentions}
            records.append({**record, "claims": list(claims)})

    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            close()
            head, lines, claims = stripped[3:].split(), [], []
        elif stripped.startswith(">"):
            claims.append(parse_claim(stripped))
        elif stripped and not stripped.startswith("#") and head:
            lines.append(stripped)
    close()
    return records


def _check_mentions(record: dict[str, Any]) -> list[str]:
    problems, text = [], record["text"]
    for m in record["mentions"]:
        if text[m["start"] : m["end"]] != m["text"]:
            problems.append(f"offsets {m['start']}:{m['end']} do not give {m['text']!r}")
        if m["type"] not in TYPES.values():
            problems.append(f"unknown type {m['type']!r}")
        if m["text"] != m["text"].strip():
            problems.append(f"span with outer spaces {m['text']!r}")
    ordered = sorted(record["mentions"], key=lambda m: (m["start"], m["end"]))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b["start"] < a["end"]:
            problems.append(f"overlapping spans {a['text']!r} and {b['text']!r}")
    return problems


def _check_claims(record: dict[str, Any]) -> list[str]:
    problems = []
    persons = {m["text"] for m in record["mentions"] if m["type"] == "person"}
    incidents = {m["text"] for m in record["mentions"] if m["type"] == "incident"}
    for c in record["claims"]:
        where = f"claim {c['subject']} | {c['predicate']} | {c['object']}"
        if c["predicate"] not in PREDICATES:
            problems.append(f"{where}: unknown predicate")
        elif c["predicate"] == "victim_count":
            if c["subject"] not in incidents or not c["object"].isdigit():
                problems.append(f"{where}: needs an incident word and a number in digits")
        elif c["predicate"] == "witnessed":
            # The speaker: a witness code opening the transcript line (not a person span).
            if c["subject"] not in record["text"] or c["object"] not in record["text"]:
                problems.append(f"{where}: speaker and what was seen must be written there")
        elif c["subject"] not in persons:
            problems.append(f"{where}: subject is not a person mention of the paragraph")
        elif c["predicate"] in ("perpetrator", "ordered") and c["object"] not in incidents:
            problems.append(f"{where}: object is not an incident mention")
        elif c["predicate"] == "alias" and c["object"] not in persons:
            problems.append(f"{where}: object is not a person mention of the paragraph")
        elif c["predicate"] in ("affiliation", "presence") and c["object"] not in record["text"]:
            problems.append(f"{where}: object is not written in the paragraph")
    return problems


def check(records: list[dict[str, Any]]) -> list[str]:
    """Every problem of the set, prefixed with the record id."""
    problems: list[str] = []
    seen: set[str] = set()
    for r in records:
        if r["id"] in seen:
            problems.append(f"{r['id']}: duplicate id")
        seen.add(r["id"])
        if r["lang"] not in LANGS:
            problems.append(f"{r['id']}: unknown language {r['lang']!r}")
        problems += [f"{r['id']}: {p}" for p in _check_mentions(r) + _check_claims(r)]
    return problems


def summary(records: list[dict[str, Any]]) -> str:
    langs = Counter(r["lang"] for r in records)
    types = Counter(m["type"] for r in records for m in r["mentions"])
    predicates = Counter(c["predicate"] for r in records for c in r["claims"])
    words = sum(len(r["text"].split()) for r in records)
    return (
        f"{len(records)} paragraphs {dict(sorted(langs.items()))}, {words} words\n"
        f"mentions {sum(types.values())}: {dict(sorted(types.items()))}\n"
        f"claims {sum(predicates.values())}: {dict(sorted(predicates.items()))}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="Build or check the NLP evaluation set.")
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args()
    if args.command == "build":
        records = parse_source(args.source.read_text(encoding="utf-8"))
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        args.target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = args.target.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    problems = check(records)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(summary(records))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
