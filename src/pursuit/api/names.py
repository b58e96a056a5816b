"""Names through the API: compare pairs (as `pursuit names compare` does) and parse one name."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from pursuit.names import DEFAULT_THRESHOLD, compare_names, parse_name
from pursuit.names.pairs import MAX_NAME

__all__ = ["router"]

router = APIRouter(prefix="/names", tags=["names"])


class PairIn(BaseModel):
    name_a: str = Field(max_length=5000)
    name_b: str = Field(max_length=5000)


class CompareIn(BaseModel):
    pairs: list[PairIn] = Field(min_length=1, max_length=10_000)
    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0.0, le=1.0)


@router.post("/compare", summary="Score name pairs, with the reasons behind each score")
def compare(body: CompareIn) -> dict[str, Any]:
    results = []
    for pair in body.pairs:
        if not pair.name_a.strip() or not pair.name_b.strip():
            results.append(
                {**pair.model_dump(), "score": None, "match": None, "skipped": "empty name"}
            )
            continue
        found = compare_names(pair.name_a[:MAX_NAME], pair.name_b[:MAX_NAME])
        results.append(
            {
                **pair.model_dump(),
                "score": found.score,
                "match": found.score >= body.threshold,
                "reasons": list(found.reasons),
            }
        )
    return {"threshold": body.threshold, "results": results}


@router.get("/parse", summary="The parts of one name: kunya, ism, nasab, nisbas and origin")
def parse(name: str) -> dict[str, Any]:
    parsed = parse_name(name[:MAX_NAME])
    return {
        "name": name,
        "script": parsed.script,
        "kunya": parsed.kunya,
        "ism": parsed.ism,
        "nasab": list(parsed.nasab),
        "nisbas": list(parsed.nisbas),
        "nisba_origin": parsed.nisba_origin,
        "laqab": parsed.laqab,
        "family": parsed.family,
        "titles": list(parsed.titles),
        "nom_de_guerre": parsed.nom_de_guerre,
    }
