"""The annotated corpus parses, round-trips, and the detectors find its artefacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck import check_document, fix_document
from mtcheck.corpus import Article, corpus_files, load_article, parse
from mtcheck.errors import InputError
from mtcheck.model import CATEGORIES, Applicability

from .conftest import CORPUS

FILES = corpus_files(CORPUS)
# The detectors under test here: they must work on text they have never seen.
DETECTOR_CATEGORIES = ("glued-words", "casing")


def _articles() -> list[Article]:
    return [load_article(p) for p in FILES]


def test_corpus_has_articles() -> None:
    assert len([p for p in FILES if p.parent.name == "mt"]) >= 40
    assert len([p for p in FILES if p.parent.name == "clean"]) >= 20


def test_clean_articles_raise_few_alarms() -> None:
    """The false-alarm target: at most 0.5 findings per 1,000 words of clean English."""
    words = alarms = 0
    flagged = []
    for article in _articles():
        if article.artefacts:
            continue
        words += len(article.raw.split())
        findings = check_document(article.document())
        alarms += len(findings)
        flagged += [(article.path, f.rule_id, f.matched) for f in findings]
    assert words >= 2000
    assert alarms * 1000 / words <= 0.5, flagged


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_is_valid(path: Path) -> None:
    article = load_article(path)
    if path.parent.name == "clean":
        assert not article.artefacts, "a clean article has no artefacts, only hard negatives"
    else:
        assert article.artefacts, "a machine-translated article carries artefacts"
    for span in article.spans:
        assert span.category in (*CATEGORIES, "ok")
        assert article.raw[span.start : span.end] == span.wrong
    assert "[[" not in article.reference and "]]" not in article.reference


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_reference_is_raw_with_edits_applied(path: Path) -> None:
    article = load_article(path)
    rebuilt = article.raw
    for span in sorted(article.artefacts, key=lambda s: s.start, reverse=True):
        rebuilt = rebuilt[: span.start] + span.right + rebuilt[span.end :]
    # Deletions also drop the gap they leave; compare with gaps normalised.
    assert " ".join(rebuilt.split()) == " ".join(article.reference.split())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fix_is_idempotent_on_corpus(path: Path) -> None:
    document = load_article(path).document()
    for level in (Applicability.SAFE, Applicability.UNSAFE):
        once = fix_document(document, level=level).text
        assert fix_document(document.with_text(once), level=level).text == once


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@pytest.mark.parametrize("category", DETECTOR_CATEGORIES)
def test_detectors_meet_their_targets_on_corpus(category: str) -> None:
    """The detectors' targets (issue 5): precision >= 0.95 and recall >= 0.90 per category."""
    gold = found = flagged = right = 0
    for article in _articles():
        findings = [f for f in check_document(article.document()) if f.category == category]
        spans = [s for s in article.artefacts if s.category == category]
        gold += len(spans)
        found += sum(
            any(_overlaps(f.span.start, f.span.end, s.start, s.end) for f in findings)
            for s in spans
        )
        flagged += len(findings)
        right += sum(
            any(_overlaps(f.span.start, f.span.end, s.start, s.end) for s in spans)
            for f in findings
        )
    assert gold >= 20, "the corpus plants enough of these to measure"
    assert right / flagged >= 0.95, f"precision {right}/{flagged}"
    assert found / gold >= 0.90, f"recall {found}/{gold}"


def test_hard_negatives_are_not_flagged() -> None:
    flagged = []
    for article in _articles():
        findings = check_document(article.document())
        for span in article.negatives:
            flagged += [
                (article.path, f.rule_id, span.wrong)
                for f in findings
                if f.span.start < span.end and span.start < f.span.end
            ]
    assert not flagged


def test_annotation_errors_name_the_line() -> None:
    with pytest.raises(InputError, match=r"a\.ann:2: unknown category 'typo'"):
        parse("fine\n[[x -> y | typo]]\n", "a.ann")
    with pytest.raises(InputError, match=r"must read"):
        parse("[[no arrow here]]", "a.ann")


def test_deleting_a_whole_line_drops_its_break() -> None:
    article = parse("[[Skip to content -> | boilerplate]]\nTitle\n")
    assert article.raw == "Skip to content\nTitle\n"
    assert article.reference == "Title\n"
    assert article.spans[0].start == 0 and article.spans[0].end == 15
