"""Entity rows: what mentions point at, before any reviewer or resolution joins them.

This layer sits below corrections, stages and resolution so that each of them can create the row
a mention refers to without importing the layers above; the one profile per person is built on
these rows in `pursuit.resolve.profiles`.
"""

from pursuit.entities.rows import ensure_entity, entity_key, entity_type_of
from pursuit.nlp.model import EntityType

__all__ = ["EntityType", "ensure_entity", "entity_key", "entity_type_of"]
