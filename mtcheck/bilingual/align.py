"""Sentence alignment of a Spanish original and its English translation.

In the spirit of Gale and Church (1993): a dynamic programme over 1-1, 1-2,
2-1, 2-2, 1-0 and 0-1 matches, whose cost is the improbability of the length
ratio plus the prior of the match type, less a bonus for lexical anchors the
two sides share — numbers (read as values), names and cognates — which keeps
the alignment right where a translation drops or adds a sentence.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from mtcheck.bilingual.numbers import english_numbers, spanish_numbers
from mtcheck.bilingual.segments import Sentence, split
from mtcheck.document import Document
from mtcheck.folding import fold

# Gale and Church's variance of the length ratio, and costs (-log prior) per match type.
# MT keeps sentence boundaries, so merges are rarer than in human translation, for
# which Gale and Church set their priors, except two sentences into one: a stop
# glued to the next word where markup was stripped (January.but) hides a boundary.
_VARIANCE = 6.8
_PRIOR = {(1, 1): 0.0, (1, 2): 4.5, (2, 1): 3.0, (2, 2): 7.0}
_SKIP = 4.0  # 1-0 or 0-1: a sentence with no counterpart
# Anchors shared beyond what any two sentences share lower the cost; fewer raise it.
_ANCHOR_WEIGHT = 12.0
_ANCHOR_BASE = 0.2
# Sentences with this much anchor weight that share none are not translations of each other.
_STRANGER_WEIGHT = 3
_STRANGER_LENGTH = 2.0  # -log probability of their length ratio: about one in seven
# Beyond this many sentences the programme only searches near the diagonal.
_BAND = 40
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+")


@dataclass(frozen=True)
class Pair:
    """Sentences of the original (``source``) matched with sentences of the translation."""

    source: tuple[int, ...]
    target: tuple[int, ...]


# Anchors of a sentence: feature -> count. Numbers (#) and names (@) weigh two, stems one.
_Anchors = dict[str, int]
_EMPTY: _Anchors = {}


def _weight(anchors: _Anchors) -> int:
    return sum(count * (2 if key[0] in "#@" else 1) for key, count in anchors.items())


def _number_key(digits: str) -> str:
    """The significant digits: 200.000, 200,000 and 200 thousand share an anchor."""
    return "#" + (re.sub(r"\D", "", digits).rstrip("0") or "0")


def _skeleton(word: str) -> str:
    """Spelling differences of cognates smoothed: appreciated/apreciado, theatre/teatro."""
    folded = fold(word).replace("ph", "f").replace("th", "t").replace("y", "i")
    return re.sub(r"(.)\1", r"\1", folded)


def _anchors(sentence: Sentence, digits: list[str]) -> _Anchors:
    keys = [_number_key(d) for d in digits]
    keys += ["@" + fold(m.group()) for m in _CAPITALISED.finditer(sentence.text)]
    # A four-letter prefix is a cheap cognate test: presidente/president, millones/million.
    keys += [_skeleton(w)[:4] for w in sentence.words if len(w) >= 5]
    return dict(Counter(keys))


def _source_anchors(sentence: Sentence) -> _Anchors:
    return _anchors(sentence, [n.digits for n in spanish_numbers(sentence.text)])


def _target_anchors(sentence: Sentence) -> _Anchors:
    return _anchors(sentence, [n.digits for n in english_numbers(sentence.text)])


def _merge(anchors: Sequence[_Anchors]) -> _Anchors:
    if len(anchors) == 1:
        return anchors[0]
    merged: Counter[str] = Counter()
    for item in anchors:
        merged.update(item)
    return dict(merged)


def _shared(a: _Anchors, b: _Anchors) -> int:
    if len(a) > len(b):
        a, b = b, a
    return sum(
        min(count, b[key]) * (2 if key[0] in "#@" else 1) for key, count in a.items() if key in b
    )


def _dice(source: _Anchors, target: _Anchors) -> float:
    """Weighted Dice overlap of the anchors, 0 (nothing shared) to 1."""
    total = _weight(source) + _weight(target)
    return 2 * _shared(source, target) / total if total else 0.0


def _length_cost(source_chars: int, target_chars: int, ratio: float) -> float:
    """-log of the probability of this length difference (Gale and Church's delta)."""
    mean = (source_chars + target_chars / ratio) / 2
    if mean <= 0:
        return 0.0
    delta = (target_chars - source_chars * ratio) / math.sqrt(mean * _VARIANCE)
    probability = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(probability, 1e-12))


def _covered(part: _Anchors, whole: _Anchors) -> float:
    """How much of ``part``'s anchor weight ``whole`` holds too, 0 to 1."""
    weight = _weight(part)
    return _shared(part, whole) / weight if weight else 0.0


@dataclass
class Alignment:
    """The sentences of both sides and the pairs that match them, in text order."""

    source: list[Sentence]
    target: list[Sentence]
    pairs: list[Pair]

    @cached_property
    def _source_anchors(self) -> list[_Anchors]:
        return [_source_anchors(s) for s in self.source]

    @cached_property
    def _target_anchors(self) -> list[_Anchors]:
        return [_target_anchors(t) for t in self.target]

    def covered_nearby(self, source_index: int, target_indices: Sequence[int]) -> float:
        """How much of a source sentence's anchors these target sentences hold."""
        whole = _merge([self._target_anchors[j] for j in target_indices] or [_EMPTY])
        return _covered(self._source_anchors[source_index], whole)

    @cached_property
    def target_starts(self) -> list[int]:
        return [t.start for t in self.target]

    @cached_property
    def pair_of_target(self) -> dict[int, Pair]:
        return {t: pair for pair in self.pairs for t in pair.target}

    def source_text(self, pair: Pair) -> str:
        return " ".join(self.source[i].text for i in pair.source)

    def target_span(self, pair: Pair) -> tuple[int, int]:
        return self.target[pair.target[0]].start, self.target[pair.target[-1]].end


def align(source_text: str, target_text: str) -> Alignment:
    """Align the sentences of an original and its translation."""
    source, target = split(source_text), split(target_text)
    alignment = Alignment(source, target, [])
    alignment.pairs = align_sentences(
        source, target, alignment._source_anchors, alignment._target_anchors
    )
    return alignment


def align_sentences(
    source: list[Sentence],
    target: list[Sentence],
    source_anchors: list[_Anchors],
    target_anchors: list[_Anchors],
) -> list[Pair]:
    n, m = len(source), len(target)
    if not n or not m:
        return [Pair((i,), ()) for i in range(n)] + [Pair((), (j,)) for j in range(m)]
    # English runs a little shorter than Spanish; the article's own ratio refines that,
    # within bounds, since a long omission would otherwise bias it.
    ratio = min(max(sum(map(len, target)) / max(1, sum(map(len, source))), 0.85), 1.15)
    band = max(_BAND, 2 * abs(n - m))
    # Each block of one or two sentences, with its length and anchors, computed once.
    blocks = (
        _Blocks(source, source_anchors),
        _Blocks(target, target_anchors),
    )
    inf = math.inf
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m / n
        low, high = max(0, int(centre - band)), min(m, int(centre + band) + 1)
        for j in range(low, high + 1):
            if i == j == 0:
                continue
            best, step = inf, (0, 0)
            for di, dj in _MOVES:
                if di > i or dj > j or cost[i - di][j - dj] == inf:
                    continue
                if di and dj:
                    s_len, s_anchors, s_weight = blocks[0].get(i, di)
                    t_len, t_anchors, t_weight = blocks[1].get(j, dj)
                    total_weight = s_weight + t_weight
                    dice = 2 * _shared(s_anchors, t_anchors) / total_weight if total_weight else 0.0
                    pair_cost = (
                        _PRIOR[(di, dj)]
                        + _length_cost(s_len, t_len, ratio)
                        - _ANCHOR_WEIGHT * (dice - _ANCHOR_BASE)
                    )
                else:
                    pair_cost = _SKIP
                total = cost[i - di][j - dj] + pair_cost
                if total < best:
                    best, step = total, (di, dj)
            cost[i][j], back[i][j] = best, step
    pairs = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        pairs.append(Pair(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    pairs.reverse()
    return _unpair_strangers(pairs, source, target, source_anchors, target_anchors, ratio)


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


class _Blocks:
    """Length, anchors and anchor weight of the block of one or two sentences ending at ``end``."""

    def __init__(self, sentences: list[Sentence], anchors: list[_Anchors]) -> None:
        single = [(len(s), a, _weight(a)) for s, a in zip(sentences, anchors, strict=True)]
        double = [
            (first[0] + second[0], merged, _weight(merged))
            for first, second in itertools.pairwise(single)
            for merged in [_merge([first[1], second[1]])]
        ]
        self._by_size = {1: single, 2: double}

    def get(self, end: int, size: int) -> tuple[int, _Anchors, int]:
        return self._by_size[size][end - size]


def _unpair_strangers(
    pairs: list[Pair],
    source: list[Sentence],
    target: list[Sentence],
    source_anchors: list[_Anchors],
    target_anchors: list[_Anchors],
    ratio: float,
) -> list[Pair]:
    """Two sentences of unlikely lengths that share no anchor while both have several
    are no pair: the one was dropped, the other added, and the programme filled the gap."""
    result = []
    for pair in pairs:
        if len(pair.source) == len(pair.target) == 1:
            i, j = pair.source[0], pair.target[0]
            strangers = (
                min(_weight(source_anchors[i]), _weight(target_anchors[j])) >= _STRANGER_WEIGHT
                and not _dice(source_anchors[i], target_anchors[j])
                and _length_cost(len(source[i]), len(target[j]), ratio) > _STRANGER_LENGTH
            )
            if strangers:
                result += [Pair(pair.source, ()), Pair((), pair.target)]
                continue
        result.append(pair)
    return result


def align_document(document: Document) -> Alignment:
    """The sentences of a document's Spanish original matched with its own (the prose of
    a Markdown or HTML original)."""
    original = document.original
    assert original is not None, "align_document needs a document with an original"
    if original.syntax == "txt":
        return align(original.text, document.text)
    from mtcheck.formats import extract

    return align(extract(original.text, original.syntax).prose, document.text)
