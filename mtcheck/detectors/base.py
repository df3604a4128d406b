"""The shape of a detector: a function from a document to hits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from mtcheck.analysis import Analysis
from mtcheck.document import Document
from mtcheck.model import Applicability, Severity


@dataclass(frozen=True)
class Hit:
    """What a detector found: a span, its replacements, how sure it is, and why.

    ``edit_start``/``edit_end`` narrow or widen what the fix replaces when it
    differs from the flagged text.
    """

    start: int
    end: int
    replacements: tuple[str, ...]
    applicability: Applicability | None
    message: str
    edit_start: int | None = None
    edit_end: int | None = None
    severity: Severity | None = None  # None: the rule's own


Detector = Callable[[Document, Analysis], Iterable[Hit]]
