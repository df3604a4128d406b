"""The default, human report: findings grouped by file, with a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from mtcheck import quality
from mtcheck.fixer import fixable
from mtcheck.model import Applicability, Finding, Severity
from mtcheck.printable import one_line
from mtcheck.reporters.base import Reporter
from mtcheck.results import FileResult
from mtcheck.rule import quotable
from mtcheck.styled import Text

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
    def report(self, results: Sequence[FileResult]) -> None:
        total = fixable_count = files_with_findings = 0
        for result in results:
            if result.error is not None or not result.findings:
                continue
            files_with_findings += 1
            header = Text(one_line(result.path), style="bold underline")
            file_score = quality.score(result)
            if file_score is not None:
                header.append(f"  quality {file_score:.1f}/100", style="dim")
            if result.shortfall is not None:
                header.append(f", below --fail-under {result.shortfall.threshold:g}", style="red")
            self.console.print(header, soft_wrap=True)  # a path is never broken
            for finding in result.findings:
                total += 1
                fixable_count += fixable(finding, Applicability.SAFE)
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
            self.console.print()
        checked = sum(1 for r in results if r.error is None)
        if total:
            summary = Text(f"Found {total} finding{'s' if total != 1 else ''}", style="bold")
            summary.append(
                f" in {files_with_findings} of {checked} file{'s' if checked != 1 else ''}"
            )
            if fixable_count:
                summary.append(f"; {fixable_count} fixable with ")
                summary.append("mtcheck fix", style="bold")
            self.console.print(summary)
        elif checked:
            self.console.print(
                Text(
                    f"All clean: {checked} file{'s' if checked != 1 else ''} checked", style="green"
                )
            )
