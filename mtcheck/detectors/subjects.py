"""A subject said twice: Spanish names the subject, loses a link or a clause
boundary, and MT writes the pronoun of the verb's ending as well
(``Los vecinos denunciaron`` with a link on *vecinos* comes out as ``The
neighbours They denounced``; ``el peso, que este martes saltó`` as ``the peso,
which this Tuesday it jumped``).

These shapes are taken, and only where English grammar leaves no other
reading:

- a noun phrase that opens its clause and holds no verb, then a subject
  pronoun, then a verb (``The police and the prosecutors They raided``,
  ``Tigres and Rayados they tied``); a clause that opens with a preposition
  or a subordinator (``In Lima they voted``), a quotation, or a verb anywhere
  in the phrase (``the man Soto told he would``) is left alone;
- ``which`` or ``who`` with a time phrase, then a pronoun and a verb
  (``, which on Tuesday it fell``), where English puts the relative pronoun
  itself as the subject;
- a pronoun, a verb that takes no person as its object, and a person's name
  ending the clause (``he appeared Brian Rodriguez``): Spanish puts the
  subject after the verb, and MT writes the verb's pronoun as well. The fix
  puts the name first (``Brian Rodriguez appeared``).

The fixes drop the pronoun (or reorder, for the last shape); a person should
glance at them (unsafe).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit, unsafe_removal
from mtcheck.detectors.casing import calendar_words, place_names, proper_nouns
from mtcheck.detectors.name_lexicons import is_given_name
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
# A verb right after the pronoun: a past tense, an auxiliary, a modal, a present in -s.
_VERB = (
    r"(?:[a-z]{2,}ed|said|says|told|has|had|have|is|was|were|are|will|would|can|could|must|"
    r"should|may|might|did|does|do|made|makes|took|takes|gave|gives|went|goes|came|comes|met|"
    r"meets|held|holds|won|lost|left|kept|got|gets|sent|spent|paid|put|set|ran|began|fell|"
    r"rose|saw|sees|found|finds|thought|brought|bought|sold|led|chose|drew|beat|broke|hit|"
    r"also|already|still|never|always|just|then|later|again|again)"
)
_CANDIDATE = re.compile(r"(?<=[\w’'”)\]])[ \t]+(" + _PRONOUN + r")[ \t]+(" + _VERB + r")\b")
# Where a clause starts: the sentence start, a comma, a semicolon, a colon, a dash.
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n()—–]|\s-\s")
# Words that open a clause which is not a subject noun phrase.
_NOT_SUBJECT_OPENERS = frozenset(
    """in on at from for with by to during after before since then when where while there here
    now today yesterday tomorrow later also but and so yet as if although though because once
    until unlike like without under over among between across against despite through within
    according if whether what why how who whom whose which that this these those it he she they
    we i you one both either neither not only even however meanwhile therefore thus instead
    nor or besides last next every each all many most some few several such than into onto
    upon about around near behind beyond toward towards via per amid except outside
    inside""".split()
)
# Words that cannot stand inside a subject noun phrase: verbs, pronouns, subordinators.
_NOT_IN_SUBJECT = frozenset(
    """is are was were be been being has have had will would can could must should may might
    did does do said says told tells asked think thinks thought know knows knew believe
    believes believed that which who whom whose when where while if because although though
    since until unless whether what why how as than so but yet or nor he she it they we i you
    me him her us them my his its our their your this these those there here not never
    also said says make makes made get gets got go goes went come comes came take takes took
    give gives gave see sees saw want wants wanted let lets after before during ago later
    earlier once back more less better worse longer sooner faster rather instead to in on at
    by with from into about since until against among between through under over via without
    within across toward towards upon near behind beyond say says""".split()
)
# A phrase about time is an adverbial, not a subject (Years later they met; Last night he said).
_TIME_WORDS = frozenset(
    """year years month months week weeks day days hour hours minute minutes decade decades
    night nights morning afternoon evening weekend season time times moment century monday
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)
# Lower-case words ending in -ed that are adjectives in a noun phrase (the United…).
_ED_ADJECTIVES = frozenset(
    """united armed detained injured wounded accused deceased alleged interested concerned
    elected named so-called retired talented organized organised advanced required related
    unidentified unemployed displaced disappeared missing""".split()
)
# Words in -ing that are nouns in a subject (the ruling, the meeting).
_ING_NOUNS = frozenset(
    """meeting building spending funding training morning evening wedding ceiling hearing ruling
    shooting bombing killing opening offering housing clothing setting ending beginning
    financing lending pricing rating ranking""".split()
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# Longest subject noun phrase taken (in words): a longer one is probably a clause.
_MAX_SUBJECT_WORDS = 14

# Verbs that take no object, so "which" can only be their subject: in "which on
# Monday it published" it is the object, and English is right.
_INTRANSITIVE = (
    r"(?:fell|rose|jumped|climbed|dropped|closed|ended|opened|grew|increased|decreased|"
    r"advanced|retreated|plunged|soared|surged|slipped|tumbled|died|arrived|began|started|"
    r"returned|happened|occurred|took place|will (?:fall|rise|close|open|end|begin|start|arrive))"
)
# ", which on Tuesday it fell": the relative pronoun and then a second subject.
_RELATIVE_AND_PRONOUN = re.compile(
    r",[ \t]+(?:which|who)[ \t]+(?:(?:on[ \t]+)?(?:this|last)[ \t]+)?"
    r"(?:(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"yesterday|this[ \t]+(?:morning|afternoon|evening|week|year))[ \t,]+"
    r"(" + _PRONOUN + r")[ \t]+(" + _INTRANSITIVE + r")\b"
)

# "If he Valencia has changed coach": the pronoun, then the name it stands for.
_PRONOUN_THEN_NAME = re.compile(
    r"\b(?:[Ii]f|that|when|because|although|while|since|and|but|as)[ \t]+((?:he|she|they|it))"
    r"[ \t]+(?=([A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?)[ \t]+(?:has|have|had|is|are|was|were|"
    r"will|would|can|could|said|says)\b)"
)


def detect_pleonastic_pronoun(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    for match in _CANDIDATE.finditer(text):
        start, end = match.span(1)
        if document.is_protected(start, end) or _quoted(text, start):
            continue
        if _after_capitalised_word(text, match):
            continue  # Televisa He has: MT813 reports that capital and drops the pronoun
        subject = _subject_before(text, start, match.group(1).islower())
        if subject is None:
            continue
        yield _hit(match, subject)
    for match in _PRONOUN_THEN_NAME.finditer(text):
        start, end = match.span(1)
        if match.group(2).lower() in calendar_words() or document.is_protected(start, end):
            continue
        if _quoted(text, start):
            continue
        yield unsafe_removal(
            start,
            end,
            f"“{match.group(1)}” before “{match.group(2)}”: the subject given twice, as a "
            "pronoun and as the name; drop the pronoun",
            remove_to=match.end(),
        )
    for match in _RELATIVE_AND_PRONOUN.finditer(text):
        start, end = match.span(1)
        if document.is_protected(start, end) or _quoted(text, start):
            continue
        yield unsafe_removal(
            start,
            end,
            f"“{match.group(1)}” repeats the subject that “which” or “who” already is "
            "(Spanish “que … saltó” carries its subject in the verb); drop it",
            remove_to=match.start(2),
        )

    yield from _subject_after_verb(document, analysis)


# Verbs that never take a person as their object: a name that ends the clause right
# after one is its subject, given again after the pronoun (Spanish puts the subject
# after the verb: "apareció Brian Rodríguez" comes out as "he appeared Brian Rodriguez").
_NO_PERSON_OBJECT = (
    r"(?:said|added|explained|stated|declared|noted|stressed|insisted|commented|concluded|"
    r"remarked|reiterated|clarified|specified|emphasized|emphasised|appeared|emerged|"
    r"replied|responded|intervened|testified)"
)
_PRONOUN_VERB_NAME = re.compile(
    r"\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?P<verb>" + _NO_PERSON_OBJECT + r")[ \t]+"
    r"(?P<name>[A-ZÁÉÍÓÚÑ][a-záéíóúñü’'-]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü’'-]+){0,2})"
    # The name ends the clause: "he said Maduro had lied" is English, its "that" dropped.
    r"(?=[ \t]*(?:[.,;:]|$))",
    re.M,
)
# After a quotation or a comma a speech verb and a name are MT741's shape ("…,” he added
# Boric): that rule reports them.
_AFTER_QUOTE = ("”", '"', ",")
_MT741_VERBS = frozenset(
    "said added explained stated declared noted stressed insisted commented concluded "
    "remarked reiterated specified emphasized emphasised".split()
)
_FULL_NAME = re.compile(
    r"\b([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)[ \t]+((?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü’'-]+[ \t]*){1,2})"
)
# A surname is no everyday English word (Rodriguez 3.7, Zambrano; not Young 5.4).
_SURNAME_ZIPF = 4.0


def _subject_after_verb(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    people: frozenset[str] | None = None
    for match in _PRONOUN_VERB_NAME.finditer(text):
        start = match.start("pronoun")
        after_quote = text[max(0, start - 2) : start].strip() in _AFTER_QUOTE
        if after_quote and match.group("verb") in _MT741_VERBS:
            continue
        if document.is_protected(start, match.end("name")) or _quoted(text, start):
            continue
        if people is None:
            people = _surnames_named(text)
        name = match.group("name")
        if not _a_person(name, people):
            continue
        replacement = f"{name} {match.group('verb')}"
        yield Hit(
            start,
            match.end("name"),
            (replacement,),
            Applicability.UNSAFE,
            f"“{match.group()}”: the subject given twice, as “{match.group('pronoun')}” and "
            f"as “{name}” after the verb (Spanish puts the subject after it); write "
            f"“{replacement}”",
        )


def _surnames_named(text: str) -> frozenset[str]:
    """Surnames of the people the article names in full after a known given name."""
    surnames: set[str] = set()
    for match in _FULL_NAME.finditer(text):
        if is_given_name(match.group(1)):
            surnames.update(match.group(2).split())
    return frozenset(surnames)


def _a_person(name: str, surnames: frozenset[str]) -> bool:
    words = name.split()
    if name.lower() in place_names() or any(
        word.lower() in calendar_words() or word.lower() in proper_nouns() for word in words
    ):
        return False  # Monday, Lima, Buenos Aires, Mexican: a day, a place or its people
    if is_given_name(words[0]):
        return True
    if len(words) == 1:
        return words[0] in surnames
    return zipf(words[-1].lower()) < _SURNAME_ZIPF


_LAST_WORD = re.compile(r"[\w’'-]+[”)\]]?[ \t]*$")


def _after_capitalised_word(text: str, match: re.Match[str]) -> bool:
    """A capital pronoun right after a capitalised word: the casing rule's shape, not ours."""
    if match.group(1).islower():
        return False
    word = _LAST_WORD.search(text, max(0, match.start(1) - 80), match.start(1))
    return word is not None and word.group(0)[0].isupper()


def _hit(match: re.Match[str], subject: str) -> Hit:
    start = match.start(1)
    shown = subject if len(subject) <= 40 else "…" + subject[-38:]
    return unsafe_removal(
        start,
        match.end(1),
        f"“{match.group(1)}” repeats the subject “{shown}” (Spanish names the subject and "
        "the verb ending gives it again, or a link was stripped); drop it",
        remove_to=match.start(2),
    )


def _subject_before(text: str, pronoun_start: int, pronoun_lower: bool) -> str | None:
    """The noun phrase that opens the clause and ends right before the pronoun,
    when it can only be that clause's subject."""
    line_start = text.rfind("\n", 0, pronoun_start) + 1
    clause_start = line_start
    for breaker in _CLAUSE_BREAK.finditer(text, line_start, pronoun_start):
        if breaker.group() in ".!?" and not _ends_sentence(text, breaker.start()):
            continue  # Mr. / U.S. / 3.5
        clause_start = breaker.end()
    phrase = text[clause_start:pronoun_start].strip()
    words = _WORD.findall(phrase)
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return None
    if words[0].lower() in _NOT_SUBJECT_OPENERS:
        return None
    if any(
        _verb_like(word, index == 0) or word.lower() in _TIME_WORDS
        for index, word in enumerate(words)
    ):
        return None
    if not pronoun_lower and words[-1].endswith(("'s", "’s")):
        return None  # Stephen King's It was adapted: a title
    if len(words) == 1 and not words[0][0].isupper():
        return None  # "police they said": too little to tell a subject from a fragment
    if pronoun_lower and not words[-1][0].isupper():
        # "the jump it has made", "claims he had been": English drops "that"
        # before a clause; only a name right before a lower-case pronoun is a
        # subject said twice (Tigres and Rayados they tied).
        return None
    return phrase


def _verb_like(word: str, first: bool = False) -> bool:
    lower = word.lower()
    if lower in _NOT_IN_SUBJECT:
        return True
    if not (word[0].islower() or first):
        return False  # a name (United, Reading), except a sentence's first word
    if lower.endswith("ed"):
        return lower not in _ED_ADJECTIVES
    if first and lower.endswith("ly") and zipf(lower[:-2]) >= _ADVERB_STEM_ZIPF:
        return True  # Previously she had: an adverb opens the clause (Kelly, Italy do not)
    return lower.endswith("ing") and len(lower) > 5 and lower not in _ING_NOUNS


_ADVERB_STEM_ZIPF = 3.5


def _ends_sentence(text: str, index: int) -> bool:
    after = text[index + 1 : index + 3]
    if not after or after[:1] in "\n":
        return True
    if not after[:1].isspace():
        return False  # 3.5, U.S.
    before = text[max(0, index - 4) : index]
    return not re.search(r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|[A-Z])$", before)


def _quoted(text: str, offset: int) -> bool:
    paragraph_start = text.rfind("\n", 0, offset) + 1
    before = text[paragraph_start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
