"""The base of every response model, and the one way a model becomes a JSON document."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

__all__ = ["Out", "document"]


class Out(BaseModel):
    """Reads the core's frozen dataclasses by attribute, so the core keeps its own types."""

    model_config = ConfigDict(from_attributes=True, validate_by_name=True, validate_by_alias=True)


def document(model: BaseModel) -> Any:
    """The JSON document of a model, as the API sends it and the CLI's `--json` prints it."""
    return model.model_dump(mode="json")
