"""One `Settings` object, built at the entry point and passed down.

Values come from arguments, then `PURSUIT_*` environment variables, then defaults. Nothing in the
core reads the environment itself, so tests build their own `Settings` without touching globals.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "default_actor"]


def default_actor() -> str:
    """The operating-system user, so custody events name someone even when no one logged in."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Settings(BaseSettings):
    """Where the workspace lives and who is acting.

    `database_url` overrides the SQLite file under `home` (a PostgreSQL URL for a server
    installation); the blob store always lives under `home/blobs` unless `blob_dir` is given.
    The witness vault's key never lives in the workspace: `vault_key` (base64, for servers) or
    the file `vault_key_file` names, else a file under the user's config folder.
    """

    model_config = SettingsConfigDict(env_prefix="PURSUIT_", env_nested_delimiter="__")

    home: Path = Field(default=Path("pursuit-data"))
    database_url: str | None = None
    blob_dir: Path | None = None
    actor: str = Field(default_factory=default_actor)
    lock_timeout: float = 60.0
    max_ocr_pages: int = 200
    max_unpacked_bytes: int = 4 * 1024**3
    max_nesting: int = 4
    # Crash and resource limits: each turns into a failed or partial stage for that item only.
    ocr_time_budget: float = 300.0  # seconds of OCR per item; the rest is noted as not read
    nlp_max_chars: int = 20_000_000  # characters the language stage reads per item
    nlp_chunk_chars: int = 100_000  # the language stage reads text in pieces of this size
    max_upload_bytes: int = 2 * 1024**3  # larger uploads are refused whole (HTTP 413)
    vault_key_file: Path | None = None
    vault_key: SecretStr | None = None

    @property
    def blobs_path(self) -> Path:
        return self.blob_dir if self.blob_dir is not None else self.home / "blobs"

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the workspace database."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'pursuit.sqlite').resolve()}"
