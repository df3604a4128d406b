"""The rich console mtcheck draws terminal output with (imported only when one is needed:
output to a pipe goes through ``mtcheck.plain``)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

from mtcheck.printable import printable


class SafeConsole(Console):
    """A rich Console that escapes control characters in everything it prints.

    Rich's own colour and cursor codes are control segments and pass; text
    segments, whatever they came from, are made printable (line breaks and tabs
    kept), so no report, diff, prompt or notice can carry a raw escape.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            segment if segment.control else Segment(printable(segment.text, "\n\t"), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(safe)
