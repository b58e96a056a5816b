"""An index answering "has this user viewed this item lately?" before a read is logged.

Reads are logged once per user, item and window; the check runs on every read, so it must not
scan an item's whole history.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_custody_events_reads", "custody_events", ["item_id", "actor", "action", "at"]
    )


def downgrade() -> None:
    op.drop_index("ix_custody_events_reads", table_name="custody_events")
