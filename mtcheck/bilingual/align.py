"""Sentence alignment of a Spanish original and its English translation.

In the spirit of Gale and Church (1993): a dynamic programme over 1-1, 1-2,
2-1, 2-2, 1-0 and 0-1 matches, whose cost is the improbability of the length
ratio plus the prior of the match type, less a bonus for lexical anchors the
two sides share — numbers (read as values), names and cognates — which keeps
the alignment right where a translation drops or adds a sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from mtcheck.bilingual.numbers import english_numbers, spanish_numbers
from mtcheck.bilingual.segments import Sentence, fold, split

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
_BAND = 60
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+")


@dataclass(frozen=True)
class Pair:
    """Sentences of the original (``source``) matched with sentences of the translation."""

    source: tuple[int, ...]
    target: tuple[int, ...]


@dataclass(frozen=True)
class _Anchors:
    numbers: Counter[str]
    names: Counter[str]
    stems: Counter[str]

    def weight(self) -> float:
        return 2 * (sum(self.numbers.values()) + sum(self.names.values())) + sum(
            self.stems.values()
        )


def _number_key(digits: str) -> str:
    """The significant digits: 200.000, 200,000 and 200 thousand share an anchor."""
    return re.sub(r"\D", "", digits).rstrip("0") or "0"


def _skeleton(word: str) -> str:
    """Spelling differences of cognates smoothed: appreciated/apreciado, theatre/teatro."""
    folded = fold(word).replace("ph", "f").replace("th", "t").replace("y", "i")
    return re.sub(r"(.)\1", r"\1", folded)


def _anchors(sentence: Sentence, digits: list[str]) -> _Anchors:
    words = sentence.words
    return _Anchors(
        Counter(_number_key(d) for d in digits),
        Counter(fold(m.group()) for m in _CAPITALISED.finditer(sentence.text)),
        # A four-letter prefix is a cheap cognate test: presidente/president, millones/million.
        Counter(_skeleton(w)[:4] for w in words if len(w) >= 5),
    )


def _source_anchors(sentence: Sentence) -> _Anchors:
    return _anchors(sentence, [n.digits for n in spanish_numbers(sentence.text)])


def _target_anchors(sentence: Sentence) -> _Anchors:
    return _anchors(sentence, [n.digits for n in english_numbers(sentence.text)])


_EMPTY = _Anchors(Counter(), Counter(), Counter())


def _merge(anchors: Sequence[_Anchors]) -> _Anchors:
    if len(anchors) == 1:
        return anchors[0]
    return _Anchors(
        sum((a.numbers for a in anchors), Counter()),
        sum((a.names for a in anchors), Counter()),
        sum((a.stems for a in anchors), Counter()),
    )


def _dice(source: _Anchors, target: _Anchors) -> float:
    """Weighted Dice overlap of the anchors, 0 (nothing shared) to 1."""
    total = source.weight() + target.weight()
    if not total:
        return 0.0
    shared = 2 * (
        2 * sum((source.numbers & target.numbers).values())
        + 2 * sum((source.names & target.names).values())
        + sum((source.stems & target.stems).values())
    )
    return shared / total


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
    weight = part.weight()
    if not weight:
        return 0.0
    shared = (
        2 * sum((part.numbers & whole.numbers).values())
        + 2 * sum((part.names & whole.names).values())
        + sum((part.stems & whole.stems).values())
    )
    return shared / weight


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
            for di, dj in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)):
                if di > i or dj > j or cost[i - di][j - dj] == inf:
                    continue
                if di and dj:
                    pair_cost = _PRIOR[(di, dj)] + _length_cost(
                        sum(len(s) for s in source[i - di : i]),
                        sum(len(t) for t in target[j - dj : j]),
                        ratio,
                    )
                    pair_cost -= _ANCHOR_WEIGHT * (
                        _dice(
                            _merge(source_anchors[i - di : i]), _merge(target_anchors[j - dj : j])
                        )
                        - _ANCHOR_BASE
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
                min(source_anchors[i].weight(), target_anchors[j].weight()) >= _STRANGER_WEIGHT
                and not _dice(source_anchors[i], target_anchors[j])
                and _length_cost(len(source[i]), len(target[j]), ratio) > _STRANGER_LENGTH
            )
            if strangers:
                result += [Pair(pair.source, ()), Pair((), pair.target)]
                continue
        result.append(pair)
    return result
