"""Article formats: plain text, Markdown and HTML, chosen by extension or by name."""

from __future__ import annotations

from pathlib import Path

from mtcheck.formats.prose import ProseMap

SYNTAXES = ("txt", "md", "html")
_BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def syntax_for(path: str | Path) -> str:
    """The syntax a file's extension implies; plain text for anything else."""
    return _BY_SUFFIX.get(Path(path).suffix.lower(), "txt")


def extract(source: str, syntax: str) -> ProseMap:
    """The prose of a marked-up text with its map back to source offsets."""
    if syntax == "md":
        from mtcheck.formats.markdown import extract_markdown

        return extract_markdown(source)
    if syntax == "html":
        from mtcheck.formats.html import extract_html

        return extract_html(source)
    raise ValueError(f"unknown syntax {syntax!r} (expected one of: {', '.join(SYNTAXES)})")


__all__ = ["SYNTAXES", "ProseMap", "extract", "syntax_for"]
