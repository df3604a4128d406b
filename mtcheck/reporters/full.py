"""The default, human report: findings grouped by file, with a summary line."""

from __future__ import annotations

import io
from collections.abc import Sequence

from mtcheck import quality
from mtcheck.fixer import fixable
from mtcheck.model import Applicability, Finding, Severity
from mtcheck.plain import PlainConsole
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
    #: Its per-file fragments are plain text: cached only for output that is no terminal.
    fragment_name = "full-plain"

    def report(self, results: Sequence[FileResult]) -> None:
        total = fixable_count = files_with_findings = 0
        plain = isinstance(self.console, PlainConsole)
        for result in results:
            if result.error is not None:
                continue
            # A verdict of this run (a shortfall) is not in the kept fragment.
            kept = plain and result.shortfall is None
            cached = result.fragments.get(self.fragment_name) if kept else None
            if cached is not None:
                text, count, fixable_here = cached
                self.console.file.write(text)
            else:
                count, fixable_here = self._print_file(result)
            total += count
            fixable_count += fixable_here
            files_with_findings += count > 0
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

    def _print_file(self, result: FileResult) -> tuple[int, int]:
        """Print one file's findings; how many, and how many a safe fix takes care of."""
        if not result.findings:
            return 0, 0
        fixable_count = 0
        header = Text(one_line(result.path), style="bold underline")
        file_score = quality.score(result)
        if file_score is not None:
            header.append(f"  quality {file_score:.1f}/100", style="dim")
        if result.shortfall is not None:
            header.append(f", below --fail-under {result.shortfall.threshold:g}", style="red")
        self.console.print(header, soft_wrap=True)  # a path is never broken
        for finding in result.findings:
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
        return len(result.findings), fixable_count

    @staticmethod
    def fragment(result: FileResult) -> tuple[str, int, int]:
        """This file's part of the report as plain text, and its counts."""
        out = io.StringIO()
        count, fixable_count = FullReporter(PlainConsole(out))._print_file(result)  # type: ignore[arg-type]
        return out.getvalue(), count, fixable_count
