"""Security headers on every answer, originals as attachments, and docs that work offline."""

from __future__ import annotations

from pursuit.store.workspace import Workspace
from tests.signin import signed_client


def test_headers_docs_and_originals(ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from pursuit.evidence.items import Acquisition
    from pursuit.stages.intake import IntakeOptions, ingest_paths

    sample = tmp_path / "note.html"
    sample.write_text("<html><body><script>alert(1)</script>Raqqa</body></html>", "utf-8")
    options = IntakeOptions(
        case="Raqqa", acquisition=Acquisition(acquired_by="t", acquired_at=datetime.now(UTC))
    )
    [taken] = list(ingest_paths(ws, [sample], options))
    with signed_client(ws) as client:
        docs = client.get("/docs")
        assert docs.status_code == 200 and "/api/v1/items" in docs.text
        assert "<script" not in docs.text and "cdn" not in docs.text.lower()
        policy = docs.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        spec = client.get("/openapi.json")
        assert spec.status_code == 200 and spec.json()["info"]["title"] == "pursuit"
        original = client.get(f"/api/v1/items/{taken.id}/blob")
        assert original.headers["content-disposition"].startswith("attachment")
        assert original.headers["x-content-type-options"] == "nosniff"
        for answer in (docs, spec, original, client.get("/items")):
            assert answer.headers["cache-control"] == "no-store"
            assert answer.headers["x-frame-options"] == "DENY"
