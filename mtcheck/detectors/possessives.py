"""``your`` for Spanish ``su``: *su* is his, her, its, their and the formal
your alike, and MT picks *your* in a sentence that speaks to nobody
(``TV Azteca has made changes to your schedule``).

A sentence that addresses the reader (it has *you* — not the impersonal
*you can see* of Spanish *se puede ver* —, starts with an
imperative such as *Check* or *Sign up*, or says *to do something* with
*your* — a generic statement, never too late to follow your dreams —, or
speaks as *we* to the reader: your support helps us) and a quotation keep
their *your*; the rest is shown for a person to choose the
possessive: the detector cannot tell whose it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtcheck.analysis import Analysis
from mtcheck.detectors.base import Hit
from mtcheck.document import Document
from mtcheck.model import Applicability

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_YOUR = re.compile(r"\b[Yy]our\b")
_ADDRESSES_THE_READER = re.compile(
    r"\b(?:you|you['’](?:re|ll|ve|d)|yourself|yourselves|yours)\b", re.I
)
# "Your support helps us keep going": the site, as we, speaks to its reader (a donation or
# subscription appeal). Lower-case "us" only: US is the country.
_SPEAKS_AS_WE = re.compile(r"\b(?:[Ww]e|[Ww]e['’](?:re|ll|ve|d)|us)\b")
# "in the video you can see twenty men … with your hands": Spanish impersonal
# "se puede ver", which addresses nobody; the "your" after the people it shows
# is their "su".
_IMPERSONAL_YOU = re.compile(
    r"\byou (?:can|could) (?:see|watch|observe|appreciate|notice)\b(?=[^.!?]*?\b(?:men|women|"
    r"people|persons|agents|officers|soldiers|detainees|children|players|fans|students|workers|"
    r"residents|members|protesters|demonstrators|migrants|prisoners|inmates|suspects|"
    r"individuals|subjects)\b[^.!?]*\byour\b)",
    re.I,
)
_IMPERATIVE = frozenset(
    "check sign subscribe follow read click get download watch see visit join find share tell "
    "send make keep take don't don’t do be try enjoy remember register listen protect "
    "stay book buy call contact learn discover choose use let help please imagine".split()
)
# "Here is what your vote means": an explainer speaks to the reader.
_EXPLAINER = frozenset("how what why here here's here’s this these whether".split())
# "to quit on your dreams": an infinitive this many words before is a generic statement.
_INFINITIVE_WINDOW = 4
_INFINITIVE = re.compile(r"\bto [a-z]+\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A line this short is a heading, a caption or a button, not an article's sentence.
_MIN_WORDS = 6


def detect_your_for_su(document: Document, analysis: Analysis) -> Iterator[Hit]:
    text = analysis.text
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        if "our" not in body or _ADDRESSES_THE_READER.search(_IMPERSONAL_YOU.sub("", body)):
            continue
        if _SPEAKS_AS_WE.search(body):
            continue
        words = _WORD.findall(body)
        if len(words) < _MIN_WORDS or words[0].lower() in _IMPERATIVE | _EXPLAINER:
            continue
        if body.lstrip().startswith(_LIST_MARKS) or words[0].lower() == "to":
            continue  # a list of the reader's rights or steps (• to know your rights)
        if body.rstrip().endswith("?"):
            continue  # a question put to the reader
        for match in _YOUR.finditer(body):
            offset = match.start()
            if _quoted(body, offset) or _after_infinitive(body, offset):
                continue
            start = sentence.start() + offset
            if document.is_protected(start, start + 4):
                continue
            yield Hit(
                start,
                start + 4,
                ("its", "their", "his", "her"),
                Applicability.DISPLAY_ONLY,
                f"“{match.group()}” in a sentence that addresses nobody: Spanish “su” is his, "
                "her, its or their as well; choose the one the sentence means",
            )


_LIST_MARKS = ("•", "·", "*", "-", "–", "▪")


def _quoted(body: str, offset: int) -> bool:
    return (
        body.count("“", 0, offset) > body.count("”", 0, offset)
        or body.count('"', 0, offset) % 2 == 1
    )


def _after_infinitive(body: str, offset: int) -> bool:
    before = _WORD.findall(body[:offset])[-_INFINITIVE_WINDOW:]
    return bool(_INFINITIVE.search(" ".join(before))) and before[-1].lower() != "to"
