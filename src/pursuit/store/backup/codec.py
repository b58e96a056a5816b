"""How each column's values travel through a backup: plain JSON, ISO times, base64 bytes.

A backup is a logical dump, so a workspace taken on SQLite can be restored into PostgreSQL and
back. Each column is given a codec by its type when the backup is made; the codec is written into
the manifest, so a restore decodes by what the backup says, not by what the target's schema is.
"""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from pursuit.store.types import AwareDateTime

__all__ = ["Codec", "codec_for", "decode", "encode", "sql_type"]


class Codec(StrEnum):
    """How one column's values are written as JSON."""

    PLAIN = "plain"  # strings, numbers, booleans: JSON as they are
    DATETIME = "datetime"  # ISO 8601 with its zone (UTC)
    DATE = "date"
    BYTES = "bytes"  # base64
    JSON = "json"  # a JSON column's document, nested as it is
    DECIMAL = "decimal"  # exact numbers as strings


def codec_for(column_type: sa.types.TypeEngine[Any]) -> Codec:
    """The codec for a column of this type."""
    if isinstance(column_type, AwareDateTime | sa.DateTime):
        return Codec.DATETIME
    if isinstance(column_type, sa.Date):
        return Codec.DATE
    if isinstance(column_type, sa.LargeBinary):
        return Codec.BYTES
    if isinstance(column_type, sa.JSON):
        return Codec.JSON
    if isinstance(column_type, sa.Numeric) and not isinstance(column_type, sa.Float):
        return Codec.DECIMAL
    return Codec.PLAIN


def encode(codec: Codec, value: Any) -> Any:
    """A value as it is written into the dump."""
    if value is None or codec in (Codec.PLAIN, Codec.JSON):
        return value
    if codec is Codec.DATETIME:
        if value.tzinfo is None:  # a plain DateTime column holding naive UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if codec is Codec.DATE:
        return value.isoformat()
    if codec is Codec.BYTES:
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def decode(codec: Codec, value: Any) -> Any:
    """A dumped value back as the Python value the column takes."""
    if value is None or codec in (Codec.PLAIN, Codec.JSON):
        return value
    if codec is Codec.DATETIME:
        return dt.datetime.fromisoformat(value)
    if codec is Codec.DATE:
        return dt.date.fromisoformat(value)
    if codec is Codec.BYTES:
        return base64.b64decode(value)
    return Decimal(value)


def sql_type(codec: Codec) -> sa.types.TypeEngine[Any]:
    """A column type able to bind decoded values, for columns today's schema no longer has."""
    fallback: dict[Codec, sa.types.TypeEngine[Any]] = {
        Codec.DATETIME: AwareDateTime(),
        Codec.DATE: sa.Date(),
        Codec.BYTES: sa.LargeBinary(),
        Codec.JSON: sa.JSON(),
        Codec.DECIMAL: sa.Numeric(),
    }
    return fallback.get(codec, sa.types.NullType())
