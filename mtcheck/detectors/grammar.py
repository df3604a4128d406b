"""Spanish syntax that a table cannot see because it depends on names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit, unsafe_removal
from mtcheck.detectors.casing import calendar_words, proper_nouns
from mtcheck.detectors.name_lexicons import given_names
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
        yield unsafe_removal(
            article_start,
            match.end(2),
            f"“a {name}”: the Spanish personal “a” before a name, kept as an article; drop it",
            remove_to=name_start,
        )


# A sentence that opens with an acronym and a verb (BCV reported) ...
_BARE_ACRONYM_OPENER = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=\n))([A-Z]{2,6})(?=[ \t]+[a-z]+\b)")


# Countries and blocs that English writes bare as modifiers (US companies, EU leaders)
# beside "the US" as a noun: a sentence opening with one is no dropped article.
_ADJECTIVAL_ACRONYMS = frozenset({"US", "UK", "EU", "UN", "UAE", "USA"})


def detect_acronym_without_article(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``BCV reported``: Spanish drops the article a sentence start needs, where the
    same article writes ``the BCV`` elsewhere (an acronym read as letters takes it)."""
    text = analysis.text
    for match in _BARE_ACRONYM_OPENER.finditer(text):
        acronym = match.group(1)
        if acronym in _ADJECTIVAL_ACRONYMS:
            continue
        if not _takes_the(acronym, text):
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


def _takes_the(acronym: str, text: str) -> bool:
    """The article writes "the BCV" more often than a bare BCV inside a sentence (an
    acronym said as a word, PAHO or NATO, goes bare: "the PAHO update" is a modifier)."""
    with_the = len(re.findall(r"\b[Tt]he[ \t]+" + acronym + r"\b", text))
    bare_inside = len(re.findall(r"(?<![Tt]he )(?<=[a-z,] )" + acronym + r"\b", text))
    return with_the > bare_inside


def _in_headline(text: str, offset: int) -> bool:
    """A line with no closing stop is a headline, and headlines drop their articles."""
    end = text.find("\n", offset)
    line = text[offset : end if end >= 0 else len(text)].rstrip()
    return not line.endswith((".", "!", "?", ".”", '."', ".)"))


# "the" before a name that English writes bare: the Nicolás Maduro established,
# the Guadalajara Sergio Pérez (Spanish "el tapatío Sergio Pérez", "el régimen de").
_THE_BEFORE_NAME = re.compile(
    r"\b([Tt]he)[ \t]+([A-Z][\w’'-]+)(?:[ \t]+([A-Z][\w’'-]+))?"
    r"(?=[ \t]*([,.;:)])|[ \t]+([A-Za-z][\w’'-]*))"
)
# What may follow a bare name but never a name used as a modifier (the Maduro
# government, the Lima office): a stop, a verb, a preposition of the clause.
_AFTER_BARE_NAME = frozenset(
    """is was has had have will would could can should must may might to in on at for with
    by from said says told announced established decided ordered signed won lost left
    arrived met during after before since while when because who""".split()
)
# Places English names with "the" (or may): never flagged.
_PLACES_WITH_THE = frozenset(
    """netherlands gambia bahamas philippines congo vatican hague ukraine crimea donbas
    sudan yemen amazon caribbean andes balkans bronx kremlin pentagon miraflores
    moncloa""".split()
)


def detect_article_before_name(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``established by the Nicolás Maduro to counter``, ``the Guadalajara Sergio
    Pérez``: Spanish writes an article before a demonym or a dropped head noun
    (el régimen de Maduro); English names a person or a city bare."""
    genders = given_names()
    places = proper_nouns()
    text = analysis.text
    yield from _demonym_before_person(document, text)
    for match in _THE_BEFORE_NAME.finditer(text):
        first, second = match.group(2), match.group(3)
        stop, following = match.group(4), match.group(5)
        start = match.start(1)
        if document.is_protected(start, match.end()):
            continue
        lower = first.lower()
        is_place = lower in places and places[lower] == first and lower not in _PLACES_WITH_THE
        if (
            is_place
            and second is not None
            and genders.get(second)
            and _written_bare_elsewhere(text, first)
        ):
            # the Guadalajara Sergio Pérez: a demonym before a person.
            yield Hit(
                start,
                match.end(2),
                (f"{first} native", f"{first}-born"),
                Applicability.DISPLAY_ONLY,
                f"“{match.group(1)} {first}” before a name stands for a Spanish demonym "
                f"(el tapatío, la limeña); English writes “{first} native {second}”",
            )
            continue
        bare_follows = stop is not None or (
            following is not None and following.lower() in _AFTER_BARE_NAME
        )
        if stop == "," and re.match(r"[ \t]*,[ \t]*[A-Z]", text[match.end() :]):
            bare_follows = False  # the Bilbao, Spain-based lender
        if not bare_follows:
            continue  # the Maduro government, the Mexico City office: a modifier
        is_person = second is not None and genders.get(first) is not None
        if not (is_person or (is_place and second is None)):
            continue
        name = first if second is None else f"{first} {second}"
        if not _written_bare_elsewhere(text, name):
            continue  # the Kremlin, the Hague: the article always gives it "the"
        yield unsafe_removal(
            start,
            match.start(2),
            f"“{match.group(1)} {name}”: English names a person or a place without “the” "
            "(Spanish puts an article there, or before a dropped word such as el régimen de)",
            remove_to=match.start(2),
        )


# "the Colombian J Balvin", "the Spanish Rosalía": Spanish "el colombiano J Balvin", a
# demonym standing for the person's nationality with an article English does not write.
_THE_DEMONYM_PERSON = re.compile(
    r"\b([Tt]he)[ \t]+([A-Z][a-z]+)[ \t]+((?:[A-Z]\.?[ \t]+)?[A-ZÁÉÍÓÚÑ][\w’'-]+)"
)


def _demonym_before_person(document: Document, text: str) -> Iterator[Hit]:
    genders = given_names()
    demonyms = calendar_words()
    for match in _THE_DEMONYM_PERSON.finditer(text):
        demonym, person = match.group(2), match.group(3)
        if demonym.lower() not in demonyms or demonyms[demonym.lower()] != demonym:
            continue
        first = person.split()[0]
        initial = len(first.rstrip(".")) == 1 and len(person.split()) > 1
        if not (initial or genders.get(first)) or document.is_protected(*match.span()):
            continue
        yield unsafe_removal(
            match.start(1),
            match.start(2),
            f"“{match.group(1)} {demonym} {person}”: Spanish puts an article before a "
            f"nationality used as a title (el colombiano); English writes “{demonym} "
            f"{person}” or names the trade (the {demonym} singer)",
            remove_to=match.start(2),
        )


def _written_bare_elsewhere(text: str, name: str) -> bool:
    """Whether the article also writes the name without an article before it."""
    for found in re.finditer(r"\b" + re.escape(name) + r"\b", text):
        before = text[max(0, found.start() - 4) : found.start()]
        if not re.search(r"\b[Tt]he[ \t]+$", before):
            return True
    return False


# "The Aemet warns", "The Minsa reported": an acronym said as a word, written in title
# case, as the subject of a verb, with the article Spanish gives it (la Aemet, el Minsa).
# English names it bare. After a preposition (the director of the Ideam) or before a
# noun it qualifies (the Minsa spokesman) the article may be the phrase's: left alone.
_THE_WORD_ACRONYM = re.compile(
    r"(?<!\bof )(?<!\bby )(?<!\bto )(?<!\bfrom )(?<!\bwith )(?<!\bfor )(?<!\bat )(?<!\bin )"
    r"\b([Tt]he)[ \t]+([A-Z][a-z]{3,9}|[A-Z]{4,9})\b(?=[ \t]+(?:[a-z]+ed|has|had|is|was|will|would|"
    r"also|said|says|reports|warns|recommends|announces|confirms|indicates|explains|urges|"
    r"insists|calls|estimates|expects|forecasts|predicts|records|registers|notes)\b)"
)
# Ministries and agencies of the region known as word acronyms even where the article
# does not spell them out in parentheses.
_KNOWN_WORD_ACRONYMS = frozenset(
    """Minsa Minsal Minsap Minsalud Minedu Mininter Mindef Mintra Minem Mincetur Minam
    Minjus Minjusdh Mimp Midis Aemet Senamhi Indec Inegi Ideam Cenaos Conred Insivumeh
    Senasa Sunat Sunarp Dian Afip Anses Sernac Conaf Onemi Senapred Profeco Cofepris
    Conagua Semarnat Sedena Segob Conapesca Osinergmin Indecopi Sinager Copeco Ineter
    Sinaproc Senacyt Conamet Inamhi Inameh Inumet Pemex""".split()
)


def detect_article_before_word_acronym(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``The Aemet warns``: the article of Spanish ``la Aemet`` before an agency's acronym
    said as a word, where the article defines it in parentheses (Agencia Estatal de
    Meteorología (Aemet)) or it is one of the region's known ones."""
    text = analysis.text
    for match in _THE_WORD_ACRONYM.finditer(text):
        acronym = match.group(2)
        if acronym.isupper():
            # The AEMET: capitals are how many sites write a word acronym; only the known
            # ones, since capitals are also a name's emphasis (the BEATLES).
            known = acronym.capitalize() in _KNOWN_WORD_ACRONYMS
        else:
            known = acronym in _KNOWN_WORD_ACRONYMS or (
                f"({acronym})" in text and _said_as_a_word(acronym)
            )
        if not known or zipf(acronym.lower()) >= _ENGLISH_WORD_ZIPF:
            continue
        start, end = match.start(1), match.end(2)
        if document.is_protected(start, end):
            continue
        yield Hit(
            start,
            end,
            (acronym,),
            Applicability.SAFE,
            f"“{match.group(1)} {acronym}”: Spanish puts an article before an acronym said "
            f"as a word (la {acronym}); English names it bare: “{acronym}”",
        )


_ENGLISH_WORD_ZIPF = 3.0
_CONSONANT_RUN = re.compile(r"[^aeiouáéíóú]{3}", re.IGNORECASE)


def _said_as_a_word(acronym: str) -> bool:
    """Aemet, Sunass: vowels enough to say it; Lvbp is spelled out (the LVBP)."""
    vowels = sum(c in "aeiouáéíóú" for c in acronym.lower())
    return vowels >= 2 and not _CONSONANT_RUN.search(acronym)
