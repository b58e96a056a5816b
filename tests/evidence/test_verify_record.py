"""`verify` proves the whole record: each edit made behind pursuit's back is named.

Every test builds a real workspace by intake (items, derivatives, entities, a judgement, a
correction, a witness), makes one edit with plain SQL or on disk, and checks that verify names
its kind and what it touched; on SQLite and PostgreSQL where the edit applies. A few go through
`pursuit verify --json` to show the exit code an investigator sees.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from pursuit.evidence.custody import Action, iter_events
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.evidence.verify import verify_workspace
from pursuit.settings import Settings
from pursuit.store.schema import custody_events, derivatives, items, stage_runs

from .record import Record, build_record, pursuit_verify, sql

ACQUISITION_EDITS = [
    ("acquired_by", "someone-else"),
    ("acquired_at", datetime(2023, 1, 1, tzinfo=UTC)),
    ("method", "web_capture"),
    ("source_url", "https://example.org/planted"),
    ("notes", "found on the street"),
    ("filename", "renamed.txt"),
    ("mime", "application/pdf"),
    ("size", 1),
]


@pytest.fixture
def record(settings: Settings, tmp_path: Path) -> Iterator[Record]:
    built = build_record(settings, tmp_path)
    assert verify_workspace(built.ws).ok
    yield built
    built.ws.dispose()


def _found(record: Record) -> list[Problem]:
    return verify_workspace(record.ws).problems


def _facts(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(str(p.kind), p.reference) for p in problems}


def _item(record: Record) -> str:
    return record.items["statement-en.txt"]


def _derivative(record: Record, item_id: str) -> int:
    query = sa.select(derivatives.c.id).where(derivatives.c.item_id == item_id)
    with record.ws.read() as conn:
        return int(conn.execute(query.order_by(derivatives.c.id)).scalars().first() or 0)


def _drop_derivative_rows(record: Record, derivative_id: int) -> None:
    for table in ("mentions", "claims", "incidents", "search_docs"):
        sql(record.ws, f"DELETE FROM {table} WHERE derivative_id = :d", d=derivative_id)


@pytest.mark.parametrize(
    ("field", "value"), ACQUISITION_EDITS, ids=[f for f, _ in ACQUISITION_EDITS]
)
def test_each_rewritten_item_fact_is_named(record: Record, field: str, value: object) -> None:
    with record.ws.read() as conn:
        before = conn.execute(sa.select(items.c[field]).where(items.c.id == _item(record)))
        old = before.scalar_one()
        conn.rollback()
    with record.ws.engine.begin() as conn:
        conn.execute(items.update().where(items.c.id == _item(record)).values({field: value}))
    [problem] = _found(record)
    assert (problem.kind, problem.reference, problem.context) == (
        ProblemKind.ITEM_CHANGED,
        _item(record),
        field,
    )
    shown = old.isoformat() if isinstance(old, datetime) else None if old is None else str(old)
    assert problem.expected == shown and field in problem.message


def test_filename_rewrite_fails_the_cli(record: Record) -> None:
    sql(record.ws, "UPDATE items SET filename = 'harmless.txt' WHERE id = :i", i=_item(record))
    record.ws.dispose()
    code, report = pursuit_verify(record.settings)
    assert code == 1 and report["ok"] is False
    [problem] = report["problems"]
    assert (problem["kind"], problem["reference"]) == ("item_changed", _item(record))
    assert (problem["expected"], problem["actual"]) == ("statement-en.txt", "harmless.txt")


def test_hash_pointed_at_another_stored_blob_is_named(record: Record) -> None:
    other = record.ws.blobs.put_bytes(b"a different document, also stored")
    sql(
        record.ws,
        "UPDATE items SET sha256 = :s, size = :n WHERE id = :i",
        s=other.sha256,
        n=other.size,
        i=_item(record),
    )
    problems = _found(record)
    changed = {p.context for p in problems if p.kind is ProblemKind.ITEM_CHANGED}
    assert changed == {"sha256", "size"}
    assert {p.reference for p in problems} == {_item(record)}


def test_deleted_item_is_named(record: Record) -> None:
    gone = record.items["second.txt"]
    derivative = _derivative(record, gone)
    _drop_derivative_rows(record, derivative)
    for table in ("stage_runs", "derivatives", "items"):
        column = "id" if table == "items" else "item_id"
        sql(record.ws, f"DELETE FROM {table} WHERE {column} = :i", i=gone)
    facts = _facts(_found(record))
    assert (ProblemKind.ITEM_MISSING, gone) in facts
    assert (ProblemKind.DERIVATIVE_MISSING, str(derivative)) in facts


def test_forged_item_without_custody_events_is_named(record: Record) -> None:
    forged = record.ws.blobs.put_bytes(b"a confession nobody took in")
    with record.ws.read() as conn:
        row = dict(conn.execute(sa.select(items).where(items.c.id == _item(record))).one()._mapping)
        conn.rollback()
    row |= {"id": "it-forged00000000", "sha256": forged.sha256, "size": forged.size}
    with record.ws.engine.begin() as conn:
        conn.execute(items.insert().values(**row))
    problems = _found(record)
    assert _facts(problems) == {(ProblemKind.ITEM_UNLOGGED, "it-forged00000000")}
    assert "statement-en.txt" in problems[0].message


def test_derivative_text_and_hash_rewritten_together_are_named(record: Record) -> None:
    import hashlib

    derivative = _derivative(record, _item(record))
    text = "Nobody ordered anything."
    digest = hashlib.sha256(text.encode()).hexdigest()
    sql(
        record.ws,
        "UPDATE derivatives SET text = :t, text_sha256 = :h WHERE id = :d",
        t=text,
        h=digest,
        d=derivative,
    )
    [problem] = _found(record)
    assert (problem.kind, problem.reference, problem.context, problem.actual) == (
        ProblemKind.DERIVATIVE_NOT_AS_LOGGED,
        str(derivative),
        "text_sha256",
        digest,
    )


def test_deleted_derivative_is_named(record: Record) -> None:
    derivative = _derivative(record, record.items["notes.txt"])
    _drop_derivative_rows(record, derivative)
    sql(record.ws, "DELETE FROM derivatives WHERE id = :d", d=derivative)
    assert _facts(_found(record)) == {(ProblemKind.DERIVATIVE_MISSING, str(derivative))}


def test_forged_derivative_is_named(record: Record) -> None:
    with record.ws.read() as conn:
        row = dict(conn.execute(sa.select(derivatives).limit(1)).one()._mapping)
        conn.rollback()
    row.pop("id")
    with record.ws.engine.begin() as conn:
        key = conn.execute(derivatives.insert().values(**row)).inserted_primary_key
    assert key is not None
    assert _facts(_found(record)) == {(ProblemKind.DERIVATIVE_UNLOGGED, str(key[0]))}


def test_deleted_judgement_is_named_through_the_cli(record: Record) -> None:
    sql(record.ws, "DELETE FROM judgements WHERE id = :j", j=record.judgement)
    record.ws.dispose()
    code, report = pursuit_verify(record.settings)
    assert code == 1
    assert [(p["kind"], p["reference"]) for p in report["problems"]] == [
        ("judgement_missing", str(record.judgement))
    ]


def test_altered_judgement_is_named(record: Record) -> None:
    sql(record.ws, "UPDATE judgements SET decision = 'same' WHERE id = :j", j=record.judgement)
    [problem] = _found(record)
    assert (problem.kind, problem.reference, problem.context) == (
        ProblemKind.JUDGEMENT_CHANGED,
        str(record.judgement),
        "decision",
    )
    assert (problem.expected, problem.actual) == ("not_same", "same")


def test_forged_judgement_is_named(record: Record) -> None:
    sql(
        record.ws,
        "INSERT INTO judgements (entity_a, entity_b, decision, decided_by, decided_at, reason, "
        "source) VALUES ('a', 'b', 'same', 'mallory', :at, '', 'review')",
        at=datetime.now(UTC).isoformat() if record.ws.dialect == "sqlite" else datetime.now(UTC),
    )
    [problem] = _found(record)
    assert problem.kind is ProblemKind.JUDGEMENT_UNLOGGED and "a / b" in problem.message


def test_withdrawn_judgement_stays_sound(record: Record) -> None:
    from pursuit.resolve.judgements import withdraw_judgement

    with record.ws.read() as conn:
        pair = conn.execute(sa.text("SELECT entity_a, entity_b FROM judgements")).one()
        conn.rollback()
    with record.ws.write() as conn:
        withdraw_judgement(conn, pair.entity_a, pair.entity_b, "reviewer-2", "mistaken")
    assert _found(record) == []


def test_deleted_correction_is_named(record: Record) -> None:
    sql(record.ws, "DELETE FROM corrections WHERE id = :c", c=record.correction)
    [problem] = _found(record)
    with record.ws.read() as conn:
        logged = [e for e in iter_events(conn) if e.action == Action.CORRECTED]
    assert (problem.kind, problem.reference) == (ProblemKind.CORRECTION_MISSING, str(logged[0].seq))


def test_altered_correction_is_named(record: Record) -> None:
    sql(
        record.ws,
        "UPDATE corrections SET value = 'Someone Else' WHERE id = :c",
        c=record.correction,
    )
    [problem] = _found(record)
    assert (problem.kind, problem.reference, problem.context) == (
        ProblemKind.CORRECTION_CHANGED,
        str(record.correction),
        "value",
    )
    assert (problem.expected, problem.actual) == ("Abu Hafs", "Someone Else")


def test_forged_correction_is_named(record: Record) -> None:
    with record.ws.read() as conn:
        row = dict(conn.execute(sa.text("SELECT * FROM corrections")).one()._mapping)
        conn.rollback()
    row.pop("id")
    row |= {"value": "Planted Name", "start": 0, "end": 5}
    columns = ", ".join(f'"{c}"' for c in row)
    values = ", ".join(f":{c}" for c in row)
    sql(record.ws, f"INSERT INTO corrections ({columns}) VALUES ({values})", **row)
    [problem] = _found(record)
    assert (problem.kind, problem.reference) == (ProblemKind.CORRECTION_UNLOGGED, "2")


def test_deleted_and_forged_witnesses_are_named(record: Record) -> None:
    with record.ws.read() as conn:
        row = dict(conn.execute(sa.text("SELECT * FROM witnesses")).one()._mapping)
        conn.rollback()
    row.pop("id")
    row["pseudonym"] = "W-099"
    columns = ", ".join(row)
    sql(
        record.ws,
        f"INSERT INTO witnesses ({columns}) VALUES ({', '.join(':' + c for c in row)})",
        **row,
    )
    sql(record.ws, "DELETE FROM witnesses WHERE pseudonym = :p", p=record.pseudonym)
    assert _facts(_found(record)) == {
        (ProblemKind.WITNESS_MISSING, record.pseudonym),
        (ProblemKind.WITNESS_UNLOGGED, "W-099"),
    }


def test_edited_event_is_blamed_not_the_row(record: Record) -> None:
    """An event edited in place is named by the chain; it vouches for nothing, blames nothing."""
    with record.ws.read() as conn:
        seq = next(e.seq for e in iter_events(conn) if e.action == Action.ACQUIRED)
    with record.ws.engine.begin() as conn:
        conn.execute(
            custody_events.update()
            .where(custody_events.c.seq == seq)
            .values(details='{"filename":"other.txt"}')
        )
    assert _facts(_found(record)) == {(ProblemKind.EVENT_CHANGED, str(seq))}


def test_partial_file_is_a_warning(record: Record) -> None:
    leftover = record.ws.blobs.root / ".incoming-abc123"
    leftover.write_bytes(b"half a file")
    report = verify_workspace(record.ws)
    assert report.ok
    [warning] = report.warnings
    assert (warning.kind, warning.reference, warning.actual) == (
        ProblemKind.PARTIAL_FILE,
        ".incoming-abc123",
        "11",
    )


def test_interrupted_stage_is_a_warning(record: Record) -> None:
    item = record.items["notes.txt"]
    with record.ws.engine.begin() as conn:
        conn.execute(
            stage_runs.insert().values(
                item_id=item,
                stage="nlp",
                status="running",
                started_at=datetime.now(UTC),
                host=socket.gethostname(),
                pid=4_000_000,
            )
        )
    record.ws.dispose()
    code, report = pursuit_verify(record.settings)
    assert code == 0 and report["ok"] is True
    [warning] = report["warnings"]
    assert (warning["kind"], warning["reference"]) == ("stage_unfinished", item)
    assert "nlp stage" in warning["message"] and "pursuit reprocess" in warning["message"]


def test_read_only_flag_appends_nothing(record: Record) -> None:
    with record.ws.read() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(custody_events)).scalar_one()
    record.ws.dispose()
    code, report = pursuit_verify(record.settings, "--read-only")
    assert (code, report["ok"], report["recorded"], report["read_only"]) == (0, True, False, True)
    assert [w["kind"] for w in report["warnings"]] == ["not_recorded"]
    with record.ws.read() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(custody_events)).scalar_one()
    assert after == before
