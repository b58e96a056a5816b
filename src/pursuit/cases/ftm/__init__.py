"""FollowTheMoney out and in: the case's persons, organizations, places, documents, incidents
and their links as FtM JSON lines that Aleph, OpenAleph and yente load, and FtM entities taken
in from such lines, checked line by line and stored all or nothing.

The mapping is written down in docs/exchange.md; the modules hold one part each: `entity`
(building one entity), `things` (profiles), `documents` (items), `events` (incidents),
`export`, `validate` and `load`.
"""

from __future__ import annotations

from pursuit.cases.ftm.export import FtmExport, around, export_entities, export_ftm, references
from pursuit.cases.ftm.load import ImportedEntity, ImportResult, import_ftm, imported_entities
from pursuit.cases.ftm.validate import ReadEntity, read_lines

__all__ = [
    "FtmExport",
    "ImportResult",
    "ImportedEntity",
    "ReadEntity",
    "around",
    "export_entities",
    "export_ftm",
    "import_ftm",
    "imported_entities",
    "read_lines",
    "references",
]
