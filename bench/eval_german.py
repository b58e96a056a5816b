"""Evaluate German persons, organizations and places: P/R/F1 per type on data never trained on.

Run from the project root: `.venv/bin/python bench/eval_german.py [--limit N]` (part of
`make eval`). Sets, both from ../shared/data/german-ner (skipped when absent):

* WikiANN German test split: held back from tools/train_german_ner.py (silver labels made from
  Wikipedia links; short, often fragmentary sentences);
* GermEval 2014 dev split: hand-annotated news and Wikipedia sentences, never trained on: the
  more honest figure (the person errors of its first 400 sentences were looked at once, which
  shaped four generic cuts in pursuit/nlp/german_spans.py). Its OTH class (events, titles,
  products) is not scored.

Two readings of each set:

* "model": pursuit's German model alone, on the given tokens (spans compared token by token);
* "pipeline": what a user gets, `extract_mentions(text, "de")` on the sentence written out
  (tokens joined by spaces, no space before closing punctuation), with kunya names, gazetteer,
  lexicons and the German filters; spans compared by character offsets.

"exact" = same type and same boundaries. Writes bench/results/eval_german.json and .md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pursuit.nlp import extract_mentions  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "german-ner"
RESULTS = ROOT / "bench" / "results"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
SETS = {"wikiann_test": "wikiann-test.jsonl", "germeval2014_dev": "germeval2014-dev.jsonl"}
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%")
_NO_SPACE_AFTER = frozenset("([{")


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)} | {
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
        }


Spans = set[tuple[int, int, str]]


def bio_spans(tags: list[str]) -> Spans:
    """(first token, end token, type) of each PER/ORG/LOC name; a stray I- opens a name."""
    spans: Spans = set()
    open_: tuple[int, str] | None = None
    for i, tag in enumerate([*tags, "O"]):
        kind = TYPES.get(tag[2:]) if tag != "O" else None
        continues = open_ is not None and tag.startswith("I-") and kind == open_[1]
        if open_ is not None and not continues:
            spans.add((open_[0], i, open_[1]))
            open_ = None
        if kind is not None and not continues:
            open_ = (i, kind)
    return spans


def written(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text, and each token's character offsets in it."""
    text, offsets = "", []
    for token in tokens:
        glue = not text or token[:1] in _NO_SPACE_BEFORE or text[-1:] in _NO_SPACE_AFTER
        text += "" if glue else " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def score(rows: Iterable[tuple[Spans, Spans]]) -> dict[str, Any]:
    """P/R/F1 per type over (gold, predicted) pairs of span sets."""
    tallies = {t: Tally() for t in TYPES.values()}
    for gold, pred in rows:
        for kind, tally in tallies.items():
            g = {s for s in gold if s[2] == kind}
            p = {s for s in pred if s[2] == kind}
            tally.tp += len(g & p)
            tally.fp += len(p - g)
            tally.fn += len(g - p)
    return {kind: tally.figures() for kind, tally in tallies.items()}


def model_rows(sentences: list[dict[str, Any]]) -> list[tuple[Spans, Spans]]:
    """The German model alone, on the gold tokens."""
    from spacy.tokens import Doc

    from pursuit.nlp.statistical import german_pipeline

    nlp = german_pipeline()
    docs = [Doc(nlp.vocab, words=row["tokens"]) for row in sentences]
    rows = []
    for row, doc in zip(sentences, nlp.pipe(docs), strict=True):
        pred = {(e.start, e.end, TYPES[e.label_]) for e in doc.ents if e.label_ in TYPES}
        rows.append((bio_spans(row["tags"]), pred))
    return rows


def pipeline_rows(sentences: list[dict[str, Any]]) -> list[tuple[Spans, Spans]]:
    """extract_mentions on the written-out sentence, compared by character offsets."""
    rows = []
    for row in sentences:
        text, offsets = written(row["tokens"])
        gold = {(offsets[a][0], offsets[b - 1][1], kind) for a, b, kind in bio_spans(row["tags"])}
        pred = {
            (m.start, m.end, m.type.value)
            for m in extract_mentions(text, "de")
            if m.type.value in TYPES.values()
        }
        rows.append((gold, pred))
    return rows


def evaluate(limit: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, filename in SETS.items():
        path = DATA / filename
        if not path.exists():
            result[name] = {"skipped": f"{filename} not found"}
            continue
        lines = path.read_text(encoding="utf-8").splitlines()[:limit]
        sentences = [json.loads(line) for line in lines if line.strip()]
        result[name] = {
            "sentences": len(sentences),
            "model": score(model_rows(sentences)),
            "pipeline": score(pipeline_rows(sentences)),
        }
    return result


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# German persons, organizations, places",
        "",
        f"Run {result['when']} in {result['seconds']} s; rules in bench/eval_german.py. "
        "Exact spans; neither set was trained on.",
        "",
        "| set | reading | type | gold | predicted | P | R | F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in SETS:
        part = result[name]
        if "skipped" in part:
            lines.append(f"| {name} | skipped: {part['skipped']} | | | | | | |")
            continue
        for reading in ("model", "pipeline"):
            for kind, f in part[reading].items():
                cells = [name, reading, kind, f["gold"], f["predicted"]]
                cells += [f["precision"], f["recall"], f["f1"]]
                lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each set")
    args = parser.parse_args()
    started = time.monotonic()
    result = evaluate(args.limit)
    result["seconds"] = round(time.monotonic() - started, 1)
    result["when"] = time.strftime("%Y-%m-%d", time.gmtime())
    result["limit"] = args.limit
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "eval_german.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    text = markdown(result)
    (RESULTS / "eval_german.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
