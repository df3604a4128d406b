"""The line-mode reviewer: one finding at a time, one keystroke a decision.

Used with ``--plain``, ``TERM=dumb`` and where the full-screen reviewer cannot
run. The console and the key reader are injected, so the loop is tested by its
exact transcript; the decisions themselves are the engine's
(:mod:`mtcheck.review.decisions`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mtcheck.diff import render_diff, word_diff
from mtcheck.document import Document
from mtcheck.engine import RuleSet
from mtcheck.model import Finding, Severity
from mtcheck.printable import one_line
from mtcheck.review.context import context
from mtcheck.review.decisions import Current, Decision, Decisions, Key
from mtcheck.review.keys import KeyReader
from mtcheck.review.session import checker

HELP = """\
  y  accept the proposed change          n  reject it (not asked again)
  1-9  pick that alternative             e  edit the replacement
  a  accept all remaining of this rule in this file, at once
  s  skip this finding                   u  undo (again to go further back)
  ]  go on to the next file              ?  this help
  q  quit (asks whether to save)"""

PROMPT = "[y/n/1-9/e/a/s/u/]/?/q] > "
KINDS = ("accepted", "edited", "rejected", "skipped")


@dataclass
class ReviewOutcome:
    text: str
    decisions: list[Decision]
    quit: bool
    rejected: list[Key] = field(default_factory=list)


AskLine = Callable[[str, str], str]


class Review:
    """Reviews one document in the terminal, line by line."""

    def __init__(
        self, decisions: Decisions, console: Console, read_key: KeyReader, ask: AskLine
    ) -> None:
        self.decisions = decisions
        self.document = decisions.document
        self.console = console
        self.read_key = read_key
        self.ask = ask

    @classmethod
    def of(
        cls,
        document: Document,
        ruleset: RuleSet,
        console: Console,
        read_key: KeyReader,
        ask: AskLine,
        min_severity: Severity = Severity.INFO,
        skip: Callable[[str, Finding], bool] | None = None,
    ) -> Review:
        engine = Decisions(document, checker(document, ruleset, min_severity, skip))
        return cls(engine, console, read_key, ask)

    def run(self) -> ReviewOutcome:
        engine = self.decisions
        while (current := engine.current()) is not None:
            self._show(current)
            key = self.read_key(PROMPT)
            if key == "q":
                return self._outcome(quit=True)
            if key == "]":
                break
            self._decide(key, current)
        return self._outcome(quit=False)

    def _decide(self, key: str, current: Current) -> bool:
        engine = self.decisions
        if key == "?":
            self.console.print(HELP, markup=False)
        elif key == "u":
            self.console.print("Undone." if engine.undo() else "Nothing to undo.")
        elif key == "n":
            return engine.reject()
        elif key == "s":
            return engine.skip()
        elif key == "e":
            default = current.options[0] if current.options else current.finding.matched
            return engine.edit(self.ask("Replacement: ", default))
        elif key in ("y", "a") or key.isdigit():
            if not current.options:
                self.console.print("Nothing to accept here: e edits the text, n goes on.")
            elif key == "a":
                count = engine.accept_rule()
                self.console.print(f"Accepted {count} of {current.finding.rule_id}.")
                return True
            elif key == "y":
                return engine.accept(0)
            elif 1 <= int(key) <= len(current.options):
                return engine.accept(int(key) - 1)
            else:
                self.console.print(f"No alternative {key}; ? for help.", markup=False)
        else:
            self.console.print(f"Unknown key {key!r}; ? for help.", markup=False)
        return False

    def _outcome(self, quit: bool) -> ReviewOutcome:
        state = self.decisions.state
        return ReviewOutcome(state.text, list(state.decisions), quit, self.decisions.rejected())

    def _show(self, current: Current) -> None:
        finding, text = current.finding, self.decisions.text
        head = Text(f"[{current.number}/{current.total}] ", style="cyan")
        head.append(
            f"{one_line(self.document.path)}:{current.line}:{current.column}  ", style="bold"
        )
        head.append(f"{finding.rule_id} ", style="yellow")
        head.append(f"[{finding.category}] ", style="magenta")
        head.append(finding.message)
        self.console.print(head)
        if current.follow_up:
            self.console.print("  (a follow-up of your change)", markup=False)
        start, end = finding.span.start, finding.span.end
        before, after = context(text, start, end)
        if not current.options:  # a note: the text as it stands, for the editor to judge
            note = Text("  " + before) + Text(text[start:end], style="bold") + Text(after)
            self.console.print(note, overflow="fold")
            self.console.print("  (no fix: e to edit the text, n to go on)", markup=False)
            return
        markers = self.console.color_system is None or self.console.no_color
        change = Text("  ") + word_diff(
            before + text[start:end] + after, before + current.options[0] + after, markers
        )
        self.console.print(change, overflow="fold")
        for number, option in enumerate(current.options, 1):
            shown = f"“{option}”" if option else "remove"
            self.console.print(f"  {number}) {shown}", markup=False)


def summary_table(decisions: list[Decision]) -> Table:
    counts: Counter[tuple[str, str]] = Counter((d.category, d.kind) for d in decisions)
    table = Table(title="Review summary")
    table.add_column("category")
    for kind in KINDS:
        table.add_column(kind, justify="right")
    for category in sorted({c for c, _ in counts}):
        table.add_row(category, *(str(counts[(category, kind)]) for kind in KINDS))
    return table


def finish(
    console: Console,
    document: Document,
    text: str,
    decisions: list[Decision],
    read_key: KeyReader,
    dry_run: bool,
) -> bool:
    """Show the summary and the diff; return whether the editor wants the file written."""
    if decisions:
        console.print(summary_table(decisions))
    if not render_diff(document.text, text, document.path, console):
        console.print(f"No changes to {one_line(document.path)}.", markup=False)
        return False
    if dry_run:
        return False
    while True:
        answer = read_key(f"Write the changes to {one_line(document.path)}? [y/n] > ").lower()
        if answer in ("y", "n"):
            return answer == "y"
