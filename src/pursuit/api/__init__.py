"""The REST API: thin routes over the core, one error table, Pydantic only at this edge."""

from pursuit.api.app import API_PREFIX, create_app

__all__ = ["API_PREFIX", "create_app"]
