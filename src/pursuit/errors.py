"""Errors raised by pursuit's core.

Every failure a user can cause or meet is a subclass of :class:`PursuitError`, so the CLI and the
API map them once, at their edge. Where a builtin fits, the error inherits it too, so callers that
think in builtins keep working. Errors carry ids, paths and hashes, never HTTP status codes::

    PursuitError
    ├── WorkspaceError
    │   ├── WorkspaceMissing (FileNotFoundError)
    │   └── WorkspaceBusy (TimeoutError)
    ├── InputError (ValueError)
    │   ├── UnreadableInput (OSError)
    │   ├── EmptyInput
    │   ├── MalformedInput
    │   └── UnsafeInput          zip slip, zip bombs, links leaving the folder taken in
    ├── NotFound (LookupError)
    │   ├── UnknownItem
    │   ├── UnknownCase
    │   └── UnknownEntity
    ├── IntegrityError           a blob or the custody chain does not match what was recorded
    └── AccessDenied (PermissionError)
"""

from __future__ import annotations

__all__ = [
    "AccessDenied",
    "EmptyInput",
    "InputError",
    "IntegrityError",
    "MalformedInput",
    "NotFound",
    "PursuitError",
    "UnknownCase",
    "UnknownEntity",
    "UnknownItem",
    "UnreadableInput",
    "UnsafeInput",
    "WorkspaceBusy",
    "WorkspaceError",
    "WorkspaceMissing",
]


class PursuitError(Exception):
    """Base of every error pursuit raises on purpose."""


class WorkspaceError(PursuitError):
    """The workspace cannot be opened or used."""


class WorkspaceMissing(WorkspaceError, FileNotFoundError):
    """No workspace exists where one was expected; `pursuit init` creates one."""


class WorkspaceBusy(WorkspaceError, TimeoutError):
    """Another process held the workspace's write lock for too long."""


class InputError(PursuitError, ValueError):
    """Input given by a user cannot be taken in as it is."""


class UnreadableInput(InputError, OSError):
    """A path is missing or cannot be read."""


class EmptyInput(InputError):
    """A file or field is empty where content is required."""


class MalformedInput(InputError):
    """A file claims a format but does not follow it."""


class UnsafeInput(InputError):
    """Input that would write outside its place or exhaust the machine if taken as it is."""


class NotFound(PursuitError, LookupError):
    """A referenced record does not exist."""


class UnknownItem(NotFound):
    """No item has this id or hash."""


class UnknownCase(NotFound):
    """No case has this id or name."""


class UnknownEntity(NotFound):
    """No entity has this id or name."""


class IntegrityError(PursuitError):
    """Stored evidence or its history does not match what was recorded."""


class AccessDenied(PursuitError, PermissionError):
    """The acting user may not do or see this."""


class UnknownProposal(NotFound):
    """No identity proposal of the review queue has this id."""


__all__ += ["UnknownProposal"]


class ToolMissing(PursuitError):
    """A system program an extractor needs (pdftotext, tesseract, ffprobe) is not installed."""


class EncryptedInput(MalformedInput):
    """A file is encrypted and cannot be read without its password."""


__all__ += ["EncryptedInput", "ToolMissing"]


class UnknownMention(NotFound):
    """No extracted mention has this id."""


__all__ += ["UnknownMention"]


class DecisionConflict(InputError):
    """A decision contradicts one already on record; it stands until superseded with a reason."""


class DemoTargetRefused(WorkspaceError):
    """`pursuit demo` was pointed at a folder it did not create; nothing there was touched."""


__all__ += ["DemoTargetRefused"]


class AmbiguousEntity(InputError):
    """A name several profiles carry: the caller must choose one by id."""


class VaultError(PursuitError):
    """The witness vault cannot be opened: its key is missing, wrong or unreadable."""


class VaultKeyMissing(VaultError, FileNotFoundError):
    """No vault key was found where the settings say it lives (file or environment)."""


class VaultKeyWrong(VaultError):
    """A vault or case key was found but does not open this workspace's vault."""


class UnknownWitness(NotFound):
    """No protected witness of the case has this pseudonym."""


class WitnessErased(NotFound):
    """The witness's identity was erased: its key is destroyed; only the pseudonym remains."""


__all__ += ["UnknownWitness", "VaultError", "VaultKeyMissing", "VaultKeyWrong", "WitnessErased"]


class WorkspaceNotEmpty(WorkspaceError):
    """A restore was pointed at a workspace that already holds records or blobs."""


class BackupDamaged(IntegrityError):
    """A backup file's members do not match the SHA-256 its manifest recorded for them."""


__all__ += ["BackupDamaged", "WorkspaceNotEmpty"]


class NotSignedIn(PursuitError):
    """No signed-in user: the request carried no valid session or API token."""


class SigninThrottled(PursuitError):
    """Too many failed sign-ins for this name or from this client; try again later."""


class ReauthRequired(AccessDenied):
    """The action needs a fresh sign-in (password entered again) within the last minutes."""


class UnknownUser(NotFound):
    """No user of this workspace has this name."""


__all__ += ["NotSignedIn", "ReauthRequired", "SigninThrottled", "UnknownUser"]


class StorageFull(WorkspaceError, OSError):
    """The disk (or quota) holding the workspace is full; what was being stored was not kept."""


class UploadTooLarge(UnsafeInput):
    """An upload is larger than the workspace accepts (PURSUIT_MAX_UPLOAD_BYTES); none was kept."""


__all__ += ["StorageFull", "UploadTooLarge"]


class UnknownClaim(NotFound):
    """No claim (or contradiction) with this id among the cases the caller may read."""


__all__ += ["UnknownClaim"]


class UnknownIncident(NotFound):
    """No incident with this id among the cases the caller may read."""


class UnknownElement(NotFound):
    """No such crime, or no such element of it, in the shipped Elements of Crimes data."""


class IncidentWithoutPlace(InputError):
    """The incident has no place: it must be merged into the event it belongs to first."""


class InvalidIncidentDecision(InputError):
    """A merge, split or element status that cannot be made as asked (nothing was stored)."""


__all__ += ["IncidentWithoutPlace", "InvalidIncidentDecision", "UnknownElement", "UnknownIncident"]


class PdfUnavailable(ToolMissing):
    """No browser to print a PDF with, or it failed; the HTML and JSON formats still work."""


class PackageInvalid(InputError):
    """A file given as a court package is not one (not a zip, not a bag, not pursuit's)."""


class PackageTargetExists(InputError):
    """The package would overwrite a file; a court package is never written over another."""


__all__ += ["PackageInvalid", "PackageTargetExists", "PdfUnavailable"]


class UnknownAlert(NotFound):
    """No alert with this id among the cases the caller may read."""


__all__ += ["UnknownAlert"]
