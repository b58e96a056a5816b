"""Full-text search across items, folding Arabic and Latin spelling variants."""

from pursuit.search.index import SearchHit, index_text, search
from pursuit.search.normalize import fold

__all__ = ["SearchHit", "fold", "index_text", "search"]
