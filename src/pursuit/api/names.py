"""Names through the API: compare pairs (as `pursuit names compare` does) and parse one name."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from pursuit.api.schemas import ComparedPairOut, CompareOut, ParsedNameOut
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


@router.post(
    "/compare",
    response_model=CompareOut,
    summary="Score name pairs, with the reasons behind each score",
)
def compare(body: CompareIn) -> CompareOut:
    return CompareOut(
        threshold=body.threshold, results=[_pair(p, body.threshold) for p in body.pairs]
    )


def _pair(pair: PairIn, threshold: float) -> ComparedPairOut:
    if not pair.name_a.strip() or not pair.name_b.strip():
        return ComparedPairOut(**pair.model_dump(), score=None, match=None, skipped="empty name")
    found = compare_names(pair.name_a[:MAX_NAME], pair.name_b[:MAX_NAME])
    return ComparedPairOut.model_validate(
        {
            **pair.model_dump(),
            "score": found.score,
            "match": found.score >= threshold,
            "reasons": found.reasons,
        }
    )


@router.get(
    "/parse",
    response_model=ParsedNameOut,
    summary="The parts of one name: kunya, ism, nasab, nisbas and origin",
)
def parse(name: str) -> ParsedNameOut:
    return ParsedNameOut.of(name, parse_name(name[:MAX_NAME]))
