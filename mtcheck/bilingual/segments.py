"""Sentences of a text with their offsets, for English and Spanish alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

# A stop, then closing quotes or brackets, then space, then what opens a sentence.
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”»’')\]]*\s+(?=[\"“«‘'(¿¡—–-]?[A-ZÁÉÍÓÚÑÜ0-9])")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Abbreviations after which a stop does not end a sentence, in both languages.
_ABBREVIATIONS = frozenset(
    "sr sra srta dr dra lic ing gral gen sen rep gob mr mrs ms st jr no nº núm art pág etc "
    "ee uu ee.uu eeuu u.s u.s.a u.k a.m p.m vs inc co corp ltd av avda".split()
)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a headline, a label line) at ``start``..``end`` of its text."""

    start: int
    end: int
    text: str
    paragraph: int

    @cached_property
    def words(self) -> tuple[str, ...]:
        return tuple(_WORD.findall(self.text))

    def __len__(self) -> int:
        return len(self.text)


def _ends_with_abbreviation(text: str) -> bool:
    match = re.search(r"(\S+)\.$", text.rstrip("\"”»’')]"))
    if match is None:
        return False
    token = match.group(1).lower().lstrip('("“«')
    # A single capital letter is an initial (Juan F. Kennedy); Roman numerals end sentences.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha() and token not in "iv")


def split(text: str) -> list[Sentence]:
    """Sentences in text order; a line break always ends one, as a paragraph does."""
    sentences: list[Sentence] = []
    paragraph = 0
    for line in re.finditer(r"[^\n]+", text):
        body = line.group()
        if not body.strip():
            continue
        paragraph += 1
        start = 0
        for boundary in _BOUNDARY.finditer(body):
            if _ends_with_abbreviation(body[start : boundary.start()]):
                continue
            _add(sentences, body, line.start(), start, boundary.start(), paragraph)
            start = boundary.end()
        _add(sentences, body, line.start(), start, len(body), paragraph)
    return sentences


def _add(out: list[Sentence], body: str, base: int, start: int, end: int, paragraph: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(base + start, base + end, body[start:end], paragraph))
