"""An article quality score in the style of MQM (Multidimensional Quality Metrics).

Each finding costs penalty points by severity — error as an MQM *major* error
(5 points), warning as *minor* (1), info as *neutral* (0) — and the score is
100 minus the penalty per 1,000 words, floored at 0. A clean article scores
100; a raw machine translation with ten glued words and lower-cased names in
300 words scores about 67.
"""

from __future__ import annotations

from mtcheck.analysis import WORD
from mtcheck.model import Severity
from mtcheck.results import FileResult

PENALTY = {Severity.ERROR: 5.0, Severity.WARNING: 1.0, Severity.INFO: 0.0}


def words(result: FileResult) -> int:
    return len(WORD.findall(result.document.text)) if result.document is not None else 0


def score(result: FileResult) -> float | None:
    """0 to 100, or None for a file that could not be read or has no words."""
    count = words(result)
    if not count:
        return None
    penalty = sum(PENALTY[f.severity] for f in result.findings)
    return round(max(0.0, 100.0 - penalty * 1000.0 / count), 1)
