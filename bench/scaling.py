"""How the cost of a check grows with the catalogue: the rule set multiplied by generated
phrase rules, timed in one process on the same recombined articles.

Run by ``make bench`` and by ``pytest -m benchmark`` (tests/test_scaling.py), never in the
unit suite: it times things.
"""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

from mtcheck.corpus import recombined
from mtcheck.document import Document
from mtcheck.engine import RuleSet, check, default_ruleset
from mtcheck.kinds.phrase import PhraseRule
from mtcheck.model import Applicability, Severity
from mtcheck.rule import Example, RuleInfo

ROOT = Path(__file__).resolve().parent.parent


def generated_rules(count: int, seed: int = 5) -> list[PhraseRule]:
    """Phrase rules shaped like calques: two to four words, one of them uncommon, each rule
    a few phrases (as a map) with its own replacement."""
    from wordfreq import get_frequency_dict

    english = {w: math.log10(f) + 9 for w, f in get_frequency_dict("en").items()}
    common = sorted(w for w, z in english.items() if z >= 5.0 and w.isalpha())
    uncommon = sorted(w for w, z in english.items() if 2.5 <= z < 4.5 and w.isalpha())
    rng = random.Random(seed)
    rules = []
    for n in range(count):
        mapping = {}
        for _ in range(rng.randint(1, 4)):
            words = [*rng.sample(common, rng.randint(1, 3)), rng.choice(uncommon)]
            rng.shuffle(words)
            mapping[" ".join(words)] = rng.choice(common)
        info = RuleInfo(
            id=f"GEN{n:04d}",
            name=f"generated-{n}",
            category="calque",
            kind="phrase",
            severity=Severity.WARNING,
            message="“{matched}”: write “{replacement}”",
            description="generated",
            fix=Applicability.UNSAFE,
            path="<generated>",
            line=None,
            examples=(Example(next(iter(mapping))),),
            counterexamples=(),
        )
        rules.append(PhraseRule(info, {"map": mapping}))
    return rules


def multiplied(ruleset: RuleSet, factor: int) -> RuleSet:
    extra = generated_rules(len(ruleset.rules) * (factor - 1))
    return RuleSet((*ruleset.rules, *extra), ruleset.config)


def seconds(ruleset: RuleSet, texts: list[str], repeat: int = 3) -> float:
    """The best of a few timed passes (after one untimed pass that builds the index)."""
    documents = [Document(t) for t in texts]
    for document in documents[:5]:
        check(document, ruleset)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for document in documents:
            check(document, ruleset)
        best = min(best, time.perf_counter() - started)
    return best


def ratio(articles: int = 300, factor: int = 10) -> tuple[float, float, int, int]:
    """(seconds with the catalogue, seconds with it multiplied, rules, rules multiplied)."""
    texts = recombined(ROOT / "corpus", articles, 11)
    base = default_ruleset()
    bigger = multiplied(base, factor)
    return seconds(base, texts), seconds(bigger, texts), len(base.rules), len(bigger.rules)


if __name__ == "__main__":
    small, large, n, m = ratio()
    print(f"{n} rules: {small:.2f} s; {m} rules: {large:.2f} s; ratio {large / small:.2f}")
