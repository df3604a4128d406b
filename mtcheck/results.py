"""What checking one file produced, as handed to reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from mtcheck.document import Document
from mtcheck.errors import InputError
from mtcheck.model import Finding
from mtcheck.suppressions import Suppression


@dataclass(frozen=True)
class FileResult:
    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = field(default=())
    error: InputError | None = None
    unused_suppressions: tuple[Suppression, ...] = field(default=())

    def position(self, offset: int) -> tuple[int, int]:
        assert self.document is not None
        return self.document.position(offset)
