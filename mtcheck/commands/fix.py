"""``mtcheck fix``: apply the fixes file by file; show the diff, write, or print the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mtcheck.api import fix_document
from mtcheck.console import Streams, report_error, warn
from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.errors import InputError, LocatedError, MtcheckError
from mtcheck.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.fixer import FixResult
from mtcheck.model import Applicability
from mtcheck.options import FixOptions
from mtcheck.printable import plural
from mtcheck.safe_regex import BudgetExceeded
from mtcheck.session import STDIN_NAME, Session
from mtcheck.writing import as_input_error, write_back


@dataclass
class Fixing:
    """One fix run: the files fixed so far, the counts, the diff pages (HTML)."""

    options: FixOptions
    ruleset: RuleSet
    streams: Streams
    tree: tuple[str, ...] = ()
    failed: bool = False
    applied: int = 0
    remaining: int = 0
    changed: int = 0
    pages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def summary(self) -> Any:
        """The fixed text (--stdout) or the HTML page owns standard output; the summary
        then goes to stderr."""
        if self.options.stdout or self.options.format == "html":
            return self.streams.errors
        return self.streams.out

    def error(self, error: InputError) -> None:
        report_error(self.streams.errors, error)
        self.failed = True

    def file(self, document: Document) -> None:
        level = Applicability.UNSAFE if self.options.unsafe_fixes else Applicability.SAFE
        try:
            result = fix_document(document, self.ruleset, level)
        except BudgetExceeded as exceeded:
            return self.error(InputError(document.path, exceeded.naming(self.ruleset)))
        except LocatedError as error:
            return self.error(InputError(document.path, error.message, error.line))
        except MtcheckError as error:
            return self.error(as_input_error(document.path, error))
        for text in result.notices:
            warn(self.summary, f"{document.path}: {text}")
        self.applied += len(result.applied)
        self.remaining += len(result.remaining)
        self.changed += result.text != document.text
        self._show(document, result)
        self._keep(document, result)
        for skipped in result.skipped:
            warn(
                self.summary,
                f"{document.path}: skipped {skipped.rule_id} “{skipped.matched}”: "
                "it overlaps another fix",
            )
        return None

    def _show(self, document: Document, result: FixResult) -> None:
        if not self.options.show_diff:
            return
        if self.options.format == "html":
            from mtcheck.html_report.fixes import file_entry

            self.pages.append(file_entry(document.path, document.text, result))
        else:
            from mtcheck.diff import render_diff

            render_diff(document.text, result.text, document.path, self.summary)

    def _keep(self, document: Document, result: FixResult) -> None:
        if self.options.write and result.text != document.text:
            if document.path == STDIN_NAME:
                raise InputError(STDIN_NAME, "cannot --write standard input; use --stdout")
            try:
                write_back(document, result.text, self.tree)
            except InputError as error:
                self.error(error)
        if self.options.stdout:
            self.streams.out.file.write(result.text)

    def finish(self) -> None:
        if self.options.format == "html" and self.options.show_diff:
            from mtcheck.html_report import fix_page

            self.streams.out.file.write(fix_page(self.pages))
        from rich.text import Text

        verb = "Fixed" if self.options.write or self.options.stdout else "Would fix"
        line = f"{verb} {plural(self.applied, 'finding')} in {plural(self.changed, 'file')}"
        if self.remaining:
            verb = "remains" if self.remaining == 1 else "remain"
            line += f"; {self.remaining} {verb} (unsafe or display-only: see mtcheck check)"
        self.summary.print(Text(line, style="bold"))

    def status(self) -> int:
        if self.failed:
            return EXIT_ERROR
        if self.options.exit_zero:
            return EXIT_CLEAN
        if self.options.write or self.options.stdout:
            return EXIT_FINDINGS if self.remaining else EXIT_CLEAN
        return EXIT_FINDINGS if (self.applied or self.remaining) else EXIT_CLEAN


def run_fix(options: FixOptions, ruleset: RuleSet, streams: Streams) -> int:
    session = Session(ruleset, options.inputs, streams.stdin)
    fixing = Fixing(options, ruleset, streams, tree=session.options.tree)
    for item in session.documents():
        if isinstance(item, InputError):
            fixing.error(item)
        else:
            fixing.file(item)
    fixing.finish()
    return fixing.status()
