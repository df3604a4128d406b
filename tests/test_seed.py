"""The real machine-translated article in ../shared/seed must be fully caught."""

from __future__ import annotations

import re

import pytest

from mtcheck import check_text, fix_text
from mtcheck.model import Finding

# (category, text that must be flagged, occurrence, whether the default safe fix must repair it)
EXPECTED: list[tuple[str, str, int, bool]] = [
    ("boilerplate", "Skip to content", 1, True),
    ("boilerplate", "Share this article:", 1, True),
    ("boilerplate", "globalhappenings news.jpg", 1, True),
    ("boilerplate", "most popular", 1, True),
    ("crossref-label", "SIGHT:", 3, True),
    ("calque", "overall maximum", 1, False),
    ("calque", "boreal spring", 1, False),
    ("calque", "pandemic of covid", 1, False),
    ("glued-words", "Putinvisited", 1, True),
    ("glued-words", "putinwhose", 1, True),
    ("glued-words", "Lukashenkois", 1, True),
    ("glued-words", "UkraineSerhiy", 1, True),
    ("glued-words", "Ukrainein", 1, True),
    ("glued-words", "UkraineValery", 1, True),
    ("glued-words", "January.but", 1, True),
    ("glued-words", "ally”but", 1, True),
    ("casing", "belarus", 3, True),
    ("casing", "kyiv", 1, True),
    ("casing", "lukashenko", 1, True),
    ("grammar", "Moscow and Minsk they established", 1, False),
    ("grammar", "the talks they would address", 1, False),
    ("grammar", "a belarus", 1, False),
    ("consistency", "Alexandr", 1, False),
    ("translated-name", "Elcomercio", 1, True),
]


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the needle stands as whole words, case-sensitively."""
    pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _covering(findings: list[Finding], start: int, end: int, category: str) -> list[Finding]:
    return [
        f for f in findings if f.category == category and f.span.start < end and start < f.span.end
    ]


@pytest.mark.parametrize(("category", "needle", "count", "fixed"), EXPECTED, ids=lambda v: str(v))
def test_seed_artefact_is_flagged(
    seed_text: str, category: str, needle: str, count: int, fixed: bool
) -> None:
    findings = check_text(seed_text)
    spots = _occurrences(seed_text, needle)
    assert len(spots) == count, f"expected {count} × {needle!r} in the seed"
    for start, end in spots:
        assert _covering(findings, start, end, category), (
            f"{needle!r} at {start} not flagged as {category}"
        )


@pytest.mark.parametrize(
    "needle", [n for c, n, _, fixed in EXPECTED if fixed], ids=lambda v: str(v)
)
def test_seed_safe_fix_repairs(seed_text: str, needle: str) -> None:
    assert not _occurrences(fix_text(seed_text), needle)


def test_seed_fixed_text_reads_right(seed_text: str) -> None:
    fixed = fix_text(seed_text)
    assert fixed.startswith("Putin arrives in Belarus")
    assert "Vladimir Putin visited Belarus on Monday" in fixed
    assert "fears in Kyiv that" in fixed
    assert "Putin whose troops" in fixed
    assert "Alexander Lukashenko is the first to Minsk" in fixed
    assert "SEE ALSO: Russia accuses the US" in fixed
    assert "“number one ally” but that" in fixed
    assert "Ukraine Serhiy Nayev" in fixed and "Ukraine in particular" in fixed
    assert "January. But also" in fixed
    assert "But Lukashenko, a pariah" in fixed
    assert fixed.endswith("Source: El Comercio\n") or fixed.endswith("Source: El Comercio")
    # Safe fixes leave the unsafe and display-only findings for a person.
    assert "overall maximum" in fixed and "Moscow and Minsk they established" in fixed


def test_seed_nothing_else_is_flagged(seed_text: str) -> None:
    """Every finding is one of the listed artefacts: no false alarms on the seed."""
    findings = check_text(seed_text)
    listed = [span for _, needle, _, _ in EXPECTED for span in _occurrences(seed_text, needle)]
    stray = [f for f in findings if not any(f.span.start < e and s < f.span.end for s, e in listed)]
    assert not stray, [(f.rule_id, f.matched) for f in stray]


def test_seed_fix_is_idempotent(seed_text: str) -> None:
    once = fix_text(seed_text)
    assert fix_text(once) == once
    unsafe = fix_text(seed_text, unsafe=True)
    assert fix_text(unsafe, unsafe=True) == unsafe
