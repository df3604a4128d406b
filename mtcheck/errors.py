"""Errors that reach the user as one line naming the file (and line)."""

from __future__ import annotations


class MtcheckError(Exception):
    """Base class; the CLI turns these into exit status 2."""


class LocatedError(MtcheckError):
    """An error in a file, optionally at a line: ``path:line: message``."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None]]:
        # Errors cross process boundaries (check --jobs) by pickling.
        return (type(self), (self.path, self.message, self.line))


class InputError(LocatedError):
    """An article that cannot be read or decoded."""


class RuleError(LocatedError):
    """A rule file that is malformed or contradicts itself."""


class UsageError(MtcheckError):
    """Options that do not go together."""
