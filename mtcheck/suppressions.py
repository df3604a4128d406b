"""Inline suppressions: HTML comments an editor writes in the article itself.

``<!-- mtcheck: ignore MT801,casing -->``  the next line (all rules when none given)
``<!-- mtcheck: off -->`` ... ``<!-- mtcheck: on -->``  a range
``<!-- mtcheck: ignore-file -->``  the whole file

The same comments work in plain text, Markdown and HTML. Codes are rule id
prefixes, rule names or categories, as for ``--select``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mtcheck.document import Document
from mtcheck.model import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*mtcheck:\s*(?P<kind>ignore-file|ignore|off|on)\b(?P<codes>[^>]*?)\s*-->",
    re.IGNORECASE,
)


@dataclass
class Suppression:
    kind: str
    codes: tuple[str, ...]
    line: int
    start: int  # the range it covers, in source offsets
    end: int
    used: bool = field(default=False)

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.span.start < max(self.end, self.start + 1):
            return False
        return not self.codes or finding.matches(self.codes)


def parse(document: Document) -> list[Suppression]:
    text = document.text
    if "mtcheck:" not in text:
        return []
    found: list[Suppression] = []
    open_range: Suppression | None = None
    for match in _DIRECTIVE.finditer(text):
        kind = match.group("kind").lower()
        codes = tuple(c for c in re.split(r"[\s,]+", match.group("codes").strip()) if c)
        line, _ = document.position(match.start())
        if kind == "ignore-file":
            found.append(Suppression(kind, codes, line, 0, len(text)))
        elif kind == "ignore":
            target = min(line + 1, document.line_count)
            start, end, _ = document.line_bounds(target)
            found.append(Suppression(kind, codes, line, start, end))
        elif kind == "off" and open_range is None:
            open_range = Suppression(kind, codes, line, match.end(), len(text))
            found.append(open_range)
        elif kind == "on" and open_range is not None:
            open_range.end = match.start()
            open_range = None
    return found


def apply(
    findings: Sequence[Finding], suppressions: Sequence[Suppression]
) -> tuple[list[Finding], list[Suppression]]:
    """The findings no suppression covers, and the suppressions that hid nothing."""
    if not suppressions:
        return list(findings), []
    kept = []
    for finding in findings:
        hiding = [s for s in suppressions if s.covers(finding)]
        for suppression in hiding:
            suppression.used = True
        if not hiding:
            kept.append(finding)
    return kept, [s for s in suppressions if not s.used]
