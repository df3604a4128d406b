"""Reporters, chosen by name: each renders a list of FileResults to a stream."""

from __future__ import annotations

from mtcheck.reporters.base import Reporter
from mtcheck.reporters.ci import (
    GithubReporter,
    GitlabReporter,
    JsonLinesReporter,
    JunitReporter,
    RdjsonReporter,
    SarifReporter,
)
from mtcheck.reporters.concise import ConciseReporter
from mtcheck.reporters.full import FullReporter
from mtcheck.reporters.html import HtmlReporter
from mtcheck.reporters.json import JsonReporter

REPORTERS: dict[str, type[Reporter]] = {
    "full": FullReporter,
    "concise": ConciseReporter,
    "json": JsonReporter,
    "json-lines": JsonLinesReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "rdjson": RdjsonReporter,
    "gitlab": GitlabReporter,
    "html": HtmlReporter,
}

__all__ = ["REPORTERS", "Reporter"]
