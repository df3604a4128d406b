"""The shape of a detector: a function from a document to hits (``model.Hit``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mtcheck.analysis import Analysis
from mtcheck.document import Document
from mtcheck.model import Hit

Detector = Callable[[Document, Analysis], Iterable[Hit]]


__all__ = ["Detector", "Hit"]
