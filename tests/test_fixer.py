from __future__ import annotations

from mtcheck.fixer import apply_once, fix_until_stable
from mtcheck.model import Applicability, Edit, Finding, Fix, Severity, Span


def _finding(
    start: int, end: int, text: str, replacement: str, level=Applicability.SAFE
) -> Finding:
    return Finding(
        rule_id="MT999",
        name="test",
        category="calque",
        severity=Severity.WARNING,
        message="m",
        span=Span(start, end),
        matched=text[start:end],
        fix=Fix(level, (Edit(Span(start, end), replacement),)),
    )


def test_overlapping_fixes_are_skipped() -> None:
    text = "abcdef"
    first = _finding(0, 3, text, "X")
    overlapping = _finding(2, 5, text, "Y")
    later = _finding(5, 6, text, "Z")
    new, applied, skipped = apply_once(text, [first, overlapping, later], Applicability.SAFE)
    assert new == "XdeZ"
    assert applied == [first, later] and skipped == [overlapping]


def test_two_insertions_at_one_point_conflict() -> None:
    assert Span(3, 3).overlaps(Span(3, 3))
    assert not Span(3, 3).overlaps(Span(0, 3))
    assert Span(2, 2).overlaps(Span(0, 3))


def test_unsafe_needs_opt_in_and_display_only_never_applies() -> None:
    text = "abc"
    unsafe = _finding(0, 1, text, "X", Applicability.UNSAFE)
    display = _finding(2, 3, text, "Z", Applicability.DISPLAY_ONLY)
    assert apply_once(text, [unsafe, display], Applicability.SAFE)[0] == "abc"
    assert apply_once(text, [unsafe, display], Applicability.UNSAFE)[0] == "Xbc"


def test_fix_loop_stops_at_the_cap() -> None:
    """A rule that always finds something again cannot loop forever: it is set aside."""

    def check(text: str) -> list[Finding]:
        return [_finding(0, 0, text, "a")]

    result = fix_until_stable("", check, max_rounds=4)
    assert result.text == "" and not result.converged
    assert any("do not settle in 4 rounds" in n for n in result.notices)


def test_fix_loop_converges() -> None:
    def check(text: str) -> list[Finding]:
        index = text.find("b")
        return [_finding(index, index + 1, text, "c")] if index >= 0 else []

    result = fix_until_stable("abab", check)
    assert result.text == "acac" and result.converged and len(result.applied) == 2
