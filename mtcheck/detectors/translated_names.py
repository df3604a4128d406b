"""Names of clubs, programmes, places and parties that MT rendered in English words.

Two kinds of evidence, both weighed against the article's register:

* the lexicon ``rules/lexicon/translated-names.txt``: renderings such as ``Saints
  Lagoon`` (Santos Laguna) or ``Members on Air`` (Miembros al Aire), each in a
  section that says which articles it counts in, since ``Saints`` or ``Lion``
  name English things too;
* the shape of a rendered name: an English word MT made of the Spanish one before
  a word English does not know, ``Royal Betis``, ``Athletic San Luis``,
  ``Saint Louis Potosí``, where the second word shows the name is Spanish.

A match counts only as the whole run of capitalised words it stands in:
``Blue Cross Blue Shield`` and ``New Orleans Saints`` are other names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability
from mtcheck.person_names import fold, person_names
from mtcheck.resources import word_list

_LEXICON = "translated-names"


@dataclass(frozen=True)
class Entry:
    english: str
    spanish: str
    safe: bool


@dataclass(frozen=True)
class Section:
    register: str
    minimum: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Lexicon:
    registers: dict[str, frozenset[str]]
    sections: tuple[Section, ...]


def parse_lexicon(lines: tuple[str, ...], source: str = f"{_LEXICON}.txt") -> Lexicon:
    """The lexicon's registers and sections; a malformed line is an error naming it."""
    registers: dict[str, frozenset[str]] = {}
    sections: list[Section] = []
    header: tuple[str, int] | None = None
    entries: list[Entry] = []

    def close() -> None:
        if header is not None:
            sections.append(Section(header[0], header[1], tuple(entries)))

    for line in lines:
        if line.startswith("@"):
            name, colon, words = line[1:].partition(":")
            if not colon or not words.split():
                raise ValueError(f"{source}: register line {line!r} needs '@name: words'")
            registers[name.strip()] = frozenset(w.lower() for w in words.split())
        elif line.startswith("["):
            head = re.fullmatch(r"\[([\w-]+) (\d+)\]", line)
            if head is None:
                raise ValueError(f"{source}: section line {line!r} needs '[register N]'")
            close()
            header, entries = (head.group(1), int(head.group(2))), []
            if header[0] != "any" and header[0] not in registers:
                raise ValueError(f"{source}: section {line!r} names an unknown register")
        else:
            safe = line.startswith("!")
            english, equals, spanish = line.lstrip("! ").partition("=")
            if header is None or not equals or not english.strip() or not spanish.strip():
                raise ValueError(f"{source}: entry {line!r} needs 'English = Spanish' in a section")
            entries.append(Entry(english.strip(), spanish.strip(), safe))
    close()
    return Lexicon(registers, tuple(sections))


@cache
def lexicon() -> Lexicon:
    return parse_lexicon(word_list(_LEXICON))


def _forms(english: str) -> list[str]:
    forms = [english]
    if english.startswith("the "):
        forms.append("The " + english[4:])
    if len(english.split()) > 1:
        forms.append(english.upper())
    return forms


@cache
def _section_forms(index: int) -> dict[str, Entry]:
    """Every form a section's names are written in (plain, ``The …``, upper case)."""
    by_form: dict[str, Entry] = {}
    for entry in lexicon().sections[index].entries:
        for form in _forms(entry.english):
            by_form.setdefault(form, entry)
    return by_form


@cache
def _section_automaton(index: int) -> tuple[Any, list[str]]:
    """An automaton over a section's forms (None: it has none), with the forms it indexes."""
    import ahocorasick_rs

    forms = list(_section_forms(index))
    return (ahocorasick_rs.AhoCorasick(forms) if forms else None), forms


# A form stands alone when no word character or hyphen touches it, nor an apostrophe that
# joins it to a word (O'Brien, Nation’s); an apostrophe with a space beyond is a quote
# mark (‘Save me’ names a programme).
_NAME_BEFORE = re.compile(r"[\w-]|(?<=\w)['’]")
_NAME_AFTER = re.compile(r"[\w-]|['’](?=\w)")


def _section_matches(index: int, text: str) -> Iterator[tuple[int, int, str]]:
    """The section's forms standing alone in the text: leftmost first, the longest at a
    position, none overlapping the one before. (One alternation of all the forms would
    find the same; compiling it cost more than a short article takes to check.)"""
    automaton, forms = _section_automaton(index)
    if automaton is None:
        return
    standing = sorted(
        (start, -end, forms[which])
        for which, start, end in automaton.find_matches_as_indexes(text, overlapping=True)
        if not (start and _NAME_BEFORE.match(text, start - 1)) and not _NAME_AFTER.match(text, end)
    )
    cursor = 0
    for start, negative_end, form in standing:
        if start >= cursor:
            yield start, -negative_end, form
            cursor = -negative_end


def _register_holds(analysis: Analysis, words: frozenset[str], minimum: int) -> bool:
    present = analysis.spellings
    return sum(1 for word in words if word in present) >= minimum


def hispanic_article(analysis: Analysis, minimum: int = 2) -> bool:
    """The article is about a Spanish-speaking country: it names two of them, or their places."""
    return _register_holds(analysis, lexicon().registers.get("hispanic", frozenset()), minimum)


# What may stand right before a name without being part of it.
_OPENERS = frozenset("The El La Los Las vs vs. Vs".split())


def _whole_run(analysis: Analysis, start: int, end: int) -> bool:
    """The match is the whole capitalised run it stands in (a title or "vs." may precede)."""
    text = analysis.text
    after = re.match(r"[ \t]+([A-ZÁÉÍÓÚÑ][\w’'-]*)", text[end:])
    if after is not None:
        return False
    before = re.search(r"([A-ZÁÉÍÓÚÑ][\w’'.-]*)[ \t]+$", text[max(0, start - 40) : start])
    if before is None or before.group(1) in _OPENERS or before.group(1).endswith(("’s", "'s")):
        return True  # "Cruz Azul’s Machine": the owner is another name
    return analysis.starts_sentence(start - len(before.group(0)))


def _replacement(matched: str, entry: Entry) -> str:
    if matched.isupper() and len(matched) > 3:
        return entry.spanish.upper()
    spanish = entry.spanish
    if matched[:1].isupper() and spanish[:1].islower():
        spanish = spanish[0].upper() + spanish[1:]
    return spanish


# A name before or after "vs." is one side of a fixture, wherever the line starts.
_BEFORE_VERSUS = re.compile(r"[ \t]+vs?\.?[ \t]")
_AFTER_VERSUS = re.compile(r"(?:^|[ \t])vs?\.?[ \t]+$")


def _in_fixture(text: str, start: int, end: int) -> bool:
    return bool(
        _BEFORE_VERSUS.match(text, end) or _AFTER_VERSUS.search(text, max(0, start - 5), start)
    )


def _lexicon_hits(analysis: Analysis) -> Iterator[Hit]:
    table = lexicon()
    text = analysis.text
    taken: list[tuple[int, int]] = []
    for index, section in enumerate(table.sections):
        words = table.registers.get(section.register, frozenset())
        if section.register != "any" and not _register_holds(analysis, words, section.minimum):
            continue
        by_form = _section_forms(index)
        for start, end, matched in _section_matches(index, text):
            entry = by_form[matched]
            one_word = len(entry.english.removeprefix("the ").split()) == 1
            if one_word and analysis.starts_sentence(start) and not _in_fixture(text, start, end):
                continue  # every word is capitalised there, but in a fixture (Tiger vs. Mouth)
            if not _whole_run(analysis, start, end):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            spanish = _replacement(matched, entry)
            yield Hit(
                start,
                end,
                (spanish,),
                Applicability.SAFE if entry.safe else Applicability.UNSAFE,
                f"“{matched}” is the name {entry.spanish} translated word by word: "
                f"write “{spanish}”",
            )


# Shapes: an English word MT made of a Spanish one, before a word that shows the
# name is Spanish (English does not know it, or it carries a Spanish accent).
_CLUB = re.compile(
    r"(?<![\w’'-])(?P<head>Royal|Athletic|Independent|Sports)[ \t]+(?:(?P<of>of|from)[ \t]+)?"
    r"(?P<rest>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?)(?![\w’'-])"
)
# Cúcuta Sports for Cúcuta Deportivo: the Spanish adjective after the place.
_CLUB_AFTER = re.compile(r"(?<![\w’'-])(?P<rest>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)[ \t]+Sports(?![\w’'-])")
# Channels and brands that are called so: Claro Sports, Win Sports, Fox Sports.
_SPORTS_BRANDS = frozenset("claro win fox espn tnt tyc directv azteca telemundo univision".split())
_CLUB_HEADS = {"Royal": "Real", "Athletic": "Atlético", "Independent": "Independiente"}
# Names English itself writes so: Athletic Bilbao, Royal Ascot.
_CLUB_KEPT = frozenset("bilbao club ascot".split())
# Renderings the field-study rules (MT3101, MT3110) already name.
_CLUB_COVERED = frozenset(
    "sports cali|sports pasto|independent medellin|independent santa|athletic madrid".split("|")
)
_SAINT = re.compile(
    r"(?<![\w’'-])Saint[ \t]+(?P<given>[A-Z][a-z]+)[ \t]+"
    r"(?P<link>(?:of|de|del|de la|de las|de los|of the)[ \t]+)?"
    r"(?P<rest>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?![\w’'-])"
)
# Saints English names with a place of their own: Francis of Assisi, Anthony of Padua.
_SAINTS_PLACES = frozenset(
    "assisi padua paola sales siena avila ávila loyola xavier arc aquinas lourdes "
    "compostela rome damascus god patmos jerusalem nazareth bethlehem".split()
)
_SPANISH_LINKS = {"of": "de", "of the": "de la"}
_SANTO = frozenset({"Tomás", "Domingo", "Toribio"})


def _spanish_word(word: str) -> bool:
    """A word English does not know, or one written with a Spanish accent."""
    if any(c in "áéíóúñü" for c in word.lower()):
        return True
    english = zipf(word)
    return english < 2.5 or zipf(word, "es") > english


def _free(analysis: Analysis, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """No other name was found here, and the match is the whole name run."""
    if any(s < end and start < e for s, e in taken) or not _whole_run(analysis, start, end):
        return False
    taken.append((start, end))
    return True


def _club_hits(analysis: Analysis, taken: list[tuple[int, int]]) -> Iterator[Hit]:
    for match in _CLUB.finditer(analysis.text):
        head, rest = match.group("head"), match.group("rest")
        first = rest.split()[0]
        if fold(first) in _CLUB_KEPT or not _spanish_word(first):
            continue
        if fold(f"{head} {first}") in _CLUB_COVERED or not _free(analysis, *match.span(), taken):
            continue
        link = " de" if match.group("of") else ""
        spanish = f"{_CLUB_HEADS.get(head, 'Deportivo')}{link} {rest}"
        yield Hit(
            *match.span(),
            (spanish,),
            Applicability.UNSAFE if head == "Sports" else Applicability.SAFE,
            f"“{match.group()}”: a club's name with its first word translated; write “{spanish}”",
        )
    for match in _CLUB_AFTER.finditer(analysis.text):
        rest = match.group("rest")
        if fold(rest) in _SPORTS_BRANDS or not _spanish_word(rest):
            continue
        if not _free(analysis, *match.span(), taken):
            continue
        spanish = f"{rest} Deportivo"
        yield Hit(
            *match.span(),
            (spanish,),
            Applicability.UNSAFE,
            f"“{match.group()}”: a club's name with “Deportivo” translated; "
            f"write “{spanish}” or the club's own name",
        )


def _saint_hits(analysis: Analysis, taken: list[tuple[int, int]]) -> Iterator[Hit]:
    names = person_names()
    for match in _SAINT.finditer(analysis.text):
        rest = match.group("rest")
        key = fold(match.group("given"))
        # Martin for Martín: a rendering that differs only in its accent.
        given = names.given_from_english.get(key) or tuple(
            spanish for spanish in (names.given.get(key), names.given_shared.get(key)) if spanish
        )
        if len(given) != 1 or fold(rest) in _SAINTS_PLACES or not _spanish_word(rest):
            continue
        if not _free(analysis, *match.span(), taken):
            continue
        link = (match.group("link") or "").strip()
        spanish_link = f"{_SPANISH_LINKS.get(link, link)} " if link else ""
        saint = "Santo" if given[0] in _SANTO else "San"
        spanish = f"{saint} {given[0]} {spanish_link}{rest}"
        yield Hit(
            *match.span(),
            (spanish,),
            Applicability.UNSAFE,
            f"“{match.group()}” reads as the place name {spanish} translated: write “{spanish}”",
        )


# "converted by The Cello", "The chicken finished with a header": a nickname's
# Spanish article (El Chelo, El Pollo) translated, capital and all, mid-sentence.
_NICKNAME = re.compile(r"(?<=[\w,;’'] )The[ \t]+(?P<word>[A-Za-záéíóúñü]+)(?![\w’'-])")
# English names that open with a capital The wherever they stand.
_THE_NAMES = frozenset(
    "hague guardian times economist telegraph independent athletic beatles strongest best "
    "weeknd simpsons voice sun mirror observer atlantic onion globe post".split()
)
# "that The same 11 players", "The rest": words that open a noun phrase, not a name.
_NOT_NICKNAMES = frozenset(
    "same other others rest first last next most only whole main previous following "
    "former latter current second third fourth fifth sixth seventh eighth ninth tenth "
    "new old big great final worst".split()
)
# A nickname is a subject or an object; "The baggage he has" is a stray capital
# before a clause.
_AFTER_NO_NICKNAME = re.compile(r"[ \t]+(?:\d|(?:he|she|they|it|we|I|you|that|which|of)\b)")


def _nickname_hits(analysis: Analysis, taken: list[tuple[int, int]]) -> Iterator[Hit]:
    text = analysis.text
    for match in _NICKNAME.finditer(text):
        word = match.group("word")
        if fold(word) in _THE_NAMES or word.lower() in _NOT_NICKNAMES:
            continue
        if _AFTER_NO_NICKNAME.match(text, match.end()):
            continue
        after = re.match(r"[ \t]+([A-ZÁÉÍÓÚÑ])", text[match.end() :])
        if after is not None:
            continue  # The Last of Us: a title of several words
        spanish_word = word[0].isupper() and _spanish_word(word)
        if not (word.islower() and zipf(word) >= 3.0) and not spanish_word:
            continue
        if not _free(analysis, *match.span(), taken):
            continue
        replacements = (f"El {word}",) if spanish_word else ()
        yield Hit(
            *match.span(),
            replacements,
            Applicability.UNSAFE if spanish_word else Applicability.DISPLAY_ONLY,
            f"“{match.group()}”: a nickname whose Spanish article (or whole name) was "
            "translated; write it as the Spanish press does (El …)",
        )


# A Spanish name whose "de" alone was translated (Gente of Zona, Caballero of the Salsa,
# Banco of México): a Spanish word English does not use, then of, then a capital.
_HALF_TRANSLATED = re.compile(
    r"(?<![\w’'-])(?P<left>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,})[ \t]+(?P<of>of(?:[ \t]+the)?)[ \t]+"
    r"(?P<right>[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?![\w’'-])"
)
# Spanish words English has made its own, which may head an English name with "of".
_LEFT_SHARED = frozenset("patio mesa fiesta junta salsa siesta villa santa san".split())
_SPANISH_LEFT_ZIPF = 3.0
_AFTER_SPANISH_PARTICLE = re.compile(r"\b(?:de|del|la|las|los|el|y)[ \t]+$")


def _spanish_of(right: str) -> str:
    """de, del, de la, de los, de las for "of the", by the ending of the next word."""
    lower = right.lower()
    if lower.endswith("as"):
        return "de las"
    if lower.endswith("os"):
        return "de los"
    return "de la" if lower.endswith(("a", "ión", "dad")) else "del"


def _half_translated_hits(analysis: Analysis, taken: list[tuple[int, int]]) -> Iterator[Hit]:
    text = analysis.text
    if " of " not in text:
        return
    for match in _HALF_TRANSLATED.finditer(text):
        left, right = match.group("left"), match.group("right")
        spanish = zipf(left, "es")
        if fold(left) in _LEFT_SHARED or spanish < _SPANISH_LEFT_ZIPF or zipf(left) >= spanish - 1:
            continue
        if _AFTER_SPANISH_PARTICLE.search(text, max(0, match.start() - 5), match.start()):
            continue  # Plaza de Armas of Lima: the Spanish name is whole, "of Lima" English
        if not _free(analysis, *match.span(), taken):
            continue
        link = "de" if match.group("of") == "of" else _spanish_of(right)
        name = f"{left} {link} {right}"
        yield Hit(
            *match.span(),
            (name,),
            Applicability.UNSAFE,
            f"“{match.group()}”: a Spanish name with its “de” translated; write “{name}”",
        )


def detect_translated_names(document: Document, analysis: Analysis) -> Iterator[Hit]:
    hits = list(_lexicon_hits(analysis))
    yield from hits
    taken = [(h.start, h.end) for h in hits]
    registers = lexicon().registers
    if _register_holds(analysis, registers.get("sport-es", frozenset()), 2):
        yield from _club_hits(analysis, taken)
    if _register_holds(analysis, registers.get("hispanic", frozenset()), 1):
        yield from _saint_hits(analysis, taken)
        yield from _half_translated_hits(analysis, taken)
        if any(
            _register_holds(analysis, registers.get(r, frozenset()), 2) for r in ("sport-es", "tv")
        ):
            yield from _nickname_hits(analysis, taken)
