"""Splink resolution proposes the demo's spellings as one man, never the other Abu Hafs, and no
automatic run undoes a reviewer's "not same"."""

from __future__ import annotations

import pytest

from pursuit.resolve.backends import Backend
from pursuit.resolve.judgements import Decision, record_judgement
from pursuit.resolve.resolution import ResolveOptions, resolve_persons
from pursuit.resolve.review import review_queue
from pursuit.store.workspace import Workspace

from .builders import add_document

JAZRAWI = "Abu Hafs al-Jazrawi"
FRENCH = "Abou Hafs al-Jazraoui"
ARABIC = "أبو حفص الجزراوي"
MASRI = "Abu Hafs al-Masri"


def _demo(ws: Workspace) -> dict[str, str]:
    ids = add_document(
        ws,
        f"A defector said that {JAZRAWI} commanded the checkpoint near Raqqa; "
        f"{MASRI} was seen in Mosul the same week.",
        [JAZRAWI, MASRI],
        "testimony-01.txt",
    )
    ids |= add_document(
        ws, f"Selon un témoin, {FRENCH} dirigeait les exécutions sur la place.", [FRENCH], "fr.txt"
    )
    ids |= add_document(ws, f"وقال الشاهد إن {ARABIC} كان أميرا في الرقة.", [ARABIC], "ar.txt")
    return ids


def _cluster_of(clusters: list[list[str]], entity_id: str) -> set[str]:
    return next((set(c) for c in clusters if entity_id in c), {entity_id})


def test_duckdb_clusters_the_spellings_but_not_al_masri(ws: Workspace) -> None:
    ids = _demo(ws)
    run = resolve_persons(ws)
    together = _cluster_of(run.clusters, ids[JAZRAWI])
    assert together == {ids[JAZRAWI], ids[FRENCH], ids[ARABIC]}
    assert ids[MASRI] not in together
    with ws.read() as conn:
        pending = review_queue(conn)
    proposed = {p for e in pending for p in e.proposal.pair}
    assert ids[MASRI] not in proposed
    assert all(e.proposal.reasons for e in pending)


def test_not_same_survives_every_automatic_run(ws: Workspace) -> None:
    ids = _demo(ws)
    with ws.write() as conn:
        record_judgement(conn, ids[JAZRAWI], ids[FRENCH], Decision.NOT_SAME, "alice")
    for options in (ResolveOptions(), ResolveOptions(incremental=False)):
        run = resolve_persons(ws, options)
        assert ids[FRENCH] not in _cluster_of(run.clusters, ids[JAZRAWI])
    with ws.read() as conn:
        pairs = {e.proposal.pair for e in review_queue(conn)}
    assert tuple(sorted((ids[JAZRAWI], ids[FRENCH]))) not in pairs


def test_incremental_run_compares_only_new_entities(ws: Workspace) -> None:
    ids = _demo(ws)
    first = resolve_persons(ws)
    assert first.incremental is False and first.new_count == 4
    later = add_document(
        ws, "Abu Hafs al-Jazrawi's deputy, Abu Hafs el-Masri.", ["Abu Hafs el-Masri"]
    )
    run = resolve_persons(ws)
    assert run.incremental is True and run.new_count == 1
    assert _cluster_of(run.clusters, later["Abu Hafs el-Masri"]) == {
        later["Abu Hafs el-Masri"],
        ids[MASRI],
    }
    assert _cluster_of(run.clusters, ids[JAZRAWI]) == {ids[JAZRAWI], ids[FRENCH], ids[ARABIC]}


def test_auto_apply_refuses_thresholds_below_certainty(ws: Workspace) -> None:
    from pursuit.errors import InputError

    with pytest.raises(InputError, match="0.99"):
        resolve_persons(ws, ResolveOptions(auto_apply_at=0.9))


@pytest.mark.slow
def test_spark_backend_gives_the_same_clusters(sqlite_settings: object) -> None:
    pytest.importorskip("pyspark")
    from pursuit.store.workspace import create_workspace

    ws = create_workspace(sqlite_settings)  # type: ignore[arg-type]
    ids = _demo(ws)
    run = resolve_persons(ws, ResolveOptions(backend=Backend.SPARK))
    assert _cluster_of(run.clusters, ids[JAZRAWI]) == {ids[JAZRAWI], ids[FRENCH], ids[ARABIC]}
    assert ids[MASRI] not in _cluster_of(run.clusters, ids[JAZRAWI])
    ws.dispose()
