"""Casing damage: lower-cased names, capitalised pronouns after a fused name,
and the days, months and nationalities that Spanish writes in lower case."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from mtcheck.analysis import Analysis, Token
from mtcheck.automaton import fold as fold_case
from mtcheck.automaton import matches_from
from mtcheck.detectors.base import Hit, unsafe_removal
from mtcheck.detectors.name_lexicons import given_names
from mtcheck.document import Document
from mtcheck.folding import fold
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability
from mtcheck.person_names import person_names
from mtcheck.resources import word_list

# Above this frequency a word is a common English word too (judiciary, presidency,
# bank): the article capitalising it in a title (Minister of the Presidency) is no
# evidence that the lower-case use is wrong.
_COMMON_WORD_ZIPF = 3.5
# Below this frequency even a capital at a sentence start shows a name (Demichelis).
_RARE_WORD_ZIPF = 2.5
_UNKNOWN_WORD_ZIPF = 2.0


@cache
def proper_nouns() -> dict[str, str]:
    """Lower-case form -> correct form, from rules/lexicon/proper-nouns.txt."""
    return {entry.lower(): entry for entry in word_list("proper-nouns")}


@cache
def calendar_words() -> dict[str, str]:
    return {entry.lower(): entry for entry in word_list("calendar-and-demonyms")}


def _capitalise(word: str) -> str:
    return word[0].upper() + word[1:]


def detect_lowercase_names(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """A name written in lower case that the article or the gazetteer capitalises."""
    gazetteer = proper_nouns()
    flagged: set[int] = set()
    accented_spellings = _capitalised_by_fold(analysis)
    for word in analysis.counts:
        if not word.islower() or len(word) < 3:
            continue
        known = gazetteer.get(word)
        accented = None if known else _accented_capital(word, analysis, accented_spellings)
        if known:
            fixed, evidence = known, "is a proper noun"
        elif _capitalised_elsewhere(word, analysis):
            fixed, evidence = _capitalise(word), "is capitalised elsewhere in this article"
        elif accented:
            fixed, evidence = accented, f"is written “{accented}” elsewhere in this article"
        else:
            continue
        message = f"“{word}” {evidence}: write “{fixed}”"
        for token in analysis.occurrences(word):
            if document.is_protected(token.start, token.end) or _after_code_mark(document, token):
                continue
            flagged.add(token.start)
            yield Hit(token.start, token.end, (fixed,), Applicability.SAFE, message)
    yield from _lowercase_person_names(document, analysis, flagged)
    yield from _lowercase_institutions(document, analysis, flagged)
    yield from _lowercase_place_names(document, analysis, flagged)


@cache
def place_names() -> frozenset[str]:
    """The multi-word place names, lower-cased (buenos aires, costa rica)."""
    return frozenset(_place_name_pattern()[1])


@cache
def _place_name_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One case-blind pattern over the multi-word place names, and each name by its
    lower-case form."""
    names = {entry.lower(): entry for entry in word_list("place-names")}
    alternatives = sorted(names, key=len, reverse=True)
    words = "|".join(r"[ \t]+".join(map(re.escape, name.split())) for name in alternatives)
    return re.compile(rf"(?<![\w@#/.-])(?:{words})(?![\w-])", re.IGNORECASE), names


@cache
def _place_name_starts() -> Any:
    """An automaton over the first words of the place names, case-folded as the
    case-blind pattern reads the text; None when a word does not fold offset for offset."""
    import ahocorasick_rs

    firsts = {fold_case(name.split()[0]) for name in _place_name_pattern()[1]}
    if None in firsts or not firsts:
        return None
    return ahocorasick_rs.AhoCorasick(sorted(f for f in firsts if f))


def _place_name_matches(text: str) -> Iterator[re.Match[str]]:
    """What the place-name pattern's ``finditer`` finds, tried only where the first word
    of a name stands (every match starts with one)."""
    pattern = _place_name_pattern()[0]
    starts = _place_name_starts()
    folded = fold_case(text)
    if starts is None or folded is None:
        return pattern.finditer(text)
    hits = starts.find_matches_as_indexes(folded, overlapping=True)
    return matches_from(pattern, text, (start for _, start, _ in hits))


def _recapitalised(written: str, name: str) -> str:
    """The words of ``written`` capitalised where the name capitalises them, keeping the
    article's own spelling and spacing otherwise (nuevo leon -> Nuevo Leon)."""
    parts = re.split(r"(\s+)", written)
    right = iter(name.split())
    return "".join(
        part if part.isspace() or not part else _match_capital(part, next(right)) for part in parts
    )


def _match_capital(part: str, model: str) -> str:
    return _capitalise(part) if model[:1].isupper() else part


def _lowercase_place_names(
    document: Document, analysis: Analysis, flagged: set[int]
) -> Iterator[Hit]:
    """A place of several words with a word in lower case that the name capitalises
    (united States, buenos aires): a lower-case Spanish link or a lost capital."""
    names = _place_name_pattern()[1]
    for match in _place_name_matches(analysis.text):
        written = match.group(0)
        name = names[" ".join(written.lower().split())]
        fixed = _recapitalised(written, name)
        if fixed == written or match.start() in flagged:
            continue
        if document.is_protected(match.start(), match.end()):
            continue
        flagged.add(match.start())
        message = f"“{written}” is the name of a place: write “{fixed}”"
        yield Hit(match.start(), match.end(), (fixed,), Applicability.SAFE, message)


def _accented_capital(
    word: str, analysis: Analysis, spellings: dict[str, tuple[str, ...]]
) -> str | None:
    """The article's capitalised spelling of a word it also writes in lower case without
    its accent (Marisol gonzalez beside González): the accent and the capital were lost."""
    if not spellings or not word.isascii() or zipf(word) >= _NAME_WORD_ZIPF:
        return None  # most articles capitalise no accented word: nothing to compare with
    key = fold(word)
    for spelling in spellings.get(key, ()):
        if spelling.lower() != word and analysis.capitalised_mid_sentence(spelling.lower()):
            return spelling
    return None


def _capitalised_by_fold(analysis: Analysis) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for spelling in analysis.counts:
        if spelling[:1].isupper() and not spelling.isupper() and not spelling.isascii():
            found.setdefault(fold(spelling), []).append(spelling)
    return {key: tuple(spellings) for key, spellings in found.items()}


# A Spanish given name and, after it, a lower-case word English does not know: a surname
# that lost its capital (juan campos, María pérez). The surname must be long enough to be
# one, and rare in English (Ana said, Juan and).
_SURNAME_MIN_LETTERS = 4
# Names are frequent in English text too (wordfreq folds case: juan 4.1, gonzalez 3.5);
# above this a word is an everyday English word (angel 4.5).
_NAME_WORD_ZIPF = 4.4
_SPANISH_LETTERS = frozenset("áéíóúñü")


def _surname_shaped(word: str) -> bool:
    """A Spanish surname English never writes in lower case: one of the lexicon's, a
    patronymic in -ez (pérez, gonzalez), or a word with a Spanish accent."""
    if fold(word) in person_names().surnames:
        return zipf(word) < _COMMON_WORD_ZIPF  # campos, flores; not a common English word
    if len(word) < _SURNAME_MIN_LETTERS:
        return False
    return word.endswith(("ez", "éz")) or any(c in _SPANISH_LETTERS for c in word)


_GIVEN_THEN_WORD = re.compile(
    r"\b([A-Za-zÁÉÍÓÚÑáéíóúñ][a-záéíóúñü]+)(?=[ \t]+([a-záéíóúñü]{4,})\b)"
)


# Memoised: the regex above offers nearly every word of an article as a given name, and
# the verdict depends on the word and the lexicons alone.
@lru_cache(maxsize=1 << 16)
def _given_name_shaped(word: str) -> bool:
    """A Spanish given name, unless written in lower case and an English word too
    (victoria, angel)."""
    names = person_names()
    key = fold(word)
    if _capitalise(word) not in given_names() and key not in names.given:
        return False
    return not (word.islower() and (key in names.given_shared or zipf(word) >= _NAME_WORD_ZIPF))


def _lowercase_person_names(
    document: Document, analysis: Analysis, flagged: set[int]
) -> Iterator[Hit]:
    names = person_names()
    for match in _GIVEN_THEN_WORD.finditer(analysis.text):
        first, second = match.group(1), match.group(2)
        if not _given_name_shaped(first) or not _surname_shaped(second):
            continue
        for group in (1, 2):
            word = match.group(group)
            start, end = match.span(group)
            if not word.islower() or start in flagged or document.is_protected(start, end):
                continue
            flagged.add(start)
            fixed = (
                names.surnames.get(fold(word), _capitalise(word))
                if group == 2
                else _capitalise(word)
            )
            yield Hit(
                start,
                end,
                (fixed,),
                Applicability.UNSAFE,
                f"“{word}” in “{first} {second}” is part of a Spanish name in lower case: "
                f"write “{fixed}”",
            )


# A name of several capitalised words, small words allowed inside: National Electoral
# Council, Supreme Court of Justice, Ministry of Public Health.
_CAPITALISED_NAME = re.compile(
    r"(?<![\w.])(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?:[ \t]+(?:(?:of|for|and|the|de|del|la)[ \t]+)?"
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)+"
)
_NAME_SMALL_WORDS = frozenset({"of", "for", "and", "the", "de", "del", "la"})
# Content words a name needs before its lower-case copy counts: two (the central bank
# beside the Central Bank of Chile is English) would flag ordinary generic uses.
_INSTITUTION_WORDS = 3
# Words before a lower-case copy that make it a description of some body, not the name:
# Mexico's national weather service, its own supreme court, a national electoral council.
_DESCRIBING = re.compile(
    r"(?:\b(?:its|their|his|her|our|your|a|an|another|each|every|any)|\w['’]s)"
    r"(?:[ \t]+own)?[ \t]+$",
    re.IGNORECASE,
)


def _lowercase_institutions(
    document: Document, analysis: Analysis, flagged: set[int]
) -> Iterator[Hit]:
    """``the national electoral council`` where the article writes the National Electoral
    Council: a name of three words or more copied in lower case. A shorter one, or one
    word of it (the session beside the Permanent Session), is ordinary English."""
    text = analysis.text
    names: dict[str, str] = {}
    for match in _CAPITALISED_NAME.finditer(text):
        words = match.group().split()
        while words and (words[0] in _CLAUSE_ARTICLES or words[0] in _SENTENCE_OPENERS):
            words = words[1:]  # the capital of a sentence start, not of the name
        content = [w for w in words if w.lower() not in _NAME_SMALL_WORDS]
        if len(content) < _INSTITUTION_WORDS:
            continue
        lower = " ".join(w.lower() for w in words)
        # Most names have no lower-case copy: spare them the title test, compile and scan.
        if not all(word in text for word in lower.split()):
            continue
        if not _in_title_case_line(text, match.start()):
            names.setdefault(lower, " ".join(words))
    for lower, name in names.items():
        pattern = re.compile(
            r"(?<![\w-])" + r"[ \t]+".join(map(re.escape, lower.split())) + r"(?![\w-])"
        )
        for match in pattern.finditer(text):
            start, end = match.span()
            if start in flagged or document.is_protected(start, end):
                continue
            if _DESCRIBING.search(text, max(0, start - 24), start):
                continue  # its national weather service: a description, not the name
            flagged.add(start)
            # Inside a quotation the words are the speaker's, who may mean the thing
            # rather than its name ("the retirement mobility index is going to rise").
            quoted = _inside_quotation(text, start)
            yield Hit(
                start,
                end,
                (name,),
                Applicability.UNSAFE if quoted else Applicability.SAFE,
                f"“{match.group()}” is the name the article writes “{name}” elsewhere: "
                "write it with its capitals",
            )


def _inside_quotation(text: str, offset: int) -> bool:
    """An opening curly quotation mark on the line before the offset is still open."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return before.count("“") > before.count("”")


def _capitalised_elsewhere(word: str, analysis: Analysis) -> bool:
    """The article writes this rare word with a capital more often than without."""
    # A possessive is as common as its word (prosecutor’s: prosecutor), which the
    # frequency table holds without the ending.
    frequency = zipf(_POSSESSIVE.sub("", word))
    if frequency >= _COMMON_WORD_ZIPF:
        return False
    # A headline in title case capitalises every word: it is no evidence of a name.
    outside_titles = [
        token
        for token in analysis.occurrences(_capitalise(word))
        if not _in_title_case_line(analysis.text, token.start)
    ]
    text = analysis.text
    capitalised = sum(
        1
        for token in outside_titles
        if not analysis.starts_sentence(token.start)
        # An English word capitalised only inside a longer name (the National
        # Meteorological Service) is that name's; its lower-case use is the word's.
        and not (_derived_english_word(word) and _inside_longer_name(text, token))
    )
    if frequency < _RARE_WORD_ZIPF and not _inflected_english_word(word):
        capitalised = max(capitalised, len(outside_titles))
    if frequency < _UNKNOWN_WORD_ZIPF:  # a word English hardly knows: a headline counts too
        capitalised = max(capitalised, analysis.counts.get(_capitalise(word), 0))
    return capitalised > 0 and capitalised >= analysis.lower_count(word)


_POSSESSIVE = re.compile(r"[’']s$")
_CAPITAL_BEFORE = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+(?:(?:of|de|del|for)[ \t]+)?[A-ZÁÉÍÓÚÑ]")


# Suffixes of English derived words (meteorological, national, executive): such a word
# capitalised inside a name is the name's, while a surname (Sánchez, Jardine) is a name
# wherever it stands.
_DERIVED_SUFFIXES = (
    "al",
    "ic",
    "ive",
    "ary",
    "ory",
    "ous",
    "ion",
    "ment",
    "ity",
    "ance",
    "ence",
    "ship",
    "ure",
    "ism",
    "ing",
)
_DERIVED_MIN_LETTERS = 7


def _derived_english_word(word: str) -> bool:
    return (
        word.isascii()
        and len(word) >= _DERIVED_MIN_LETTERS
        and word.endswith(_DERIVED_SUFFIXES)
        and zipf(word) >= _RARE_WORD_ZIPF
    )


# An English word in an inflected form (vaccinating, cordoned) is rare in the frequency
# table but no name: its capital at a sentence start is the sentence's.
_INFLECTIONS = ("ing", "ed", "ly", "ness", "tion", "tions", "ment", "ments")


def _inflected_english_word(word: str) -> bool:
    return word.isascii() and word.endswith(_INFLECTIONS) and zipf(word) > 0


def _inside_longer_name(text: str, token: Token) -> bool:
    before = _CAPITAL_BEFORE.search(text, max(0, token.start - 30), token.start)
    return bool(before) or bool(_CAPITAL_AFTER.match(text, token.end))


def _in_title_case_line(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = re.findall(r"[^\W\d_]+", text[start : end if end >= 0 else len(text)])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_SHARE


def _after_code_mark(document: Document, token: Token) -> bool:
    return token.start > 0 and document.text[token.start - 1] in "@#/_.`"


_MONTHS_THAT_ARE_WORDS = frozenset({"may", "march", "august"})
_DATE_CONTEXT = re.compile(r"^(?:\s+\d{1,2}\b|,?\s+\d{4}\b|\s+of\s+\d{4}\b)")
_DATE_BEFORE = re.compile(
    r"(?:\b\d{1,2}(?:\s+of|\s+de)?|\b(?:[Ii]n|[Uu]ntil|[Ss]ince|[Ff]rom|[Dd]uring|early|late|mid))"
    r"\s+$"
)
# After "in march" the month ends its phrase: "in march of", "in march, when".
_MONTH_END = re.compile(
    r"^(?:\s*[,.;:)]|\s*$|[ \t]*\r?\n|\s+(?:of|and|or|to|when|after|before|until|this|last|next)\b)"
)
# "in may be" is a verb after all: a month is not followed by a bare verb.
_VERB_AFTER_MAY = re.compile(r"^\s+(?:be|have|not|also|well|still|never|only|soon)\b")
_FRENCH_COMMON = re.compile(r"^\s+(?:fries|fry|toast|press|horn|doors?|windows?|kiss)\b")


def detect_lowercase_calendar(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """Days, months, nationalities and languages in Spanish lower case."""
    words = calendar_words()
    text = document.text
    for word in analysis.counts:
        if not word.islower() or word not in words:
            continue
        fixed = words[word]
        message = f"English capitalises days, months, nationalities and languages: “{fixed}”"
        for token in analysis.occurrences(word):
            after = text[token.end : token.end + 12]
            if word in _MONTHS_THAT_ARE_WORDS and not _dated(text, token, after):
                continue
            if word == "french" and _FRENCH_COMMON.match(after):
                continue
            if document.is_protected(token.start, token.end):
                continue
            yield Hit(token.start, token.end, (fixed,), Applicability.SAFE, message)


def _dated(text: str, token: Token, after: str) -> bool:
    """May, March and August are months only beside a date or after "in", "until"..."""
    if _VERB_AFTER_MAY.match(after):
        return False
    if _DATE_CONTEXT.match(after):
        return True
    before = text[max(0, token.start - 8) : token.start]
    return bool(_DATE_BEFORE.search(before) and _MONTH_END.match(after))


_PRONOUNS = ("She", "He", "It", "They", "We", "The", "His", "Her", "Its", "Their")
_CAPITAL_AFTER_NAME = re.compile(
    r"(?<![.!?:;\n])\b([A-Z][\w’'-]*)([ \t]+)(" + "|".join(_PRONOUNS) + r")[ \t]+([a-z]+)"
)


_VERB = re.compile(
    r"(?:[a-z]+ed|said|says|told|tells|will|would|has|had|have|is|was|were|are|can|could|"
    r"must|should|made|makes|went|goes|took|takes|gave|gives|met|meets|insisted|added)$"
)


def detect_capitalised_pronoun(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``María Pérez She said``: the capital of a sentence start fused after a name."""
    for match in _CAPITAL_AFTER_NAME.finditer(document.text):
        name_start = match.start(1)
        if analysis.starts_sentence(name_start) and match.group(1) in _PRONOUNS:
            continue
        if match.group(1).rstrip(".").lower() in ("mr", "mrs", "ms", "dr", "st"):
            continue
        pronoun = match.group(3)
        start, end = match.span(3)
        if document.is_protected(start, end):
            continue
        if pronoun == "The":
            message = "“The” capitalised mid-sentence after a name: a fused link or a lost stop"
            yield Hit(start, end, ("the",), Applicability.UNSAFE, message)
            continue
        if _VERB.match(match.group(4)):
            # "María Pérez She said": the name is the subject; the pronoun repeats it.
            message = (
                f"“{pronoun}” after “{match.group(1)}” repeats the subject (a fused link); drop it"
            )
            yield unsafe_removal(
                start,
                end,
                message,
                remove_to=match.start(4),
            )
        else:
            message = f"“{pronoun}” capitalised after “{match.group(1)}”: a fused link"
            yield Hit(start, end, (pronoun.lower(),), Applicability.UNSAFE, message)


# Words that start sentences, never names: capitalised after a lower-case word
# or a comma, they are a sentence start MT carried into the middle of one
# (the minister said that It will; during the hearing, There were).
_SENTENCE_OPENERS = frozenset(
    "It They There He She We This These Those However Although Though But And Its Their "
    "His Her Our Also Then Meanwhile Furthermore Moreover Nevertheless Therefore Besides".split()
)
# Words that open a clause (After, While) or count (One, Twenty): capitalised
# right after a lower-case word, never after a comma (a list may name a
# film, After Life), they are a sentence start MT carried over (taken into
# custody After attacking; you can watch Twenty men). After "of", "the" or
# "a" they may be part of a name (the Group of Seven nations).
_AFTER_LOWER_WORD = frozenset(
    "After Before During Despite While When Whenever Since Because Unless Until Whereas "
    "According One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Fifteen Twenty "
    "Thirty Forty Fifty Hundreds Thousands Dozens".split()
)
_NAME_BEFORE = frozenset(
    "of the a an formula channel chapter number season episode phase stage level round game day "
    "act book volume part step category grade class tier division group zone type gate terminal "
    "platform line route district ward sector region building floor".split()
)
# (A stop before the semicolon, "plateau.; The", ends the sentence: the ";" is the stray.)
_MID_SENTENCE = re.compile(
    r"(?<=[a-z,;] )(?<!\.; )(?P<word>[A-Z][a-z]+)(?=(?P<after>,? [a-z]|,| \d| [A-Z]))"
)
_PREVIOUS_WORD = re.compile(r"([^\W\d_](?:[\w’'-]*[^\W\d_])?)(\.?;|,?) $")
_NEXT_WORD = re.compile(r",? ([a-z]+)")
# A line with this share of capitalised words is a title in title case.
_TITLE_SHARE = 0.5
# After a semicolon a sentence goes on: Spanish "; sin embargo," comes out as "; However,"
# (field pass 2026-12: 3 pages). Any of these capitalised there is a carried capital.
_AFTER_SEMICOLON = _SENTENCE_OPENERS | frozenset(
    "The A An In On At For With From To By Some Many Most All No Not Both Each Only Even "
    "Still Yet So Instead Likewise Similarly Additionally Finally Otherwise Thus Hence Indeed "
    "Nonetheless Nor Or If When While Since Because Which Who Where".split()
)
# Words after which a clause starts: an article capitalised there opened a sentence in
# the source (they estimate that The bullet; because The rains).
_CLAUSE_WORDS = frozenset(
    "that because and but or so when while if although though since where whereas until as "
    "than whether unless once".split()
)
_CLAUSE_ARTICLES = frozenset({"The", "A", "An", "This", "These", "Those", "Some", "Many", "Most"})
# No noun phrase follows a determiner with an article of its own (this The closing, the
# The media): the capital opened a sentence in the source, and no stop was lost there.
_DETERMINERS = frozenset("the this these those his her its their our your my".split())
# After a preposition an article with a lower-case word is a sentence start carried over
# (for The run of the show), or the start of a title (for The times they are): a person
# decides. A title in title case (for The Guardian) is no match at all.
_PREPOSITIONS = frozenset("for of with from in on at by to about into over under".split())
# Words that introduce a title or a name, whatever it is (the film Heat, the band Low, a
# party called Change): a capital after them is the name's.
_TITLE_BEFORE = _NAME_BEFORE | frozenset(
    "film movie newspaper magazine daily paper series show programme program book novel song "
    "album band group team club brand label called named titled entitled dubbed nicknamed "
    "known alias operation plan campaign project hashtag word term slogan motto".split()
)
# Institutions that English news may capitalise standing alone (the Government said; the
# Army denied): the house style decides, so a capital there is no carried capital.
_INSTITUTIONS = frozenset(
    "government state army navy court senate congress parliament assembly chamber council "
    "cabinet ministry minister president presidency police church crown republic constitution "
    "party commission committee office bank board union league cup federation university "
    "college school hospital prosecutor prosecutors attorney judiciary treasury capitol house "
    "executive legislature municipality city province region department mayor governor "
    "opposition administration agency institute foundation tribunal".split()
)
# A common English word (Zipf) capitalised mid-sentence where the article writes it in
# lower case, or never elsewhere: a capital MT carried over (generate today Cool to
# temperate; there will be Warm weather). Rarer words may be names.
_COMMON_FOR_CAPITAL = 4.3
# Closed-class words: never names, so a capital on them mid-sentence is carried even when
# the article has no lower-case use of them to compare with.
_CLOSED_CLASS = frozenset(
    """a an the and or but nor of in on at to by for from with into as is are was were be
    been has have had do does did will would can could may might must shall should that
    which who whom whose this these those it its he she they we you his her their our your
    them him us there here then also very more most much many some any all both each every
    not only just even still already always never often again""".split()
)


def detect_capital_mid_sentence(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    for match in _MID_SENTENCE.finditer(text):
        word = match.group("word")
        start = match.start("word")
        if not _carried_capital(analysis, start, match.end("word"), word):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        words = re.findall(r"[^\W\d_]+", line)
        if words and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_SHARE:
            continue  # a headline in title case
        if _opens_a_quotation(text[max(line_start, start - 40) : start]):
            continue  # a quoted sentence of its own: He shouted “They are here”
        if document.is_protected(start, match.end("word")):
            continue
        if _doubles_a_relative(text, start, match.end("word"), word):
            # which It will start: the relative is the subject already (Spanish "que
            # comenzará"), or the pronoun is one of its own (which it will approve).
            yield Hit(
                start,
                _end_of_space(text, match.end("word")),
                ("", word.lower() + " "),
                Applicability.UNSAFE,
                f"“{word}” after “which” or “who”, capitalised: the relative is the subject "
                "already; drop it (or write it in lower case if it is the verb's own)",
            )
            continue
        yield Hit(
            start,
            match.end("word"),
            (word.lower(),),
            _lowering_safety(text, start, word),
            f"“{word}” is capitalised mid-sentence, where no sentence starts: write "
            f"“{word.lower()}”",
        )


def _opens_a_quotation(before: str) -> bool:
    """Whether a quotation is open before the word and the word is its first: inside one
    (“This decline It is”) a capital is carried as anywhere else (tuning set 2026-12-04)."""
    opening = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 else -1)
    if opening < 0 or before.rfind("”") > opening:
        return False
    return not any(char.isalnum() for char in before[opening + 1 :])


_SUBJECT_PRONOUNS = frozenset({"It", "He", "She", "They"})
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who) $")
_AUXILIARY_AFTER = re.compile(r" (?:will|would|has|had|have|is|was|are|were|can|could|must)\b")


def _doubles_a_relative(text: str, start: int, end: int, word: str) -> bool:
    return (
        word in _SUBJECT_PRONOUNS
        and bool(_RELATIVE_BEFORE.search(text, max(0, start - 6), start))
        and bool(_AUXILIARY_AFTER.match(text, end))
    )


def _end_of_space(text: str, end: int) -> int:
    return end + 1 if text[end : end + 1] == " " else end


# Words no English sentence ends on: a capital after them opens no sentence.
_OPEN_ENDED = frozenset(
    "that which who whom whose and or but nor of in on at to by for from with into onto as if "
    "because when while where than so although though since unless until whether is are was "
    "were be been being has have had will would can could should may might must do does did "
    "not the a an its their his her our your my said says added".split()
)


def _lowering_safety(text: str, start: int, word: str) -> Applicability:
    """Lower-casing It, They, There is safe after a comma or a word no sentence ends on
    (that It will); after any other word (operations There are) a full stop may have been
    lost instead, as where a tweet or a caption ran into the text, so the fix is left to a
    person. After, While, One… are only reported after a lower-case word, which they
    follow inside a sentence (custody After attacking)."""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if word in _CLAUSE_ARTICLES and previous and previous.group(1).lower() in _PREPOSITIONS:
        return Applicability.UNSAFE
    if word not in _SENTENCE_OPENERS:
        return Applicability.SAFE
    if previous and (previous.group(2) or previous.group(1).lower() in _OPEN_ENDED):
        return Applicability.SAFE
    return Applicability.UNSAFE


def _carried_capital(analysis: Analysis, start: int, end: int, word: str) -> bool:
    """Whether the capital of ``word`` is a sentence start carried into a sentence."""
    text = analysis.text
    following = _NEXT_WORD.match(text, end)
    after = following.group(1) if following else ""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous is None:
        return False
    mark, before = previous.group(2), previous.group(1)
    next_char = text[end + 1 : end + 2]
    if mark.endswith(";") or (following is None and (next_char.isupper() or next_char.isdigit())):
        return _carried_before_a_capital_or_figure(text, end, word, mark, before, next_char)
    if following is None or following.group().startswith(","):
        return False  # "Friends, Romans, countrymen": a list of names
    if word in _SENTENCE_OPENERS:
        # After any other lower-case word than a clause word a full stop may be lost
        # (operations There are): reported, the fix left to a person (_lowering_safety),
        # and MT615 proposes the stop.
        return True
    if not before.islower():
        return False
    if mark:
        # After a comma only a common word the article writes in lower case, with a
        # lower-case word before the comma and after it (men, in underwear, Lie on the
        # floor): a list of titles or names has capitals around its commas.
        return after not in ("and", "or") and _common_word_capitalised(
            analysis, start, word, before, after
        )
    if word in _CLAUSE_ARTICLES:
        if before == word.lower():
            return False  # the The: a word doubled, which MT743 reports
        return before in _CLAUSE_WORDS or before in _DETERMINERS or before in _PREPOSITIONS
    if word in _AFTER_LOWER_WORD:
        return before not in _NAME_BEFORE
    return _common_word_capitalised(analysis, start, word, before, after)


def _carried_before_a_capital_or_figure(
    text: str, end: int, word: str, mark: str, before: str, next_char: str
) -> bool:
    """After a semicolon, or before a capital or a figure (``next_char``): the cases where
    the word after does not settle it as it does mid-sentence."""
    if mark.endswith(";"):  # "; However," and the stop MT left before one: "tomorrow.; The"
        if next_char.isupper():
            # ; On Thursdays: a preposition before a name; an article may open one (The Hague)
            return word in _AFTER_SEMICOLON and word not in _CLAUSE_ARTICLES
        return word in _AFTER_SEMICOLON
    if next_char.isdigit() and text[end : end + 1] == " ":
        # an amount Between 4,500 and…: only a preposition or a determiner is sure to be
        # no name before a figure (Apollo 11, Windows 11).
        plain_before = before.islower() or before.lower() in calendar_words()  # June Between
        return plain_before and not mark and word.lower() in _BEFORE_FIGURE
    return False  # a capital after it: a name of several words (Puerto Rico)


def _capital_before_conjunction(text: str, start: int) -> bool:
    words = re.findall(r"[^\W\d_][\w’'-]*", text[max(0, start - 40) : start])
    return len(words) >= 2 and words[-2][0].isupper()


def _common_word_capitalised(
    analysis: Analysis, start: int, word: str, before: str, after: str
) -> bool:
    lower = word.lower()
    if before in _TITLE_BEFORE or lower in _INSTITUTIONS or lower in proper_nouns():
        return False
    if lower in calendar_words() or zipf(lower) < _COMMON_FOR_CAPITAL:
        return False
    if after in ("of", "de", "del", "and", "y") or lower in ("yes", "no"):
        return False
    if before in ("and", "or") and _capital_before_conjunction(analysis.text, start):
        return False  # a list of names or titles: Screenplay, Cinematography and Performance
    # The article capitalises it elsewhere mid-sentence: a name or a term of its own. A
    # word it writes only with a capital may be a name English knows (Rome, Bible).
    if analysis.capitalised_mid_sentence(lower) > 1:
        return False
    return analysis.lower_count(lower) > 0 or lower in _CLOSED_CLASS


# A capital before a figure is carried only on these: a name takes a number (Apollo 11).
_BEFORE_FIGURE = frozenset(
    "between from in on at to by for with of about around over under than since until "
    "after before during among some all".split()
)
# An acronym in parentheses after the name it stands for, written in title case by MT:
# "the Venezuelan Professional Baseball League (Lvbp)". Translation reorders the words, so
# the initials are compared as a set of letters, not in order.
_PARENTHESISED_TITLE_WORD = re.compile(r"\((?P<word>[A-Z][a-z]{2,5})\)")
_NAME_WORD = re.compile(r"[A-ZÁÉÍÓÚÑ][\w’'-]*")
_ACRONYM_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "del", "la", "las", "los", "y"})


def detect_title_case_acronym(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``(Lvbp)`` after the Venezuelan Professional Baseball League: write ``LVBP``, there
    and wherever else the article writes it so."""
    text = analysis.text
    acronyms: set[str] = set()
    for match in _PARENTHESISED_TITLE_WORD.finditer(text):
        word = match.group("word")
        if word.lower() in proper_nouns() or zipf(word) >= _COMMON_WORD_ZIPF:
            continue  # (Lima), (Perú): a place or a word, not letters of a name
        if sum(letter in "aeiou" for letter in word.lower()) >= 2:
            continue  # (Defra), (Nato): said as a word, British style writes it so
        if _initials_before(text, match.start(), len(word)) == sorted(word.upper()):
            acronyms.add(word)
    for word in sorted(acronyms):
        fixed = word.upper()
        for token in analysis.occurrences(word):
            if document.is_protected(token.start, token.end):
                continue
            yield Hit(
                token.start,
                token.end,
                (fixed,),
                Applicability.SAFE,
                f"“{word}” is the acronym of the name before it, in title case: write “{fixed}”",
            )


def _initials_before(text: str, end: int, count: int) -> list[str]:
    words = [
        w
        for w in re.findall(r"[^\W\d_][\w’'-]*", text[max(0, end - 120) : end])
        if w.lower() not in _ACRONYM_SMALL_WORDS
    ]
    last = words[-count:]
    if len(last) < count or not all(_NAME_WORD.fullmatch(w) for w in last):
        return []
    return sorted(fold(w[0]).upper() for w in last)
