"""What checking one file produced, as handed to reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from mtcheck.document import Document
from mtcheck.errors import InputError
from mtcheck.model import Finding
from mtcheck.suppressions import Suppression


@dataclass(frozen=True)
class Shortfall:
    """A file whose quality score is below ``--fail-under``."""

    score: float
    threshold: float

    @property
    def reason(self) -> str:
        return f"quality score {self.score:.1f} is below --fail-under {self.threshold:g}"


@dataclass(frozen=True)
class FileResult:
    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = field(default=())
    error: InputError | None = None
    # Filled in for the reports only when the run asked (--report-unused-suppressions).
    unused_suppressions: tuple[Suppression, ...] = field(default=())
    shortfall: Shortfall | None = None
    # How many findings ``mtcheck fix`` would fix, the later rounds' included; None
    # when not counted (only the full report asks).
    fixes: int | None = None

    def position(self, offset: int) -> tuple[int, int]:
        assert self.document is not None
        return self.document.position(offset)
