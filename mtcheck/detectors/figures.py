"""Figures the Spanish source spelled out group by group: ``1 millón 333 mil 218`` comes
out as ``1 million 333 thousand 218``, and ``4 mil 386`` sometimes as ``4 thousand 386
thousand``, the word carried twice. English news writes the figure in digits (1,333,218).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.document import Document
from mtcheck.model import Applicability

# Millions, then thousands, then units, each a group of up to three digits; at least
# two groups, or a lone "N thousand" is MT538's (20 thousand people).
_GROUPS = re.compile(
    r"(?<![\d.,])(?:(?P<millions>[1-9]\d{0,2}) million[ \t]+)?"
    r"(?P<thousands>\d{1,3}) thousand"
    r"(?:[ \t]+(?P<units>\d{1,3})(?!\d|[.,]\d)(?P<doubled>[ \t]+thousand)?)?"
    # A stop or a comma may follow the figure (… 218.), a digit may not.
    r"(?![.,]\d|[ \t]+(?:\d|million|billion|thousand)\b)"
)


def _digits(millions: str | None, thousands: str, units: str | None) -> str:
    figure = int(millions or 0) * 1_000_000 + int(thousands) * 1_000 + int(units or 0)
    return f"{figure:,}"


def detect_figure_word_groups(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if "thousand" not in text:
        return
    for match in _GROUPS.finditer(text):
        millions, units = match.group("millions"), match.group("units")
        if millions is None and units is None:
            continue  # 20 thousand people: one group, MT538's
        # With "thousand" carried twice the source's reading is a guess (4 mil 386, or
        # 4,386 thousand): a person checks it.
        doubled = match.group("doubled") is not None
        applicability = Applicability.UNSAFE if doubled else Applicability.SAFE
        figure = _digits(millions, match.group("thousands"), units)
        yield Hit(
            match.start(),
            match.end(),
            (figure,),
            applicability,
            f"“{match.group()}”: a Spanish figure spelled out by groups of digits; "
            f"English news writes “{figure}”",
        )
