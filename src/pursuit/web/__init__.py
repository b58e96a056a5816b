"""The web UI: server-rendered pages over the same core the API and the CLI call."""

__all__: list[str] = []
