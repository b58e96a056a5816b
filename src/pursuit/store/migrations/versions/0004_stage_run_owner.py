"""Stage runs name the process doing them: host and pid, so a run whose process died reads failed.

Revision ID: 0004
Revises: 0002

Rows written before this revision have no owner; they were stored as `failed` until done, so
they keep reading as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stage_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("host", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("pid", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stage_runs", schema=None) as batch_op:
        batch_op.drop_column("pid")
        batch_op.drop_column("host")
