"""The Splink model that scores pairs of person entities, on DuckDB or on Spark.

The model is a Fellegi-Sunter model over the names package's folded forms: the whole folded name,
the kunya, the nisba, the given name (ism), the birth year and the nationality. Its m and u
probabilities are set by hand, not trained per workspace: a workspace holds tens to thousands of
people, too few and too clustered for EM to settle, and a fixed model gives the same scores on
DuckDB and on Spark and from one run to the next, which reviewers need to trust a queue. The
values follow the development data (`../shared/data/sanctions-names`): a shared kunya is common
among different men (u high), a differing nisba is strong evidence against, and a name that is
only a kunya ("Abu Muhammad") is weak evidence even when equal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from splink import SettingsCreator
    from splink.internals.comparison_creator import ComparisonCreator

# Splink (with DuckDB and pyarrow) costs ~70 MB and a second to import; commands that never
# resolve (ingest, verify) should not pay it, so each function imports it when called.

__all__ = ["MODEL_VERSION", "PRIOR", "comparisons", "level_labels", "settings"]

MODEL_VERSION = "pursuit-persons-1"
PRIOR = 0.002  # chance that two person entities of a workspace are one man, before evidence

_LEVELS: dict[str, dict[int, str]] = {
    "name": {
        4: "folded names equal but only a kunya",
        3: "folded names equal",
        2: "folded names close (Jaro-Winkler >= 0.95)",
        1: "folded names similar (Jaro-Winkler >= 0.88)",
        0: "folded names differ",
    },
    "kunya": {1: "kunya equal", 0: "kunyas differ"},
    "nisba": {2: "nisba equal", 1: "nisbas close", 0: "nisbas differ"},
    "given": {2: "given name equal", 1: "given names close", 0: "given names differ"},
    "birth_year": {2: "birth year equal", 1: "birth years within 2", 0: "birth years differ"},
    "country": {1: "nationality equal", 0: "nationalities differ"},
}


def _name() -> ComparisonCreator:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    kunya_only = cll.CustomLevel(
        "folded_l = folded_r AND kunya_l IS NOT NULL AND folded_l = kunya_l",
        label_for_charts="exact, kunya only",
    )
    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("folded"),
            kunya_only,
            cll.ExactMatchLevel("folded"),
            cll.JaroWinklerLevel("folded", 0.95),
            cll.JaroWinklerLevel("folded", 0.88),
            cll.ElseLevel(),
        ],
    ).configure(
        m_probabilities=[0.03, 0.47, 0.25, 0.15, 0.10],
        u_probabilities=[0.004, 0.0002, 0.001, 0.01, 0.9848],
    )


def _exact(column: str, m: list[float], u: list[float]) -> ComparisonCreator:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[cll.NullLevel(column), cll.ExactMatchLevel(column), cll.ElseLevel()],
    ).configure(m_probabilities=m, u_probabilities=u)


def _close(column: str, m: list[float], u: list[float]) -> ComparisonCreator:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[
            cll.NullLevel(column),
            cll.ExactMatchLevel(column),
            cll.JaroWinklerLevel(column, 0.9),
            cll.ElseLevel(),
        ],
    ).configure(m_probabilities=m, u_probabilities=u)


def _birth_year() -> ComparisonCreator:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name="birth_year",
        comparison_levels=[
            cll.NullLevel("birth_year"),
            cll.ExactMatchLevel("birth_year"),
            cll.CustomLevel("abs(birth_year_l - birth_year_r) <= 2", "within 2 years"),
            cll.ElseLevel(),
        ],
    ).configure(m_probabilities=[0.8, 0.17, 0.03], u_probabilities=[0.03, 0.1, 0.87])


def comparisons() -> list[ComparisonCreator | dict[str, Any]]:
    return [
        _name(),
        _exact("kunya", [0.85, 0.15], [0.02, 0.98]),
        _close("nisba", [0.8, 0.12, 0.08], [0.03, 0.01, 0.96]),
        _close("given", [0.8, 0.1, 0.1], [0.02, 0.01, 0.97]),
        _birth_year(),
        _exact("country", [0.92, 0.08], [0.1, 0.9]),
    ]


def settings() -> SettingsCreator:
    """Dedupe settings; blocking on kunya, nisba, given name, last token or the whole name."""
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="entity_id",
        comparisons=comparisons(),
        blocking_rules_to_generate_predictions=[
            block_on("folded"),
            block_on("kunya"),
            block_on("nisba"),
            block_on("given"),
            block_on("last_token"),
        ],
        probability_two_random_records_match=PRIOR,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        additional_columns_to_retain=[],
    )


def level_labels(row: dict[str, Any]) -> list[str]:
    """What each comparison found for a scored pair, in words (null levels are left out)."""
    found: list[str] = []
    for column, labels in _LEVELS.items():
        gamma = row.get(f"gamma_{column}")
        if gamma is not None and int(gamma) in labels:
            found.append(labels[int(gamma)])
    return found
