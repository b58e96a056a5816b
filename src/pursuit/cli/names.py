"""`pursuit names compare`: score name pairs from a CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pursuit.cli.common import JsonOpt, emit_json, say
from pursuit.names import DEFAULT_THRESHOLD, compare_pairs_csv

__all__ = ["app"]

app = typer.Typer(name="names", help="Compare personal names.", no_args_is_help=True)


@app.command()
def compare(
    input_: Annotated[
        Path, typer.Option("--input", help="CSV with columns name_a,name_b (others kept).")
    ],
    output: Annotated[Path, typer.Option(help="CSV written with score and match added.")],
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Score at which a pair is a match.")
    ] = DEFAULT_THRESHOLD,
    json_out: JsonOpt = False,
) -> None:
    """Score each pair of names (0-1) and mark matches at the threshold."""
    report = compare_pairs_csv(input_, output, threshold)
    for row, reason in report.skipped:
        say(f"  row {row} skipped: {reason}")
    for row, warning in report.warnings:
        say(f"  row {row}: {warning}")
    summary = f"{report.rows} pair(s), {report.matches} match(es), {len(report.skipped)} skipped"
    if report.encoding != "utf-8":
        say(f"  input read as {report.encoding}")
    if json_out:
        emit_json(
            {
                "rows": report.rows,
                "matches": report.matches,
                "threshold": threshold,
                "encoding": report.encoding,
                "skipped": [{"row": r, "reason": why} for r, why in report.skipped],
                "output": str(output),
            }
        )
    say(summary)
