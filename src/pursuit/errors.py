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
