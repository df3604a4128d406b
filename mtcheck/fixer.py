"""Apply fixes as edits at offsets, in one pass per round, until the text is stable.

As in ruff's fix loop: the fixes of a round are sorted by position, a fix that
overlaps one already taken is skipped (and reported), the text is rebuilt once,
checked again, and the loop stops when nothing changes or after a cap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mtcheck.model import Applicability, Edit, Finding, Fix

MAX_ROUNDS = 10
# Fixes correct slips; they never multiply the text. Past this the loop stops.
GROWTH_FACTOR = 1.25
GROWTH_SLACK = 1000
# A rule whose fixes fail to converge is set aside and the loop rerun this many times.
MAX_RETRIES = 5


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...] = field(default=())
    skipped: tuple[Finding, ...] = field(default=())
    remaining: tuple[Finding, ...] = field(default=())
    rounds: int = 0
    converged: bool = True
    # Why fixes were set aside: rules whose fixes undo each other, grow the text or never settle.
    notices: tuple[str, ...] = field(default=())

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


def _changes(text: str, finding: Finding) -> bool:
    """Whether a fix changes anything: one that writes what is there is no fix."""
    assert finding.fix is not None
    return any(text[e.span.start : e.span.end] != e.replacement for e in finding.fix.edits)


def apply_once(
    text: str, findings: list[Finding], level: Applicability
) -> tuple[str, list[Finding], list[Finding]]:
    """Apply every non-overlapping fix at ``level`` or safer; return (text, applied, skipped)."""
    candidates = sorted(
        (f for f in findings if fixable(f, level) and _changes(text, f)), key=_fix_order
    )
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
    """Fix, re-check and fix again until no fix applies; ``fix(fix(x)) == fix(x)``.

    The loop is bounded three ways: a text seen before (fixes that undo each
    other), a text grown past ``GROWTH_FACTOR`` (a fix that copies itself) and
    ``max_rounds``. When one trips, the rules that fixed in the last round are
    set aside, with a notice, and the loop starts again from the original text;
    the other rules' fixes still apply.
    """
    excluded: set[str] = set()
    notices: list[str] = []
    for _ in range(MAX_RETRIES + 1):
        result, culprits, reason = _fix_loop(text, check, level, max_rounds, excluded)
        if not culprits:
            return replace(result, notices=tuple(notices), converged=not notices)
        excluded |= culprits
        notices.append(f"fixes of {', '.join(sorted(culprits))} {reason}; not applied")
    notices.append("fixes did not settle; nothing applied")
    findings = check(text)
    return FixResult(text, remaining=tuple(findings), converged=False, notices=tuple(notices))


def _fix_loop(
    original: str,
    check: Callable[[str], list[Finding]],
    level: Applicability,
    max_rounds: int,
    excluded: set[str],
) -> tuple[FixResult, set[str], str]:
    """One run of the loop without the excluded rules' fixes: the result, or the rules
    that made it fail and why."""
    applied: list[Finding] = []
    skipped: list[Finding] = []
    text = original
    seen = {hash(text)}
    limit = len(original) * GROWTH_FACTOR + GROWTH_SLACK
    findings = check(text)
    for rounds in range(1, max_rounds + 1):
        usable = [f for f in findings if f.rule_id not in excluded]
        new_text, done, passed = apply_once(text, usable, level)
        if not done:
            result = FixResult(text, tuple(applied), tuple(skipped), tuple(findings), rounds - 1)
            return result, set(), ""
        culprits = {f.rule_id for f in done}
        if len(new_text) > limit:
            return FixResult(original), culprits, "grow the text with every run"
        if hash(new_text) in seen:
            return FixResult(original), culprits, "undo each other's changes"
        seen.add(hash(new_text))
        applied.extend(done)
        skipped.extend(passed)
        text = new_text
        findings = check(text)
        # A skipped fix is reported only if it is still wanted after the others.
        skipped = [s for s in skipped if any(_same(s, f) for f in findings)]
        last = culprits
    usable = [f for f in findings if f.rule_id not in excluded]
    if any(fixable(f, level) and _changes(text, f) for f in usable):
        return FixResult(original), last, f"do not settle in {max_rounds} rounds"
    result = FixResult(text, tuple(applied), tuple(skipped), tuple(findings), max_rounds)
    return result, set(), ""


def _same(a: Finding, b: Finding) -> bool:
    return a.rule_id == b.rule_id and a.matched == b.matched
