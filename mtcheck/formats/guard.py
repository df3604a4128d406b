"""Fixes must not change the markup: a fix whose text alone would is withheld.

Mapping a prose fix back to the source keeps it off the markup's characters,
but the markup's meaning also depends on its neighbours: deleting the space
before ``*, the capital,*`` makes that ``*`` literal, and an edit beside
``**`` can turn literal asterisks into bold. So each fix is tried alone on the
source and the markup's skeleton (the parser's tokens without their text) is
compared; a fix that changes it keeps its finding but loses its fix. Fixes
that delete whole lines (scraped chrome) remove their block by design.
"""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

from mtcheck.model import Finding

WITHHELD = "(fix withheld: it would change the markup)"


def skeleton(source: str, syntax: str) -> tuple[Any, ...]:
    """The markup of a source without its words: what a fix must leave as it is."""
    if syntax == "md":
        from mtcheck.formats.markdown import _parser

        shape: list[Any] = []
        for token in _parser().parse(source):
            shape.append((token.type, token.tag, token.markup))
            for child in token.children or ():
                if child.type != "text":
                    shape.append((child.type, child.tag, child.markup))
        return tuple(shape)
    collector = _Tags()
    collector.feed(source)
    collector.close()
    return tuple(collector.shape)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.shape: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape.append(("start", tag))

    def handle_endtag(self, tag: str) -> None:
        self.shape.append(("end", tag))

    def handle_comment(self, data: str) -> None:
        self.shape.append(("comment", ""))


def _alone(source: str, finding: Finding) -> str:
    assert finding.fix is not None
    text = source
    for edit in sorted(finding.fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text


def _deletes_lines(source: str, finding: Finding) -> bool:
    assert finding.fix is not None
    return all(
        e.replacement == "" and "\n" in source[e.span.start : e.span.end] for e in finding.fix.edits
    )


def keep_markup(source: str, findings: list[Finding], syntax: str) -> list[Finding]:
    """The findings, with the fixes that would change the markup withheld."""
    if syntax == "txt" or not any(f.fix is not None for f in findings):
        return findings
    before = skeleton(source, syntax)
    kept = []
    for finding in findings:
        if (
            finding.fix is None
            or _deletes_lines(source, finding)
            or skeleton(_alone(source, finding), syntax) == before
        ):
            kept.append(finding)
        else:
            kept.append(replace(finding, fix=None, message=f"{finding.message} {WITHHELD}"))
    return kept
