"""Spanish person names that machine translation rendered as English words.

MT translates the words of a name that are also Spanish words: ``Juan Campos``
comes out as ``Juan Fields`` or ``John Fields``, ``Pablo Iglesias`` as ``Paul
Churches``, and once the article has named the person, a bare ``Churches``
follows. The lexicon (``rules/lexicon/person-names.txt``) says which English
word renders which Spanish name; the shape of a name run (capitalised words side
by side) says where a name stands.

English has its own Fields and Browns, and Latin America its own James
Rodríguez, so the evidence is graded: a Spanish given name before a rendered
surname, or a rendering where the article writes the Spanish name elsewhere,
is sure; a rendered given name before a Spanish surname counts only when the
article writes that surname with a Spanish given name too; a surname that is a
common English name in its own right counts only with such evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.name_lexicons import is_given_name
from mtcheck.detectors.translated_names import hispanic_article
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability
from mtcheck.person_names import PersonNames, fold, person_names

_WORD = r"[A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+(?:-[A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]+)?"
_RUN = re.compile(rf"(?<![\w’'-]){_WORD}(?:[ \t]+(?:(?:de|del|de la)[ \t]+)?{_WORD})*(?![\w’'-])")
_CONNECTOR = re.compile(r"^(?:de|del|la)$")
# Renderings that are everyday English surnames: "Carlos Brown" may be a real
# Carlos Brown, so these need the article's own Spanish spelling as evidence.
_ENGLISH_SURNAMES = frozenset(
    "white brown king wolf frank good gray grey hope hunter street smith miller moon rich "
    "stone rock bishop duke lamb bull love bridge knight castle shepherd head count door "
    "fortune rose".split()
)


# Rendered given names that Latin Americans rarely carry as such (unlike James,
# William or Henry): before a Spanish surname they are MT's work (John Silva).
_RARE_IN_SPANISH = frozenset(
    "joseph peter paul john louis charles andrew anthony francis matthew stephen emmanuel "
    "ignatius xavier lawrence nicholas ferdinand gregory christopher joachim augustine mary "
    "elizabeth joan theresa agnes josephine".split()
)
# Renderings rarer still among Spanish speakers, but English speakers' own names:
# before a Spanish surname they count only in an article about a Spanish-speaking
# country (Elijah Hernández for Elías, in a Mexican football story).
_RARE_IN_CONTEXT = frozenset(
    "elijah ralph raymond vincent reuben moses isaiah jeremiah zachary elisha hannibal "
    "rudolph adolph humbert horace leonard oswald alphonse beatrice margaret susan juliet "
    "rachel helen caroline christina christine catherine jane maximum baptist benedict "
    "camillus roderick gustav emil savior saviour faithful".split()
)
# "Peter’s castle" for Pedro Castillo: MT read the surname as a noun the given name owns.
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)['’]s ([a-z]+)(?: ([a-z]+))?\b")


def _words(run: re.Match[str]) -> list[tuple[int, int, str]]:
    return [
        (run.start() + m.start(), run.start() + m.end(), m.group())
        for m in re.finditer(r"\S+", run.group())
        if not _CONNECTOR.match(m.group())
    ]


def _spanish_surnames_named(
    runs: list[list[tuple[int, int, str]]], names: PersonNames
) -> dict[str, set[str]]:
    """Surnames the article writes the Spanish way, with the given names they follow."""
    named: dict[str, set[str]] = {}
    for words in runs:
        for index, (_, _, word) in enumerate(words):
            key = fold(word)
            if key in names.surnames and index > 0:
                named.setdefault(key, set()).add(fold(words[index - 1][2]))
    return named


def _starts_sentence(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" \t\"“‘'«(")
    return not before or before[-1] in ".!?:\n—–|"


# A quoted title of a work: a few words, most of them capitalised.
_TITLE_MAX_WORDS = 10


def _in_quoted_title(text: str, offset: int) -> bool:
    opening = text.rfind("“", text.rfind("\n", 0, offset) + 1, offset)
    if opening < 0 or text.rfind("”", opening, offset) >= 0:
        return False
    closing = text.find("”", offset)
    if closing < 0 or "\n" in text[offset:closing]:
        return False
    words = re.findall(r"[^\W\d_]+", text[opening + 1 : closing])
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) <= _TITLE_MAX_WORDS and capitalised * 2 > len(words)


def detect_translated_person_names(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    names = person_names()
    runs = [_words(run) for run in _RUN.finditer(text)]
    named = _spanish_surnames_named(runs, names)
    rare = _RARE_IN_SPANISH | (_RARE_IN_CONTEXT if hispanic_article(analysis) else frozenset())
    # Renderings of the surnames the article spells in Spanish: Churches for Iglesias.
    back = {
        fold(english): names.surnames[surname]
        for surname in named
        for english in names.renderings.get(surname, ())
    }
    yield from _possessive_names(text, names)
    for words in runs:
        used: set[int] = set()
        for index in range(len(words) - 1):
            if index > 0 and words[index - 1][2] in _PLACE_HEADS:
                continue  # San Juan Mayor Ana Ruiz: a place's name, then a title
            # By shape alone only the last two words of a run count, never a longer
            # name's inner words.
            alone = index + 2 == len(words)
            hit = _pair(words[index], words[index + 1], names, named, back, rare, alone)
            if hit is not None:
                used.update((index, index + 1))
                yield hit
        for index, (start, end, word) in enumerate(words):
            if index in used or fold(word) not in back:
                continue
            if len(words) == 1 and _starts_sentence(text, start):
                continue  # "Churches were full" at a sentence start may be churches
            if _in_quoted_title(text, start):
                continue  # “Wheels, Weed & Rock ‘n’ Roll”: a work's English title
            neighbours = [w for i, (_, _, w) in enumerate(words) if i != index]
            if any(fold(w) not in names.given and fold(w) not in back for w in neighbours):
                continue  # part of another name: "Fields Medal"
            surname = back[fold(word)]
            yield Hit(
                start,
                end,
                (surname,),
                Applicability.SAFE,
                f"“{word}” renders the surname {surname}, which the article writes in Spanish "
                f"elsewhere: write “{surname}”",
            )


# English surnames that are everyday words too: "Carlos Baker" may be a real Baker.
_ENGLISH_WORD_SURNAMES = frozenset(
    "smith baker hill wood young hall wright cook bell ward lane long price parker porter "
    "butler carter turner cooper fisher mason shaw walker page day may little sharp strong "
    "gold silver cross pope booth frost snow star banks brooks burns hardy black green grant "
    "rice hunt marsh wells lake ford bush cash holmes house church fields rivers slim mills "
    "bird fox hawk crow swan drake nash west north south east best rich noble savage "
    "english french welsh scott power young bright gay glass steel cotton field woods".split()
)


# Words that open a place named after a person: San José, Ciudad Juárez.
_PLACE_HEADS = frozenset("San Santa Santo Saint St St. Ciudad Puerto Villa Colonia".split())


def _common_english_word(word: str) -> bool:
    """An everyday English word (far more frequent in English than in Spanish) that is
    neither an English surname of its own nor a given name."""
    key = word.lower()
    if key in _ENGLISH_SURNAMES or key in _ENGLISH_WORD_SURNAMES or is_given_name(word):
        return False
    if not word.isalpha() or any(c in "áéíóúñü" for c in key):
        return False
    english = zipf(key)
    return english >= 3.0 and english - zipf(key, "es") >= 1.0


def _pair(
    first: tuple[int, int, str],
    second: tuple[int, int, str],
    names: PersonNames,
    named: dict[str, set[str]],
    back: dict[str, str],
    rare: frozenset[str] = _RARE_IN_SPANISH,
    alone: bool = False,
) -> Hit | None:
    (start, _, given), (_, end, surname) = first, second
    given_key, surname_key = fold(given), fold(surname)
    surname_is_spanish = surname_key in names.surnames
    rendered_surname = names.surname_from_english.get(surname_key, ())
    if given_key in names.given and rendered_surname and not surname_is_spanish:
        # Juan Fields: a Spanish given name vouches for the name being Spanish,
        # unless the rendering is an English surname of its own (Carlos Brown).
        if surname_key in _ENGLISH_SURNAMES and surname_key not in back:
            return None
        sure = len(rendered_surname) == 1
        return Hit(
            second[0],
            end,
            rendered_surname,
            Applicability.SAFE if sure else Applicability.UNSAFE,
            f"“{given} {surname}”: the surname is a Spanish word rendered in English; "
            f"write “{rendered_surname[0]}”",
        )
    if (
        alone
        and given_key in names.given
        and not surname_is_spanish
        and _common_english_word(surname)
    ):
        # Rosendo Hillside: no lexicon knows Ladera, but a Spanish given name
        # before an everyday English word is a surname MT translated.
        return Hit(
            second[0],
            end,
            (),
            Applicability.DISPLAY_ONLY,
            f"“{given} {surname}”: an English word where a Spanish surname stands; "
            "the surname was probably translated: write the original's",
        )
    rendered_given = names.given_from_english.get(given_key, ())
    if not rendered_given or given_key in names.given:
        return None
    if rendered_surname and not surname_is_spanish:
        # Paul Churches: both halves rendered.
        if surname_key in _ENGLISH_SURNAMES and surname_key not in back:
            return None
        spanish = f"{rendered_given[0]} {rendered_surname[0]}"
        return Hit(
            start,
            end,
            (spanish,),
            Applicability.UNSAFE,
            f"“{given} {surname}” reads as a Spanish name rendered word by word: “{spanish}”",
        )
    if surname_is_spanish and given_key in rare and surname_key not in back:
        spanish = f"{rendered_given[0]} {surname}"
        return Hit(
            start,
            first[1],
            tuple(rendered_given),
            Applicability.UNSAFE,
            f"“{given} {surname}”: the given name reads as a Spanish one rendered in English; "
            f"write “{spanish}”",
        )
    if surname_is_spanish and named.get(surname_key, set()) & {fold(g) for g in rendered_given}:
        # Peter Sánchez where the article also writes Pedro Sánchez.
        spanish_given = next(g for g in rendered_given if fold(g) in named[surname_key])
        return Hit(
            start,
            first[1],
            (spanish_given,),
            Applicability.SAFE,
            f"“{given}” renders the given name {spanish_given}, as the article writes it "
            f"elsewhere: write “{spanish_given}”",
        )
    return None


def _possessive_names(text: str, names: PersonNames) -> Iterator[Hit]:
    for match in _POSSESSIVE.finditer(text):
        given = names.given_from_english.get(fold(match.group(1)), ())
        end = match.end()
        surname = names.surname_from_english.get(fold(f"{match.group(2)} {match.group(3)}"), ())
        if not surname:
            surname = names.surname_from_english.get(fold(match.group(2)), ())
            end = match.end(2)
        if not given or not surname:
            continue
        spanish = f"{given[0]} {surname[0]}"
        yield Hit(
            match.start(),
            end,
            (spanish,),
            Applicability.UNSAFE,
            f"“{text[match.start() : end]}” reads as the name {spanish} rendered word by word: "
            f"write “{spanish}”",
        )
