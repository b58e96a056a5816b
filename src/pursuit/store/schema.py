"""The workspace schema: one SQLAlchemy Core metadata for SQLite and PostgreSQL.

Migrations in `store/migrations` build exactly this schema (a test compares them). Evidence tables
are append-only: items and custody events are never updated; processing state lives in
`stage_runs` rows, one per attempt, so a failure and its later success both stay on record.
"""

from __future__ import annotations

import sqlalchemy as sa

from pursuit.store.types import AwareDateTime

__all__ = [
    "cases",
    "claims",
    "corrections",
    "incidents",
    "checkpoints",
    "custody_events",
    "derivatives",
    "entities",
    "identity_clusters",
    "identity_proposals",
    "identity_runs",
    "items",
    "judgements",
    "mentions",
    "metadata",
    "search_docs",
    "stage_runs",
]

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)

items = sa.Table(
    "items",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("case_id", sa.String(64), sa.ForeignKey("cases.id"), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("filename", sa.Text, nullable=False),
    sa.Column("mime", sa.String(200), nullable=False),
    sa.Column("method", sa.String(32), nullable=False),
    sa.Column("acquired_by", sa.String(200), nullable=False),
    sa.Column("acquired_at", AwareDateTime, nullable=False),
    sa.Column("source_url", sa.Text, nullable=True),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("parent_id", sa.String(64), sa.ForeignKey("items.id"), nullable=True, index=True),
    sa.Column("ingested_at", AwareDateTime, nullable=False),
    sa.Column("ingested_by", sa.String(200), nullable=False),
    sa.UniqueConstraint("case_id", "sha256", name="uq_items_case_sha256"),
)

derivatives = sa.Table(
    "derivatives",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("tool", sa.String(200), nullable=False),
    sa.Column("tool_version", sa.String(200), nullable=False),
    sa.Column("parent_sha256", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_sha256", sa.String(64), nullable=False),
    sa.Column("language", sa.String(16), nullable=True),
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
)

stage_runs = sa.Table(
    "stage_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False, index=True),
    sa.Column("stage", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("started_at", AwareDateTime, nullable=False),
    sa.Column("finished_at", AwareDateTime, nullable=True),
    sa.Column("host", sa.String(255), nullable=True),
    sa.Column("pid", sa.Integer, nullable=True),
)

custody_events = sa.Table(
    "custody_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("case_id", sa.String(64), nullable=True),
    sa.Column("item_id", sa.String(64), nullable=True, index=True),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("at", AwareDateTime, nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    # "has this user viewed this item lately?", asked before every read is logged
    sa.Index("ix_custody_events_reads", "item_id", "actor", "action", "at"),
)

checkpoints = sa.Table(
    "checkpoints",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_count", sa.Integer, nullable=False),
    sa.Column("head_hash", sa.String(64), nullable=False),
    sa.Column("root", sa.String(64), nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("case_id", sa.String(64), sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.UniqueConstraint("case_id", "type", "key", name="uq_entities_case_type_key"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False, index=True),
    sa.Column("derivative_id", sa.Integer, sa.ForeignKey("derivatives.id"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("extractor", sa.String(200), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("attributes", sa.JSON, nullable=False),
    sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id"), nullable=True, index=True),
)

search_docs = sa.Table(
    "search_docs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("derivative_id", sa.Integer, sa.ForeignKey("derivatives.id"), nullable=False),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False, index=True),
    sa.Column("body", sa.Text, nullable=False),
)

# --- extraction: claims, incidents and reviewers' corrections (migration 0003) -------------------

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False, index=True),
    sa.Column("derivative_id", sa.Integer, sa.ForeignKey("derivatives.id"), nullable=False),
    sa.Column("predicate", sa.String(32), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("subject_text", sa.Text, nullable=False),
    sa.Column("subject_start", sa.Integer, nullable=False),
    sa.Column("subject_end", sa.Integer, nullable=False),
    sa.Column("subject_entity_id", sa.String(64), nullable=True, index=True),
    sa.Column("object_text", sa.Text, nullable=True),
    sa.Column("object_start", sa.Integer, nullable=True),
    sa.Column("object_end", sa.Integer, nullable=True),
    sa.Column("time_text", sa.Text, nullable=True),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("extractor", sa.String(200), nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False, index=True),
    sa.Column("derivative_id", sa.Integer, sa.ForeignKey("derivatives.id"), nullable=False),
    sa.Column("entity_id", sa.String(64), nullable=True, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("trigger_text", sa.Text, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("place", sa.Text, nullable=True),
    sa.Column("time", sa.Text, nullable=True),
    sa.Column("victim_count", sa.Integer, nullable=True),
    sa.Column("details", sa.JSON, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("extractor", sa.String(200), nullable=False),
)

corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("target", sa.String(16), nullable=False),
    sa.Column("item_id", sa.String(64), nullable=True),
    sa.Column("start", sa.Integer, nullable=True),
    sa.Column("end", sa.Integer, nullable=True),
    sa.Column("original_text", sa.Text, nullable=True),
    sa.Column("entity_id", sa.String(64), nullable=True, index=True),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("value", sa.Text, nullable=False, server_default=""),
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
    sa.Column("deleted_at", AwareDateTime, nullable=True),
)

# --- identity: judgements, resolution runs, proposals and clusters (migration 0002) -------------

judgements = sa.Table(
    "judgements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_a", sa.String(200), nullable=False),
    sa.Column("entity_b", sa.String(200), nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("decided_by", sa.String(200), nullable=False),
    sa.Column("decided_at", AwareDateTime, nullable=False),
    sa.Column("reason", sa.Text, nullable=False, server_default=""),
    sa.Column("source", sa.String(32), nullable=False, server_default="review"),
    sa.Column("case_id", sa.String(64), nullable=True),
    sa.Column("deleted_at", AwareDateTime, nullable=True),
    sa.Index("ix_judgements_pair", "entity_a", "entity_b"),
)

identity_runs = sa.Table(
    "identity_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("backend", sa.String(16), nullable=False),
    sa.Column("incremental", sa.Boolean, nullable=False),
    sa.Column("tool_version", sa.String(200), nullable=False),
    sa.Column("started_at", AwareDateTime, nullable=False),
    sa.Column("finished_at", AwareDateTime, nullable=True),
    sa.Column("entity_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("pair_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("proposal_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("started_by", sa.String(200), nullable=False),
)

identity_proposals = sa.Table(
    "identity_proposals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("identity_runs.id"), nullable=False, index=True),
    sa.Column("entity_a", sa.String(200), nullable=False),
    sa.Column("entity_b", sa.String(200), nullable=False),
    sa.Column("probability", sa.Float, nullable=False),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Index("ix_identity_proposals_pair", "entity_a", "entity_b"),
)

identity_clusters = sa.Table(
    "identity_clusters",
    metadata,
    sa.Column("entity_id", sa.String(200), primary_key=True),
    sa.Column("cluster_id", sa.String(200), nullable=False, index=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("identity_runs.id"), nullable=False),
)

# --- witness protection: the encrypted vault and sealed testimony (migration 0005) --------------
# Identities are only ever stored as AES-GCM ciphertext; keys are stored only wrapped. See
# pursuit/security for the key hierarchy (vault key outside the workspace -> case key -> data key).

vault_meta = sa.Table(
    "vault_meta",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("key_check", sa.LargeBinary, nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
)

case_keys = sa.Table(
    "case_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("wrapped_key", sa.LargeBinary, nullable=True),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("retired_at", AwareDateTime, nullable=True),
    sa.UniqueConstraint("case_id", "version", name="uq_case_keys_case_version"),
)

witnesses = sa.Table(
    "witnesses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("pseudonym", sa.String(16), nullable=False),
    sa.Column("key_version", sa.Integer, nullable=False),
    sa.Column("wrapped_key", sa.LargeBinary, nullable=True),
    sa.Column("nonce", sa.LargeBinary, nullable=False),
    sa.Column("ciphertext", sa.LargeBinary, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("erased_at", AwareDateTime, nullable=True),
    sa.UniqueConstraint("case_id", "pseudonym", name="uq_witnesses_case_pseudonym"),
)

witness_items = sa.Table(
    "witness_items",
    metadata,
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), primary_key=True),
    sa.Column("witness_id", sa.Integer, sa.ForeignKey("witnesses.id"), nullable=False, index=True),
    sa.Column("linked_at", AwareDateTime, nullable=False),
)

sealed_blobs = sa.Table(
    "sealed_blobs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("sealed_sha256", sa.String(64), nullable=False),
    sa.Column("witness_id", sa.Integer, sa.ForeignKey("witnesses.id"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
)

__all__ += ["case_keys", "sealed_blobs", "vault_meta", "witness_items", "witnesses"]

# People who sign in, their roles per case, sessions, API tokens and one-time sign-in links.
# Secrets are stored only as SHA-256 digests of random tokens, passwords only as Argon2 hashes.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=True),
    sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("disabled_at", AwareDateTime, nullable=True),
)

memberships = sa.Table(
    "memberships",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("case_id", sa.String(64), nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("granted_by", sa.String(200), nullable=False),
    sa.Column("granted_at", AwareDateTime, nullable=False),
    sa.UniqueConstraint("user_id", "case_id", name="uq_memberships_user_case"),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("expires_at", AwareDateTime, nullable=False),
    sa.Column("reauth_at", AwareDateTime, nullable=True),
    sa.Column("revoked_at", AwareDateTime, nullable=True),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("label", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("revoked_at", AwareDateTime, nullable=True),
)

signin_links = sa.Table(
    "signin_links",
    metadata,
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("expires_at", AwareDateTime, nullable=False),
    sa.Column("used_at", AwareDateTime, nullable=True),
)

signin_attempts = sa.Table(
    "signin_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, index=True),
    sa.Column("client", sa.String(64), nullable=False, server_default=""),
    sa.Column("at", AwareDateTime, nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
)

__all__ += ["api_tokens", "memberships", "sessions", "signin_attempts", "signin_links", "users"]

# --- the case's facts: analysts' claims, claim corrections, grades, resolutions (migration 0008) -
# Every table here is append-only: a later row wins over an earlier one, nothing is updated, and
# a withdrawn manual claim keeps its row with `deleted_at` set.

manual_claims = sa.Table(
    "manual_claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("entity_id", sa.String(64), nullable=False, index=True),
    sa.Column("predicate", sa.String(32), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False),
    sa.Column("quote", sa.Text, nullable=False, server_default=""),
    sa.Column("start", sa.Integer, nullable=True),
    sa.Column("end", sa.Integer, nullable=True),
    sa.Column("time_text", sa.Text, nullable=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
    sa.Column("deleted_at", AwareDateTime, nullable=True),
)

claim_corrections = sa.Table(
    "claim_corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("item_id", sa.String(64), nullable=False, index=True),
    sa.Column("subject_start", sa.Integer, nullable=False),
    sa.Column("subject_end", sa.Integer, nullable=False),
    sa.Column("predicate", sa.String(32), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
)

source_grades = sa.Table(
    "source_grades",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reliability", sa.String(1), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
)

claim_grades = sa.Table(
    "claim_grades",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("claim_id", sa.String(64), nullable=False, index=True),
    sa.Column("credibility", sa.String(1), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
)

contradiction_resolutions = sa.Table(
    "contradiction_resolutions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("contradiction_id", sa.String(64), nullable=False, index=True),
    sa.Column("holds", sa.Text, nullable=False, server_default=""),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
)

__all__ += [
    "claim_corrections",
    "claim_grades",
    "contradiction_resolutions",
    "manual_claims",
    "source_grades",
]

# --- incidents as events: analysts' merges and splits, element statuses (migration 0009) --------
# Append-only like the rest: a merge or split is a set of links between incident mentions (keyed
# "item:offset", so they survive re-extraction of unchanged text); a later link withdraws a
# contrary earlier one by setting its `deleted_at`; an element status's latest row wins.

incident_links = sa.Table(
    "incident_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("key_a", sa.String(200), nullable=False),
    sa.Column("key_b", sa.String(200), nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
    sa.Column("deleted_at", AwareDateTime, nullable=True),
)

element_statuses = sa.Table(
    "element_statuses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("incident_id", sa.String(64), nullable=False, index=True),
    sa.Column("crime", sa.String(64), nullable=False),
    sa.Column("element", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
)

__all__ += ["element_statuses", "incident_links"]

# Roles of persons in a case (migration 0010): the role an analyst set, one row per person, and
# every setting kept in history with its reason. Proposed roles are computed, never stored.
case_roles = sa.Table(
    "case_roles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("entity_id", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("set_by", sa.String(200), nullable=False),
    sa.Column("set_at", AwareDateTime, nullable=False),
    sa.UniqueConstraint("case_id", "entity_id", name="uq_case_roles_case_entity"),
)

case_role_history = sa.Table(
    "case_role_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("entity_id", sa.String(64), nullable=False, index=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("previous_role", sa.String(16), nullable=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("made_by", sa.String(200), nullable=False),
    sa.Column("made_at", AwareDateTime, nullable=False),
)

__all__ += ["case_role_history", "case_roles"]

# --- the workspace's Ed25519 signing key for court packages (migration 0013) ---------------------

signing_keys = sa.Table(
    "signing_keys",
    metadata,
    sa.Column("fingerprint", sa.String(120), primary_key=True),
    sa.Column("public_key", sa.LargeBinary, nullable=False),
    # The private key sealed (AES-GCM) by the vault key, which never sits in the workspace.
    sa.Column("sealed_private_key", sa.LargeBinary, nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)

__all__ += ["signing_keys"]

# Watch lists and alerts (migration 0012). A watch names a person by the ids of his profile's
# members when he was watched, so it follows him across merges; ending a watch keeps the row.
# `since_seq` is the custody sequence number of the watch's own audit event: only items taken
# in after it raise mention alerts. An alert is unique per watch and source (an item, or a
# screened record's key), so scanning again never raises it twice, even after re-extraction.
watches = sa.Table(
    "watches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("entity_id", sa.String(64), nullable=False, index=True),
    sa.Column("members", sa.JSON, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("watched_by", sa.String(200), nullable=False),
    sa.Column("watched_at", AwareDateTime, nullable=False),
    sa.Column("since_seq", sa.Integer, nullable=False),
    sa.Column("ended_by", sa.String(200), nullable=True),
    sa.Column("ended_at", AwareDateTime, nullable=True),
    sa.Column("end_reason", sa.Text, nullable=True),
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id"), nullable=False, index=True),
    sa.Column("entity_id", sa.String(64), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("item_id", sa.String(64), nullable=True),
    sa.Column("score", sa.Float, nullable=True),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("created_at", AwareDateTime, nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("dismissed_by", sa.String(200), nullable=True),
    sa.Column("dismissed_at", AwareDateTime, nullable=True),
    sa.Column("dismiss_reason", sa.Text, nullable=True),
    sa.UniqueConstraint("watch_id", "source", name="uq_alerts_watch_source"),
)

__all__ += ["alerts", "watches"]

# FollowTheMoney entities taken in by `pursuit import --format ftm` (migration 0011). Rows are
# versions, never updated: re-importing an entity with the same content adds nothing, with other
# content adds a newer version; the latest per case and entity id is the one in force. `data` is
# the JSON line exactly as received; `digest` the SHA-256 of its canonical form.
ftm_entities = sa.Table(
    "ftm_entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(64), sa.ForeignKey("cases.id"), nullable=False, index=True),
    sa.Column("entity_id", sa.String(512), nullable=False, index=True),
    sa.Column("schema", sa.String(64), nullable=False),
    sa.Column("caption", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("line", sa.Integer, nullable=False),
    sa.Column("source_name", sa.Text, nullable=False),
    sa.Column("source_sha256", sa.String(64), nullable=False),
    sa.Column("imported_by", sa.String(200), nullable=False),
    sa.Column("imported_at", AwareDateTime, nullable=False),
)

__all__ += ["ftm_entities"]
