"""The REST API: thin routes over the core, Pydantic only at this edge.

The routers are assembled with the web UI's into one application by `pursuit.app`.
"""

__all__: list[str] = []
