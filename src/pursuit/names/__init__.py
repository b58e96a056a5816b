"""Names: Arabic-aware parsing, folding across scripts and conventions, and comparison.

The pure core of identity work: resolution and screening reach it through
`pursuit.resolve.naming`, the CLI's `pursuit names compare` through `compare_pairs_csv`.
"""

from pursuit.names.blocking import blocking_keys, skeleton
from pursuit.names.compare import DEFAULT_THRESHOLD, NameComparison, compare_many, compare_names
from pursuit.names.fold import fold_name, fold_token
from pursuit.names.pairs import PairsReport, compare_pairs_csv
from pursuit.names.parse import ParsedName, nisba_origin, parse_name
from pursuit.names.persons import (
    PersonComparison,
    PersonRecord,
    compare_persons,
    compare_persons_many,
    country_code,
)
from pursuit.names.reasons import Reason, ReasonCode, describe, reason_document
from pursuit.names.transliterate import transliterate

__all__ = [
    "DEFAULT_THRESHOLD",
    "NameComparison",
    "PairsReport",
    "ParsedName",
    "PersonComparison",
    "PersonRecord",
    "Reason",
    "ReasonCode",
    "blocking_keys",
    "compare_many",
    "compare_names",
    "compare_pairs_csv",
    "compare_persons",
    "compare_persons_many",
    "country_code",
    "describe",
    "fold_name",
    "fold_token",
    "nisba_origin",
    "parse_name",
    "reason_document",
    "skeleton",
    "transliterate",
]
