"""Spanish syntax that a table cannot see because it depends on names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.casing import calendar_words, proper_nouns
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

# "a" then a word then a word that cannot continue a noun phrase.
_ARTICLE_BEFORE_NAME = re.compile(
    r"\b([Aa])[ \t]+([^\W\d_]+)(?=[ \t]*(?:[,.;:)]|[ \t](?:as|to|in|on|at|for|from|with|and|"
    r"but|or|by|into|after|before|during|since|because|when|while)\b))"
)


def _is_name(word: str, analysis: Analysis) -> bool:
    lower = word.lower()
    if lower in calendar_words():
        return False  # a Brazilian, a Monday: nationalities and days take articles
    if lower in proper_nouns():
        return True
    # Named again elsewhere: one capitalised word once (tried a Panenka) may be a
    # name used as a common noun, a penalty, a dish, a dance.
    return zipf(lower) < 4.5 and analysis.capitalised_mid_sentence(lower) > 1


def detect_personal_a(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """The Spanish personal *a* kept as an English article: ``used in February a belarus``."""
    for match in _ARTICLE_BEFORE_NAME.finditer(document.text):
        name = match.group(2)
        if not _is_name(name, analysis) or document.is_protected(*match.span()):
            continue
        article_start, name_start = match.start(1), match.start(2)
        yield Hit(
            article_start,
            match.end(2),
            ("",),
            Applicability.UNSAFE,
            f"“a {name}”: the Spanish personal “a” before a name, kept as an article; drop it",
            edit_start=article_start,
            edit_end=name_start,
        )


# A sentence that opens with an acronym and a verb (BCV reported) ...
_BARE_ACRONYM_OPENER = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=\n))([A-Z]{2,6})(?=[ \t]+[a-z]+\b)")


def detect_acronym_without_article(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``BCV reported``: Spanish drops the article a sentence start needs, where the
    same article writes ``the BCV`` elsewhere (an acronym read as letters takes it)."""
    text = analysis.text
    for match in _BARE_ACRONYM_OPENER.finditer(text):
        acronym = match.group(1)
        if not re.search(r"\bthe[ \t]+" + acronym + r"\b", text):
            continue
        start, end = match.span(1)
        if document.is_protected(start, end) or _in_headline(text, start):
            continue
        yield Hit(
            start,
            end,
            (f"The {acronym}",),
            Applicability.UNSAFE,
            f"“{acronym}” opens the sentence without the article this article gives it "
            f"elsewhere (the {acronym}): write “The {acronym}”",
        )


def _in_headline(text: str, offset: int) -> bool:
    """A line with no closing stop is a headline, and headlines drop their articles."""
    end = text.find("\n", offset)
    line = text[offset : end if end >= 0 else len(text)].rstrip()
    return not line.endswith((".", "!", "?", ".”", '."', ".)"))
