"""``kind = "line"``: labels and site chrome recognised as whole lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from mtcheck import safe_regex
from mtcheck.document import removal_span
from mtcheck.kinds.pattern import RegexRule, compile_flags
from mtcheck.model import Finding
from mtcheck.rule import RuleInfo

if TYPE_CHECKING:
    from mtcheck.analysis import Analysis
    from mtcheck.document import Document


class LineRule(RegexRule):
    """Matches ``pattern`` at the start of each line (after indentation).

    ``action = "remove"`` deletes the line; ``action = "replace"`` replaces the
    matched part (or the group ``flag``) with the ``replace`` templates.
    """

    kind: ClassVar[str] = "line"
    keys: ClassVar[frozenset[str]] = frozenset({"pattern", "action", "replace", "flags"})

    def __init__(self, info: RuleInfo, table: dict[str, Any]) -> None:
        super().__init__(info)
        self.regex = safe_regex.compile(table["pattern"], compile_flags(table.get("flags", "")))
        self.action: str = table.get("action", "remove")
        if self.action not in ("remove", "replace"):
            raise ValueError(f"unknown action {self.action!r} (expected remove or replace)")
        self.templates: tuple[str, ...] = tuple(table.get("replace", ()))
        if self.action == "replace" and not self.templates:
            raise ValueError('action = "replace" needs a replace list')

    def find(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        text = document.text
        # Its lookbehinds may see the line before: an anchor there serves this line too.
        for line in analysis.lines(self, self.literals, self.reach.before):
            start, end, _ = document.line_bounds(line)
            indent = start
            while indent < end and text[indent] in " \t":
                indent += 1
            match = self.regex.match(text, indent, end)
            if match is None:
                continue
            if self.action == "remove":
                content_end = end
                while content_end > indent and text[content_end - 1] in " \t":
                    content_end -= 1
                yield self.finding(
                    indent, content_end, document, [""], edit_span=removal_span(document, line)
                )
            else:
                group = "flag" if "flag" in self.regex.groupindex else 0
                lo, hi = match.span(group)
                replacements = [match.expand(t) for t in self.templates]
                yield self.finding(lo, hi, document, replacements)
