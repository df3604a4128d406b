"""The default, human report: findings grouped by file, with a summary line."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from mtcheck import quality
from mtcheck.console import PlainConsole
from mtcheck.fixer import fixable
from mtcheck.model import Applicability, Finding, Severity
from mtcheck.printable import one_line, plural
from mtcheck.reporters.base import ReportContext, Reporter
from mtcheck.results import FileResult
from mtcheck.rule import quotable
from mtcheck.styled import Text

if TYPE_CHECKING:
    from rich.console import Console

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _suggestion(finding: Finding) -> Text:
    if not finding.suggestions:
        return Text()
    first = finding.suggestions[0]
    shown = f"“{quotable(first)}”" if first else "remove"
    text = Text("    → ", style="dim")
    text.append(shown, style="green")
    if finding.fix is not None:
        text.append(f"  ({finding.fix.applicability.label} fix)", style="dim")
    else:
        text.append("  (suggestion)", style="dim")
    others = [f"“{quotable(s)}”" if s else "remove" for s in finding.suggestions[1:]]
    if others:
        text.append("  or " + ", ".join(others), style="dim")
    return text


class FullReporter(Reporter):
    #: Its per-file fragments are plain text: cached only for output that is no terminal
    #: (see mtcheck.warm).
    fragment_name = "full-plain"

    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        super().__init__(console, context)
        self.total = self.fixable = self.with_findings = self.checked = 0
        self._plain = isinstance(console, PlainConsole)

    def add(self, result: FileResult) -> None:
        if result.error is not None:
            return
        self.checked += 1
        # A verdict of this run (a shortfall) is not in the kept fragment.
        kept = self._plain and result.shortfall is None
        cached = result.fragments.get(self.fragment_name) if kept else None
        if cached is not None:
            text, count, fixable_here = cached
            self.console.file.write(text)
        else:
            count, fixable_here = self._print_file(result)
        self.total += count
        self.fixable += fixable_here
        self.with_findings += count > 0

    def _print_file(self, result: FileResult) -> tuple[int, int]:
        """Print one file's findings; how many, and how many ``mtcheck fix`` would fix."""
        if not result.findings:
            return 0, 0
        header = Text(one_line(result.path), style="bold underline")
        file_score = quality.score(result)
        if file_score is not None:
            header.append(f"  quality {file_score:.1f}/100", style="dim")
        if result.shortfall is not None:
            header.append(f", below --fail-under {result.shortfall.threshold:g}", style="red")
        self.console.print(header, soft_wrap=True)  # a path is never broken
        for finding in result.findings:
            self._row(result, finding)
        self.console.print()
        if result.fixes is not None:  # what `mtcheck fix` would fix, its later rounds too
            return len(result.findings), result.fixes
        return len(result.findings), sum(fixable(f, Applicability.SAFE) for f in result.findings)

    @staticmethod
    def fragment(result: FileResult) -> tuple[str, int, int]:
        """This file's part of the report as plain text, and its counts."""
        out = io.StringIO()
        reporter = FullReporter(PlainConsole(out))  # type: ignore[arg-type]  # a plain console
        count, fixable_count = reporter._print_file(result)
        return out.getvalue(), count, fixable_count

    def _row(self, result: FileResult, finding: Finding) -> None:
        line, column = result.position(finding.span.start)
        row = Text("  ")
        row.append(f"{line}:{column}".ljust(8), style="bold")
        row.append(finding.rule_id.ljust(7), style=_SEVERITY_STYLE[finding.severity])
        row.append(f"[{finding.category}] ", style="magenta")
        row.append(one_line(finding.message))
        self.console.print(row)
        suggestion = _suggestion(finding)
        if suggestion.plain:
            self.console.print(suggestion)

    def finish(self) -> None:
        checked = self.checked
        if self.total:
            summary = Text(f"Found {plural(self.total, 'finding')}", style="bold")
            summary.append(f" in {self.with_findings} of {plural(checked, 'file')}")
            if self.fixable:
                summary.append(f"; {self.fixable} fixable with ")
                summary.append("mtcheck fix", style="bold")
            self.console.print(summary)
        elif checked:
            self.console.print(Text(f"All clean: {plural(checked, 'file')} checked", style="green"))
