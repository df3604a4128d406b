"""The shape of a detector: a function from a document to hits (``model.Hit``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mtcheck.analysis import Analysis
from mtcheck.document import Document
from mtcheck.model import Applicability, Hit

Detector = Callable[[Document, Analysis], Iterable[Hit]]


def unsafe_removal(start: int, end: int, message: str, *, remove_to: int) -> Hit:
    """Flag ``start:end`` and offer to delete ``start:remove_to`` (a word and its space)."""
    return Hit(
        start, end, ("",), Applicability.UNSAFE, message, edit_start=start, edit_end=remove_to
    )


__all__ = ["Detector", "Hit", "unsafe_removal"]
