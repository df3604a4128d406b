"""The cost of a check barely grows with the catalogue (run with ``pytest -m benchmark``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import scaling


@pytest.mark.benchmark
def test_ten_times_the_rules_costs_at_most_thirty_percent_more() -> None:
    small, large, rules, multiplied = scaling.ratio()
    assert multiplied == 10 * rules
    assert large <= 1.3 * small, f"{rules} rules {small:.2f} s, {multiplied} rules {large:.2f} s"


@pytest.mark.benchmark
def test_generated_rules_do_not_change_the_findings_of_the_bundled_ones() -> None:
    from mtcheck.corpus import recombined
    from mtcheck.document import Document
    from mtcheck.engine import check, default_ruleset

    base = default_ruleset()
    bigger = scaling.multiplied(base, 10)
    for text in recombined(scaling.ROOT / "corpus", 100, 3):
        document = Document(text)
        assert check(document, base) == [
            f for f in check(document, bigger) if not f.rule_id.startswith("GEN")
        ]
