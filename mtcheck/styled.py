"""Styled text for reports, without importing rich until a terminal draws it.

``Text`` keeps the runs of text and their rich style names. ``mtcheck.console.PlainConsole`` writes
its ``plain`` text to a pipe; a rich console renders it through ``__rich__`` as the
rich ``Text`` it stands for (the same runs, the same styles).
"""

from __future__ import annotations

from typing import Any


class Text:
    """The subset of ``rich.text.Text`` the reports use: a base style and styled runs."""

    __slots__ = ("_runs", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.style = style
        self._runs: list[tuple[str, str | None]] = [(text, None)] if text else []

    def append(self, text: str, style: str | None = None) -> Text:
        if text:
            self._runs.append((text, style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self._runs)

    def __str__(self) -> str:
        return self.plain

    def __rich__(self) -> Any:
        from rich.text import Text as RichText

        rendered = RichText(style=self.style)
        for text, style in self._runs:
            rendered.append(text, style=style)
        return rendered
