"""Extraction: claims, incidents and reviewers' corrections.

Revision ID: 0003
Revises: 0001

A branch of its own beside the identity tables (0002), so the two concepts migrate independently;
the workspace upgrades to every head.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0003"
down_revision = "0001"
branch_labels = ("extraction",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("derivative_id", sa.Integer(), nullable=False),
        sa.Column("predicate", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("subject_text", sa.Text(), nullable=False),
        sa.Column("subject_start", sa.Integer(), nullable=False),
        sa.Column("subject_end", sa.Integer(), nullable=False),
        sa.Column("subject_entity_id", sa.String(length=64), nullable=True),
        sa.Column("object_text", sa.Text(), nullable=True),
        sa.Column("object_start", sa.Integer(), nullable=True),
        sa.Column("object_end", sa.Integer(), nullable=True),
        sa.Column("time_text", sa.Text(), nullable=True),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["derivative_id"], ["derivatives.id"], name=op.f("fk_claims_derivative_id_derivatives")
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_claims_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_item_id"), "claims", ["item_id"])
    op.create_index(op.f("ix_claims_subject_entity_id"), "claims", ["subject_entity_id"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("derivative_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("time", sa.Text(), nullable=True),
        sa.Column("victim_count", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["derivative_id"],
            ["derivatives.id"],
            name=op.f("fk_incidents_derivative_id_derivatives"),
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_incidents_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_item_id"), "incidents", ["item_id"])
    op.create_index(op.f("ix_incidents_entity_id"), "incidents", ["entity_id"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("original_text", sa.Text(), nullable=True),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Text(), server_default="", nullable=False),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("made_by", sa.String(length=200), nullable=False),
        sa.Column("made_at", pursuit.store.types.AwareDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", pursuit.store.types.AwareDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    op.create_index(op.f("ix_corrections_case_id"), "corrections", ["case_id"])
    op.create_index(op.f("ix_corrections_entity_id"), "corrections", ["entity_id"])


def downgrade() -> None:
    for table in ("corrections", "incidents", "claims"):
        op.drop_table(table)
