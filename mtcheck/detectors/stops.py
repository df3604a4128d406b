"""A full stop followed by a lower-case word: English never writes one.

Machine translation leaves two shapes of it. A short piece that ends in a
stop of its own (``at a lower rate. minor rhythm.``, ``the Central Bank on
Friday. of Venezuela (BCV).``) is a reordered or doubled phrase of the
translation: grammar, and only a person can put it back. A long run that goes
on as a sentence (``at the polls. and with Petro we have…``) lost its capital:
casing, and the capital is the likely fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.detectors.casing import proper_nouns
from mtcheck.document import Document
from mtcheck.lexicon import zipf
from mtcheck.model import Applicability

# A word of two letters or more (or a time, or a year), a stop, and a lower-case word.
_STOP_THEN_LOWER = re.compile(
    r"(?<![\w.@/:-])([A-Za-z][a-z]+|\d{1,2}:\d{2}|(?:1[89]|20)\d{2})\.[ \t]+(?=[a-z])"
)
# Lower-case abbreviations that end in a stop mid-sentence.
_ABBREVIATIONS = frozenset(
    "etc vs approx incl cf al ed eds vol vols no nos pp ft km kg lb lbs oz sq min max hr hrs "
    "yr yrs mins secs sec dept govt est esp viz ca pct mo wk jr sr mr mrs ms dr gen sen rep gov "
    "col lt sgt capt misc inc corp ltd co bros av ave blvd st rd tel ext fig figs op art arts "
    "sept oct nov dec jan feb mar apr aug pm am prof lic ing sra dra gob mt cont resp univ "
    # US state abbreviations (Sacramento, Calif. and…)
    "ala ariz ark calif colo conn fla ga ill ind kan ky la md mass mich minn miss mont neb nev "
    "okla ore pa tenn tex va vt wash wis wyo "
    # Spanish abbreviations MT keeps (Gral., Edo., Mtro.)
    "edo mpio gral cnel pbro mtro mtra cia tte prov dpto depto arq".split()
)
# The stray piece: at most this many words up to a stop of its own.
_FRAGMENT_WORDS = 6
_UP_TO_STOP = re.compile(r"[^.!?\n]*")
_WORD = re.compile(r"[^\W\d_]+")


def _stray_pieces(document: Document, analysis: Analysis) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_fragment) for each lower-case word after a stop."""
    text = analysis.text
    for match in _STOP_THEN_LOWER.finditer(text):
        if match.group(1).lower() in _ABBREVIATIONS:
            continue
        start = match.end()
        run = _UP_TO_STOP.match(text, start)
        end = run.end() if run else start
        if document.is_protected(match.start(1), end):
            continue
        closed = text[end : end + 1] == "."
        after = text[end + 1 : end + 3].lstrip(' \t"”)')
        ends_there = not after or after[:1].isupper() or after[:1] == "\n"
        words = len(_WORD.findall(text, start, end))
        fragment = closed and ends_there and words <= _FRAGMENT_WORDS
        yield start, (end + 1 if fragment else end), fragment


# Words that go on the sentence before: after a stop in lower case, a relative clause or
# an aside the translation split off (the pandemic. which in Honduras has left…; the
# parliament. according to the Constitution…; until 16:00. when schools…). The stop was
# a comma.
_JOINING_WORDS = frozenset(
    "which who whom whose where when while like according including unlike such whereas".split()
)
# Prepositions no sentence opens with in lower case, the phrase going on from the word
# before the stop (the culture. of the town; was convicted. to life in prison): the stop
# was not there.
_CONTINUING_WORDS = frozenset("of to for in on at by from with into than".split())


def _continuation(text: str, start: int) -> Hit | None:
    """``pandemic. which`` → ``pandemic, which``; ``culture. of`` → ``culture of``: a
    piece after a stop that opens with a word going on the sentence before."""
    word = _WORD.match(text, start)
    if word is None:
        return None
    lower = word.group()
    if lower in _JOINING_WORDS:
        written, reason = f", {lower}", "goes on the sentence before, split off by a stop"
    elif lower in _CONTINUING_WORDS:
        written, reason = f" {lower}", "goes on the phrase before, cut by a stop"
    else:
        return None
    stop = text.rindex(".", 0, start)
    return Hit(
        stop,
        word.end(),
        (written,),
        Applicability.UNSAFE,
        f"“{text[stop : word.end()]}”: “{lower}” {reason}; write “{written}”",
    )


def detect_stop_splitting_sentence(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``the pandemic. which…``, ``convicted. to life``: a stop inside a sentence."""
    text = analysis.text
    for start, _end, _fragment in _stray_pieces(document, analysis):
        hit = _continuation(text, start)
        if hit is not None:
            yield hit


def detect_stray_fragment(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``lower rate. minor rhythm.``: a short piece standing after a stop."""
    text = analysis.text
    for start, end, fragment in _stray_pieces(document, analysis):
        if not fragment:
            continue
        if _continuation(text, start) is not None:
            continue  # MT625 says it
        piece = text[start:end]
        yield Hit(
            start,
            end,
            (),
            Applicability.DISPLAY_ONLY,
            f"“{piece}” stands after a stop in lower case: a phrase of the translation "
            "reordered or given twice; move it where it belongs or delete it",
        )


# A paragraph that opens in lower case: a sentence whose capital MT lost (on saturday night
# a woman…; there was one in the area…). Native news never opens a paragraph so (68 native
# pages: none); a short line or one with code marks is a label or a script, not prose.
_PARAGRAPH_OPENING = re.compile(r"(?m)^[ \t]*([a-z][a-z]+)(?= [a-z])")
_PARAGRAPH_MIN_WORDS = 6
_KNOWN_WORD_ZIPF = 3.0
_CODE_MARKS = re.compile(r"[{}();=<>/\\|@#]|\w:")


def _lowercase_paragraph_openings(analysis: Analysis) -> Iterator[tuple[int, int]]:
    text = analysis.text
    for match in _PARAGRAPH_OPENING.finditer(text):
        start = match.start(1)
        line_end = text.find("\n", start)
        line = text[start : line_end if line_end >= 0 else len(text)]
        before = text[: match.start()].rstrip(" \t\n")
        gap = text[len(before) : match.start()]
        if before and "\n\n" not in gap and before[-1] not in ".!?”":
            continue  # a line wrapped inside a paragraph
        if len(_WORD.findall(line)) < _PARAGRAPH_MIN_WORDS or _CODE_MARKS.search(line):
            continue
        if zipf(match.group(1)) < _KNOWN_WORD_ZIPF:
            continue  # a word English does not know: glued (madurowhose) or a name
        yield start, match.end(1)


def detect_lowercase_after_stop(document: Document, analysis: Analysis) -> Iterator[Hit]:
    """``the polls. and with Petro…``: a sentence that lost its capital; and a paragraph
    that opens in lower case."""
    text = analysis.text
    for start, end in _lowercase_paragraph_openings(analysis):
        lower = text[start:end]
        if document.is_protected(start, end) or lower in proper_nouns():
            continue
        fixed = lower[0].upper() + lower[1:]
        yield Hit(
            start,
            end,
            (fixed,),
            Applicability.UNSAFE,
            f"“{lower}” opens a paragraph in lower case: write “{fixed}”",
        )
    for start, _end, fragment in _stray_pieces(document, analysis):
        if fragment:
            continue
        if _continuation(text, start) is not None:
            continue  # MT625 says it
        word = _WORD.match(text, start)
        if word is None:
            continue
        lower = word.group()
        fixed = lower[0].upper() + lower[1:]
        if analysis.counts.get(fixed) or lower in proper_nouns():
            continue  # a lower-case name (boric): the lowercase-name rule says it
        yield Hit(
            word.start(),
            word.end(),
            (fixed,),
            Applicability.UNSAFE,
            f"“{lower}” opens a sentence after a stop: write “{fixed}”",
        )
