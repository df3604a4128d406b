"""Reporters, chosen by name: each renders FileResults, as they stream, to a console.

The classes are imported when a format is chosen, not before: ``check`` loads
only the one it writes (the CI formats bring XML and hashing with them).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from mtcheck.reporters.base import CollectingReporter, ReportContext, Reporter

if TYPE_CHECKING:
    from rich.console import Console

# name: (module, class)
_FORMATS: dict[str, tuple[str, str]] = {
    "full": ("mtcheck.reporters.full", "FullReporter"),
    "concise": ("mtcheck.reporters.concise", "ConciseReporter"),
    "json": ("mtcheck.reporters.json", "JsonReporter"),
    "json-lines": ("mtcheck.reporters.ci", "JsonLinesReporter"),
    "github": ("mtcheck.reporters.ci", "GithubReporter"),
    "sarif": ("mtcheck.reporters.ci", "SarifReporter"),
    "junit": ("mtcheck.reporters.ci", "JunitReporter"),
    "rdjson": ("mtcheck.reporters.ci", "RdjsonReporter"),
    "gitlab": ("mtcheck.reporters.ci", "GitlabReporter"),
    "html": ("mtcheck.reporters.html", "HtmlReporter"),
}
FORMATS: tuple[str, ...] = tuple(sorted(_FORMATS))


def reporter_class(name: str) -> type[Reporter]:
    """The reporter of a format; KeyError for an unknown name."""
    module, cls = _FORMATS[name]
    found: type[Reporter] = getattr(import_module(module), cls)
    return found


def reporter_for(name: str, console: Console, context: ReportContext | None = None) -> Reporter:
    return reporter_class(name)(console, context)


__all__ = [
    "FORMATS",
    "CollectingReporter",
    "ReportContext",
    "Reporter",
    "reporter_class",
    "reporter_for",
]
