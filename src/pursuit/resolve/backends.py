"""Running the Splink model: DuckDB in-process by default, Spark for workspaces that outgrow one
machine. Both take the same rows and the same settings and return the same scored pairs.

A full run compares every person with every other (within the blocking rules). An incremental run
compares only the new entities: among themselves (`predict_within`) and against the ones already
resolved (`predict_between`), never the old ones among themselves again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

from pursuit.errors import PursuitError
from pursuit.resolve.model import level_labels, settings

__all__ = ["Backend", "ScoredPair", "score_pairs", "spark_session"]

log = logging.getLogger(__name__)


class Backend(StrEnum):
    DUCKDB = "duckdb"
    SPARK = "spark"


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two entity ids (sorted), the model's match probability and what each comparison found."""

    a: str
    b: str
    probability: float
    levels: tuple[str, ...]


@cache
def spark_session(master: str = "local[2]") -> Any:
    """A local Spark session with Splink's similarity functions; made once per process."""
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as exc:
        raise PursuitError("the Spark backend needs pyspark: pip install pyspark") from exc
    return (
        SparkSession.builder.master(master)
        .appName("pursuit-resolve")
        .config("spark.jars", similarity_jar_location())
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def _db_api(backend: Backend) -> Any:
    if backend is Backend.SPARK:
        from splink.backends.spark import SparkAPI

        return SparkAPI(  # type: ignore[no-untyped-call]
            spark_session=spark_session(), break_lineage_method="persist"
        )
    from splink.backends.duckdb import DuckDBAPI

    return DuckDBAPI()


@cache
def _schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema(
        [
            ("entity_id", pa.string()),
            ("folded", pa.string()),
            ("kunya", pa.string()),
            ("nisba", pa.string()),
            ("given", pa.string()),
            ("last_token", pa.string()),
            ("birth_year", pa.int64()),
            ("country", pa.string()),
        ]
    )


def _table(rows: Sequence[dict[str, object]]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(list(rows), schema=_schema())


def score_pairs(
    rows: Sequence[dict[str, object]],
    new_ids: set[str] | None = None,
    backend: Backend = Backend.DUCKDB,
    threshold: float = 0.0,
) -> list[ScoredPair]:
    """Scored pairs at or above `threshold`; with `new_ids`, only pairs touching a new id."""
    if len(rows) < 2:
        return []
    from splink import Linker

    db_api = _db_api(backend)
    linker = Linker(db_api.register(_table(rows)), settings(), log_level=None)
    if new_ids is None or len(new_ids) == len(rows):
        found = linker.inference.predict(threshold_match_probability=threshold)
        return _pairs(found.as_record_list(), threshold)
    fresh = db_api.register(_table([r for r in rows if r["entity_id"] in new_ids]))
    old = db_api.register(_table([r for r in rows if r["entity_id"] not in new_ids]))
    within = linker.inference.predict_within(fresh, threshold_match_probability=threshold)
    between = linker.inference.predict_between(fresh, old, threshold_match_probability=threshold)
    return _pairs(within.as_record_list() + between.as_record_list(), threshold)


def _pairs(records: list[dict[str, Any]], threshold: float) -> list[ScoredPair]:
    best: dict[tuple[str, str], ScoredPair] = {}
    for r in records:
        a, b = sorted((str(r["entity_id_l"]), str(r["entity_id_r"])))
        p = float(r["match_probability"])
        if p >= threshold and (a, b) not in best:
            best[(a, b)] = ScoredPair(a, b, p, tuple(level_labels(r)))
    return sorted(best.values(), key=lambda s: (-s.probability, s.a, s.b))
