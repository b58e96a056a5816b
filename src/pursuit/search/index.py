"""Full-text search over items' derivatives: SQLite FTS5 or PostgreSQL's text search.

This is one of the two places where the dialects differ (the other is the write lock); both sides
index the folded text of `search/normalize.py`, so Arabic variants match on either database.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import InputError
from pursuit.search.expand import Expansion, expansions
from pursuit.search.normalize import fold, index_form
from pursuit.store.schema import derivatives, items, search_docs

__all__ = ["SearchHit", "SearchResult", "index_text", "search", "search_across"]

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    item_id: str
    filename: str
    snippet: str
    score: float
    # For a hit found only through another spelling: which form, and how it was found.
    expansion: str | None = None
    via: str | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Hits, exact ones first, and the expansions that were run to find the others."""

    hits: list[SearchHit]
    expansions: list[Expansion] = field(default_factory=list)


def index_text(conn: Connection, derivative_id: int, item_id: str, text: str) -> None:
    """Make a derivative's text searchable; older derivatives of the item stay indexed too."""
    conn.execute(search_docs.delete().where(search_docs.c.derivative_id == derivative_id))
    conn.execute(
        search_docs.insert().values(
            derivative_id=derivative_id, item_id=item_id, body=index_form(text)
        )
    )


def _terms(query: str) -> list[str]:
    terms = _WORD.findall(fold(query))
    if not terms:
        raise InputError(f"the search {query!r} has no words to look for")
    return terms


Cases = Collection[str] | None


def _sqlite(
    conn: Connection, terms: list[str], limit: int, language: str | None, cases: Cases
) -> list[SearchHit]:
    match = " ".join(f'"{t}"' for t in terms)
    in_language = (
        "AND (v.language = :lang OR instr(',' || coalesce(json_extract(v.meta, '$.languages'), "
        "'') || ',', ',' || :lang || ',') > 0) "
        if language
        else ""
    )
    in_cases = "AND i.case_id IN :cases " if cases is not None else ""
    query = sa.text(
        "SELECT d.item_id AS item_id, i.filename AS filename, "
        "snippet(search_fts, 0, '[', ']', '…', 16) AS snippet, bm25(search_fts) AS rank "
        "FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
        "JOIN items i ON i.id = d.item_id JOIN derivatives v ON v.id = d.derivative_id "
        f"WHERE search_fts MATCH :q {in_language}{in_cases}ORDER BY rank LIMIT :n"
    )
    params: dict[str, object] = {"q": match, "n": limit * 4, "lang": language}
    if cases is not None:
        query = query.bindparams(sa.bindparam("cases", expanding=True))
        params["cases"] = sorted(cases)
    rows = conn.execute(query, params)
    return [SearchHit(r.item_id, r.filename, r.snippet, -float(r.rank)) for r in rows]


def _in_language(language: str) -> sa.ColumnElement[bool]:
    """The derivative's main language is `language`, or one of its paragraphs is in it."""
    listed = sa.func.coalesce(derivatives.c.meta["languages"].as_string(), "")
    padded = sa.literal(",") + listed + sa.literal(",")
    return sa.or_(derivatives.c.language == language, padded.contains(f",{language},"))


def _postgres(
    conn: Connection, terms: list[str], limit: int, language: str | None, cases: Cases
) -> list[SearchHit]:
    # PostgreSQL's parser reads the digits after a hyphen as a signed number ("W-001" is 'w' and
    # '-001'), so a number also matches its signed form.
    words = [f"({t} | -{t})" if t.isdigit() else t for t in terms]
    tsquery = sa.func.to_tsquery("simple", " & ".join(words))
    vector = sa.func.to_tsvector("simple", search_docs.c.body)
    rank = sa.func.ts_rank(vector, tsquery).label("rank")
    headline = sa.func.ts_headline(
        "simple", search_docs.c.body, tsquery, "StartSel=[, StopSel=], MaxWords=24, MinWords=8"
    ).label("snippet")
    query = (
        sa.select(search_docs.c.item_id, items.c.filename, headline, rank)
        .join(items, items.c.id == search_docs.c.item_id)
        .join(derivatives, derivatives.c.id == search_docs.c.derivative_id)
        .where(vector.op("@@")(tsquery))
        .where(_in_language(language) if language else sa.true())
        .where(items.c.case_id.in_(sorted(cases)) if cases is not None else sa.true())
        .order_by(rank.desc())
        .limit(limit * 4)
    )
    return [SearchHit(r.item_id, r.filename, r.snippet, float(r.rank)) for r in conn.execute(query)]


def search(
    conn: Connection,
    query: str,
    limit: int = 20,
    language: str | None = None,
    case_ids: Cases = None,
) -> list[SearchHit]:
    """Items whose text holds every word of `query`, best first, one hit per item.

    `language` (ISO 639-1, e.g. "ar") keeps texts in that language or with a paragraph in it;
    `case_ids` keeps items of those cases (None: every case), so a user's search never ranks,
    quotes or counts what they may not read.
    """
    terms = _terms(query)
    if case_ids is not None and not case_ids:
        return []
    finder = _postgres if conn.dialect.name == "postgresql" else _sqlite
    hits: dict[str, SearchHit] = {}
    lang = language.lower() if language else None
    for hit in finder(conn, terms, limit, lang, case_ids):
        if hit.item_id not in hits:
            hits[hit.item_id] = hit
    return list(hits.values())[:limit]


EXPANDED_WEIGHT = (
    0.5  # an expanded hit's score is scaled down; it is listed after exact ones anyway
)


def search_across(
    conn: Connection,
    query: str,
    limit: int = 20,
    language: str | None = None,
    case_ids: Cases = None,
    *,
    expand: bool = True,
) -> SearchResult:
    """`search`, then the same search for each expansion of the query into other scripts and
    spellings (search/expand.py); expanded hits follow every exact hit and say how they were
    found."""
    exact = search(conn, query, limit, language, case_ids)
    if not expand or (case_ids is not None and not case_ids):
        return SearchResult(exact)
    tried = expansions(conn, query, case_ids)
    hits = {h.item_id: h for h in exact}
    # Scores of the two dialects are positive, higher is better: an expanded hit stays below the
    # weakest exact one whatever its own rank.
    ceiling = min((h.score for h in exact), default=float("inf"))
    used: list[Expansion] = []
    for expansion in tried:
        if len(hits) >= limit:
            break
        found = [
            h
            for h in search(conn, expansion.query, limit, language, case_ids)
            if h.item_id not in hits
        ]
        used.append(replace(expansion, found=len(found)))
        for hit in found:
            if hit.item_id not in hits:
                hits[hit.item_id] = replace(
                    hit,
                    score=min(hit.score, ceiling) * EXPANDED_WEIGHT,
                    expansion=expansion.term,
                    via=expansion.via,
                )
    return SearchResult(list(hits.values())[:limit], used)
