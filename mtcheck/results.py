"""What checking one file produced, as handed to reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from mtcheck.document import Document
from mtcheck.errors import InputError
from mtcheck.model import Finding


@dataclass(frozen=True)
class FileResult:
    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = field(default=())
    error: InputError | None = None

    def position(self, offset: int) -> tuple[int, int]:
        assert self.document is not None
        return self.document.position(offset)
