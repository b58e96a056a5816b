"""Full-text search across items, folding Arabic and Latin spelling variants, and expanding a
query into the other scripts and spellings the case uses."""

from pursuit.search.expand import Expansion, expansions
from pursuit.search.index import SearchHit, SearchResult, index_text, search, search_across
from pursuit.search.normalize import fold

__all__ = [
    "Expansion",
    "SearchHit",
    "SearchResult",
    "expansions",
    "fold",
    "index_text",
    "search",
    "search_across",
]
