"""Incidents as events: analysts' merges and splits of incident mentions, and element statuses.

Revision ID: 0009
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pursuit.store.types import AwareDateTime

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("key_a", sa.String(200), nullable=False),
        sa.Column("key_b", sa.String(200), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("made_by", sa.String(200), nullable=False),
        sa.Column("made_at", AwareDateTime, nullable=False),
        sa.Column("deleted_at", AwareDateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_links")),
    )
    op.create_index(op.f("ix_incident_links_case_id"), "incident_links", ["case_id"])
    op.create_table(
        "element_statuses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(64), nullable=False),
        sa.Column("incident_id", sa.String(64), nullable=False),
        sa.Column("crime", sa.String(64), nullable=False),
        sa.Column("element", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("made_by", sa.String(200), nullable=False),
        sa.Column("made_at", AwareDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_element_statuses")),
    )
    op.create_index(op.f("ix_element_statuses_case_id"), "element_statuses", ["case_id"])
    op.create_index(op.f("ix_element_statuses_incident_id"), "element_statuses", ["incident_id"])


def downgrade() -> None:
    op.drop_table("element_statuses")
    op.drop_table("incident_links")
