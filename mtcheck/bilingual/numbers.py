"""Numbers of a Spanish original and of its English translation, as values.

Spanish writes ``200.000`` and ``3,5``; English ``200,000`` and ``3.5``.
Spanish ``millones`` above a thousand are English billions and ``billón`` is
an English trillion. Each number is read as the value it denotes, so the two
sides can be compared, and the English form the original implies can be
written out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_ES_SCALES = {
    "mil millones": Decimal(10) ** 9,
    "millones": Decimal(10) ** 6,
    "millón": Decimal(10) ** 6,
    "billones": Decimal(10) ** 12,
    "billón": Decimal(10) ** 12,
    "mil": Decimal(10) ** 3,
}
_EN_SCALES = {
    "trillion": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
}
_DIGITS = r"(?<![\w.,/:])(?P<digits>\d+(?:[.,]\d+)*)(?![\w]|[.,:]\d)"
_ES_NUMBER = re.compile(
    _DIGITS + r"(?P<scale>\s+(?:de\s+)?(?:mil\s+millones|millones|millón|billones|billón|mil)\b)?"
    r"|\b(?:un|una)\s+(?P<word_scale>mil\s+millones|millón|billón)\b",
    re.IGNORECASE,
)
_EN_NUMBER = re.compile(
    _DIGITS + r"(?P<scale>\s+(?:trillion|billion|million|thousand)\b)?"
    r"|\b(?:a|one)\s+(?P<word_scale>trillion|billion|million|thousand)\b",
    re.IGNORECASE,
)
# Clock times are written differently on each side (15.00 horas, 3 p.m.).
_ES_TIME = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:horas|hrs?\b|h\b)|\d{1,2}:\d{2}", re.IGNORECASE)
_EN_TIME = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|hours\b)", re.I)
_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_SPANISH_SMALL = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
    "quince dieciséis diecisiete dieciocho diecinueve veinte"
).split()
# Counted words from two up: "one" and "uno" are as often pronouns and articles.
_EN_WORD = re.compile(r"\b(" + "|".join(_SMALL[2:]) + r")\b", re.IGNORECASE)
_ES_WORD = re.compile(r"\b(" + "|".join(_SPANISH_SMALL[2:]) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number in a text: where it is, how it is written, and the values it can denote.

    ``values`` lists readings, most likely first; ``foreign`` readings are what
    the same digits mean in the other language's convention (English
    ``200.000`` read the Spanish way is two hundred thousand).
    """

    start: int
    end: int
    text: str
    digits: str
    scale: Decimal
    values: tuple[Decimal, ...]
    foreign: tuple[Decimal, ...]
    thousands: bool  # written with a thousands separator
    word: bool = False  # spelt out: dos, twelve


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _spanish_reading(digits: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        return _decimal(digits.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d+", digits):
        return _decimal(digits.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return _decimal(digits)
    return None


def _english_reading(digits: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", digits):
        return _decimal(digits.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return _decimal(digits)
    return None


def _unique(values: list[Decimal]) -> tuple[Decimal, ...]:
    seen: list[Decimal] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return tuple(seen)


def _masked(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _word_numbers(text: str, pattern: re.Pattern[str], words: list[str]) -> list[Number]:
    return [
        Number(m.start(), m.end(), m.group(), "", Decimal(1), (value,), (), False, word=True)
        for m in pattern.finditer(text)
        for value in [Decimal(words.index(m.group().lower()))]
    ]


def spanish_numbers(text: str) -> list[Number]:
    """Numbers of a Spanish text, in digits or words; clock times are left out."""
    digits = _digit_numbers(text, _ES_NUMBER, _ES_TIME, _ES_SCALES, _spanish_readings)
    words = _word_numbers(text, _ES_WORD, _SPANISH_SMALL)
    return sorted([*digits, *words], key=lambda n: n.start)


def english_numbers(text: str) -> list[Number]:
    """Numbers of an English text, with their Spanish-convention readings as foreign."""
    digits = _digit_numbers(text, _EN_NUMBER, _EN_TIME, _EN_SCALES, _english_readings)
    words = _word_numbers(text, _EN_WORD, _SMALL)
    return sorted([*digits, *words], key=lambda n: n.start)


Readings = tuple[list[Decimal | None], list[Decimal | None]]


def _spanish_readings(digits: str) -> Readings:
    readings = [_spanish_reading(digits)]
    if "," in digits:  # 1,385 is 1.385 in Spain and 1385 in Mexico: both stay possible
        readings.append(_english_reading(digits))
    return readings, []


def _english_readings(digits: str) -> Readings:
    """The English reading, and the Spanish one as foreign (200.000 is 200 or 200,000)."""
    return [_english_reading(digits)], [_spanish_reading(digits)]


def _digit_numbers(
    text: str,
    pattern: re.Pattern[str],
    time: re.Pattern[str],
    scales: dict[str, Decimal],
    readings: Callable[[str], Readings],
) -> list[Number]:
    """Numbers in digits (with a scale word) or a scale word alone (un billón, a million)."""
    times = _masked(text, time)
    numbers = []
    for match in pattern.finditer(text):
        if any(s <= match.start() < e for s, e in times):
            continue
        if match.group("word_scale"):
            scale = scales[_scale_key(match.group("word_scale"))]
            numbers.append(
                Number(match.start(), match.end(), match.group(), "1", scale, (scale,), (), False)
            )
            continue
        digits = match.group("digits")
        scale = scales.get(_scale_key(match.group("scale") or ""), Decimal(1))
        own, other = readings(digits)
        values = _unique([v * scale for v in own if v is not None])
        foreign = tuple(
            v for v in _unique([v * scale for v in other if v is not None]) if v not in values
        )
        if not values and not foreign:
            continue
        grouped = bool(re.search(r"\d[.,]\d{3}(?!\d)", digits))
        numbers.append(
            Number(
                match.start(), match.end(), match.group(), digits, scale, values, foreign, grouped
            )
        )
    return numbers


def _scale_key(words: str) -> str:
    """A scale word as the tables hold it: ``de  mil millones`` reads ``mil millones``."""
    return " ".join(words.lower().split()).removeprefix("de ")


def small_number_words(text: str) -> set[int]:
    """Numbers from zero to twenty spelt out in English (``two``, ``Twelve``)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return {i for i, w in enumerate(_SMALL) if w in words}


def _plain(value: Decimal, grouped: bool) -> str:
    """A value in English digits: 3.5, 1.385, 200,000 (grouped) or 2024."""
    normal = value.normalize()
    text = f"{normal:f}"
    if "." in text:
        whole, fraction = text.split(".")
    else:
        whole, fraction = text, ""
    if grouped:
        whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def english_form(value: Decimal, source: Number) -> str:
    """How English news writes the value of a Spanish number.

    Millions and more take a scale word, as the original did (71.000 millones:
    71 billion); smaller amounts are written in digits with thousands commas
    where the original grouped them (200.000: 200,000); a number the original
    spells out is spelt out (dos: two).
    """
    if source.word and value == int(value) and 0 <= value < len(_SMALL):
        return _SMALL[int(value)]
    for word, scale in (("trillion", 12), ("billion", 9), ("million", 6)):
        unit = Decimal(10) ** scale
        if source.scale >= Decimal(10) ** 6 and value >= unit:
            return f"{_plain(value / unit, grouped=False)} {word}"
    grouped = source.thousands or source.scale > 1 or value >= 10_000
    return _plain(value, grouped=grouped)
