"""The one-pass engine: anchors, reach, windows — and the same findings as the reference."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import automaton
from mtcheck.analysis import Analysis
from mtcheck.document import Document
from mtcheck.engine import check, default_ruleset
from mtcheck.kinds.pattern import regex_anchors
from mtcheck.prefilter import required_literals
from tests import findings_golden as golden


def test_fold_keeps_offsets_and_equates_what_ignorecase_equates() -> None:
    assert automaton.fold("Ñandú SIGHT:") == "ñandú sight:"
    assert automaton.fold("ſome µ") == "some µ"  # re.IGNORECASE: ſ is s, µ is μ
    assert automaton.fold("İstanbul") is None  # lower() would shift every offset after it


def test_a_phrase_typed_with_either_apostrophe_matches_text_written_with_either() -> None:
    ruleset = default_ruleset()
    for text in (
        "The Nation’s Prosecutor opened a case.",
        "The Nation's Prosecutor opened a case.",
    ):
        found = [f for f in check(Document(text), ruleset) if f.rule_id == "MT113"]
        assert [text[f.span.start : f.span.end] for f in found] == [text[4:23]]
        assert found[0].fix is not None and found[0].fix.edits[0].replacement == "Attorney General"


def test_reach_bounds_widths_lines_and_lookbehinds() -> None:
    assert automaton.reach(re.compile(r"(?<=to )sum(?= votes)")) == automaton.Reach(
        3, 12, 0, 0
    )  # lookarounds counted as width
    phrase = automaton.reach(re.compile(r"in[ \t]*\n?[ \t]*case"))
    assert (phrase.width, phrase.newlines, phrase.spaces) == (7, 1, 2)
    assert automaton.reach(re.compile(r"foo\s+bar")).whole_text
    assert automaton.reach(re.compile(r"a[^\n]*b")) == automaton.Reach(0, None, 0, 0)
    assert automaton.reach(re.compile(r"x?")).whole_text  # may match empty


_PATTERNS = [
    r"\bcase\b(?= of)",
    r"(?<![\w-])in[ \t]*\n?[ \t]*case(?![\w-])",
    r"(?m)^case[^\n]*$",
    r"case[^.]{0,5}$",
    r"(?<=in )case",
    r"case(?:s|\n\n)?",
]
_TEXT = st.lists(
    st.sampled_from(["case", "CASE", "in ", " of", "s", " ", "\t", "\n", ".", "x", "-"]),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(pieces=_TEXT, which=st.sampled_from(_PATTERNS))
def test_windowed_search_finds_what_finditer_finds(pieces: list[str], which: str) -> None:
    regex = re.compile(which)
    text = "".join(pieces)
    literals = required_literals(regex)
    assert literals is not None
    anchors = regex_anchors(literals)
    assert anchors is not None
    folded = automaton.fold(text)
    assert folded is not None
    hits = [
        (m.start(), len(a)) for a in anchors for m in re.finditer(f"(?={re.escape(a)})", folded)
    ]
    breaks = [m.start() for m in re.finditer("\n", text)]
    blank_run = max(map(len, re.findall("[ \t]+", text)), default=0)
    spans = automaton.windows(hits, automaton.reach(regex), len(text), breaks, blank_run)
    found = [m.span() for m in automaton.windowed_matches(regex, text, spans)]
    assert found == [m.span() for m in regex.finditer(text)]


def _same_findings(text: str) -> None:
    ruleset = default_ruleset()
    document = Document(text)
    assert check(document, ruleset) == check(document, ruleset, reference=True)


def test_the_engine_finds_what_the_reference_finds_on_corpus_and_generated_articles() -> None:
    ruleset = default_ruleset()
    for name, document in golden.named_documents():
        assert check(document, ruleset) == check(document, ruleset, reference=True), name
    for text in golden.generated_texts(200):
        _same_findings(text)


def _rule_texts() -> list[str]:
    return [
        example.text
        for rule in default_ruleset()
        if not rule.compares_original
        for example in (*rule.info.examples, *rule.info.counterexamples)
    ]


@settings(max_examples=200, deadline=None)
@given(
    picks=st.lists(st.sampled_from(_rule_texts()), min_size=1, max_size=6),
    glue=st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "", " \n "]), min_size=6),
)
def test_the_engine_finds_what_the_reference_finds_on_rule_examples_run_together(
    picks: list[str], glue: list[str]
) -> None:
    # Examples joined by odd whitespace: phrases across line breaks, runs of blanks.
    text = "".join(p + g for p, g in zip(picks, glue, strict=False))
    _same_findings(text.replace(" ", glue[-1] or " ", 1))


def test_rules_without_anchors_present_are_not_run() -> None:
    ruleset = default_ruleset()
    analysis = Analysis(Document("Quiet days go by."), ruleset.index)
    ran = {ruleset.rules[p].info.id for p in analysis.rules_to_run(len(ruleset.rules))}
    assert ran == set(ruleset.index.unanchored)
    with_anchor = Analysis(Document("He spoke in the framework of the summit."), ruleset.index)
    ids = {ruleset.rules[p].info.id for p in with_anchor.rules_to_run(len(ruleset.rules))}
    assert "MT105" in ids


@pytest.mark.parametrize(
    "text", ["İstanbul: in the framework of the deal.", "SIGHT: x\r\nSIGHT: y"]
)
def test_texts_the_automaton_cannot_read_fall_back_to_the_whole_text(text: str) -> None:
    _same_findings(text)


def test_phrase_rules_narrowed_to_the_anchors_present_find_what_the_whole_alternation_finds(
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from mtcheck.engine import _prepared
    from mtcheck.kinds import phrase
    from mtcheck.loader import load_rules
    from mtcheck.resources import rules_dir

    monkeypatch.setattr(phrase, "_NARROWED_COMPILES", 10**9)  # narrowed on every article
    reference = _prepared(load_rules([rules_dir()]))
    # Reads what the reference derived from the whole regexes (anchors, reach) from the cache.
    narrowed = _prepared(load_rules([rules_dir()]))
    phrases = [rule for rule in narrowed if isinstance(rule, phrase.PhraseRule)]
    for name, document in golden.named_documents():
        assert check(document, narrowed) == check(document, reference, reference=True), name
    assert all("regex" not in rule.__dict__ for rule in phrases)  # never the whole one
    assert sum(rule._compiles for rule in phrases) > 100
    # (A text that case-folding changes in length, İ, runs every rule whole.)
    for text in golden.generated_texts(40):
        document = Document(text)
        assert check(document, narrowed) == check(document, reference, reference=True)
