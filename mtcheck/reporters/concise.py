"""One line a finding: ``path:line:col: RULE [category] message``."""

from __future__ import annotations

from mtcheck.printable import one_line
from mtcheck.reporters.base import Reporter
from mtcheck.results import FileResult


class ConciseReporter(Reporter):
    #: The name its per-file fragments are cached under (see mtcheck.warm).
    fragment_name = "concise"

    def add(self, result: FileResult) -> None:
        if result.error is not None:
            return  # input errors go to standard error, once, from the CLI
        cached = result.fragments.get(self.fragment_name)
        self.write(cached[0] if cached is not None else self.fragment(result)[0])

    @staticmethod
    def fragment(result: FileResult) -> tuple[str, int, int]:
        """This file's lines of the report, and how many findings they show."""
        lines = []
        for finding in result.findings:
            line, column = result.position(finding.span.start)
            suggestion = f" → {finding.suggestions[0]!r}" if finding.suggestions else ""
            lines.append(
                one_line(
                    f"{result.path}:{line}:{column}: {finding.rule_id} [{finding.category}] "
                    f"{finding.message}{suggestion}"
                )
                + "\n"
            )
        return "".join(lines), len(lines), 0
