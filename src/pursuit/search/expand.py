"""Expanding a search across scripts and spellings: دير الزور finds "Deir ez-Zor", "Jazrawy"
finds "Jazrawi".

Full-text search matches the words it is given, folded for accents and Arabic letter forms, but
a place or a name written in another script, or transliterated another way, shares no word with
the query. Three sources give the other forms, each named in the result so a reader knows why an
item was found:

- `gazetteer`: a place in the query is replaced by the gazetteer's other names for it (Arabic and
  Latin spellings of one GeoNames or pursuit place);
- `spelling`: a query word is replaced by a word the case's own mentions use whose folded name
  form is the same (the names module folds "Jazrawy" and "Jazrawi", "Abou" and "Abu" together);
- `transliteration`: an Arabic query word is replaced by Latin words of the mentions that are
  among its ranked romanizations, and a Latin word by the Arabic mention words that romanize to
  it.

Only words the workspace's mentions actually use are proposed (never every romanization the
model can think of), so expansions stay few and each one can find something. Expanded hits rank
below every exact hit.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.names.fold import has_arabic, latin_tokens
from pursuit.names.transliterate import arabic_token_options
from pursuit.nlp.places import PlaceRecord, find_places, places
from pursuit.search.normalize import fold
from pursuit.store.schema import items, mentions

__all__ = ["Expansion", "expansions"]

MOST = 12  # expansions per query: enough for the spellings of a name and a place
_NAME_TYPES = ("person", "organization", "location")


@dataclass(frozen=True, slots=True)
class Expansion:
    """An alternative query: `query` was run in place of the user's, standing for `replaces`."""

    query: str
    via: str  # "gazetteer", "spelling" or "transliteration"
    replaces: str
    term: str  # the other form used
    found: int = 0  # items it found that the exact search had not


@cache
def _places_by_id() -> dict[tuple[str, str], PlaceRecord]:
    """(id, label) -> record: two rows may carry one GeoNames id (ours beside GeoNames's own)."""
    found: dict[tuple[str, str], PlaceRecord] = {}
    for place in places():
        found.setdefault((place.ident, place.label), place)
    return found


def _gazetteer(query: str) -> list[Expansion]:
    """Other names of the places the query names (Latin names are matched capitalised too)."""
    found: list[Expansion] = []
    for text in dict.fromkeys([query, query.title()]):
        for hit in find_places(text):
            ident = dict(hit.entry.attributes).get("place_id", "")
            record = _places_by_id().get((ident, hit.entry.label))
            if record is None:
                continue
            said = text[hit.start : hit.end]
            others = [n for n in record.names if fold(n) != fold(said)]
            # Other scripts first: they are what the query cannot reach by folding.
            others.sort(key=lambda n: has_arabic(n) == has_arabic(said))
            for name in others:
                alternative = query[: hit.start] + name + query[hit.end :]
                found.append(Expansion(alternative, "gazetteer", said, name))
        if found:
            break
    return found


def _mention_words(conn: Connection, case_ids: Collection[str] | None) -> set[str]:
    """Every word the case's names are written with, as the sources write it."""
    query = (
        sa.select(mentions.c.text)
        .distinct()
        .join(items, items.c.id == mentions.c.item_id)
        .where(mentions.c.type.in_(_NAME_TYPES))
    )
    if case_ids is not None:
        query = query.where(items.c.case_id.in_(sorted(case_ids)))
    words: set[str] = set()
    for text in conn.scalars(query):
        words.update(w.strip(".,;:()[]\"'«»“”") for w in str(text).split())
    return {w for w in words if len(w) >= 3}


def _key(word: str) -> frozenset[str]:
    """The folded name forms a word can stand for, in Latin letters."""
    if has_arabic(word):
        options = arabic_token_options(word)
        return frozenset().union(*options) if options else frozenset()
    tokens = latin_tokens(word)
    return frozenset(tokens[-1:]) if tokens else frozenset()


def _same_name(word: str, vocabulary: Iterable[str]) -> list[tuple[str, str]]:
    """(other word, via) for the vocabulary words that write the same name as `word`."""
    mine = _key(word)
    if not mine:
        return []
    found: list[tuple[str, str]] = []
    for other in sorted(vocabulary):
        if fold(other) == fold(word) or not (mine & _key(other)):
            continue
        cross = has_arabic(other) != has_arabic(word)
        found.append((other, "transliteration" if cross else "spelling"))
    return found


def expansions(conn: Connection, query: str, case_ids: Collection[str] | None) -> list[Expansion]:
    """The alternative queries for `query`, gazetteer places first, at most `MOST`."""
    found = _gazetteer(query)
    words = query.split()
    if len(words) <= 4:
        vocabulary = _mention_words(conn, case_ids)
        for position, word in enumerate(words):
            for other, via in _same_name(word, vocabulary):
                alternative = " ".join([*words[:position], other, *words[position + 1 :]])
                found.append(Expansion(alternative, via, word, other))
    unique: dict[str, Expansion] = {}
    for expansion in found:
        if fold(expansion.query) != fold(query):
            unique.setdefault(fold(expansion.query), expansion)
    return list(unique.values())[:MOST]
