"""Facts about one document that several detectors weigh, computed once.

Detectors decide on each distinct word (a few hundred per article) rather than
on each token, and ask for the positions of the few words they flag; the
vocabulary comes from one ``findall`` in C. That keeps a check of one article
well under a millisecond for most of its words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from mtcheck import automaton
from mtcheck.document import Document
from mtcheck.prefilter import might_match

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from mtcheck.automaton import Reach, RuleIndex
    from mtcheck.bilingual.align import Alignment
    from mtcheck.rule import Rule
    from mtcheck.safe_regex import SafeRegex

_LETTER = r"[^\W\d_]"
# A word: letters, with apostrophes inside (Russia’s, O'Higgins).
WORD = re.compile(rf"{_LETTER}+(?:['’]{_LETTER}+)*")
_SENTENCE_END = ".!?"
# Above this many characters one indexing pass beats a str.find per word asked for.
_INDEX_ABOVE = 20_000
_OPENERS = "\"“‘'«(¿¡[—–-*#>"


class Token(NamedTuple):
    start: int
    end: int
    text: str


def _continues_word(text: str, index: int, step: int) -> bool:
    """Whether the character at ``index`` (walking by ``step``) would extend a WORD token."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char.isalpha():
        return True
    beyond = index + step
    return char in "'’" and 0 <= beyond < len(text) and text[beyond].isalpha()


class Analysis:
    """Vocabulary and positions of a document, shared by the detectors."""

    def __init__(
        self,
        document: Document,
        index: RuleIndex | None = None,
        aligner: Callable[[Document], Alignment] | None = None,
    ) -> None:
        """With an ``index`` of the rule set, rules run only near their anchors; without
        one (the reference), every rule runs over the whole text as the prefilter allows.
        ``aligner`` matches an original's sentences with the text's (the engine gives
        ``bilingual.align.align_document`` when there is an original): the vocabulary
        here knows nothing of the comparison."""
        self.document = document
        self.text = document.text
        self.index = index
        self.aligner = aligner
        self._occurrences: dict[str, tuple[Token, ...]] = {}

    @cached_property
    def anchors(self) -> dict[str, list[tuple[int, int]]] | None:
        """Rule id -> where its anchors stand; None when rules run over the whole text."""
        if self.index is None:
            return None
        self._folded = automaton.fold(self.text)
        return None if self._folded is None else self.index.scan(self._folded)

    def rules_to_run(self, count: int) -> Iterable[int]:
        """Positions of the rules of the indexed rule set (of ``count``) that can find
        anything here: those whose anchors are present, and those without anchors."""
        anchors = self.anchors
        if anchors is None or self.index is None:
            return range(count)
        return self.index.to_run(anchors)

    @cached_property
    def _blank_run(self) -> int:
        """The longest run of spaces and tabs in the text."""
        return max(map(len, re.findall("[ \t]+", self.text)), default=0)

    def _anchored(self, rule: Rule) -> list[tuple[int, int]] | None:
        """The rule's anchors here, or None when it must look at the whole text."""
        anchors = self.anchors
        if anchors is None or rule.anchors() is None:
            return None
        return anchors.get(rule.info.id, [])

    @cached_property
    def _breaks(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def matches(
        self,
        rule: Rule,
        regex: re.Pattern[str] | SafeRegex,
        literals: frozenset[str] | None,
        reach: Reach,
        companions: dict[str, frozenset[str] | None] | None = None,
    ) -> Iterator[re.Match[str]]:
        """What ``regex.finditer`` finds in the text, searched only where it can be.

        ``companions`` (anchor -> strings one of which a match holding it also holds, or
        None) drop the anchors whose phrases cannot all be in the text.
        """
        anchored = self._anchored(rule)
        if anchored is None:
            if might_match(literals, self.lowered):
                yield from regex.finditer(self.text)
            return
        if anchored and companions is not None:
            anchored = self._accompanied(anchored, companions)
        if not anchored:
            return
        if reach.whole_text:
            yield from regex.finditer(self.text)
            return
        blanks = self._blank_run if reach.spaces else 0
        spans = automaton.windows(anchored, reach, len(self.text), self._breaks, blanks)
        yield from automaton.windowed_matches(regex, self.text, spans)

    def _accompanied(
        self, anchored: list[tuple[int, int]], companions: dict[str, frozenset[str] | None]
    ) -> list[tuple[int, int]]:
        folded = self._folded
        assert folded is not None
        verdict: dict[str, bool] = {}
        kept = []
        for start, size in anchored:
            anchor = folded[start : start + size]
            if anchor not in verdict:
                others = companions.get(anchor)
                verdict[anchor] = others is None or any(map(folded.__contains__, others))
            if verdict[anchor]:
                kept.append((start, size))
        return kept

    def lines(self, rule: Rule, literals: frozenset[str] | None, before: int) -> Iterable[int]:
        """The 1-based lines a line rule must try: near its anchors, or all of them."""
        anchored = self._anchored(rule)
        count = self.document.line_count
        if anchored is None:
            return range(1, count + 1) if might_match(literals, self.lowered) else ()
        return automaton.line_numbers(anchored, before, self.document.line_starts)

    @cached_property
    def alignment(self) -> Alignment | None:
        """The sentences of the Spanish original matched with this text's; None without
        one, or when the analysis was made with no ``aligner``."""
        if self.document.original is None or self.aligner is None:
            return None
        return self.aligner(self.document)

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, for literal prefilters (not for offsets)."""
        return self.text.lower()

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each exact spelling stands as a word of its own."""
        return Counter(WORD.findall(self.text))

    @cached_property
    def spellings(self) -> dict[str, tuple[str, ...]]:
        """Lower-cased word -> the spellings the article uses for it."""
        found: dict[str, list[str]] = defaultdict(list)
        for word in self.counts:
            found[word.lower()].append(word)
        return {lower: tuple(words) for lower, words in found.items()}

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Every token with its offsets (for the few detectors that need them all)."""
        return tuple(Token(m.start(), m.end(), m.group()) for m in WORD.finditer(self.text))

    def occurrences(self, word: str) -> tuple[Token, ...]:
        """Where ``word`` stands as a token, in text order."""
        found = self._occurrences.get(word)
        if found is None:
            if not self.counts.get(word):
                found = ()
            elif len(self.text) > _INDEX_ABOVE:
                found = self._index.get(word, ())
            else:
                found = tuple(self._find_word(word))
            self._occurrences[word] = found
        return found

    @cached_property
    def _index(self) -> dict[str, tuple[Token, ...]]:
        """Positions of every word, built in one pass: cheaper than many finds in a long text."""
        index: dict[str, list[Token]] = defaultdict(list)
        for token in self.tokens:
            index[token.text].append(token)
        return {word: tuple(tokens) for word, tokens in index.items()}

    def _find_word(self, word: str) -> list[Token]:
        # str.find and two character tests: far cheaper than compiling a pattern per word.
        text, size = self.text, len(word)
        found = []
        start = text.find(word)
        while start >= 0:
            end = start + size
            if not _continues_word(text, start - 1, -1) and not _continues_word(text, end, 1):
                found.append(Token(start, end, word))
            start = text.find(word, start + 1)
        return found

    def capitalised_mid_sentence(self, lower: str) -> int:
        """How often the article capitalises this word where no sentence starts."""
        return sum(
            1
            for spelling in self.spellings.get(lower, ())
            if spelling[0].isupper()
            for token in self.occurrences(spelling)
            if not self.starts_sentence(token.start)
        )

    def lower_count(self, lower: str) -> int:
        return self.counts.get(lower, 0)

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
