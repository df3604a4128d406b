"""The decisions engine under both reviewers: pure state, no terminal.

A review is a stack of immutable states, so undo goes back any number of
steps. Each state holds the text as it stands, the batches of edits applied
so far (to map any offset back to the file on disk), and the findings the
editor rejected or skipped, by (rule, start, end) in the current text and
shifted through every later edit. After every change the text is checked
again: findings the change creates are marked as its follow-ups and come
next; findings it removes are gone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from mtcheck.document import Document
from mtcheck.model import Finding

Key = tuple[str, int, int]  # rule id, start, end in the current text
Checker = Callable[[str], list[Finding]]


@dataclass(frozen=True)
class Decision:
    kind: str  # accepted, rejected, edited, skipped
    category: str
    rule_id: str = ""


@dataclass(frozen=True, order=True)
class Change:
    """Replace ``text[start:end]`` with ``replacement``, in the text before its batch."""

    start: int
    end: int
    replacement: str

    @property
    def delta(self) -> int:
        return len(self.replacement) - (self.end - self.start)


Batch = tuple[Change, ...]  # sorted, non-overlapping, applied together


@dataclass(frozen=True)
class State:
    text: str
    batches: tuple[Batch, ...] = ()
    rejected: frozenset[Key] = frozenset()
    skipped: frozenset[Key] = frozenset()
    follow_ups: frozenset[Key] = frozenset()
    decisions: tuple[Decision, ...] = ()
    focus: Key | None = None  # the finding in view
    cursor: int = 0  # where to look for the next finding when the focus is gone


@dataclass(frozen=True)
class Current:
    """The finding in view, with what a reviewer shows of it."""

    finding: Finding
    number: int  # 1-based, counting decided findings first
    total: int  # decided + open
    line: int  # on disk
    column: int
    follow_up: bool
    options: tuple[str, ...]


def key_of(finding: Finding) -> Key:
    return (finding.rule_id, finding.span.start, finding.span.end)


def options_of(finding: Finding) -> tuple[str, ...]:
    """The replacements offered, numbered from 1; none for a note."""
    if finding.suggestions:
        return finding.suggestions
    if finding.fix is not None and len(finding.fix.edits) == 1:
        return (finding.fix.edits[0].replacement,)
    return ()


def changes_for(finding: Finding, choice: int | None, replacement: str = "") -> Batch:
    """The changes a decision makes.

    The first option of a finding with a fix applies the fix's own edits (exact,
    and in Markdown or HTML mapped around the markup); any other choice replaces
    the flagged text, or removes the range a single-edit removal covers (a line).
    """
    fix = finding.fix
    if choice == 0 and fix is not None:
        return tuple(sorted(Change(e.span.start, e.span.end, e.replacement) for e in fix.edits))
    if choice is not None:
        replacement = options_of(finding)[choice]
    if fix is not None and len(fix.edits) == 1 and not replacement:
        edit = fix.edits[0]
        if edit.span.start <= finding.span.start and finding.span.end <= edit.span.end:
            return (Change(edit.span.start, edit.span.end, ""),)
    return (Change(finding.span.start, finding.span.end, replacement),)


def apply_batch(text: str, batch: Batch) -> str:
    for change in reversed(batch):
        text = text[: change.start] + change.replacement + text[change.end :]
    return text


def shift_keys(keys: frozenset[Key], batch: Batch) -> frozenset[Key]:
    """Keys moved through a batch; a key that a change touches is dropped."""
    moved = set()
    for rule, start, end in keys:
        if any(_touches(change, start, end) for change in batch):
            continue
        delta = sum(change.delta for change in batch if change.end <= start)
        moved.add((rule, start + delta, end + delta))
    return frozenset(moved)


def _touches(change: Change, start: int, end: int) -> bool:
    if change.start < end and start < change.end:
        return True
    # An insertion strictly inside the span changes it too.
    return change.start == change.end and start < change.start < end


def unmap(offset: int, batches: Sequence[Batch]) -> int:
    """The offset in the text on disk of an offset in the current text.

    Text that a change inserted maps to where the change began.
    """
    for batch in reversed(batches):
        delta = 0
        for change in batch:
            new_start = change.start + delta
            if offset < new_start:
                break
            if offset < new_start + len(change.replacement):
                offset = change.start + delta  # inside inserted text
                break
            delta += change.delta
        offset -= delta
    return offset


def overlapping(batch: Batch, change: Change) -> bool:
    return any(
        (c.start < change.end and change.start < c.end)
        or (c.start == c.end == change.start == change.end)
        for c in batch
    )


@dataclass
class Decisions:
    """One file's review: the current state, its history, and a view filter."""

    document: Document  # as read from disk
    check: Checker
    history: list[State] = field(default_factory=list)
    state: State = field(init=False)
    codes: tuple[str, ...] = ()  # show only findings matching these (rule, name or category)
    _cache: dict[str, list[Finding]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.state = State(self.document.text)

    # -- what is there -------------------------------------------------------

    @property
    def text(self) -> str:
        return self.state.text

    @property
    def changed(self) -> bool:
        return self.state.text != self.document.text

    def findings(self) -> list[Finding]:
        """Every finding in the current text, decided or not."""
        text = self.state.text
        if text not in self._cache:
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[text] = sorted(self.check(text), key=lambda f: f.sort_key)
        return self._cache[text]

    def open(self) -> list[Finding]:
        """The findings still to decide, in the order of the text (filtered)."""
        closed = self.state.rejected | self.state.skipped
        return [
            f
            for f in self.findings()
            if key_of(f) not in closed and (not self.codes or f.matches(self.codes))
        ]

    def current(self) -> Current | None:
        pending = self.open()
        if not pending:
            return None
        index = self._focus_index(pending)
        finding = pending[index]
        decided = len(self.state.decisions)
        line, column = self.disk_position(finding.span.start)
        return Current(
            finding,
            decided + index + 1,
            decided + len(pending),
            line,
            column,
            key_of(finding) in self.state.follow_ups,
            options_of(finding),
        )

    def _focus_index(self, pending: list[Finding]) -> int:
        keys = [key_of(f) for f in pending]
        if self.state.focus in keys:
            return keys.index(self.state.focus)
        # Follow-ups of the last change first, then the next finding on, then from the top.
        cursor = self.state.cursor
        follow = [i for i, k in enumerate(keys) if k in self.state.follow_ups and k[1] >= cursor]
        if follow:
            return follow[0]
        return next((i for i, f in enumerate(pending) if f.span.start >= cursor), 0)

    def disk_position(self, offset: int) -> tuple[int, int]:
        """The (line, column) in the file as it is on disk of an offset in the current text."""
        return self.document.position(
            min(unmap(offset, self.state.batches), len(self.document.text))
        )

    def counts(self) -> Counter[str]:
        """Open findings per category."""
        return Counter(f.category for f in self.open())

    # -- moving (not a decision: nothing to undo) ----------------------------

    def move(self, step: int) -> None:
        pending = self.open()
        if not pending:
            return
        index = (self._focus_index(pending) + step) % len(pending)
        self.state = replace(self.state, focus=key_of(pending[index]))

    def focus_on(self, finding: Finding) -> None:
        self.state = replace(self.state, focus=key_of(finding))

    def set_filter(self, codes: Sequence[str]) -> None:
        self.codes = tuple(c for c in codes if c)

    # -- decisions -------------------------------------------------------------

    def accept(self, choice: int = 0) -> bool:
        """Apply option ``choice`` (0-based) of the finding in view; False if it has none."""
        current = self.current()
        if current is None or not 0 <= choice < len(current.options):
            return False
        finding = current.finding
        self._change(
            changes_for(finding, choice), [Decision("accepted", finding.category, finding.rule_id)]
        )
        return True

    def edit(self, replacement: str) -> bool:
        """Replace the flagged text (or what the fix covers) with the editor's own words."""
        current = self.current()
        if current is None:
            return False
        finding = current.finding
        batch = changes_for(finding, None, replacement)
        self._change(batch, [Decision("edited", finding.category, finding.rule_id)])
        return True

    def accept_rule(self) -> int:
        """Accept every open finding of the rule in view, at once; return how many."""
        current = self.current()
        if current is None or not current.options:
            return 0
        rule = current.finding.rule_id
        batch: list[Change] = []
        decisions = []
        for finding in self.open_of_rule(rule):
            changes = changes_for(finding, 0)
            if any(overlapping(tuple(batch), change) for change in changes):
                continue  # overlaps one already taken: the re-check brings it back if it remains
            batch.extend(changes)
            decisions.append(Decision("accepted", finding.category, finding.rule_id))
        self._change(tuple(sorted(batch)), decisions)
        return len(decisions)

    def open_of_rule(self, rule: str) -> list[Finding]:
        closed = self.state.rejected | self.state.skipped
        return [
            f
            for f in self.findings()
            if f.rule_id == rule and key_of(f) not in closed and options_of(f)
        ]

    def reject(self) -> bool:
        return self._close("rejected")

    def skip(self) -> bool:
        return self._close("skipped")

    def undo(self) -> bool:
        if not self.history:
            return False
        self.state = self.history.pop()
        return True

    def rejected(self) -> list[Key]:
        return sorted(self.state.rejected)

    # -- internals -------------------------------------------------------------

    def _close(self, kind: str) -> bool:
        current = self.current()
        if current is None:
            return False
        finding = current.finding
        key = key_of(finding)
        state = self.state
        self.history.append(state)
        self.state = replace(
            state,
            rejected=state.rejected | {key} if kind == "rejected" else state.rejected,
            skipped=state.skipped | {key} if kind == "skipped" else state.skipped,
            decisions=(*state.decisions, Decision(kind, finding.category, finding.rule_id)),
            focus=None,
            cursor=finding.span.start,
        )
        return True

    def _change(self, batch: Batch, decisions: list[Decision]) -> None:
        state = self.state
        before = frozenset(key_of(f) for f in self.findings())
        text = apply_batch(state.text, batch)
        expected = shift_keys(before, batch)
        self.history.append(state)
        self.state = State(
            text,
            (*state.batches, batch),
            shift_keys(state.rejected, batch),
            shift_keys(state.skipped, batch),
            shift_keys(state.follow_ups, batch),
            (*state.decisions, *decisions),
            None,
            # The next finding is looked for from the start of the change, so that one the
            # change creates there (Putin after "putin whose") comes next.
            batch[0].start if batch else state.cursor,
        )
        new = frozenset(key_of(f) for f in self.findings()) - expected
        self.state = replace(self.state, follow_ups=self.state.follow_ups | new)
