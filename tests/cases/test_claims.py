"""Claims as the prosecutor asks for them: who says so, how many independent origins, how
reliable, and what contradicts it — on real texts taken in through intake."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from pursuit.cases.claims import (
    CaseClaim,
    NewClaim,
    add_claim,
    claims_section,
    contradictions,
    grade_claim,
    grade_history,
    list_claims,
    origins,
    reject_claim,
    resolve_contradiction,
)
from pursuit.errors import InputError, UnknownClaim, UnknownEntity
from pursuit.resolve.profiles import get_profile
from pursuit.stages.reprocess import reprocess
from pursuit.stages.runs import Stage
from pursuit.store.schema import custody_events, manual_claims, source_grades
from pursuit.store.workspace import Workspace
from tests.cases.claims_corpus import EMIR, Corpus, build, ingest_one


@pytest.fixture
def corpus(ws: Workspace, tmp_path: Path) -> Corpus:
    return build(ws, tmp_path / "in")


def _claims(ws: Workspace, predicate: str | None = None) -> list[CaseClaim]:
    with ws.read() as conn:
        return list_claims(conn, EMIR, predicate)


def _one(ws: Workspace, predicate: str, value: str, time: str | None = None) -> CaseClaim:
    found = [c for c in _claims(ws, predicate) if c.value == value and c.time == time]
    assert len(found) == 1, [(c.value, c.time) for c in _claims(ws, predicate)]
    return found[0]


def test_a_role_confirmed_by_three_independent_origins(ws: Workspace, corpus: Corpus) -> None:
    emir = _one(ws, "role", "emir")
    assert emir.items == sorted(corpus.ids.values())
    groups = {o.items: o.reasons for o in emir.origins}
    agency = tuple(sorted([corpus["daily-one.txt"], corpus["evening-post.txt"]]))
    witness = tuple(sorted([corpus["w07-first.txt"], corpus["w07-second.txt"]]))
    assert groups == {
        agency: ("near-duplicate text", "one agency's story"),
        witness: ("one witness",),
        (corpus["monitor.txt"],): ("single item",),
    }
    assert emir.corroboration == 3
    assert emir.grade is not None
    assert (emir.grade.reliability, emir.grade.credibility) == ("F", "2")
    quotes = {s.item_id: s.quote for s in emir.statements}
    assert quotes[corpus["w07-second.txt"]].startswith("Abu Hafs al-Jazrawi, the emir, gave")
    # one agency story in two outlets is one origin, and says "possibly true" alone
    ordered = _one(ws, "ordered", "execution", "2015-03")
    assert ordered.corroboration == 1 and ordered.grade is not None
    assert ordered.grade.credibility == "3" and ordered.place == "Raqqa"


def test_a_republication_without_credit_is_one_origin(ws: Workspace, tmp_path: Path) -> None:
    text = (
        "Abu Hafs al-Jazrawi, the emir of the Islamic State in Raqqa, ordered the execution of "
        "eleven prisoners in March 2015, residents told reporters. The prisoners had been held for "
        "weeks in the municipal stadium before they were taken to the square."
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Breaking: " + text + " More follows.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "A defector said the emir Abu Hafs al-Jazrawi signed the orders himself.", encoding="utf-8"
    )
    a = ingest_one(ws, tmp_path / "a.txt", "https://one.example/a")
    b = ingest_one(ws, tmp_path / "b.txt", "https://two.example/b")
    c = ingest_one(ws, tmp_path / "c.txt", "https://three.example/c")
    with ws.read() as conn:
        found = origins(conn, [a, b, c])
    assert [(o.items, o.reasons) for o in found] == sorted(
        [(tuple(sorted([a, b])), ("near-duplicate text",)), ((c,), ("single item",))]
    )


def test_contradictions_listed_with_both_sides_and_resolvable(
    ws: Workspace, corpus: Corpus
) -> None:
    with ws.read() as conn:
        found = {c.predicate: c for c in contradictions(conn, get_profile(conn, EMIR))}
    birth = found["birth"]
    agency = (corpus["daily-one.txt"], corpus["evening-post.txt"])
    assert [(s.value, s.items) for s in birth.values] == [
        ("1985", tuple(sorted(agency))),
        ("1987", (corpus["monitor.txt"],)),
    ]
    places = found["presence"]
    assert [(s.value, s.items) for s in places.values] == [
        ("Mosul", (corpus["w07-first.txt"],)),
        ("Raqqa", (corpus["monitor.txt"],)),
    ]
    assert "2015-06-12" in places.why and "km apart" in places.why
    assert _one(ws, "birth", "1987").grade.credibility == "6"  # type: ignore[union-attr]
    with ws.write() as conn:
        with pytest.raises(InputError):
            resolve_contradiction(conn, EMIR, birth.id, "register", "analyst-1", holds="1990")
        done = resolve_contradiction(
            conn, EMIR, birth.id, "the civil register says 1985", "analyst-1", holds="1985"
        )
    assert done.resolved and done.resolution is not None
    assert done.resolution.holds == "1985" and done.resolution.made_by == "analyst-1"
    assert _one(ws, "birth", "1987").grade.credibility == "5"  # type: ignore[union-attr]
    assert _one(ws, "birth", "1985").grade.credibility == "3"  # type: ignore[union-attr]
    with ws.read() as conn:
        section = claims_section(conn, get_profile(conn, EMIR))
    listed = {c["predicate"]: c for c in section["contradictions"]}  # type: ignore[union-attr]
    assert listed["birth"]["resolved"] is True and listed["presence"]["resolved"] is False
    assert {"date": "2015-06-12", "text": "presence: Mosul"}.items() <= next(
        e
        for e in section["timeline"]
        if e["text"] == "presence: Mosul"  # type: ignore[union-attr]
    ).items()


def test_grades_set_with_a_reason_and_kept_as_history(ws: Workspace, corpus: Corpus) -> None:
    emir = _one(ws, "role", "emir")
    with ws.write() as conn:
        grade_claim(conn, emir.id, "checked against the court file", "analyst-1", credibility="1")
        grade_claim(
            conn,
            emir.id,
            "a long record",
            "analyst-1",
            reliability="B",
            source="outlet:monitor.example",
        )
        grade_claim(conn, emir.id, "second look", "analyst-2", credibility="2")
    graded = _one(ws, "role", "emir").grade
    assert graded is not None
    assert (graded.reliability, graded.credibility, graded.credibility_set) == ("B", "2", True)
    with ws.read() as conn:
        history = grade_history(conn, emir.case_id, emir.id)
        events = conn.scalar(sa.select(sa.func.count()).where(custody_events.c.action == "graded"))
    assert [(h.grade, h.reason, h.made_by) for h in history] == [
        ("1", "checked against the court file", "analyst-1"),
        ("2", "second look", "analyst-2"),
    ]
    assert events == 3
    with ws.write() as conn:
        for bad in ({"credibility": "7"}, {"reliability": "G"}, {"credibility": "1", "reason": ""}):
            reason = str(bad.pop("reason", "because"))
            with pytest.raises(InputError):
                grade_claim(conn, emir.id, reason, "analyst-1", **bad)  # type: ignore[arg-type]
        with pytest.raises(InputError):  # several sources: which one must be said
            grade_claim(conn, emir.id, "why", "analyst-1", reliability="A")
        with pytest.raises(UnknownClaim):
            grade_claim(conn, "cl-nope", "why", "analyst-1", credibility="2")
    with ws.read() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(source_grades)) == 1
        assert len(grade_history(conn, emir.case_id, emir.id)) == 2


def _manual_rows(ws: Workspace) -> int:
    with ws.read() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(manual_claims)) or 0)


def test_a_manual_claim_and_bad_ones_refused(ws: Workspace, corpus: Corpus) -> None:
    item = corpus["monitor.txt"]
    new = NewClaim(
        EMIR,
        "role",
        "judge",
        item,
        "the records name his court",
        quote="presided over a sharia court",
    )
    with ws.write() as conn:
        made = add_claim(conn, new, "analyst-1")
    assert made.predicate == "role" and made.items == [item] and made.corroboration == 1
    assert made.statements[0].quote == "presided over a sharia court"
    assert made.statements[0].extractor == "analyst:analyst-1"
    bad = [
        (NewClaim(EMIR, "favourite_colour", "red", item, "x", quote="court"), InputError),
        (NewClaim(EMIR, "birth", "2030", item, "x", quote="court"), InputError),
        (NewClaim(EMIR, "birth", "sometime", item, "x", quote="court"), InputError),
        (NewClaim(EMIR, "role", "judge", item, "x", quote="not in the text"), InputError),
        (NewClaim(EMIR, "role", "judge", item, "", quote="court"), InputError),
        (NewClaim("Nobody Known", "role", "judge", item, "x", quote="court"), UnknownEntity),
        (NewClaim(EMIR, "presence", "Raqqa", item, "x", quote="court", time="2099"), InputError),
    ]
    with ws.write() as conn:
        add_claim(conn, NewClaim(EMIR, "death", "2017", item, "obituary", quote="court"), "a-1")
    before = _manual_rows(ws)
    with ws.write() as conn:
        for claim, error in bad:
            with pytest.raises(error):
                add_claim(conn, claim, "analyst-1")
        with pytest.raises(InputError, match="died before born"):  # born after the 2017 death
            add_claim(conn, NewClaim(EMIR, "birth", "2019", item, "x", quote="court"), "a-1")
    assert _manual_rows(ws) == before


def test_a_rejected_claim_stays_rejected_after_reextraction(ws: Workspace, corpus: Corpus) -> None:
    wrong = _one(ws, "birth", "1987")
    with ws.write() as conn:
        with pytest.raises(InputError):
            reject_claim(conn, wrong.id, "  ", "analyst-1")
        assert reject_claim(conn, wrong.id, "misread register", "analyst-1") == 1
    assert [c.value for c in _claims(ws, "birth")] == ["1985"]
    assert list(reprocess(ws, Stage.NLP))[0].ok
    assert [c.value for c in _claims(ws, "birth")] == ["1985"]
    with ws.read() as conn:
        everything = list_claims(conn, EMIR, "birth", include_rejected=True)
        left = {c.predicate for c in contradictions(conn, get_profile(conn, EMIR))}
    rejected = next(c for c in everything if c.value == "1987")
    assert rejected.rejected and rejected.statements[0].reason == "misread register"
    assert left == {"presence"}
