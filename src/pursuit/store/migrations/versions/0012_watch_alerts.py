"""Watch lists and alerts: persons an analyst watches, and what raised an alert about them.

Revision ID: 0012
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

_WHEN = pursuit.store.types.AwareDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("watched_by", sa.String(length=200), nullable=False),
        sa.Column("watched_at", _WHEN, nullable=False),
        sa.Column("since_seq", sa.Integer(), nullable=False),
        sa.Column("ended_by", sa.String(length=200), nullable=True),
        sa.Column("ended_at", _WHEN, nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watches")),
    )
    op.create_index(op.f("ix_watches_case_id"), "watches", ["case_id"])
    op.create_index(op.f("ix_watches_entity_id"), "watches", ["entity_id"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("watch_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("dismissed_by", sa.String(length=200), nullable=True),
        sa.Column("dismissed_at", _WHEN, nullable=True),
        sa.Column("dismiss_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["watch_id"], ["watches.id"], name=op.f("fk_alerts_watch_id_watches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("watch_id", "source", name="uq_alerts_watch_source"),
    )
    op.create_index(op.f("ix_alerts_case_id"), "alerts", ["case_id"])
    op.create_index(op.f("ix_alerts_watch_id"), "alerts", ["watch_id"])


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_table("watches")
