"""The reporter interface: the core never prints, reporters do.

Results reach a reporter one at a time, as the run produces them (``add``);
``finish`` closes the report. A streaming format writes each file as it comes
and keeps nothing; the formats that need the whole run before writing (a SARIF
log, a JUnit suite, the HTML page) gather what they need with
``CollectingReporter``.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mtcheck.model import Severity
from mtcheck.results import FileResult
from mtcheck.rule import RuleInfo

if TYPE_CHECKING:
    from rich.console import Console

    from mtcheck.engine import RuleSet


@dataclass(frozen=True)
class ReportContext:
    """What a report may need besides the results: the run's own rule catalogue
    (a team's --extra-rules included) and the thresholds the run applies."""

    catalogue: Mapping[str, RuleInfo] = field(default_factory=dict)
    fail_on: Severity = Severity.INFO
    fail_under: float | None = None

    @classmethod
    def of(cls, ruleset: RuleSet, fail_under: float | None = None) -> ReportContext:
        """The context of a run of ``ruleset``: every finding comes from one of its rules."""
        return cls(
            {rule.info.id: rule.info for rule in ruleset},
            ruleset.config.fail_on,
            fail_under,
        )


class Reporter(abc.ABC):
    """Renders results on an injected console (so tests can record it)."""

    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        self.console = console
        self.context = context or ReportContext()

    def start(self) -> None:  # noqa: B027 - most formats have no heading
        """Before the first result."""

    @abc.abstractmethod
    def add(self, result: FileResult) -> None:
        """One file's result, as soon as it is ready."""

    def finish(self) -> None:  # noqa: B027 - most formats have no closing
        """After the last result."""

    def report(self, results: Iterable[FileResult]) -> None:
        """The whole report of ``results``."""
        self.start()
        for result in results:
            self.add(result)
        self.finish()

    def write(self, text: str) -> None:
        """Plain text, untouched by rich markup, wrapping or highlighting."""
        self.console.file.write(text)


class CollectingReporter(Reporter):
    """A format written once the whole run is known; ``render`` receives every result."""

    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        super().__init__(console, context)
        self.results: list[FileResult] = []

    def add(self, result: FileResult) -> None:
        self.results.append(result)

    def finish(self) -> None:
        self.render(self.results)

    @abc.abstractmethod
    def render(self, results: Sequence[FileResult]) -> None:
        """Write the report of all files."""
