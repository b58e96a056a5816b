"""The case's facts: analysts' claims, corrections of extracted claims, grades on the Admiralty
scale, and resolutions of contradictions. All append-only: a later row wins.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_WHEN = pursuit.store.types.AwareDateTime(timezone=True)


def _made() -> list[sa.Column[object]]:
    return [
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("made_by", sa.String(length=200), nullable=False),
        sa.Column("made_at", _WHEN, nullable=False),
    ]


def _manual_claims() -> None:
    op.create_table(
        "manual_claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("predicate", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("quote", sa.Text(), server_default="", nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("time_text", sa.Text(), nullable=True),
        *_made(),
        sa.Column("deleted_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_manual_claims_item_id_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_claims")),
    )
    op.create_index(op.f("ix_manual_claims_case_id"), "manual_claims", ["case_id"])
    op.create_index(op.f("ix_manual_claims_entity_id"), "manual_claims", ["entity_id"])


def _claim_corrections() -> None:
    op.create_table(
        "claim_corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("subject_start", sa.Integer(), nullable=False),
        sa.Column("subject_end", sa.Integer(), nullable=False),
        sa.Column("predicate", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        *_made(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_corrections")),
    )
    op.create_index(op.f("ix_claim_corrections_case_id"), "claim_corrections", ["case_id"])
    op.create_index(op.f("ix_claim_corrections_item_id"), "claim_corrections", ["item_id"])


def _grades() -> None:
    op.create_table(
        "source_grades",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        *_made(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_grades")),
    )
    op.create_index(op.f("ix_source_grades_case_id"), "source_grades", ["case_id"])
    op.create_table(
        "claim_grades",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("claim_id", sa.String(length=64), nullable=False),
        sa.Column("credibility", sa.String(length=1), nullable=False),
        *_made(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_grades")),
    )
    op.create_index(op.f("ix_claim_grades_case_id"), "claim_grades", ["case_id"])
    op.create_index(op.f("ix_claim_grades_claim_id"), "claim_grades", ["claim_id"])


def _resolutions() -> None:
    op.create_table(
        "contradiction_resolutions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("contradiction_id", sa.String(length=64), nullable=False),
        sa.Column("holds", sa.Text(), server_default="", nullable=False),
        *_made(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contradiction_resolutions")),
    )
    op.create_index(
        op.f("ix_contradiction_resolutions_case_id"), "contradiction_resolutions", ["case_id"]
    )
    op.create_index(
        op.f("ix_contradiction_resolutions_contradiction_id"),
        "contradiction_resolutions",
        ["contradiction_id"],
    )


def upgrade() -> None:
    _manual_claims()
    _claim_corrections()
    _grades()
    _resolutions()


def downgrade() -> None:
    for table in (
        "contradiction_resolutions",
        "claim_grades",
        "source_grades",
        "claim_corrections",
        "manual_claims",
    ):
        op.drop_table(table)
