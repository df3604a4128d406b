"""Apply fixes as edits at offsets, in one pass per round, until the text is stable.

As in ruff's fix loop: the fixes of a round are sorted by position, a fix that
overlaps one already taken is skipped (and reported), the text is rebuilt once,
checked again, and the loop stops when nothing changes or after a cap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mtcheck.model import Applicability, Edit, Finding, Fix

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...] = field(default=())
    skipped: tuple[Finding, ...] = field(default=())
    remaining: tuple[Finding, ...] = field(default=())
    rounds: int = 0
    converged: bool = True

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fixable(finding: Finding, level: Applicability) -> bool:
    fix = finding.fix
    return (
        fix is not None
        and fix.applicability != Applicability.DISPLAY_ONLY
        and (fix.applicability >= level)
    )


def apply_once(
    text: str, findings: list[Finding], level: Applicability
) -> tuple[str, list[Finding], list[Finding]]:
    """Apply every non-overlapping fix at ``level`` or safer; return (text, applied, skipped)."""
    candidates = sorted((f for f in findings if fixable(f, level)), key=_fix_order)
    taken: list[Fix] = []
    seen: set[Fix] = set()
    applied: list[Finding] = []
    skipped: list[Finding] = []
    # Fixes come in order of position, so one frontier (the end of the furthest
    # edit taken) decides overlaps in linear time, even for 100,000 fixes.
    frontier = -1
    last_insertion = -1
    for finding in candidates:
        fix = finding.fix
        assert fix is not None
        if fix in seen or any(_crosses(e, frontier, last_insertion) for e in fix.edits):
            skipped.append(finding)
            continue
        taken.append(fix)
        seen.add(fix)
        applied.append(finding)
        frontier = max(frontier, *(e.span.end for e in fix.edits))
        for edit in fix.edits:
            if edit.span.start == edit.span.end:
                last_insertion = edit.span.start
    edits = sorted((e for fix in taken for e in fix.edits), key=lambda e: e.span.start)
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces.append(text[cursor : edit.span.start])
        pieces.append(edit.replacement)
        cursor = edit.span.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied, skipped


def _crosses(edit: Edit, frontier: int, last_insertion: int) -> bool:
    """Whether an edit collides with those taken before it (see Span.overlaps)."""
    start, end = edit.span.start, edit.span.end
    if start < frontier:
        return True
    return start == end == last_insertion


def _fix_order(finding: Finding) -> tuple[int, int, int, str]:
    fix = finding.fix
    assert fix is not None
    # Safer fixes first at one position, then the earlier rule id.
    return (fix.span.start, -int(fix.applicability), fix.span.end, finding.rule_id)


def fix_until_stable(
    text: str,
    check: Callable[[str], list[Finding]],
    level: Applicability = Applicability.SAFE,
    max_rounds: int = MAX_ROUNDS,
) -> FixResult:
    """Fix, re-check and fix again until no fix applies; ``fix(fix(x)) == fix(x)``."""
    applied: list[Finding] = []
    skipped: list[Finding] = []
    findings = check(text)
    for rounds in range(1, max_rounds + 1):
        new_text, done, passed = apply_once(text, findings, level)
        if not done:
            return FixResult(text, tuple(applied), tuple(skipped), tuple(findings), rounds - 1)
        applied.extend(done)
        skipped.extend(passed)
        text = new_text
        findings = check(text)
        # A skipped fix is reported only if it is still wanted after the others.
        skipped = [s for s in skipped if any(_same(s, f) for f in findings)]
    converged = not any(fixable(f, level) for f in findings)
    return FixResult(text, tuple(applied), tuple(skipped), tuple(findings), max_rounds, converged)


def _same(a: Finding, b: Finding) -> bool:
    return a.rule_id == b.rule_id and a.matched == b.matched
