"""The annotated corpus parses, round-trips, and the detectors find its artefacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck import check_text, fix_text
from mtcheck.corpus import Article, corpus_files, load_article, parse
from mtcheck.errors import InputError
from mtcheck.model import CATEGORIES

from .conftest import CORPUS

FILES = corpus_files(CORPUS)
# The detectors under test here: they must work on text they have never seen.
DETECTOR_CATEGORIES = ("glued-words", "casing")


def _articles() -> list[Article]:
    return [load_article(p) for p in FILES]


def test_corpus_has_articles() -> None:
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_is_valid(path: Path) -> None:
    article = load_article(path)
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
    raw = load_article(path).raw
    for unsafe in (False, True):
        once = fix_text(raw, unsafe=unsafe)
        assert fix_text(once, unsafe=unsafe) == once


@pytest.mark.parametrize("category", DETECTOR_CATEGORIES)
def test_detectors_find_every_planted_artefact(category: str) -> None:
    missed = []
    for article in _articles():
        findings = check_text(article.raw)
        for span in article.artefacts:
            if span.category != category:
                continue
            if not any(
                f.category == category and f.span.start < span.end and span.start < f.span.end
                for f in findings
            ):
                missed.append((article.path, span.wrong))
    assert not missed


@pytest.mark.parametrize("category", DETECTOR_CATEGORIES)
def test_detectors_raise_no_false_alarm_on_corpus(category: str) -> None:
    stray = []
    for article in _articles():
        for finding in check_text(article.raw):
            if finding.category != category:
                continue
            if not any(
                s.start < finding.span.end and finding.span.start < s.end for s in article.artefacts
            ):
                stray.append((article.path, finding.rule_id, finding.matched))
    assert not stray


def test_hard_negatives_are_not_flagged() -> None:
    flagged = []
    for article in _articles():
        findings = check_text(article.raw)
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
