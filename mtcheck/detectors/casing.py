"""Casing damage: lower-cased names, capitalised pronouns after a fused name,
and the days, months and nationalities that Spanish writes in lower case."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtcheck.analysis import Analysis, Token
from mtcheck.detectors.base import Hit
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability
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
    for word in analysis.counts:
        if not word.islower() or len(word) < 3:
            continue
        known = gazetteer.get(word)
        if known:
            fixed, evidence = known, "is a proper noun"
        elif _capitalised_elsewhere(word, analysis):
            fixed, evidence = _capitalise(word), "is capitalised elsewhere in this article"
        else:
            continue
        message = f"“{word}” {evidence}: write “{fixed}”"
        for token in analysis.occurrences(word):
            if document.is_protected(token.start, token.end) or _after_code_mark(document, token):
                continue
            yield Hit(token.start, token.end, (fixed,), Applicability.SAFE, message)


def _capitalised_elsewhere(word: str, analysis: Analysis) -> bool:
    """The article writes this rare word with a capital more often than without."""
    frequency = zipf(word)
    if frequency >= _COMMON_WORD_ZIPF:
        return False
    # A headline in title case capitalises every word: it is no evidence of a name.
    outside_titles = [
        token
        for token in analysis.occurrences(_capitalise(word))
        if not _in_title_case_line(analysis.text, token.start)
    ]
    capitalised = sum(1 for token in outside_titles if not analysis.starts_sentence(token.start))
    if frequency < _RARE_WORD_ZIPF:
        capitalised = max(capitalised, len(outside_titles))
    if frequency < _UNKNOWN_WORD_ZIPF:  # a word English hardly knows: a headline counts too
        capitalised = max(capitalised, analysis.counts.get(_capitalise(word), 0))
    return capitalised > 0 and capitalised >= analysis.lower_count(word)


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
            yield Hit(
                start,
                end,
                ("",),
                Applicability.UNSAFE,
                message,
                edit_start=start,
                edit_end=match.start(4),
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
_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )(?P<word>[A-Z][a-z]+)(?= [a-z])")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)([,;]?) $")
# A line with this share of capitalised words is a title in title case.
_TITLE_SHARE = 0.5


def detect_capital_mid_sentence(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    for match in _MID_SENTENCE.finditer(text):
        word = match.group("word")
        start = match.start("word")
        if word not in _SENTENCE_OPENERS and not _opens_after_lower_word(text, start, word):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        words = re.findall(r"[^\W\d_]+", line)
        if words and sum(w[0].isupper() for w in words) / len(words) >= _TITLE_SHARE:
            continue  # a headline in title case
        before = text[max(line_start, start - 40) : start]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue  # inside a quotation that may open a sentence of its own
        yield Hit(
            start,
            match.end("word"),
            (word.lower(),),
            _lowering_safety(text, start, word),
            f"“{word}” is capitalised mid-sentence, where no sentence starts: write "
            f"“{word.lower()}”",
        )


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
    if word not in _SENTENCE_OPENERS:
        return Applicability.SAFE
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if previous and (previous.group(2) or previous.group(1).lower() in _OPEN_ENDED):
        return Applicability.SAFE
    return Applicability.UNSAFE


def _opens_after_lower_word(text: str, start: int, word: str) -> bool:
    if word not in _AFTER_LOWER_WORD:
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return bool(
        previous
        and not previous.group(2)
        and previous.group(1).islower()
        and previous.group(1) not in _NAME_BEFORE
    )
