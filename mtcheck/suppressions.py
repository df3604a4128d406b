"""Inline suppressions: HTML comments an editor writes in the article itself.

``text <!-- mtcheck: ignore MT801,casing -->``  its own line, as ``# noqa`` works
``<!-- mtcheck: ignore-next-line MT801 -->``  the next line (all rules when none given)
``<!-- mtcheck: off -->`` ... ``<!-- mtcheck: on -->``  a range
``<!-- mtcheck: ignore-file -->``  the whole file

The same comments work in plain text, Markdown and HTML. Codes are rule id
prefixes, rule names or categories, as for ``--select``. An ``ignore`` comment
alone on its line covers the next line: the older spelling of
``ignore-next-line``, kept so that articles written for it still work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mtcheck.document import Document
from mtcheck.model import Finding

_TAG = re.compile(r"<[^>]*>")
_DIRECTIVE = re.compile(
    r"<!--\s*mtcheck:\s*(?P<kind>ignore-file|ignore-next-line|ignore|off|on)(?![\w-])(?P<codes>[^>]*?)\s*-->",
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

    @property
    def directive(self) -> str:
        return f"mtcheck: {self.kind} {','.join(self.codes) or 'all rules'}"

    @property
    def unused_reason(self) -> str:
        return f"unused suppression ({self.directive}) hides nothing"

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
        elif kind in ("ignore", "ignore-next-line"):
            same_line = kind == "ignore" and _shares_line(document, match, line)
            target = line if same_line else min(line + 1, document.line_count)
            start, end, _ = document.line_bounds(target)
            found.append(Suppression(kind, codes, line, start, end))
        elif kind == "off" and open_range is None:
            open_range = Suppression(kind, codes, line, match.end(), len(text))
            found.append(open_range)
        elif kind == "on" and open_range is not None:
            open_range.end = match.start()
            open_range = None
    return found


def _shares_line(document: Document, directive: re.Match[str], line: int) -> bool:
    """Whether the comment sits beside text (not only markup) on its line."""
    start, end, _ = document.line_bounds(line)
    text = document.text
    rest = text[start : directive.start()] + text[directive.end() : end]
    return bool(_TAG.sub("", rest).strip())


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
