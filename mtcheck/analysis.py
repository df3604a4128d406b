"""Facts about one document that several detectors weigh, computed once."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property
from typing import NamedTuple

from mtcheck.document import Document

# A word: letters, with apostrophes inside (Russia’s, O'Higgins).
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = ".!?"
_OPENERS = "\"“‘'«(¿¡[—–-*#>"


class Token(NamedTuple):
    start: int
    end: int
    text: str


class Analysis:
    """Tokens and vocabulary of a document, shared by the detectors."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, for literal prefilters (not for offsets)."""
        return self.text.lower()

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(Token(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text))

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each exact spelling stands as a word of its own."""
        return Counter(t.text for t in self.tokens)

    @cached_property
    def capitalised_mid_sentence(self) -> Counter[str]:
        """Lower-cased words seen capitalised where a sentence does not start."""
        seen: Counter[str] = Counter()
        for token in self.tokens:
            if token.text[0].isupper() and not self.starts_sentence(token.start):
                seen[token.text.lower()] += 1
        return seen

    @cached_property
    def lower_counts(self) -> Counter[str]:
        return Counter(t.text for t in self.tokens if t.text.islower())

    def starts_sentence(self, offset: int) -> bool:
        """True when the word at ``offset`` opens a sentence, line or quotation."""
        i = offset - 1
        while i >= 0 and self.text[i] in " \t":
            i -= 1
        while i >= 0 and self.text[i] in _OPENERS:
            i -= 1
            while i >= 0 and self.text[i] in " \t":
                i -= 1
        return i < 0 or self.text[i] in "\r\n:" or self.text[i] in _SENTENCE_END

    def stands_alone(self, word: str) -> bool:
        """True when ``word`` occurs in the document as a word of its own."""
        return self.counts.get(word, 0) > 0
