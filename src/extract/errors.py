"""Error types with codes (the contract's `errors.error_code` vocabulary)."""
from __future__ import annotations

ERROR_CODES = ("empty", "binary", "undecodable", "truncated", "unreadable", "too_large", "internal")


class ExtractError(Exception):
    """Base class of this package's errors."""


class ReadError(ExtractError):
    """A bulletin file that cannot be read; ``code`` is one of ERROR_CODES."""

    def __init__(self, code: str, message: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message


class UsageError(ExtractError, ValueError):
    """Bad arguments or options (exit status 2); a ValueError to Python callers."""
