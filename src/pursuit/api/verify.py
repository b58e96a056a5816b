"""Verification and checkpoints: prove the evidence and its history are as recorded."""

from __future__ import annotations

from fastapi import APIRouter

from pursuit.api.deps import Actor, Ws, acting
from pursuit.api.schemas import CheckpointOut, VerifyOut
from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.verify import VerifyReport, verify_workspace

__all__ = ["router", "verify_out"]

router = APIRouter(tags=["verification"])


def verify_out(report: VerifyReport) -> VerifyOut:
    return VerifyOut(
        ok=report.ok,
        blobs_checked=report.blobs_checked,
        derivatives_checked=report.derivatives_checked,
        events_checked=report.events_checked,
        problems=report.problems,
    )


@router.post("/verify", response_model=VerifyOut, summary="Re-hash blobs, re-walk the chain")
def verify(ws: Ws, actor: Actor) -> VerifyOut:
    """Runs the full check (logged as a `verified` event); `ok` is false when anything failed."""
    return verify_out(verify_workspace(acting(ws, actor)))


@router.post(
    "/checkpoints", response_model=CheckpointOut, status_code=201, summary="Checkpoint the log"
)
def checkpoint(ws: Ws, actor: Actor) -> CheckpointOut:
    """Records the Merkle root of the custody log as it stands; keep the answer somewhere safe."""
    with ws.write() as conn:
        point = create_checkpoint(conn, actor)
    return CheckpointOut.model_validate(point)
