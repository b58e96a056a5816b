"""Security: witness protection — the encrypted vault, sealed testimony and redaction.

Users, roles and sign-in are to come. Until then, and after, these functions take the acting
user as a plain `actor` string and leave the permission check to the edge that calls them: an
edge must decide the actor may see or change a case's witnesses *before* calling
`reveal_witness`, `erase_witness` or `rotate_case_key`; the functions themselves guarantee only
that what happens is recorded in the custody log, never with the identity in it.
"""

from pursuit.security.checks import verify_sealed
from pursuit.security.keys import VaultKey, ensure_vault_key, key_file_for, load_vault_key
from pursuit.security.redact import Redactor
from pursuit.security.testimony import (
    WitnessGuard,
    guard_for_items,
    witness_guard,
    witness_of_item,
)
from pursuit.security.vault import Identity, WitnessRecord
from pursuit.security.witnesses import (
    erase_witness,
    list_witnesses,
    register_witness,
    reveal_witness,
    rotate_case_key,
    witness_redactor,
)

__all__ = [
    "Identity",
    "Redactor",
    "WitnessGuard",
    "VaultKey",
    "WitnessRecord",
    "ensure_vault_key",
    "erase_witness",
    "guard_for_items",
    "key_file_for",
    "list_witnesses",
    "load_vault_key",
    "register_witness",
    "reveal_witness",
    "rotate_case_key",
    "witness_guard",
    "verify_sealed",
    "witness_of_item",
    "witness_redactor",
]
