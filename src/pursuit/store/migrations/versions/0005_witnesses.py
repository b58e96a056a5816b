"""Witness protection: the vault's key check, case keys, witnesses, sealed testimony.

Revision ID: 0005
Revises: 0004

Identities are stored only as AES-GCM ciphertext and keys only wrapped; the vault key itself
never enters the workspace.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pursuit.store.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_WHEN = pursuit.store.types.AwareDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "vault_meta",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("key_check", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_meta")),
    )
    op.create_table(
        "case_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("retired_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_keys_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_keys")),
        sa.UniqueConstraint("case_id", "version", name="uq_case_keys_case_version"),
    )
    op.create_index(op.f("ix_case_keys_case_id"), "case_keys", ["case_id"])
    _witnesses()
    _links()


def _witnesses() -> None:
    op.create_table(
        "witnesses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("pseudonym", sa.String(length=16), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("nonce", sa.LargeBinary(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("erased_at", _WHEN, nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_witnesses_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_witnesses")),
        sa.UniqueConstraint("case_id", "pseudonym", name="uq_witnesses_case_pseudonym"),
    )
    op.create_index(op.f("ix_witnesses_case_id"), "witnesses", ["case_id"])


def _links() -> None:
    op.create_table(
        "witness_items",
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("witness_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", _WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_witness_items_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["witness_id"], ["witnesses.id"], name=op.f("fk_witness_items_witness_id_witnesses")
        ),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_witness_items")),
    )
    op.create_index(op.f("ix_witness_items_witness_id"), "witness_items", ["witness_id"])
    op.create_table(
        "sealed_blobs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sealed_sha256", sa.String(length=64), nullable=False),
        sa.Column("witness_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["witness_id"], ["witnesses.id"], name=op.f("fk_sealed_blobs_witness_id_witnesses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_blobs")),
    )
    op.create_index(op.f("ix_sealed_blobs_sha256"), "sealed_blobs", ["sha256"])


def downgrade() -> None:
    for table in ("sealed_blobs", "witness_items", "witnesses", "case_keys", "vault_meta"):
        op.drop_table(table)
