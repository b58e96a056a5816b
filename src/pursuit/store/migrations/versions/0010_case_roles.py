"""Roles of persons in a case: the role analysts set, and the history of every setting.

Revision ID: 0010
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None

_WHEN = pursuit.store.types.AwareDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "case_roles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_roles")),
        sa.UniqueConstraint("case_id", "entity_id", name="uq_case_roles_case_entity"),
    )
    op.create_index(op.f("ix_case_roles_case_id"), "case_roles", ["case_id"])
    op.create_table(
        "case_role_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("previous_role", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("made_by", sa.String(length=200), nullable=False),
        sa.Column("made_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_role_history")),
    )
    op.create_index(op.f("ix_case_role_history_case_id"), "case_role_history", ["case_id"])
    op.create_index(op.f("ix_case_role_history_entity_id"), "case_role_history", ["entity_id"])


def downgrade() -> None:
    op.drop_table("case_role_history")
    op.drop_table("case_roles")
