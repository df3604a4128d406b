"""Reporters, chosen by name: each renders a list of FileResults to a stream.

A reporter's module is imported when it is chosen: the CI formats bring XML and hashing
along, which a check printing the default report never needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from mtcheck.reporters.base import Reporter

_WHERE = {
    "full": ("full", "FullReporter"),
    "concise": ("concise", "ConciseReporter"),
    "json": ("json", "JsonReporter"),
    "json-lines": ("ci", "JsonLinesReporter"),
    "github": ("ci", "GithubReporter"),
    "sarif": ("ci", "SarifReporter"),
    "junit": ("ci", "JunitReporter"),
    "rdjson": ("ci", "RdjsonReporter"),
    "gitlab": ("ci", "GitlabReporter"),
    "html": ("html", "HtmlReporter"),
}


class _Reporters(Mapping[str, type[Reporter]]):
    """Format name -> reporter class, each imported on first use."""

    def __getitem__(self, name: str) -> type[Reporter]:
        module, cls = _WHERE[name]
        reporter: type[Reporter] = getattr(
            importlib.import_module(f"mtcheck.reporters.{module}"), cls
        )
        return reporter

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


REPORTERS: Mapping[str, type[Reporter]] = _Reporters()

__all__ = ["REPORTERS", "Reporter"]
