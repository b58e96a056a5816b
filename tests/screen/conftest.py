"""Screening fixtures: a FollowTheMoney list built from the development watch list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def ftm_person(record: dict[str, object]) -> dict[str, object]:
    names = list(record["names"])  # type: ignore[call-overload]
    return {
        "id": record["id"],
        "schema": "Person",
        "properties": {
            "name": names[:1],
            "alias": names[1:],
            "birthDate": record.get("birth_dates", []),
            "nationality": record.get("nationalities", []),
        },
    }


@pytest.fixture
def watchlist_ftm(shared_data: Path, tmp_path: Path) -> Path:
    """The watch list of the screening task as FtM JSON lines of Person entities."""
    source = shared_data / "sanctions-names" / "screening" / "watchlist.jsonl"
    target = tmp_path / "watchlist.ftm.jsonl"
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for line in src:
            out.write(json.dumps(ftm_person(json.loads(line)), ensure_ascii=False) + "\n")
    return target
