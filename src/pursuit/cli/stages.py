"""Commands over the processing stages: reprocess, and reviewers' corrections."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Annotated

import typer
from tqdm import tqdm

from pursuit.api.schemas import CorrectionDoneOut
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, opened, say
from pursuit.corrections import CorrectionAction, correct_mention
from pursuit.errors import NotFound
from pursuit.resolve.decisions import Recorded, correct_identity
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.stages.reprocess import ReprocessResult, resume_unfinished
from pursuit.stages.reprocess import reprocess as run_reprocess
from pursuit.stages.runs import Stage
from pursuit.store.workspace import Workspace

__all__ = ["correct", "reprocess"]


def reprocess(
    stage: Annotated[
        Stage | None, typer.Option(help="The stage to run again (default: text).")
    ] = None,
    item: Annotated[str | None, typer.Option(help="Only this item (id or hash).")] = None,
    unfinished: Annotated[
        bool,
        typer.Option(
            "--unfinished",
            help="Only items whose newest run of the stage (of every stage, without --stage) "
            "did not finish: killed runs, failures, OCR queued by uploads.",
        ),
    ] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Re-run one stage for one item or all, keeping earlier derivatives."""
    with opened(home) as ws:
        what = "unfinished" if unfinished and stage is None else str(stage or Stage.TEXT)
        bar = tqdm(unit="item", file=sys.stderr, disable=None, desc=f"reprocess {what}")
        failed, done = [], 0
        for result in _results(ws, stage, item, unfinished, lambda n: bar.reset(total=n)):
            bar.update(1)
            done += 1
            if json_out:
                sys.stdout.write(json.dumps(_row(result)) + "\n")
            if not result.ok:
                failed.append(result)
        bar.close()
    for r in failed:
        say(f"  failed: {r.item_id} ({r.filename}): {r.detail}")
    say(f"{what}: {done} item(s), {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


def _results(
    ws: Workspace,
    stage: Stage | None,
    item: str | None,
    unfinished: bool,
    on_start: Callable[[int], None],
) -> Iterator[ReprocessResult]:
    if unfinished:
        stages = [stage] if stage is not None else list(Stage)
        return resume_unfinished(ws, stages, item, on_start)
    return run_reprocess(ws, stage or Stage.TEXT, item, on_start=on_start)


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
    action: Annotated[
        CorrectionAction, typer.Argument(help="rename, retype, delete, merge or split.")
    ],
    value: Annotated[
        str, typer.Argument(help="New name, new type, or the other entity of a merge or split.")
    ] = "",
    reason: Annotated[str, typer.Option(help="Why; kept with the correction.")] = "",
    supersede: Annotated[
        bool,
        typer.Option(help="Override earlier decisions this one contradicts (needs --reason)."),
    ] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Correct a mention or an entity; the raw extraction stays and re-runs keep the fix."""
    if target not in ("mention", "entity"):
        raise typer.BadParameter("TARGET must be 'mention' or 'entity'")
    with opened(home) as ws, ws.write() as conn:
        if target == "mention":
            if not ref.isdigit():
                raise typer.BadParameter("a mention is named by its number")
            cid = correct_mention(conn, int(ref), action, value, ws.settings.actor, reason)
            done = Recorded("correction", cid, ref)
        else:
            actor = ws.settings.actor
            done = correct_identity(conn, ref, action, value, actor, reason, supersede=supersede)
    if json_out:
        emit_model(_done(ws, done, action, None if target == "entity" else int(ref)))
    say(f"{done.kind} {done.id} recorded: {target} {ref} {action} {value}".rstrip())


def _done(
    ws: Workspace, done: Recorded, action: CorrectionAction, mention: int | None
) -> CorrectionDoneOut:
    """What the correction became, as `POST .../corrections` answers it."""
    profile: Profile | None = None
    if mention is None:
        with ws.read() as conn:
            try:
                profile = get_profile(conn, done.entity_id)
            except NotFound:
                profile = None
    return CorrectionDoneOut.of(done, action, profile, mention)
