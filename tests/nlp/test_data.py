"""The shipped data: gazetteer in step with its sources, Arabic model small and licensed."""

from __future__ import annotations

from pathlib import Path

from pursuit.nlp import gazetteer_build
from pursuit.nlp.places import place_index, places
from pursuit.nlp.statistical import ARABIC_MODEL

NLP = Path(gazetteer_build.__file__).parent


def test_gazetteer_file_matches_a_fresh_build() -> None:
    rows = gazetteer_build.build()
    shipped = (NLP / "data" / "places.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert [line.split("\t")[0] for line in shipped] == [p.ident for p in rows]


def test_camps_and_villages_are_in_the_gazetteer() -> None:
    labels = {p.label: p for p in places()}
    for name in ("al-Hol camp", "Roj camp", "Baghuz", "Kocho", "Hajin"):
        assert name in labels
    hits = place_index().find("Women were held in al-Hol and later in مخيم روج.")
    assert [h.entry.label for h in hits] == ["al-Hol camp", "Roj camp"]


def test_arabic_model_is_small_and_states_its_licence() -> None:
    size = sum(f.stat().st_size for f in ARABIC_MODEL.rglob("*") if f.is_file())
    assert size < 20 * 1024 * 1024
    readme = (ARABIC_MODEL.parent / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in readme and "NewsFANE" in readme
