"""Evaluate pursuit.nlp: precision, recall and F1 per mention type and for claims.

Run from the project root: `.venv/bin/python bench/eval_nlp.py` (the target of `make eval`).
Sets: (1) our own labelled set bench/data/nlp_eval.jsonl; (2) re3d (English, Syria/Iraq,
gold confidence >= 0.5); (3) the NewsFANE blocks held out from training pursuit's Arabic model.
Data in ../shared/data is read only here; sets that are absent are reported as skipped.

Matching: "exact" = same type, same start and end; "overlap" = same type and the spans share at
least one character (each gold and each predicted span used once). re3d's Person and
Organisation gold also cover descriptions ("Foreign Office Minister", "rebels"), so recall is
also given for *named* gold only (spans with a capitalised word that is not a title or role
word); precision always counts a prediction right when it overlaps any gold span of its type.
"Lenient" precision also accepts a prediction that overlaps a re3d annotation of its type below
the 0.5 confidence cut: re3d's gold often calls a country acting politically ("the UK said") an
Organisation while its annotators also marked it Location.
Writes bench/results/eval_nlp.json and .md.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

from pursuit.nlp import extract_claims, extract_mentions  # noqa: E402
from pursuit.nlp.kunya import person_label  # noqa: E402
from pursuit.nlp.phrases import fold  # noqa: E402
from pursuit.nlp.roles import ROLE_WORDS  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OWN = ROOT / "bench" / "data" / "nlp_eval.jsonl"
RESULTS = ROOT / "bench" / "results"
RE3D_TYPES = {
    "Person": "person",
    "Organisation": "organization",
    "Location": "location",
    "Nationality": "nationality",
    "Temporal": "date",
}
FANE_TYPES = {"PER": "person", "ORG": "organization", "GPE": "location", "LOC": "location"}
FANE_TYPES["FAC"] = "location"
_TITLES = {w for v in ROLE_WORDS.values() for w in v.split("|")} | set(
    "the minister secretary president prime foreign office general gen sir mr mrs dr state "
    "defence defense ambassador envoy special lord baroness king queen prince sheikh "
    "spokesman head chief deputy commander us u.s uk u.k british american".split()
)
_KUNYA = re.compile(r"^(?:abu|abou|umm|oum|um|أبو|ابو|أم|ام)\b", re.I)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    text: str


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        n = self.tp + self.fn
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": n}


def _same(a: Span, b: Span, overlap: bool) -> bool:
    if a.type != b.type:
        return False
    if overlap:
        return a.start < b.end and b.start < a.end
    return a.start == b.start and a.end == b.end


def match(gold: list[Span], pred: list[Span], overlap: bool) -> Tally:
    """One-to-one greedy matching; returns true positives, false positives, false negatives."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _same(g, p, overlap):
                used.add(i)
                tp += 1
                break
    return Tally(tp, len(pred) - len(used), len(gold) - tp)


def precision_any(gold: list[Span], pred: list[Span]) -> Tally:
    """Predictions right when overlapping any gold span of the type (gold may overlap)."""
    right = sum(1 for p in pred if any(_same(g, p, True) for g in gold))
    return Tally(right, len(pred) - right, 0)


_PRONOUNS = {"i", "he", "she", "we", "they", "him", "her", "his", "them", "it", "you"}


def named(span: Span) -> bool:
    if span.text.strip().lower() in _PRONOUNS:
        return False
    words = re.findall(r"[\w.'-]+", span.text)
    return any(w[:1].isupper() and w.lower().strip(".") not in _TITLES for w in words)


def predicted(text: str, language: str) -> tuple[list[Span], list[Any]]:
    mentions = extract_mentions(text, language)
    spans = [Span(m.start, m.end, m.type.value, m.text) for m in mentions]
    return spans, mentions


def kunya_whole(gold: list[Span], pred: list[Span]) -> tuple[int, int]:
    """(gold kunya names found as exactly one person span, gold kunya names)."""
    kunyas = [g for g in gold if g.type == "person" and _KUNYA.match(g.text.strip())]
    whole = sum(1 for g in kunyas if any(_same(g, p, False) for p in pred))
    return whole, len(kunyas)


def per_type(rows: Iterable[tuple[list[Span], list[Span]]], types: Iterable[str]) -> dict[str, Any]:
    """Exact and overlap figures per type, summed over documents."""
    types = list(types)
    exact = {t: Tally() for t in types}
    over = {t: Tally() for t in types}
    for gold, pred in rows:
        for t in types:
            g = [s for s in gold if s.type == t]
            p = [s for s in pred if s.type == t]
            exact[t].add(match(g, p, False))
            over[t].add(match(g, p, True))
    return {t: {"exact": exact[t].figures(), "overlap": over[t].figures()} for t in types}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _re3d_gold(doc: dict[str, Any], cut: float) -> list[Span]:
    return [
        Span(e["start"], e["end"], RE3D_TYPES[e["type"]], e["text"])
        for e in doc["entities"]
        if e["confidence"] >= cut and e["type"] in RE3D_TYPES
    ]


def _re3d_figures(docs: list[tuple[dict[str, Any], list[Span]]]) -> dict[str, Any]:
    """re3d figures over (document, predicted spans) pairs: per type, named recall, kunya."""
    rows = [(_re3d_gold(doc, 0.5), pred) for doc, pred in docs]
    loose_rows = [(_re3d_gold(doc, 0.0), pred) for doc, pred in docs]
    result = per_type(rows, list(RE3D_TYPES.values()))
    kinds = ["person", "organization", "location"]
    named_result = per_type([([g for g in gold if named(g)], pred) for gold, pred in rows], kinds)
    for t in kinds:
        result[t]["named_overlap_recall"] = named_result[t]["overlap"]["recall"]
        result[t]["named_gold"] = named_result[t]["overlap"]["gold"]
        for key, source in (("precision_any_overlap", rows), ("precision_lenient", loose_rows)):
            tally = Tally()
            for gold, pred in source:
                tally.add(
                    precision_any(
                        [g for g in gold if g.type == t], [p for p in pred if p.type == t]
                    )
                )
            result[t][key] = tally.figures()["precision"]
    whole = total = 0
    for gold, pred in rows:
        w, n = kunya_whole(gold, pred)
        whole, total = whole + w, total + n
    result["kunya_whole"] = {"found_whole": whole, "gold": total}
    result["documents"] = len(docs)
    return result


def re3d_documents() -> list[dict[str, Any]]:
    path = SHARED / "re3d-syria-iraq-ner" / "documents.jsonl"
    return _read_jsonl(path) if path.exists() else []


def eval_re3d() -> dict[str, Any]:
    """All re3d documents (comparable with earlier runs), plus the development and held-out
    halves split by the SHA-256 of the document id as for the own set: error analysis and rule
    changes look at the development half only."""
    docs = re3d_documents()
    if not docs:
        return {"skipped": "no re3d data"}
    scored = [(doc, predicted(doc["text"], "en")[0]) for doc in docs]
    result = _re3d_figures(scored)
    result["slices"] = {
        "development": _re3d_figures([d for d in scored if not held_out(d[0]["doc_id"])]),
        "held_out": _re3d_figures([d for d in scored if held_out(d[0]["doc_id"])]),
    }
    return result


def _fane_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[Span]]:
    text, starts = "", []
    for token in tokens:
        starts.append(len(text) + (1 if text else 0))
        text = f"{text} {token}" if text else token
    spans, open_ = [], None
    for i, tag in enumerate([*tags, "O"]):
        if open_ is not None and not tag.startswith("I-"):
            kind, first = open_
            end = starts[i - 1] + len(tokens[i - 1])
            spans.append(Span(starts[first], end, kind, text[starts[first] : end]))
            open_ = None
        if tag.startswith("B-") and tag[2:] in FANE_TYPES:
            open_ = (FANE_TYPES[tag[2:]], i)
    return text, spans


def eval_newsfane() -> dict[str, Any]:
    path = SHARED / "newsfane-arabic-ner"
    if not (path / "sentences.jsonl").exists():
        return {"skipped": "no NewsFANE data"}
    from train_arabic_ner import split_of

    rows, people_rows = [], []
    whole = total = 0
    lines = (path / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if split_of(index) != "holdout":
            continue
        row = json.loads(line)
        text, gold = _fane_spans(row["tokens"], row["tags_coarse"])
        pred, _ = predicted(text, "ar")
        rows.append((gold, pred))
        persons = [s for s, fine in _fine_of(row, gold) if s.type != "person" or fine != "Group"]
        people_rows.append((persons, pred))
        w, n = kunya_whole(gold, pred)
        whole, total = whole + w, total + n
    result = per_type(rows, ["person", "organization", "location"])
    result["person_without_groups"] = per_type(people_rows, ["person"])["person"]
    result["kunya_whole"] = {"found_whole": whole, "gold": total}
    result["sentences"] = len(rows)
    return result


def _fine_of(row: dict[str, Any], gold: list[Span]) -> list[tuple[Span, str]]:
    """Pair each gold span with its fine class (Group marks peoples, not persons)."""
    fines = [t[2:] for t in row["tags_fine"] if t.startswith("B-")]
    coarse = [t[2:] for t in row["tags_coarse"] if t.startswith("B-")]
    kept = [f for f, c in zip(fines, coarse, strict=True) if c in FANE_TYPES]
    return list(zip(gold, kept, strict=True))


def _norm(text: str) -> str:
    return fold(person_label(text)) if text else ""


def _close(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a == b or a in b or b in a)


def _claim_object(claim: Any) -> list[str]:
    options = [claim.value]
    if claim.object is not None:
        options += [claim.object.text, claim.object.label]
    return options


# The gold labels do not separate past from present membership ("joined A, then B": both
# "affiliation"), so a former_affiliation claim is scored as an affiliation.
_SAME_PREDICATE = {"former_affiliation": "affiliation"}


def _predicate(claim: Any) -> str:
    value: str = claim.predicate.value
    return _SAME_PREDICATE.get(value, value)


def _claim_hits(gold: dict[str, str], claim: Any) -> bool:
    if gold["predicate"] != _predicate(claim):
        return False
    if gold["predicate"] == "victim_count":
        return str(gold.get("object", "")).strip() == claim.value
    subject_ok = _close(gold["subject"], claim.subject.text) or _close(
        gold["subject"], claim.subject.label
    )
    obj = str(gold.get("object", ""))
    return subject_ok and any(_close(obj, option) for option in _claim_object(claim))


def _claim_tally(golds: list[dict[str, str]], claims: list[Any]) -> tuple[Tally, int, int]:
    used: set[int] = set()
    tp = 0
    for g in golds:
        for i, c in enumerate(claims):
            if i not in used and _claim_hits(g, c):
                used.add(i)
                tp += 1
                break
    attached = right = 0
    for c in claims:
        if c.predicate.value not in ("role", "nationality"):
            continue
        same = [g for g in golds if g["predicate"] == c.predicate.value]
        if any(any(_close(str(g["object"]), o) for o in _claim_object(c)) for g in same):
            attached += 1
            right += any(_claim_hits(g, c) for g in same)
    return Tally(tp, len(claims) - len(used), len(golds) - tp), right, attached


_OWN_TYPES = {"place": "location", "org": "organization", "per": "person", "loc": "location"}
# The predicates the gold labels (bench/data/README.md); others (victim, witness, birth…) are
# not labelled in this set, so they are scored apart: "labelled" leaves them out.
LABELLED = {"role", "nationality", "affiliation", "presence", "perpetrator", "ordered"}
LABELLED |= {"victim_count", "alias", "witnessed"}


def held_out(doc_id: str) -> bool:
    """The held-out slice: paragraphs whose id's SHA-256 starts with an odd byte. Rules are
    developed looking at the other half only; both halves are reported."""
    return hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 1


@dataclass(slots=True)
class ClaimScores:
    """Claim tallies over a set of paragraphs: all predictions, labelled predicates, each one."""

    every: Tally = field(default_factory=Tally)
    labelled: Tally = field(default_factory=Tally)
    by_predicate: dict[str, Tally] = field(default_factory=dict)
    documents: int = 0

    def add(self, golds: list[dict[str, str]], claims: list[Any]) -> None:
        self.documents += 1
        self.every.add(_claim_tally(golds, claims)[0])
        mine = [c for c in claims if _predicate(c) in LABELLED]
        self.labelled.add(_claim_tally(golds, mine)[0])
        for predicate in {g["predicate"] for g in golds} | {_predicate(c) for c in claims}:
            g = [x for x in golds if x["predicate"] == predicate]
            m = [c for c in claims if _predicate(c) == predicate]
            self.by_predicate.setdefault(predicate, Tally()).add(_claim_tally(g, m)[0])

    def figures(self) -> dict[str, Any]:
        return {
            "paragraphs": self.documents,
            "all_predictions": self.every.figures(),
            "labelled_predicates": self.labelled.figures(),
            "by_predicate": {k: v.figures() for k, v in sorted(self.by_predicate.items())},
        }


def eval_own() -> dict[str, Any]:
    if not OWN.exists():
        return {"skipped": f"{OWN.relative_to(ROOT)} not found"}
    rows, per_lang = [], {}
    claims_tally, right, attached = Tally(), 0, 0
    by_predicate: dict[str, Tally] = {}
    slices: dict[str, ClaimScores] = {}
    whole = total = 0
    for doc in _read_jsonl(OWN):
        gold = [
            Span(m["start"], m["end"], _OWN_TYPES.get(m["type"], m["type"]), m["text"])
            for m in doc["mentions"]
        ]
        pred, mentions = predicted(doc["text"], doc.get("lang"))
        rows.append((gold, pred))
        per_lang.setdefault(doc.get("lang", "?"), []).append((gold, pred))
        claims = extract_claims(doc["text"], mentions)
        split = "held_out" if held_out(doc["id"]) else "development"
        for name in (split, "all"):
            slices.setdefault(name, ClaimScores()).add(doc.get("claims", []), claims)
        tally, r, a = _claim_tally(doc.get("claims", []), claims)
        claims_tally.add(tally)
        right, attached = right + r, attached + a
        for predicate in {g["predicate"] for g in doc.get("claims", [])} | {
            _predicate(c) for c in claims
        }:
            golds = [g for g in doc.get("claims", []) if g["predicate"] == predicate]
            mine = [c for c in claims if _predicate(c) == predicate]
            by_predicate.setdefault(predicate, Tally()).add(_claim_tally(golds, mine)[0])
        w, n = kunya_whole(gold, pred)
        whole, total = whole + w, total + n
    types = sorted({s.type for gold, _ in rows for s in gold})
    return {
        "documents": len(rows),
        "mentions": per_type(rows, types),
        "by_language": {
            lang: per_type(r, ["person", "organization", "location"])
            for lang, r in per_lang.items()
        },
        "claims": claims_tally.figures(),
        "claims_by_predicate": {k: v.figures() for k, v in sorted(by_predicate.items())},
        "claims_by_slice": {k: slices[k].figures() for k in sorted(slices)},
        "kunya_whole": {"found_whole": whole, "gold": total},
        "attachment": {"right_person": right, "role_or_nationality_claims_matching_gold": attached},
    }


def _table(title: str, figures: dict[str, Any]) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| type | gold | P exact | R exact | F1 exact | P overlap | R overlap | F1 overlap "
        "| notes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, f in figures.items():
        if not isinstance(f, dict) or "exact" not in f:
            continue
        e, o = f["exact"], f["overlap"]
        notes = ""
        if "named_overlap_recall" in f:
            notes = (
                f"named gold {f['named_gold']}: R {f['named_overlap_recall']}; "
                f"P(any gold) {f['precision_any_overlap']}; P(lenient) {f['precision_lenient']}"
            )
        cells = [kind, e["gold"], e["precision"], e["recall"], e["f1"]]
        cells += [o["precision"], o["recall"], o["f1"], notes]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return [*lines, ""]


def _slice_table(slices: dict[str, Any]) -> list[str]:
    """Claim precision and recall per predicate, for the development and held-out slices."""
    names = [n for n in ("development", "held_out", "all") if n in slices]
    head = " | ".join(f"{n} ({slices[n]['paragraphs']}) P / R / F1 (gold)" for n in names)
    lines = ["### Claims per predicate and slice (held out: id hashes odd)", ""]
    lines += [f"| predicate | {head} |", "|---|" + "---|" * len(names)]

    def cell(f: dict[str, Any]) -> str:
        return f"{f['precision']} / {f['recall']} / {f['f1']} ({f['gold']})"

    predicates = sorted({p for n in names for p in slices[n]["by_predicate"]})
    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 0}
    for p in predicates:
        cells = [cell(slices[n]["by_predicate"].get(p, empty)) for n in names]
        lines.append(f"| {p} | " + " | ".join(cells) + " |")
    for key in ("labelled_predicates", "all_predictions"):
        lines.append(f"| **{key}** | " + " | ".join(cell(slices[n][key]) for n in names) + " |")
    return [*lines, ""]


def _re3d_slice_table(slices: dict[str, Any]) -> list[str]:
    """Persons, organizations and places per re3d half: overlap P/R, named R, P(any gold)."""
    lines = ["### re3d per slice (held out: document id hashes odd)", ""]
    lines += [
        "| slice | type | gold | P overlap | R overlap | named gold | R named | P(any gold) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, figures in slices.items():
        for kind in ("person", "organization", "location"):
            f = figures[kind]
            cells = [f"{name} ({figures['documents']})", kind, f["overlap"]["gold"]]
            cells += [f["overlap"]["precision"], f["overlap"]["recall"], f["named_gold"]]
            cells += [f["named_overlap_recall"], f["precision_any_overlap"]]
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return [*lines, ""]


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# pursuit.nlp evaluation",
        "",
        f"Run {result['when']} in {result['seconds']} s; matching rules in bench/eval_nlp.py.",
        "",
    ]
    own = result["own"]
    if "skipped" in own:
        lines += ["### Own set", "", f"skipped: {own['skipped']}", ""]
    else:
        lines += _table(f"Own set ({own['documents']} paragraphs)", own["mentions"])
        lines += [
            f"Claims: {own['claims']}",
            "",
            f"By predicate: {own['claims_by_predicate']}",
            "",
            *_slice_table(own["claims_by_slice"]),
            f"Kunya names whole: {own['kunya_whole']}; attachment: {own['attachment']}",
            "",
        ]
    re3d = result["re3d"]
    if "skipped" not in re3d:
        lines += _table(f"re3d (English, Syria/Iraq, {re3d['documents']} documents)", re3d)
        lines += [f"Kunya names whole: {re3d['kunya_whole']}", ""]
        lines += _re3d_slice_table(re3d["slices"])
    fane = result["newsfane"]
    if "skipped" not in fane:
        lines += _table(
            f"NewsFANE held-out blocks ({fane['sentences']} sentences, never trained on)", fane
        )
        p = fane["person_without_groups"]
        lines += [
            f"Persons without the Group class (peoples): exact {p['exact']}, "
            f"overlap {p['overlap']}",
            "",
            f"Kunya names whole: {fane['kunya_whole']}",
            "",
        ]
    return "\n".join(lines)


def main() -> None:
    started = time.monotonic()
    result: dict[str, Any] = {"own": eval_own(), "re3d": eval_re3d(), "newsfane": eval_newsfane()}
    result["seconds"] = round(time.monotonic() - started, 1)
    result["when"] = time.strftime("%Y-%m-%d", time.gmtime())
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "eval_nlp.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    text = markdown(result)
    (RESULTS / "eval_nlp.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
