"""FollowTheMoney entities taken in from JSON lines, each version kept as received.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_WHEN = pursuit.store.types.AwareDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ftm_entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=512), nullable=False),
        sa.Column("schema", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.Column("imported_at", _WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_ftm_entities_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ftm_entities")),
    )
    op.create_index(op.f("ix_ftm_entities_case_id"), "ftm_entities", ["case_id"])
    op.create_index(op.f("ix_ftm_entities_entity_id"), "ftm_entities", ["entity_id"])


def downgrade() -> None:
    op.drop_table("ftm_entities")
