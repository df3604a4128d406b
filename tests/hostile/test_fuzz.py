"""Property: random hostile rule packs, articles, encodings and syntaxes never break mtcheck.

A few hundred cases here; ``bench/hostile.py`` runs ten thousand (and strace).
"""

from __future__ import annotations

import os

from tests.hostile.fuzzing import cache_bundled_rules, run_case

CASES = int(os.environ.get("MTCHECK_FUZZ_CASES", "200"))
# A case may spend up to the regex budget per budgeted rule and fix round; far below this.
TIME_LIMIT = 60.0


def test_random_hostile_cases_hold_every_guarantee(tmp_path, monkeypatch):
    from mtcheck import loader

    monkeypatch.setattr(loader, "load_file", loader.load_file)  # restored afterwards
    cache_bundled_rules()
    failures = []
    for seed in range(CASES):
        outcome = run_case(seed, tmp_path)
        if outcome.seconds > TIME_LIMIT:
            outcome.problems.append(f"took {outcome.seconds:.1f} s")
        if outcome.problems:
            failures.append((seed, outcome.problems))
    assert not failures, failures[:5]
