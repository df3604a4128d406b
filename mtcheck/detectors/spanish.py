"""Spanish left in the English text: whole sentences or long fragments.

langdetect is slow to load and unreliable on short strings, so it only
confirms: a segment must first carry evidence — at least three lower-case
words that are frequent in Spanish and rare in English (que, los, dijo,
gobierno), outnumbering the English ones — and be long enough for a
language guess to mean something. Name particles (Banco de la República)
never reach the gate, because English words outnumber them. A Spanish
quotation (a slogan, a programme's name) is reported as info, not as an error.

A line wholly in Spanish that reads as a teaser (a headline with no full stop, a
summary cut off with an ellipsis, or one of a run of such lines) is the Spanish
site's related-posts list scraped with the article: site chrome, removed with
its line, not a sentence to translate (real set 2026-12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mtcheck.analysis import WORD, Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.chrome import remove_lines
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability, Severity

_SEGMENT = re.compile(r"[^.!?¿¡\n“”«»\"]+[.!?]?")
_QUOTED = re.compile(r"[“«\"]([^”»\"\n]{12,})[”»\"]")
# A translation in parentheses after a quoted title: “No voy a pedirle…” (“I Don’t…”).
_GLOSS = re.compile(r"\s*\(\s*[“\"‘]?[A-Z]")
_MIN_SPANISH_WORDS = 3
_MIN_WORDS = 4
_MIN_PROBABILITY = 0.9
_SPANISH_CHARS = set("ñáéíóúü¿¡")
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "por", "para", "en"})
_GATE = (" que ", " el ", " los ", " las ", " del ", " para ", " una ", " dijo ", " pero ")


@lru_cache(maxsize=1 << 16)
def _leaning(word: str) -> int:
    """+1 for a word of Spanish, -1 for a word of English, 0 for either or neither."""
    spanish, english = zipf(word, "es"), zipf(word)
    if spanish >= 4.0 and spanish - english >= 2.0:
        return 1
    if english >= 3.0 and english - spanish >= 1.0:
        return -1
    return 0


def _evidence(segment: str) -> bool:
    """Enough Spanish words, few English ones, not counting particles inside names."""
    tokens = WORD.findall(segment)
    if len(tokens) < _MIN_WORDS:
        return False
    spanish = english = 0
    for index, word in enumerate(tokens):
        if not word.islower() or _inside_name(tokens, index):
            continue
        leaning = _leaning(word)
        spanish += leaning == 1
        english += leaning == -1
    return spanish >= _MIN_SPANISH_WORDS and english * 3 <= spanish


def _inside_name(tokens: list[str], index: int) -> bool:
    """A particle between two capitalised words: Banco de la República, Unión por la Patria."""
    if tokens[index] not in _PARTICLES:
        return False
    left = index - 1
    while left >= 0 and tokens[left] in _PARTICLES:
        left -= 1
    right = index + 1
    while right < len(tokens) and tokens[right] in _PARTICLES:
        right += 1
    return (
        left >= 0
        and right < len(tokens)
        and tokens[left][0].isupper()
        and tokens[right][0].isupper()
    )


@lru_cache(maxsize=4096)
def spanish_probability(text: str) -> float:
    """P(Spanish) against English only, from langdetect; lower-cased when all caps.

    langdetect's profiles are read n-gram by n-gram from a stored table
    (``mtcheck.langprofiles``): the same guesses without loading them all."""
    from langdetect.lang_detect_exception import LangDetectException

    from mtcheck.langprofiles import factory

    sample = text.lower() if text.isupper() else text
    try:
        detector = factory().create()
        detector.append(sample)
        guesses = {g.lang: g.prob for g in detector.get_probabilities()}
    except LangDetectException:
        return 0.0
    spanish, english = guesses.get("es", 0.0), guesses.get("en", 0.0)
    return spanish / (spanish + english) if spanish + english else 0.0


def _may_hold_spanish(analysis: Analysis) -> bool:
    lowered = analysis.lowered
    if not any(c in _SPANISH_CHARS for c in lowered) and not any(w in lowered for w in _GATE):
        return False  # no accent, no ñ, no common Spanish word: no Spanish sentence
    # A segment needs three Spanish words: fewer in the whole text (counted from the shared
    # vocabulary, names included) and no segment can have them.
    leaning = sum(n for w, n in analysis.counts.items() if w.islower() and _leaning(w) == 1)
    return leaning >= _MIN_SPANISH_WORDS


_TEASER_MAX_WORDS = 45
_SENTENCE_END = (".", "!", "?", ".”", '."', "!”", "?”")


def _spanish_line(content: str) -> bool:
    return (
        len(content.split()) <= _TEASER_MAX_WORDS
        and _evidence(content)
        and spanish_probability(content) >= _MIN_PROBABILITY
    )


def spanish_chrome_lines(document: Document, analysis: Analysis) -> list[int]:
    """The lines wholly in Spanish that read as related-post teasers, in order."""
    if not _may_hold_spanish(analysis):
        return []
    text = document.text
    contents = {}
    for line in range(1, document.line_count + 1):
        start, end, _ = document.line_bounds(line)
        content = text[start:end].strip()
        if content:
            contents[line] = content
    spanish = [line for line, content in contents.items() if _spanish_line(content)]
    if len(spanish) == len(contents):
        return []  # a Spanish article, not English with Spanish chrome
    chosen = set(spanish)
    order = list(contents)
    teasers = []
    for line in spanish:
        content = contents[line]
        at = order.index(line)
        neighbours = {order[i] for i in (at - 1, at + 1) if 0 <= i < len(order)}
        cut_off = content.endswith(("…", "...")) or not content.endswith(_SENTENCE_END)
        if cut_off or neighbours & chosen:
            teasers.append(line)
    return teasers


def detect_spanish_chrome(document: Document, analysis: Analysis) -> Iterator[Hit]:
    for line in spanish_chrome_lines(document, analysis):
        yield remove_lines(
            document,
            line,
            line,
            "A Spanish headline or teaser of the source site, scraped with the article",
        )


def detect_spanish(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = document.text
    if not _may_hold_spanish(analysis):
        return
    chrome = [document.line_bounds(line)[:2] for line in spanish_chrome_lines(document, analysis)]
    quoted = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]
    glossed = [(s, e) for s, e in quoted if _GLOSS.match(text, e + 1)]
    for match in _SEGMENT.finditer(text):
        segment = match.group().strip()
        if not _evidence(segment) or spanish_probability(segment) < _MIN_PROBABILITY:
            continue
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        end = start + len(segment)
        if any(s <= start and end <= e for s, e in chrome):
            continue  # site chrome: the spanish-chrome-line rule removes the line
        if any(s <= start and end <= e for s, e in glossed):
            continue  # a Spanish title with its English translation after it: meant
        in_quotes = any(s <= start and end <= e for s, e in quoted)
        if in_quotes:
            message = "A Spanish quotation: keep it if it is meant, or translate it"
        else:
            message = "A Spanish sentence left untranslated"
        severity = Severity.INFO if in_quotes else None
        yield Hit(start, end, (), Applicability.DISPLAY_ONLY, message, severity=severity)
