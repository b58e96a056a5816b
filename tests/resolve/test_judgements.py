"""Judgements are append-only, the latest counts, "same" is transitive, "not same" is hard."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from pursuit.errors import InputError
from pursuit.evidence.custody import iter_events, verify_chain
from pursuit.resolve.identity import identities
from pursuit.resolve.judgements import (
    Decision,
    current_judgements,
    judgement_history,
    record_judgement,
    withdraw_judgement,
)
from pursuit.resolve.profiles import list_profiles
from pursuit.store.schema import judgements
from pursuit.store.workspace import Workspace

from .builders import add_document


def _three(ws: Workspace) -> dict[str, str]:
    return add_document(
        ws,
        "Abu Hafs al-Jazrawi met Abou Hafs al-Jazraoui and Abu Hafs al-Jazrawy in Raqqa.",
        ["Abu Hafs al-Jazrawi", "Abou Hafs al-Jazraoui", "Abu Hafs al-Jazrawy"],
    )


def test_a_new_decision_supersedes_without_overwriting(ws: Workspace) -> None:
    ids = _three(ws)
    a, b = ids["Abu Hafs al-Jazrawi"], ids["Abou Hafs al-Jazraoui"]
    with ws.write() as conn:
        record_judgement(conn, a, b, Decision.SAME, "alice", reason="same photo")
        record_judgement(conn, b, a, Decision.NOT_SAME, "bob", reason="different fathers")
    with ws.read() as conn:
        history = judgement_history(conn, a, b)
        current = current_judgements(conn)
        rows = conn.execute(sa.select(sa.func.count()).select_from(judgements)).scalar()
        events = [e for e in iter_events(conn) if e.action == "judged"]
        problems = verify_chain(iter_events(conn))
    assert rows == 2
    assert [j.decided_by for j in history] == ["bob", "alice"]
    assert current[tuple(sorted((a, b)))].decision is Decision.NOT_SAME
    assert len(events) == 2 and events[-1].actor == "bob"
    assert problems == []


def test_withdrawn_decision_stays_on_record(ws: Workspace) -> None:
    ids = _three(ws)
    a, b = ids["Abu Hafs al-Jazrawi"], ids["Abou Hafs al-Jazraoui"]
    with ws.write() as conn:
        record_judgement(conn, a, b, Decision.SAME, "alice")
        assert withdraw_judgement(conn, a, b, "alice", "clicked by mistake") == 1
    with ws.read() as conn:
        assert current_judgements(conn) == {}
        history = judgement_history(conn, a, b)
    assert len(history) == 1 and history[0].deleted_at is not None


def test_same_is_transitive_and_entities_show_one_person(ws: Workspace) -> None:
    ids = _three(ws)
    a, b, c = ids["Abu Hafs al-Jazrawi"], ids["Abou Hafs al-Jazraoui"], ids["Abu Hafs al-Jazrawy"]
    with ws.write() as conn:
        record_judgement(conn, a, b, Decision.SAME, "alice")
        record_judgement(conn, b, c, Decision.SAME, "alice")
    with ws.read() as conn:
        people = list_profiles(conn, "person")
    assert len(people) == 1
    names = {people[0].name, *people[0].aliases}
    assert names == {"Abu Hafs al-Jazrawi", "Abou Hafs al-Jazraoui", "Abu Hafs al-Jazrawy"}
    assert people[0].mention_count == 3


def test_not_same_is_never_crossed_by_chained_same(ws: Workspace) -> None:
    ids = _three(ws)
    a, b, c = ids["Abu Hafs al-Jazrawi"], ids["Abou Hafs al-Jazraoui"], ids["Abu Hafs al-Jazrawy"]
    with ws.write() as conn:
        record_judgement(conn, a, c, Decision.NOT_SAME, "carol")
        record_judgement(conn, a, b, Decision.SAME, "alice")
        record_judgement(conn, b, c, Decision.SAME, "alice")
    with ws.read() as conn:
        found = identities(conn)
        people = list_profiles(conn, "person")
    assert found.canonical.get(a) != found.canonical.get(c, c)
    assert len(found.conflicts) == 1 and found.conflicts[0].kind == "judgement"
    assert len(people) == 2


def test_bad_judgements_are_refused(ws: Workspace) -> None:
    ids = _three(ws)
    a = ids["Abu Hafs al-Jazrawi"]
    with ws.write() as conn, pytest.raises(InputError, match="itself"):
        record_judgement(conn, a, a, Decision.SAME, "alice")
    with ws.write() as conn, pytest.raises(InputError, match="unknown decision"):
        record_judgement(conn, a, "en-x", "maybe", "alice")
