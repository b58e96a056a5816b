"""Verification and checkpoints: prove the evidence and its history are as recorded."""

from __future__ import annotations

from fastapi import APIRouter

from pursuit.api.schemas import CheckpointOut, ProblemOut, VerifyOut
from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.verify import VerifyReport, verify_workspace
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws, acting
from pursuit.http.scope import require_everywhere
from pursuit.security.roles import Permission

__all__ = ["router", "verify_out"]

router = APIRouter(tags=["verification"])


def verify_out(report: VerifyReport) -> VerifyOut:
    return VerifyOut(
        ok=report.ok,
        blobs_checked=report.blobs_checked,
        derivatives_checked=report.derivatives_checked,
        events_checked=report.events_checked,
        problems=[ProblemOut.model_validate(p) for p in report.problems],
        warnings=[ProblemOut.model_validate(p) for p in report.warnings],
        items_checked=report.items_checked,
        recorded=report.recorded,
        read_only=report.read_only,
    )


@router.post("/verify", response_model=VerifyOut, summary="Re-hash blobs, re-walk the chain")
def verify(ws: Ws, who: Signed) -> VerifyOut:
    """Runs the full check (logged as a `verified` event); `ok` is false when anything failed.
    It names items of every case, so it needs the right to verify in every case."""
    require_everywhere(who, Permission.VERIFY, "verification")
    return verify_out(verify_workspace(acting(ws, who.name)))


@router.post(
    "/checkpoints", response_model=CheckpointOut, status_code=201, summary="Checkpoint the log"
)
def checkpoint(ws: Ws, who: Signed) -> CheckpointOut:
    """Records the Merkle root of the custody log as it stands; keep the answer somewhere safe.
    The log is the whole workspace's, so this needs the right to verify in every case."""
    require_everywhere(who, Permission.VERIFY, "a checkpoint of the custody log")
    with ws.write() as conn:
        point = create_checkpoint(conn, who.name)
    return CheckpointOut.model_validate(point)
