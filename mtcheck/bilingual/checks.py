"""Detectors that compare aligned sentences of the translation and its original.

Each is a ``Detector`` (``mtcheck.detectors``): it reads the alignment from
the analysis and yields nothing when the document has no original.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from mtcheck.analysis import Analysis
from mtcheck.bilingual.align import Alignment, Pair
from mtcheck.bilingual.names import translated_names
from mtcheck.bilingual.numbers import (
    Number,
    english_form,
    english_numbers,
    small_number_words,
    spanish_numbers,
)
from mtcheck.bilingual.segments import Sentence
from mtcheck.document import Document
from mtcheck.folding import fold
from mtcheck.model import Applicability, Hit, Severity

# Lines of the Spanish site's chrome and its "see also" labels: never an omission.
_SOURCE_CHROME = re.compile(
    r"""(?ix)^\s*(?:
      (?:vea|lea|lee|mira|revisa|entérate|escucha|te\ puede\ interesar|puedes\ ver|además
        |video\ recomendado|ver\ también|lee\ también|lea\ también|vea\ también)\s*:
    | comparte | compartir | síguenos | sigue\ a | suscríbete | lo\ más\ (?:leído|visto)
    | etiquetas\s*: | temas\s*: | publicidad | saltar\ al\ contenido | ir\ al\ contenido
    | noticia\ (?:anterior|siguiente) | siguiente\ noticia | foto\s*: | créditos\s*:
    | \S+\.(?:jpe?g|png|webp|gif)\s*$
    )"""
)
_QUOTED = re.compile(r"«[^»]+»|“[^”]+”|\"[^\"]+\"")
_MIN_WORDS = 4
# A sentence of the original whose anchors mostly stand in a neighbouring sentence of the
# translation was merged into it (a glued stop hides the boundary), not dropped.
_MERGED = 0.6
# A 1-1 pair whose translation is this much shorter than the lengths predict lost something.
_SHORT = 0.5
_SHORT_MIN_WORDS = 12
# rapidfuzz ratio (0-100) above which a sentence is its original, untranslated.
_SAME = 85


@dataclass(frozen=True)
class _Match:
    """An aligned pair with a sentence on each side: the original's text and the
    translation's span and text."""

    pair: Pair
    source: str
    start: int
    end: int
    target: str


def _matches(document: Document, analysis: Analysis, translated: bool = True) -> Iterator[_Match]:
    """The aligned pairs with both sides; by default only those actually translated,
    since figures and names of a sentence left in Spanish say nothing more."""
    alignment = analysis.alignment
    if alignment is None:
        return
    for pair in alignment.pairs:
        if pair.source and pair.target:
            start, end = alignment.target_span(pair)
            match = _Match(pair, alignment.source_text(pair), start, end, document.text[start:end])
            if not (translated and _left_untranslated(match)):
                yield match


# Several rules ask the same questions of one pair: answer each once.
@lru_cache(maxsize=1024)
def _left_untranslated(match: _Match) -> bool:
    from rapidfuzz import fuzz

    if len(match.target.split()) < _MIN_WORDS or not _has_common_words(match.source):
        return False
    return fuzz.ratio(fold(match.source), fold(match.target)) >= _SAME


def is_source_chrome(sentence: Sentence) -> bool:
    return bool(_SOURCE_CHROME.match(sentence.text))


def _note(start: int, end: int, message: str, severity: Severity | None = None) -> Hit:
    """A hit with no fix: what the editor should look at, and why."""
    return Hit(start, end, (), Applicability.DISPLAY_ONLY, message, severity=severity)


def _quote(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def detect_number_mismatch(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Numbers of the translation that differ from the original's, with the English form."""
    for match in _matches(document, analysis):
        yield from _compare_numbers(match)[0]


def detect_omitted_number(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Numbers of the original that the translation does not carry at all."""
    for match in _matches(document, analysis):
        missing = _compare_numbers(match)[1]
        if missing:
            shown = ", ".join(n.text.strip() for n in missing)
            yield _note(
                match.start,
                match.end,
                f"the original has {shown} here; the translation does not",
            )


@lru_cache(maxsize=1024)
def _compare_numbers(match: _Match) -> tuple[tuple[Hit, ...], tuple[Number, ...]]:
    """Hits for numbers written wrongly, and the original's numbers with no counterpart."""
    source = spanish_numbers(match.source)
    target = [_shifted(n, match.start) for n in english_numbers(match.target)]
    open_targets = list(target)
    hits: list[Hit] = []
    unmatched: list[Number] = []
    for number in source:
        exact = next((t for t in open_targets if _shares(number.values, t.values)), None)
        if exact is not None:
            open_targets.remove(exact)
        else:
            unmatched.append(number)
    missing: list[Number] = []
    words = small_number_words(match.target)
    for number in unmatched:
        # Digits kept in the Spanish convention (200.000, 3,5), or a scale mistranslated
        # (billón as billion): the original settles the English form.
        kept = next((t for t in open_targets if _shares(number.values, t.foreign)), None)
        value = next((v for v in number.values if kept and v in kept.foreign), number.values[0])
        if kept is None:
            kept = next((t for t in open_targets if _same_digits(number, t)), None)
        if kept is not None:
            open_targets.remove(kept)
            hits.append(_number_hit(kept, number, value, Applicability.SAFE))
            continue
        if any(v == int(v) and int(v) in words for v in number.values if v <= 20):
            continue
        missing.append(number)
    # One number each side left over in a one-to-one pair: a wrong figure, most likely.
    one_to_one = len(match.pair.source) == len(match.pair.target) == 1
    if len(missing) == 1 and len(open_targets) == 1 and one_to_one:
        number = missing.pop()
        hits.append(_number_hit(open_targets[0], number, number.values[0], Applicability.UNSAFE))
    return tuple(hits), tuple(missing)


def _shifted(number: Number, offset: int) -> Number:
    return replace(number, start=number.start + offset, end=number.end + offset)


def _shares(values: tuple[Decimal, ...], others: tuple[Decimal, ...]) -> bool:
    return any(v == o for v in values for o in others)


def _same_digits(source: Number, target: Number) -> bool:
    """``1 billón`` written ``1 billion``: the digits agree, the scale does not."""
    digits = re.sub(r"\D", "", source.digits)
    return digits == re.sub(r"\D", "", target.digits) and source.scale != target.scale


def _number_hit(target: Number, source: Number, value: Decimal, level: Applicability) -> Hit:
    expected = english_form(value, source)
    article = target.text.split()[0]
    if not article[0].isdigit() and expected.startswith("1 "):  # "one billion" stays in words
        expected = f"{article} {expected[2:]}"
    said = source.text.strip()
    message = (
        f"the original says “{said}”: in English “{expected}”"
        if level == Applicability.SAFE
        else f"“{target.text.strip()}” differs from the original's “{said}”"
        + ("" if expected == said else f" (“{expected}”)")
    )
    return Hit(target.start, target.end, (expected,), level, message)


def detect_translated_name(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """A Spanish name of the original that MT translated word by word."""
    for match in _matches(document, analysis):
        for name in translated_names(match.source, match.target):
            shown = match.target[name.start : name.end]
            yield Hit(
                match.start + name.start,
                match.start + name.end,
                (name.name,),
                Applicability.SAFE if name.safe else Applicability.UNSAFE,
                f"“{shown}” translates the name “{name.name}” of the original",
            )


def detect_omitted_sentence(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Sentences of the original with no counterpart, or halved in translation."""
    alignment = analysis.alignment
    if alignment is None:
        return
    ratio = _length_ratio(alignment)
    anchor: Pair | None = None
    waiting: list[Sentence] = []
    for position, pair in enumerate(alignment.pairs):
        if pair.target:
            if waiting:
                yield _omission(alignment, anchor or pair, waiting)
                waiting = []
            anchor = pair
            if len(pair.source) == len(pair.target) == 1:
                yield from _shortened(alignment, pair, ratio)
            continue
        nearby = _neighbour_targets(alignment, position)
        waiting += [
            s
            for i in pair.source
            if len((s := alignment.source[i]).words) >= _MIN_WORDS
            and not is_source_chrome(s)
            and alignment.covered_nearby(i, nearby) < _MERGED
        ]
    if waiting and anchor is not None:
        yield _omission(alignment, anchor, waiting)


def _neighbour_targets(alignment: Alignment, position: int) -> list[int]:
    """The target sentences of the pairs just before and after a pair."""
    indices: list[int] = []
    for step in (-1, 1):
        other = position + step
        while 0 <= other < len(alignment.pairs) and not alignment.pairs[other].target:
            other += step
        if 0 <= other < len(alignment.pairs):
            indices += alignment.pairs[other].target
    return indices


def _length_ratio(alignment: Alignment) -> float:
    source = sum(len(s) for s in alignment.source)
    return sum(len(t) for t in alignment.target) / source if source else 1.0


def _omission(alignment: Alignment, anchor: Pair, sentences: list[Sentence]) -> Hit:
    start, end = alignment.target_span(anchor)
    missing = " ".join(s.text for s in sentences)
    count = "a sentence" if len(sentences) == 1 else f"{len(sentences)} sentences"
    return _note(
        start,
        end,
        f"the original has {count} around here that the translation lacks: «{_quote(missing)}»",
    )


def _shortened(alignment: Alignment, pair: Pair, ratio: float) -> Iterator[Hit]:
    source = alignment.source[pair.source[0]]
    target = alignment.target[pair.target[0]]
    if len(source.words) >= _SHORT_MIN_WORDS and len(target) < _SHORT * ratio * len(source):
        yield _note(
            target.start,
            target.end,
            f"the translation is half the length of its original, which may have lost a part: "
            f"«{_quote(source.text)}»",
        )


def detect_added_sentence(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Sentences of the translation with no counterpart in the original."""
    alignment = analysis.alignment
    if alignment is None:
        return
    for pair in alignment.pairs:
        if pair.source:
            continue
        for index in pair.target:
            sentence = alignment.target[index]
            if len(sentence.words) >= _MIN_WORDS:
                yield _note(
                    sentence.start,
                    sentence.end,
                    "this sentence has no counterpart in the original",
                    severity=Severity.INFO,
                )


def detect_untranslated_sentence(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Sentences left as the original wrote them."""
    for match in _matches(document, analysis, translated=False):
        if _left_untranslated(match):
            yield _note(
                match.start,
                match.end,
                "this sentence is the original's, left untranslated",
            )


def _has_common_words(text: str) -> bool:
    """More than names and figures: at least two lower-case words."""
    return sum(1 for w in re.findall(r"[^\W\d_]+", text) if w.islower()) >= 2


def detect_quotation_mismatch(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """A quotation of the original that lost its marks, or marks left unbalanced."""
    for match in _matches(document, analysis):
        quoted = _QUOTED.findall(match.source)
        if quoted and not _QUOTED.search(match.target) and _balanced(match.target):
            yield _note(
                match.start,
                match.end,
                f"the original quotes {_quote(quoted[0], 50)} here; the translation has no "
                "quotation marks",
            )
        elif _balanced(match.source) and not _balanced(match.target):
            yield _note(
                match.start,
                match.end,
                "quotation marks are unbalanced here; the original's are not",
            )


def _balanced(text: str) -> bool:
    return (
        text.count("“") == text.count("”")
        and text.count("«") == text.count("»")
        and text.count('"') % 2 == 0
    )


_TOKEN = re.compile(r"[^\W\d_]+")
_JOINS = (" ", ", ")  # what may stand between two words the translation glued


def detect_glued_against_original(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """A word of the translation that is two neighbouring words of the original run
    together (ConaieLeonidas for "Conaie, Leonidas"): split it as the original does."""
    from mtcheck.lexicon import zipf

    for match in _matches(document, analysis):
        joined = _neighbour_joins(match.source)
        whole = {fold(w) for w in _TOKEN.findall(match.source)}
        for token in _TOKEN.finditer(document.text, match.start, match.end):
            word = token.group()
            key = fold(word)
            if len(word) < 6 or key in whole or key not in joined:
                continue
            first, separator = joined[key]
            camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
            if not camel and (zipf(word.lower(), "en") >= 2.5 or not first[0].isupper()):
                continue  # an English word of its own (debate is not de + bate)
            cut = token.start() + len(first)
            shown = (
                document.text[token.start() : cut] + separator + document.text[cut : token.end()]
            )
            yield Hit(
                token.start(),
                token.end(),
                (shown,),
                Applicability.SAFE,
                f"“{word}” runs together two words of the original: “{shown}”",
            )


def _neighbour_joins(source: str) -> dict[str, tuple[str, str]]:
    """Folded pairs of neighbouring words of the original, with what separates them."""
    tokens = list(_TOKEN.finditer(source))
    joins: dict[str, tuple[str, str]] = {}
    for left, right in itertools.pairwise(tokens):
        separator = source[left.end() : right.start()]
        if separator in _JOINS and min(len(left.group()), len(right.group())) >= 3:
            joins.setdefault(fold(left.group() + right.group()), (left.group(), separator))
    return joins
