"""The literal prefilter may skip a pattern only where the pattern cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcheck.automaton import fold
from mtcheck.corpus import corpus_files, load_article
from mtcheck.engine import default_ruleset
from mtcheck.prefilter import anchor_literals, might_match, required_literals

from .conftest import CORPUS

RULES = [r for r in default_ruleset() if hasattr(r, "regex")]
TEXTS = [load_article(p).raw for p in corpus_files(CORPUS)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"overall maximum", {"overall maximum"}),
        (
            r"\b(?:boreal|austral) (?:spring|winter)",
            {"boreal spring", "boreal winter", "austral spring", "austral winter"},
        ),
        (r"[Jj]anuary|[Ff]ebruary", {"january", "february"}),
        (r"(?<=[,;:] )the (\d+) ?%", {"%"}),
        (r"\d+(?=\s?(?:%|per ?cent))", {"%", "percent", "per cent"}),
        (r"(?:a|)b", None),  # too common a literal to filter on
        (r"\w+", None),
        (r"(?!x)\d", None),
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    literals = required_literals(re.compile(pattern))
    assert (set(literals) if literals is not None else None) == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.info.id)
def test_prefilter_never_hides_a_match_of_a_rule(rule) -> None:  # type: ignore[no-untyped-def]
    texts = [
        *TEXTS,
        *(e.text for e in rule.info.examples),
        *(c.text for c in rule.info.counterexamples),
    ]
    for text in texts:
        if rule.regex.search(text):
            assert might_match(rule.literals, text.lower()), (rule.info.id, text[:80])


@given(st.text(alphabet="abcdeEÉ .,%«»:;¿0123456789\n", max_size=60))
def test_prefilter_is_sound_on_random_text(text: str) -> None:
    for rule in RULES:
        if rule.regex.search(text):
            assert might_match(rule.literals, text.lower()), rule.info.id


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # "the " is in every article; the nouns after it are the rare part.
        (r"\bthe (?:first|second|\d+th) (?:box|drawer|slot)\b", {" box", " drawer", " slot"}),
        # A prefix is never taken for rarer than the word it starts.
        (r"\b(?:formali[sz]ation) hearing", {"formalisation hearing", "formalization hearing"}),
        # More alternatives than the prefilter's dozen: the automaton takes them all.
        (
            "|".join(f"{w} square" for w in "arms may dignity reform liberty peace".split() * 3)
            + "|"
            + "|".join(f"plaza of {w}" for w in "one two three four five six seven".split()),
            {f"{w} square" for w in "arms may dignity reform liberty peace".split()}
            | {f"plaza of {w}" for w in "one two three four five six seven".split()},
        ),
        (r"\w+", None),
        (r"(?<=x)\d", None),
    ],
)
def test_anchor_literals_prefer_rare_words(pattern: str, expected: set[str] | None) -> None:
    literals = anchor_literals(re.compile(pattern))
    assert (set(literals) if literals is not None else None) == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.info.id)
def test_every_match_holds_one_of_the_rules_anchors(rule) -> None:  # type: ignore[no-untyped-def]
    anchors = rule.anchors()
    if anchors is None:
        return
    texts = [
        *TEXTS,
        *(e.text for e in rule.info.examples),
        *(c.text for c in rule.info.counterexamples),
    ]
    for text in texts:
        folded = fold(text)
        if folded is not None and rule.regex.search(text):
            assert any(anchor in folded for anchor in anchors), (rule.info.id, text[:80])
