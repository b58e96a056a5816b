"""Commands over the processing stages: reprocess, and reviewers' corrections."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from tqdm import tqdm

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, workspace
from pursuit.corrections import CorrectionAction, correct_entity, correct_mention
from pursuit.stages.reprocess import ReprocessResult
from pursuit.stages.reprocess import reprocess as run_reprocess
from pursuit.stages.runs import Stage

__all__ = ["correct", "reprocess"]


def reprocess(
    stage: Annotated[Stage, typer.Option(help="The stage to run again.")] = Stage.TEXT,
    item: Annotated[str | None, typer.Option(help="Only this item (id or hash).")] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Re-run one stage for one item or all, keeping earlier derivatives."""
    ws = workspace(home)
    bar = tqdm(unit="item", file=sys.stderr, disable=None, desc=f"reprocess {stage}")
    failed = []
    for result in run_reprocess(ws, stage, item, on_start=lambda n: bar.reset(total=n)):
        bar.update(1)
        if json_out:
            sys.stdout.write(json.dumps(_row(result)) + "\n")
        if not result.ok:
            failed.append(result)
    bar.close()
    for r in failed:
        say(f"  failed: {r.item_id} ({r.filename}): {r.detail}")
    say(f"{stage}: {bar.n} item(s), {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


def _row(r: ReprocessResult) -> dict[str, object]:
    return {
        "item_id": r.item_id,
        "filename": r.filename,
        "stage": r.stage,
        "ok": r.ok,
        "detail": r.detail,
    }


def correct(
    target: Annotated[str, typer.Argument(help="'mention' or 'entity'.")],
    ref: Annotated[str, typer.Argument(help="Mention id (number) or entity id.")],
    action: Annotated[CorrectionAction, typer.Argument(help="rename, retype, delete or merge.")],
    value: Annotated[str, typer.Argument(help="New name, new type, or entity to merge into.")] = "",
    reason: Annotated[str, typer.Option(help="Why; kept with the correction.")] = "",
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Correct a mention or an entity; the raw extraction stays and re-runs keep the fix."""
    if target not in ("mention", "entity"):
        raise typer.BadParameter("TARGET must be 'mention' or 'entity'")
    ws = workspace(home)
    with ws.write() as conn:
        if target == "mention":
            if not ref.isdigit():
                raise typer.BadParameter("a mention is named by its number")
            cid = correct_mention(conn, int(ref), action, value, ws.settings.actor, reason)
        else:
            cid = correct_entity(conn, ref, action, value, ws.settings.actor, reason)
    if json_out:
        emit_json({"correction": cid})
    say(f"correction {cid} recorded: {target} {ref} {action} {value}".rstrip())
