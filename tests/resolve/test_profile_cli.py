"""The new user's path: ingest articles, merge spellings, and read one person everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from pursuit.cli import app

ARTICLES = {
    "a-en.txt": (
        "Deir ez-Zor, 12 June 2015. The emir Abu Hafs al-Jazrawi ordered the execution of "
        "prisoners near the bridge. Abu Hafs al-Jazrawi is a Saudi national, witnesses said.\n"
    ),
    "b-fr.txt": (
        "Selon des témoins, l'émir Abou Hafs al-Jazraoui a ordonné l'exécution des prisonniers "
        "à Deir ez-Zor. Abou Hafs al-Jazraoui était le chef de la police islamique.\n"
    ),
    "c-ar.txt": "قال الشاهد إن الأمير أبو حفص الجزراوي أمر بإعدام السجناء في دير الزور.\n",
    "d-en.txt": "Abu Hafs al-Masri, an Egyptian commander, was seen in Raqqa in 2016.\n",
}


def _cli(home: Path, *args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--home", str(home)], env={"PURSUIT_ACTOR": "ana"})


def _json(home: Path, *args: str) -> dict[str, object]:
    result = _cli(home, *args, "--json")
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("profile-path")
    files = root / "files"
    files.mkdir()
    for name, text in ARTICLES.items():
        (files / name).write_text(text, encoding="utf-8")
    ws = root / "ws"
    assert _cli(ws, "init").exit_code == 0
    assert _cli(ws, "ingest", str(files), "--case", "Deir ez-Zor").exit_code == 0
    return ws


def _people(home: Path) -> list[dict[str, object]]:
    found = _json(home, "entities", "--type", "person")["entities"]
    assert isinstance(found, list)
    return found


def _id(home: Path, name: str) -> str:
    return next(str(e["id"]) for e in _people(home) if e["name"] == name)


def test_merging_spellings_gives_one_profile_in_entities_and_dossier(home: Path) -> None:
    main = _id(home, "Abu Hafs al-Jazrawi")
    french, arabic = _id(home, "Abou Hafs al-Jazraoui"), _id(home, "أبو حفص الجزراوي")
    masri = _id(home, "Abu Hafs al-Masri")
    for other in (french, arabic):
        done = _json(home, "correct", "entity", other, "merge", main, "--reason", "same photo")
        assert done["kind"] == "judgement"
    people = _people(home)
    merged = next(e for e in people if e["id"] == min(main, french, arabic))
    assert {merged["name"], *merged["aliases"]} >= {  # type: ignore[misc]
        "Abu Hafs al-Jazrawi",
        "Abou Hafs al-Jazraoui",
        "أبو حفص الجزراوي",
    }
    assert merged["mentions"] == 5 and len(merged["items"]) == 3  # type: ignore[arg-type]
    assert "Saudi Arabia" in merged["properties"]["nationality"]  # type: ignore[index]
    assert all(e["id"] not in (main, french, arabic) or e is merged for e in people)
    # the README's own example: the dossier by a name is the whole profile
    for name in ("Abu Hafs al-Jazrawi", "أبو حفص الجزراوي", french):
        shown = _cli(home, "dossier", name, "--format", "json")
        assert shown.exit_code == 0, shown.output
        dossier = json.loads(shown.stdout)
        assert len(dossier["mentions"]) == 5  # type: ignore[arg-type]
        assert dossier["entity"]["id"] == merged["id"]  # type: ignore[index]
    # a "same" contradicting a recorded "not same": exit 1 naming it, nothing stored
    assert (
        _cli(home, "review", "judge", masri, main, "not_same", "--reason", "two men").exit_code == 0
    )
    refused = _cli(home, "correct", "entity", masri, "merge", french, "--reason", "looks alike")
    assert refused.exit_code == 1
    assert "judgement #3" in str(refused.exception) and "two men" in str(refused.exception)
    assert len(_people(home)) == len(people)
