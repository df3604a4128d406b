"""Findings on prose, moved to the source they came from."""

from __future__ import annotations

from dataclasses import replace

from mtcheck.formats.prose import ProseMap
from mtcheck.model import Edit, Finding, Fix, Span

WITHHELD = " (fix withheld: it would break the markup)"


def to_source(finding: Finding, prose_map: ProseMap, source: str) -> Finding | None:
    """The finding at source offsets; None if it lies wholly in text the extractor added."""
    span = prose_map.finding_span(finding.span.start, finding.span.end)
    if span is None:
        return None
    fix = finding.fix
    message = finding.message
    if fix is not None:
        edits = [
            prose_map.map_edit(source, e.span.start, e.span.end, e.replacement) for e in fix.edits
        ]
        if all(edit is not None for edit in edits):
            fix = Fix(
                fix.applicability,
                tuple(Edit(Span(s, e), r) for s, e, r in edits),  # type: ignore[misc]
            )
        else:
            fix, message = None, message + WITHHELD
    return replace(
        finding,
        span=Span(*span),
        matched=source[span[0] : span[1]],
        fix=fix,
        message=message,
    )
