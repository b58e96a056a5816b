"""Identity: reviewers' judgements, resolution runs, their proposals and proposed clusters.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

AwareDateTime = pursuit.store.types.AwareDateTime


def upgrade() -> None:
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_a", sa.String(length=200), nullable=False),
        sa.Column("entity_b", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=False),
        sa.Column("decided_at", AwareDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("source", sa.String(length=32), server_default="review", nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=True),
        sa.Column("deleted_at", AwareDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judgements")),
    )
    op.create_index("ix_judgements_pair", "judgements", ["entity_a", "entity_b"], unique=False)
    op.create_table(
        "identity_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("backend", sa.String(length=16), nullable=False),
        sa.Column("incremental", sa.Boolean(), nullable=False),
        sa.Column("tool_version", sa.String(length=200), nullable=False),
        sa.Column("started_at", AwareDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", AwareDateTime(timezone=True), nullable=True),
        sa.Column("entity_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pair_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("proposal_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("started_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_runs")),
    )
    op.create_table(
        "identity_proposals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("entity_a", sa.String(length=200), nullable=False),
        sa.Column("entity_b", sa.String(length=200), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("created_at", AwareDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["identity_runs.id"],
            name=op.f("fk_identity_proposals_run_id_identity_runs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_proposals")),
    )
    op.create_index(
        "ix_identity_proposals_pair", "identity_proposals", ["entity_a", "entity_b"], unique=False
    )
    op.create_index(
        op.f("ix_identity_proposals_run_id"), "identity_proposals", ["run_id"], unique=False
    )
    op.create_table(
        "identity_clusters",
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("cluster_id", sa.String(length=200), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["identity_runs.id"],
            name=op.f("fk_identity_clusters_run_id_identity_runs"),
        ),
        sa.PrimaryKeyConstraint("entity_id", name=op.f("pk_identity_clusters")),
    )
    op.create_index(
        op.f("ix_identity_clusters_cluster_id"), "identity_clusters", ["cluster_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("identity_clusters")
    op.drop_table("identity_proposals")
    op.drop_table("identity_runs")
    op.drop_index("ix_judgements_pair", table_name="judgements")
    op.drop_table("judgements")
