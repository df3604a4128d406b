"""The default, human report: findings grouped by file, with a summary line."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from mtcheck import quality
from mtcheck.fixer import fixable
from mtcheck.model import Applicability, Finding, Severity
from mtcheck.printable import one_line, plural
from mtcheck.reporters.base import ReportContext, Reporter
from mtcheck.results import FileResult
from mtcheck.rule import quotable

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
    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        super().__init__(console, context)
        self.total = self.fixable = self.with_findings = self.checked = 0

    def add(self, result: FileResult) -> None:
        if result.error is not None:
            return
        self.checked += 1
        if not result.findings:
            return
        self.with_findings += 1
        header = Text(one_line(result.path), style="bold underline")
        file_score = quality.score(result)
        if file_score is not None:
            header.append(f"  quality {file_score:.1f}/100", style="dim")
        if result.shortfall is not None:
            header.append(f", below --fail-under {result.shortfall.threshold:g}", style="red")
        self.console.print(header, soft_wrap=True)  # a path is never broken
        for finding in result.findings:
            self.total += 1
            self._row(result, finding)
        if result.fixes is not None:  # what `mtcheck fix` would fix, its later rounds too
            self.fixable += result.fixes
        else:
            self.fixable += sum(fixable(f, Applicability.SAFE) for f in result.findings)
        self.console.print()

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
