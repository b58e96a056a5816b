"""Screening: matching a list of records against persons, giving ranked candidates with reasons.

Never a verdict: `match` says a score reached the threshold; a reviewer decides, and decisions on
hits are recorded as judgements.
"""

from pursuit.screen.engine import (
    SCREEN_THRESHOLD,
    Candidate,
    ScreenOptions,
    ScreenReport,
    ScreenResult,
    record_hit_decision,
    screen_one,
    screen_records,
)
from pursuit.screen.index import ScreenIndex
from pursuit.screen.memory import HitDecision, HitMemory, is_record_key, record_key
from pursuit.screen.output import report_document, write_report
from pursuit.screen.profiles import (
    ALL,
    Profile,
    ProfileSet,
    of_interest,
    profiles_from_ftm,
    profiles_from_workspace,
)
from pursuit.screen.records import RowProblem, ScreenInput, ScreenRecord, read_records
from pursuit.screen.screening import load_memory, load_profiles, screen_file, screen_input

__all__ = [
    "ALL",
    "SCREEN_THRESHOLD",
    "Candidate",
    "HitDecision",
    "HitMemory",
    "Profile",
    "ProfileSet",
    "RowProblem",
    "ScreenIndex",
    "ScreenInput",
    "ScreenOptions",
    "ScreenRecord",
    "ScreenReport",
    "ScreenResult",
    "is_record_key",
    "load_memory",
    "load_profiles",
    "of_interest",
    "profiles_from_ftm",
    "profiles_from_workspace",
    "read_records",
    "record_hit_decision",
    "record_key",
    "report_document",
    "screen_file",
    "screen_input",
    "screen_one",
    "screen_records",
    "write_report",
]
