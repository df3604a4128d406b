"""One line a finding: ``path:line:col: RULE [category] message``."""

from __future__ import annotations

from mtcheck.printable import one_line
from mtcheck.reporters.base import Reporter
from mtcheck.results import FileResult


class ConciseReporter(Reporter):
    def add(self, result: FileResult) -> None:
        if result.error is not None:
            return  # input errors go to standard error, once, from the CLI
        for finding in result.findings:
            line, column = result.position(finding.span.start)
            suggestion = f" → {finding.suggestions[0]!r}" if finding.suggestions else ""
            self.write(
                one_line(
                    f"{result.path}:{line}:{column}: {finding.rule_id} [{finding.category}] "
                    f"{finding.message}{suggestion}"
                )
                + "\n"
            )
