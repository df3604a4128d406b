"""The words around a finding, cut at word boundaries within its line."""

from __future__ import annotations

ELLIPSIS = "…"
_BREAKS = "\r\n"


def context(text: str, start: int, end: int, width: int = 60) -> tuple[str, str]:
    """The text before ``start`` and after ``end`` on the same line, at most about ``width``
    characters each way; a cut falls between words and is marked with an ellipsis."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = len(text)
    for mark in _BREAKS:
        found = text.find(mark, end)
        if found != -1:
            line_end = min(line_end, found)
    before = text[line_start:start]
    if len(before) > width:
        window = before[-width:]
        # Drop the partial word at the window's edge unless the cut falls on a space.
        if not before[-width - 1].isspace():
            space = _first_space(window)
            window = window[space + 1 :] if space != -1 else ""
        before = ELLIPSIS + window.lstrip()
    after = text[end:line_end]
    if len(after) > width:
        window = after[:width]
        if not after[width].isspace():
            space = _last_space(window)
            window = window[:space] if space != -1 else ""
        after = window.rstrip() + ELLIPSIS
    return before, after


def _first_space(text: str) -> int:
    return next((i for i, char in enumerate(text) if char.isspace()), -1)


def _last_space(text: str) -> int:
    return next((i for i in range(len(text) - 1, -1, -1) if text[i].isspace()), -1)
