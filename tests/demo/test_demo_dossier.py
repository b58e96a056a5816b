"""Done when, for the dossier: the demo's main suspect has a dossier as JSON, HTML and PDF with
his spellings in both scripts and their sources, claims quoting their items with hashes, a
timeline, a map and a link graph; an incident has its own; the protected witness appears only
as his pseudonym: his statement is cited, his name, alias and contact never shown.

A reviewer first merges the Arabic-script profile of the suspect into the Latin one, as an
analyst would in review, on a copy of the demo so other tests see the demo as built.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pursuit.demo.build import DemoSummary
from pursuit.evidence.custody import iter_events
from pursuit.resolve.decisions import merge_entities
from pursuit.resolve.profiles import get_profile
from pursuit.settings import Settings
from pursuit.store.workspace import open_workspace
from tests.cli_runner import run

SUSPECT = "Abu Hafs al-Jazrawi"
SUSPECT_ARABIC = "أبو حفص الجزراوي"
WITNESS_IDENTITY = ("Karim Nasser al-Hamwi", "Karim al-Hamwi", "Abu Nasser", "+33 6 12 34 56 78")
STATEMENT = "19_statement_protected_witness_2019-01-14.txt"  # testimony of witness W-012
HEX64 = re.compile(r"^[0-9a-f]{64}$")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def merged(
    demo_built: tuple[Settings, DemoSummary], tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """A copy of the demo where a reviewer judged the Arabic-script profile the same man."""
    source = demo_built[0]
    home = tmp_path_factory.mktemp("dossier") / "demo"
    shutil.copytree(source.home, home)
    settings = source.model_copy(update={"home": home})
    ws = open_workspace(settings)
    try:
        with ws.write() as conn:
            latin = get_profile(conn, SUSPECT)
            arabic = get_profile(conn, SUSPECT_ARABIC)
            merge_entities(conn, arabic.id, latin.id, "reviewer", "same emir, Arabic script")
    finally:
        ws.dispose()
    return settings


def _env(settings: Settings) -> dict[str, str]:
    return {
        "PURSUIT_HOME": str(settings.home),
        "PURSUIT_VAULT_KEY_FILE": str(settings.vault_key_file),
        "PURSUIT_ACTOR": "lina",
    }


@pytest.fixture(scope="module")
def exported(merged: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The suspect's dossier written by `pursuit dossier` in each format."""
    out = tmp_path_factory.mktemp("exported")
    files = {}
    for fmt in ("json", "html", "pdf"):
        files[fmt] = out / f"dossier.{fmt}"
        done = run(_env(merged), "dossier", SUSPECT, "--format", fmt, "-o", str(files[fmt]))
        assert done.exit_code == 0, done.output
    return files


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return BIDI_CONTROLS.sub("", done.stdout.decode("utf-8"))


def test_the_json_dossier_cites_every_claim_with_quote_file_and_hash(
    exported: dict[str, Path],
) -> None:
    body = json.loads(exported["json"].read_text(encoding="utf-8"))
    hashes = {m["item_id"]: m["sha256"] for m in body["manifest"]}
    assert body["kind"] == "person" and body["entity"]["name"] == SUSPECT
    arabic = next(a for a in body["aliases"] if a["name"] == SUSPECT_ARABIC)
    assert arabic["script"] == "Arabic" and arabic["sources"]
    assert all(s["sha256"] == hashes[s["item_id"]] for s in arabic["sources"])
    assert body["role"]["role"] == "suspect"
    islamic_state = next(
        c
        for c in body["claims"]
        if (c["predicate"], c["value"]) == ("affiliation", "Islamic State")
    )
    assert islamic_state["corroboration"] == 2 and islamic_state["grade"]["reliability"]
    for claim in body["claims"]:
        assert claim["citations"], claim["id"]
        for cite in claim["citations"]:
            assert cite["quote"].strip() and cite["filename"]
            assert HEX64.match(cite["sha256"]) and cite["sha256"] == hashes[cite["item_id"]]
    assert any("Daesh" in c["quote"] for c in islamic_state["citations"])  # the words, not a label
    assert {"2013", "2015-03-03"} <= {t["date"] for t in body["timeline"]}


def test_the_json_dossier_has_places_links_and_custody(
    exported: dict[str, Path], merged: Settings
) -> None:
    body = json.loads(exported["json"].read_text(encoding="utf-8"))
    mayadin = next(p for p in body["places"] if p["name"] == "Mayadin")
    assert abs(mayadin["lat"] - 35.02) < 0.1 and abs(mayadin["lon"] - 40.45) < 0.1
    assert mayadin["links"][0]["kind"] == "presence"
    graph = body["graph"]
    subject = [n for n in graph["nodes"] if n["subject"]]
    assert [n["id"] for n in subject] == [body["entity"]["id"]]
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    linked = {(e["label"], labels[e["target"]]) for e in graph["edges"]}
    assert {("affiliation", "Islamic State"), ("affiliation", "Jabhat al-Nusra")} <= linked
    assert any(e["label"] == "ordered" and e["target"].startswith("ic-") for e in graph["edges"])
    assert all(e["items"] for e in graph["edges"])
    ws = open_workspace(merged)
    try:
        with ws.read() as conn:
            for entry in body["manifest"]:
                logged = {e.seq: e.hash for e in iter_events(conn, entry["item_id"])}
                assert {"acquired", "ingested"} <= {c["action"] for c in entry["custody"]}
                assert all(logged[c["seq"]] == c["hash"] for c in entry["custody"])
                assert entry["method"] and entry["acquired_by"]
    finally:
        ws.dispose()


def test_the_html_dossier_draws_the_map_and_the_graph(exported: dict[str, Path]) -> None:
    html = exported["html"].read_text(encoding="utf-8")
    drawn_map = html[
        html.index('<svg class="map"') : html.index("</svg>", html.index('<svg class="map"'))
    ]
    assert "Mayadin" in drawn_map and "<path" in drawn_map and "Syria" in drawn_map
    start = html.index('<svg class="graph"')
    drawn_graph = html[start : html.index("</svg>", start)]
    assert SUSPECT in drawn_graph and "Islamic State" in drawn_graph
    assert SUSPECT_ARABIC in html
    # the pages' CSP admits no script and no inline style attribute
    assert "<script" not in html and " style=" not in html
    assert "<header>" not in html  # standalone: no navigation


def test_the_pdf_reads_the_arabic_name_in_logical_order(exported: dict[str, Path]) -> None:
    data = exported["pdf"].read_bytes()
    assert data.startswith(b"%PDF-")
    text = _pdf_text(exported["pdf"])
    assert SUSPECT in text
    assert SUSPECT_ARABIC in text  # first word first: logical order, not reversed glyphs
    assert "Evidence manifest" in text and "Mayadin" in text


def test_the_protected_witness_is_only_a_pseudonym_in_every_format(
    exported: dict[str, Path],
) -> None:
    texts = {
        "json": exported["json"].read_text(encoding="utf-8"),
        "html": exported["html"].read_text(encoding="utf-8"),
        "pdf": _pdf_text(exported["pdf"]),
    }
    for fmt, text in texts.items():
        for secret in WITNESS_IDENTITY:
            assert secret not in text, (fmt, secret)
    body = json.loads(texts["json"])
    statement = next(m for m in body["manifest"] if m["filename"] == STATEMENT)
    quoted = [m for m in body["mentions"] if m["item_id"] == statement["item_id"]]
    assert quoted, "the protected statement is cited, through its pseudonymised text"
    assert all(STATEMENT in text for text in texts.values())


def test_an_incident_has_its_own_dossier(merged: Settings, tmp_path: Path) -> None:
    listed = json.loads(run(_env(merged), "incidents", "--json").stdout)
    chosen = next(i for i in listed["incidents"] if i["elements"] and i["coordinates"])
    out = tmp_path / "incident.json"
    done = run(_env(merged), "dossier", chosen["id"], "--format", "json", "-o", str(out))
    assert done.exit_code == 0, done.output
    body = json.loads(out.read_text(encoding="utf-8"))
    assert body["kind"] == "incident" and body["entity"]["id"] == chosen["id"]
    assert [e["status"] for e in body["incident"]["elements"]] == [
        e["status"] for e in chosen["elements"]
    ]
    assert body["incidents"][0]["id"] == chosen["id"]
    assert {m["item_id"] for m in body["manifest"]} >= set(chosen["items"])
    assert [p["name"] for p in body["places"] if p["lat"] is not None] == [chosen["place"]]
    assert [n["id"] for n in body["graph"]["nodes"] if n["subject"]] == [chosen["id"]]
    assert body["timeline"][0]["incident"] == chosen["id"]
    page = run(_env(merged), "dossier", chosen["id"], "--format", "html")
    assert '<svg class="map"' in page.stdout and chosen["place"] in page.stdout


def test_unknown_subjects_fail_with_a_clear_message(merged: Settings) -> None:
    nobody = run(_env(merged), "dossier", "Nobody al-Unknown", "--format", "json")
    assert (
        nobody.exit_code == 1 and "no entity with id or name 'Nobody al-Unknown'" in nobody.output
    )
    no_incident = run(_env(merged), "dossier", "ic-0000000000000000", "--format", "pdf", "-o", "-")
    assert no_incident.exit_code == 1 and "no incident with id" in no_incident.output
