"""Interactive review: step through findings, decide each, save once at the end.

The console and the input stream are injected, so the loop is tested by its
exact transcript. After every accepted change the article is checked again,
so findings that the change creates or removes are current; rejected findings
are remembered by position, shifted by every later edit, and never asked twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mtcheck.baseline import Key, finding_key
from mtcheck.diff import render_diff, word_diff
from mtcheck.document import Document
from mtcheck.engine import RuleSet, check
from mtcheck.model import Finding, Severity
from mtcheck.printable import one_line

HELP = """\
  y  accept the proposed change          n  reject it (not asked again)
  1-9  pick that alternative             e  edit the replacement
  a  accept all remaining of this rule in this file
  s  skip the rest of this file          u  undo the last decision
  ?  this help                           q  quit (asks whether to save)"""

_CONTEXT = 60


@dataclass
class Decision:
    kind: str  # accepted, rejected, edited
    category: str


@dataclass
class _State:
    text: str
    cursor: int = 0
    rejected: list[tuple[str, int, int]] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    auto_rules: set[str] = field(default_factory=set)


@dataclass
class ReviewOutcome:
    text: str
    decisions: list[Decision]
    quit: bool
    rejected: list[tuple[str, int, int]] = field(default_factory=list)


AskLine = Callable[[str, str], str]


class Review:
    """Reviews one document; ``ask`` reads a line (with a prefilled default)."""

    def __init__(
        self,
        document: Document,
        ruleset: RuleSet,
        console: Console,
        ask: AskLine,
        min_severity: Severity = Severity.INFO,
        skip: Callable[[str, Finding], bool] | None = None,
    ) -> None:
        self.document = document
        self.ruleset = ruleset
        self.console = console
        self.ask = ask
        self.min_severity = min_severity
        self.skip = skip or (lambda text, finding: False)

    def _findings(self, text: str) -> list[Finding]:
        findings = check(self.document.with_text(text), self.ruleset)
        return [f for f in findings if f.severity >= self.min_severity and not self.skip(text, f)]

    def rejected_keys(self, outcome: ReviewOutcome, text: str) -> list[Key]:
        """Baseline keys of the findings the editor rejected, in the text as saved."""
        findings = check(self.document.with_text(text), self.ruleset)
        by_span = {(f.rule_id, f.span.start, f.span.end): f for f in findings}
        return [
            finding_key(self.document.path, text, by_span[entry])
            for entry in outcome.rejected
            if entry in by_span
        ]

    def _next(self, state: _State) -> Finding | None:
        for finding in self._findings(state.text):
            if finding.span.start < state.cursor:
                continue
            if (finding.rule_id, finding.span.start, finding.span.end) in state.rejected:
                continue
            return finding
        return None

    def run(self) -> ReviewOutcome:
        state = _State(self.document.text)
        history: list[_State] = []
        while (finding := self._next(state)) is not None:
            if finding.rule_id in state.auto_rules:
                _apply(state, _edits(finding, 0, ""), "accepted", finding.category)
                continue
            self._show(state.text, finding)
            answer = self.ask(_PROMPT, "").strip().lower()
            if answer == "?":
                self.console.print(HELP)
                continue
            if answer == "q":
                return ReviewOutcome(state.text, state.decisions, True, state.rejected)
            if answer == "s":
                break
            if answer == "u":
                if history:
                    state = history.pop()
                    self.console.print("Undone.")
                else:
                    self.console.print("Nothing to undo.")
                continue
            choice, replacement, kind = self._choose(answer, finding)
            if kind is None:
                if not _replacements(finding) and answer in ("y", "a", "1"):
                    self.console.print("Nothing to accept here: e edits the text, n goes on.")
                else:
                    self.console.print(f"Unknown key {answer!r}; ? for help.", markup=False)
                continue
            history.append(_copy(state))
            if kind == "rejected":
                state.rejected.append((finding.rule_id, finding.span.start, finding.span.end))
                state.decisions.append(Decision("rejected", finding.category))
                continue
            if answer == "a":
                state.auto_rules.add(finding.rule_id)
            _apply(state, _edits(finding, choice, replacement), kind, finding.category)
        return ReviewOutcome(state.text, state.decisions, False, state.rejected)

    def _choose(self, answer: str, finding: Finding) -> tuple[int | None, str, str | None]:
        """(index of the option chosen or None, replacement, kind of decision)."""
        options = _replacements(finding)
        if answer == "n":
            return None, "", "rejected"
        if answer == "e":
            # A note (an omission, say) has no fix: edit the flagged text itself.
            default = options[0] if options else finding.matched
            return None, self.ask("Replacement: ", default), "edited"
        if not options:
            return None, "", None
        if answer in ("y", "a"):
            return 0, options[0], "accepted"
        if answer.isdigit() and 1 <= int(answer) <= len(options):
            return int(answer) - 1, options[int(answer) - 1], "accepted"
        return None, "", None

    def _show(self, text: str, finding: Finding) -> None:
        document = self.document.with_text(text)
        line, column = document.position(finding.span.start)
        head = Text(f"{one_line(document.path)}:{line}:{column}  ", style="bold")
        head.append(f"{finding.rule_id} ", style="yellow")
        head.append(f"[{finding.category}] ", style="magenta")
        head.append(finding.message)
        self.console.print(head)
        start, end = finding.span.start, finding.span.end
        before = text[max(0, start - _CONTEXT) : start].rsplit("\n", 1)[-1]
        after = text[end : end + _CONTEXT].split("\n", 1)[0]
        options = _replacements(finding)
        if not options:  # a note: the text as it stands, for the editor to judge
            note = Text("  " + before) + Text(text[start:end], style="bold") + Text(after)
            self.console.print(note, overflow="fold")
            self.console.print("  (no fix: e to edit the text, n to go on)", markup=False)
            return
        markers = self.console.color_system is None or self.console.no_color
        change = Text("  ") + word_diff(
            before + text[start:end] + after, before + options[0] + after, markers
        )
        self.console.print(change, overflow="fold")
        for number, option in enumerate(options, 1):
            shown = f"“{option}”" if option else "remove"
            self.console.print(f"  {number}) {shown}", markup=False)


_PROMPT = "[y/n/1-9/e/a/s/u/?/q] > "


def _replacements(finding: Finding) -> tuple[str, ...]:
    if finding.suggestions:
        return finding.suggestions
    if finding.fix is not None and len(finding.fix.edits) == 1:
        return (finding.fix.edits[0].replacement,)
    return ()


def _edits(finding: Finding, choice: int | None, replacement: str) -> list[tuple[int, int, str]]:
    """The source edits for a decision.

    The first option with a fix applies the fix's own edits (exact, and in
    Markdown or HTML mapped around the markup); any other choice replaces the
    flagged text, or the range a single-edit fix covers (a whole line).
    """
    fix = finding.fix
    if choice == 0 and fix is not None:
        return [(e.span.start, e.span.end, e.replacement) for e in fix.edits]
    if choice is not None:
        replacement = _replacements(finding)[choice]
    if fix is not None and len(fix.edits) == 1 and not replacement:
        edit = fix.edits[0]  # removing: take what the fix would remove (the line and its break)
        if edit.span.start <= finding.span.start and finding.span.end <= edit.span.end:
            return [(edit.span.start, edit.span.end, "")]
    return [(finding.span.start, finding.span.end, replacement)]


def _apply(state: _State, edits: list[tuple[int, int, str]], kind: str, category: str) -> None:
    for start, end, replacement in sorted(edits, reverse=True):
        state.text = state.text[:start] + replacement + state.text[end:]
        delta = len(replacement) - (end - start)
        state.rejected = [
            (rule, s + delta, e + delta) if s >= end else (rule, s, e)
            for rule, s, e in state.rejected
            if e <= start or s >= end
        ]
    first_start, _, first_replacement = min(edits)
    state.cursor = first_start + len(first_replacement)
    state.decisions.append(Decision(kind, category))


def _copy(state: _State) -> _State:
    return _State(
        state.text,
        state.cursor,
        list(state.rejected),
        list(state.decisions),
        set(state.auto_rules),
    )


def summary_table(decisions: list[Decision]) -> Table:
    counts: Counter[tuple[str, str]] = Counter((d.category, d.kind) for d in decisions)
    table = Table(title="Review summary")
    for column in ("category", "accepted", "rejected", "edited"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category in sorted({c for c, _ in counts}):
        table.add_row(
            category,
            *(str(counts[(category, kind)]) for kind in ("accepted", "rejected", "edited")),
        )
    return table


def finish(
    console: Console, document: Document, outcome: ReviewOutcome, ask: AskLine, dry_run: bool
) -> bool:
    """Show the summary and the diff; return whether the editor wants the file written."""
    if outcome.decisions:
        console.print(summary_table(outcome.decisions))
    if not render_diff(document.text, outcome.text, document.path, console):
        console.print(f"No changes to {one_line(document.path)}.", markup=False)
        return False
    if dry_run:
        return False
    answer = ask(f"Write the changes to {one_line(document.path)}? [y/n] > ", "").strip().lower()
    return answer == "y"
