"""``kind = "detector"``: rules whose evidence is weighed in code (see ``mtcheck.detectors``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from mtcheck.detectors import COMPARING_DETECTORS, DETECTORS, Detector, Hit
from mtcheck.model import Finding
from mtcheck.rule import Rule, RuleInfo

if TYPE_CHECKING:
    from mtcheck.analysis import Analysis
    from mtcheck.document import Document


class DetectorRule(Rule):
    """Runs the named detector; the rule file gives its id, message and examples."""

    kind: ClassVar[str] = "detector"
    keys: ClassVar[frozenset[str]] = frozenset({"detector"})

    def __init__(self, info: RuleInfo, table: dict[str, Any]) -> None:
        super().__init__(info)
        name = table["detector"]
        if name not in DETECTORS:
            raise ValueError(f"unknown detector {name!r} (known: {', '.join(sorted(DETECTORS))})")
        self.detector: Detector = DETECTORS[name]
        self.compares_original = name in COMPARING_DETECTORS

    def find(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        for hit in self.detector(document, analysis):
            yield self.finding(
                hit.start,
                hit.end,
                document,
                hit.replacements,
                applicability=hit.applicability,
                message=hit.message,
                edit_span=_edit_span(hit),
                severity=hit.severity,
            )


def _edit_span(hit: Hit) -> tuple[int, int] | None:
    if hit.edit_start is None and hit.edit_end is None:
        return None
    start = hit.start if hit.edit_start is None else hit.edit_start
    end = hit.end if hit.edit_end is None else hit.edit_end
    return start, end
