"""``he`` for an institution: Spanish drops the subject after ``el tribunal``,
``el equipo`` or ``el Minsa`` (all masculine) and MT fills in *he* and *his*,
where English writes *it* and *its*.

The institution must be the subject of its sentence (``The TSJ explained…``,
``The club confirmed…``), and nobody who could be *he* may be named between it
and the pronoun, nor in the sentence before it in the same paragraph (a
capitalised word that is not a place or a thing named with *the*, a man's
given name, a word such as *coach*). Even then the pronoun may mean a person
the article named long before: the fix is shown, never applied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.casing import calendar_words, proper_nouns
from mtcheck.detectors.name_lexicons import given_names
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability
from mtcheck.resources import word_list

_INSTITUTIONS = (
    "team|club|squad|company|firm|court|tribunal|police|government|ministry|institution|entity|"
    "party|bank|network|channel|station|broadcaster|organization|organisation|agency|office|"
    "chamber|council|league|federation|union|commission|committee|board|municipality|"
    "authority|administration|institute|prosecutor’s office|prosecutor's office|senate|congress|"
    "assembly|army|navy|airline|university|hospital|newspaper|portfolio|body|corporation|"
    "superintendency|comptroller’s office|comptroller's office|service|secretariat|directorate|"
    "observatory"
)
# The subject at a sentence start: the (adjectives, names) institution, or the ACRONYM; a verb.
_SUBJECT = re.compile(
    r"[ \t“\"]*(?:[Tt]he[ \t]+(?:[\w’'-]+[ \t]+){0,3}?(?i:" + _INSTITUTIONS + r")|"
    r"[Tt]he[ \t]+[A-Z]{2,6}|Police)(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?[ \t]+(?=[a-z]+\b)"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_IT = {"he": "it", "him": "it", "his": "its", "himself": "itself"}
_PERSON_WORDS = frozenset(
    "man boy husband father son brother mr president minister coach player striker goalkeeper "
    "director spokesman chairman manager leader judge magistrate prosecutor lawyer senator "
    "deputy mayor governor officer agent detainee suspect victim driver founder owner "
    "executive ceo secretary king pope priest actor singer author who whom".split()
)
# A team named this far into its sentence (in characters) may still be its subject
# (Jaime de la Pava's Cali entered).
_SUBJECT_REACH = 30
# Sentences looked back on for a man the pronoun may mean.
_LOOKBACK = 3
_THING_WORDS = frozenset(
    word.title() for word in _INSTITUTIONS.split("|") if " " not in word
) | frozenset(
    "Press News Agency TV Radio Times Post Group Foundation Festival Award Awards Cup Stadium "
    "Square Street Avenue Park School Airport Autodrome Fund Service Force Guard Secretariat "
    "Association Directorate Registry System Front Movement Index Report Law Act".split()
)
# Below this frequency a capitalised sentence opener is a name, not a word.
_NAME_ZIPF = 3.0
# Capitalised words that name things when they start a run (Spanish articles too).
_THING_STARTERS = frozenset("La El Los Las Del De San Santa".split())


# An acronym the article introduces after an institution's name: Ministry of Health (Minsa).
_INTRODUCED = re.compile(
    r"\b(?:" + _INSTITUTIONS.replace("|", r"|").title() + r"|Service|Force|Guard|Secretariat|"
    r"Association|Fund|Directorate|Registry|System|Front|Movement)\b"
    r"(?:[ \t]+(?:of|for|and|the|de|del|la|[A-Z][\w’'-]*)){0,6}[ \t]+\(([A-Z][A-Za-z]{1,9})\)"
)
_REPORTING = (
    r"said|says|indicated|reported|announced|explained|stated|warned|confirmed|added|noted|"
    r"informed|assured|stressed|pointed out|maintained|argued|insisted|denied|rejected"
)


def detect_institution_pronoun(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    acronym_subject = _acronym_subject(text)
    sentences = list(_SENTENCE.finditer(text))
    for index, sentence in enumerate(sentences):
        subject = _SUBJECT.match(sentence.group())
        if subject is not None and not _institution_subject(subject.group()):
            subject = None
        if subject is None and acronym_subject is not None:
            subject = acronym_subject.search(sentence.group())
        if subject is None:
            continue
        before = sentences[max(0, index - _LOOKBACK) : index]
        if any(_names_someone(earlier.group()) for earlier in before):
            continue  # he may be the man named just before
        scope = [sentence]
        if index + 1 < len(sentences) and _same_paragraph(text, sentence, sentences[index + 1]):
            scope.append(sentences[index + 1])
        yield from _pronouns_before_a_person(text, scope, subject.end())
        following = _paragraph_after_on_he(text, sentences, index)
        if following is not None and not _names_someone(sentence.group()[subject.end() :]):
            # The government regretted the deaths … ¶ He also requested respect: the
            # next paragraph goes on with the institution's own statement.
            yield from _pronouns_before_a_person(text, [following], 0)


# A paragraph opening on "He also requested", "He added": the subject goes on.
_HE_GOES_ON = re.compile(
    r"He[ \t]+(?:also|further|later|then)[ \t]+(?:[a-z]+ed|said|told)\b|He[ \t]+(?:"
    + _REPORTING
    + r")\b"
)


def _paragraph_after_on_he(
    text: str, sentences: list[re.Match[str]], index: int
) -> re.Match[str] | None:
    """The next paragraph's first sentence, when the subject's sentence ends its own
    paragraph and the next opens on "He also…"."""
    if index + 1 >= len(sentences):
        return None
    current, following = sentences[index], sentences[index + 1]
    gap = text[current.end() : following.start()]
    if gap.count("\n") != 2 or gap.strip():
        return None
    return following if _HE_GOES_ON.match(following.group()) else None


def _acronym_subject(text: str) -> re.Pattern[str] | None:
    """``Minsa indicated``: an introduced acronym before a reporting verb, anywhere."""
    acronyms = {
        found.group(1)
        for found in _INTRODUCED.finditer(text)
        if found.group(1).lower() not in proper_nouns()
        and found.group(1).lower() not in calendar_words()
    }
    if not acronyms:
        return None
    names = "|".join(sorted(map(re.escape, acronyms)))
    return re.compile(r"\b(?:[Tt]he[ \t]+)?(?:" + names + r")[ \t]+(?=(?:" + _REPORTING + r")\b)")


def _institution_subject(subject: str) -> bool:
    lowered = subject.lower()
    # "The company's CEO" is a person, unless the institution is an office.
    return ("’s " not in lowered and "'s " not in lowered) or "office" in lowered


def _same_paragraph(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return "\n" not in text[first.end() : second.start()]


def _pronouns_before_a_person(
    text: str, scope: list[re.Match[str]], subject_end: int, *, team: bool = False
) -> Iterator[Hit]:
    """The pronouns after the subject up to the first person who may be *he*; for a
    team, only a person who acts (a name before a verb) stops the search."""
    for number, sentence in enumerate(scope):
        body = sentence.group()
        begin = subject_end if number == 0 else 0
        words = list(_WORD.finditer(body))
        for position, word in enumerate(words):
            if word.start() < begin:
                continue
            token = word.group()
            if _is_person(token, words, position) and (not team or _acts(token, words, position)):
                return
            lower = token.lower()
            if lower not in _IT:
                continue
            if lower == "him" or _inside_quotation(body, word.start()):
                return
            replacement = _IT[lower]
            if token[0].isupper():
                replacement = replacement.capitalize()
            start = sentence.start() + word.start()
            yield Hit(
                start,
                start + len(token),
                (replacement,),
                Applicability.DISPLAY_ONLY,
                f"“{token}” for the {'team' if team else 'institution'} this sentence is "
                "about: Spanish writes the masculine (el tribunal, el equipo) and MT turns it "
                f"into he; write “{replacement}”",
            )
            if not team:
                return


def _acts(token: str, words: list[re.Match[str]], position: int) -> bool:
    """González said, the coach has: a person followed by a verb, who may be *he*."""
    if token.lower() in ("who", "whom"):
        return False
    following = words[position + 1].group() if position + 1 < len(words) else ""
    return bool(_VERB_AFTER_PERSON.fullmatch(following)) or following[:1].isupper()


_VERB_AFTER_PERSON = re.compile(
    r"[a-z]+ed|said|says|told|has|had|have|is|was|will|would|can|could|made|took|gave|went|"
    r"scored|signed|left|came|won|lost|is|[a-z]+s"
)
# How an article tells that a name is a team: Cali vs. Junior, Tolima is the team,
# a Cali team, the Junior squad.
_TEAM_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
_TEAM_EVIDENCE = re.compile(
    r"(?P<a>" + _TEAM_NAME + r") vs?\.? (?P<b>" + _TEAM_NAME + r")"
    r"|(?P<c>" + _TEAM_NAME + r")(?:,? (?:is|was|which (?:is|was)|that (?:is|was))) the "
    r"(?:\w+ ){0,2}?(?:team|club|side|squad)\b"
    r"|\b(?:a|the) (?P<d>" + _TEAM_NAME + r") (?:team|club|side|squad)\b"
)
_SPORT_WORDS = re.compile(
    r"\b(?:match|matches|goals?|coach|league|tournament|games?|teams?|clubs?|season|"
    r"championship|players?|squad|stadium|final|cup)\b",
    re.I,
)


def _team_names(text: str) -> frozenset[str]:
    if len(_SPORT_WORDS.findall(text)) < 2:
        return frozenset()
    names: set[str] = {club for club in _known_clubs() if club in text}
    for found in _TEAM_EVIDENCE.finditer(text):
        names.update(name for name in found.groups() if name)
    return frozenset(
        name
        for name in names
        if name.lower() not in calendar_words() and name.split()[0] not in _NOT_A_TEAM
    )


@cache
def _known_clubs() -> frozenset[str]:
    return frozenset(word_list("football-clubs"))


_NOT_A_TEAM = frozenset("The A An In On At For With This That It He She They We".split())


def detect_team_pronoun(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``Tolima is the team… now he wants to continue``: he for a team."""
    text = analysis.text
    teams = _team_names(text)
    if not teams:
        return
    names = "|".join(sorted(map(re.escape, teams), key=len, reverse=True))
    subject = re.compile(
        r"\b(?:"
        + names
        + r")(?:[ \t]+who\b|[ \t]+(?=(?:is|was|has|had|will|won|lost|beat|drew|fell|took|got|came|"
        r"left|kept|[a-z]+ed|[a-z]+s)\b))"
    )
    sentences = list(_SENTENCE.finditer(text))
    for index, sentence in enumerate(sentences):
        found = subject.search(sentence.group())
        if found is None or (
            found.start() > _SUBJECT_REACH and not found.group().rstrip().endswith("who")
        ):
            continue  # no team, or one named too far in to be the subject
        scope = [sentence]
        if index + 1 < len(sentences) and _same_paragraph(text, sentence, sentences[index + 1]):
            scope.append(sentences[index + 1])
        yield from _pronouns_before_a_person(text, scope, found.end(), team=True)


def _inside_quotation(body: str, offset: int) -> bool:
    return (
        body.count("“", 0, offset) > body.count("”", 0, offset)
        or body.count('"', 0, offset) % 2 == 1
    )


def _is_person(
    token: str, words: list[re.Match[str]], position: int, *, relative: bool = True
) -> bool:
    """Whether this word may name a man (or a person, a team) that *he* could mean;
    ``relative``: a relative pronoun (who) counts too."""
    lower = token.lower()
    if lower in _PERSON_WORDS and (relative or lower not in ("who", "whom")):
        return True
    if given_names().get(token) == "m":
        return True
    if not token[0].isupper() or token.isupper() or token in _THING_STARTERS:
        return False
    if token in _THING_WORDS:
        return False
    if lower in calendar_words() or lower in proper_nouns():
        return False
    if position == 0:
        # A sentence start capitalises any word: only a rare one is a name.
        return zipf(lower) < _NAME_ZIPF
    previous = words[position - 1].group()
    if previous[0].isupper() and position > 1:
        return False  # inside a capitalised run: its first word decides
    if previous.lower() == "of" and position > 1 and words[position - 2].group()[0].isupper():
        return False  # Court of Justice, Bank of Venezuela: one name
    return previous.lower() != "the" and not _names_a_thing(words, position)


def _names_a_thing(words: list[re.Match[str]], position: int) -> bool:
    """Europa Press, Hermanos Rodríguez Autodrome: a run of capitals that ends in a thing."""
    for word in words[position + 1 : position + 5]:
        token = word.group()
        if not token[0].isupper():
            return False
        if token in _THING_WORDS:
            return True
    return False


def _names_someone(body: str) -> bool:
    words = list(_WORD.finditer(body))
    return any(_is_person(w.group(), words, i, relative=False) for i, w in enumerate(words))
