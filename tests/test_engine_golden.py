"""The engine finds exactly what the engine before it found (tests/golden/findings.json).

The golden file was written by the per-rule engine that scanned every article once per
rule; these tests hold the one-pass engine to it on the corpus, the seed and recombined
articles (a sample here; all 10,000 with ``pytest -m benchmark``).
"""

from __future__ import annotations

import json

import pytest

from mtcheck.document import Document
from mtcheck.engine import check, default_ruleset
from tests import findings_golden as golden

_SAMPLE_EVERY = 20


@pytest.fixture(scope="module")
def recorded() -> dict:
    data = json.loads(golden.GOLDEN.read_text(encoding="utf-8"))
    if data["fingerprint"] != golden.fingerprint():
        pytest.skip(
            "rules, lexicons or detectors changed since tests/golden/findings.json was "
            "written: regenerate it with `python -m tests.findings_golden write`"
        )
    return data


def test_corpus_and_seed_findings_are_unchanged(recorded: dict) -> None:
    ruleset = default_ruleset()
    for name, document in golden.named_documents():
        assert golden.recorded(name, check(document, ruleset)) == recorded["documents"][name], name


def _compare_generated(recorded: dict, step: int) -> None:
    ruleset = default_ruleset()
    texts = golden.generated_texts()
    assert len(texts) == len(recorded["generated"])
    for index in range(0, len(texts), step):
        found = golden.digest(check(Document(texts[index]), ruleset))
        assert found == recorded["generated"][index], f"generated article {index}"


def test_generated_articles_findings_are_unchanged(recorded: dict) -> None:
    _compare_generated(recorded, _SAMPLE_EVERY)


@pytest.mark.benchmark
def test_all_generated_articles_findings_are_unchanged(recorded: dict) -> None:
    _compare_generated(recorded, 1)
