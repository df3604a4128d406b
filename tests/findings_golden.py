"""Findings of the whole rule set on many articles, written down to compare two engines.

``python -m tests.findings_golden write`` records the findings on the corpus (each
article with and without its original), the seed article and 10,000 recombined
articles in ``tests/golden/findings.json``, by the reference path (the first version
was written by the per-rule engine before the one-pass engine existed);
``tests/test_engine_golden.py`` asserts that the engine still finds exactly those.
The file also records a fingerprint of everything else that decides the findings
(rule files, lexicons, detectors, corpus), and the test only compares while that is
unchanged: a deliberate change to a rule is not an engine regression (regenerate the
file with the command above after one).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mtcheck.corpus import corpus_files, load_article, recombined
from mtcheck.document import Document
from mtcheck.engine import check, default_ruleset
from mtcheck.model import Finding

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "findings.json"
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
GENERATED = 10_000
GENERATED_SEED = 7


def canonical(finding: Finding) -> list[Any]:
    fix = None
    if finding.fix is not None:
        fix = [
            finding.fix.applicability.label,
            [[e.span.start, e.span.end, e.replacement] for e in finding.fix.edits],
        ]
    return [
        finding.rule_id,
        finding.span.start,
        finding.span.end,
        finding.severity.label,
        finding.message,
        finding.matched,
        fix,
        list(finding.suggestions),
    ]


def digest(findings: list[Finding]) -> str:
    data = json.dumps([canonical(f) for f in findings], ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def named_documents() -> Iterator[tuple[str, Document]]:
    """The corpus articles (with and without their originals) and the seed, by name."""
    corpus = ROOT / "corpus"
    for path in corpus_files(corpus):
        article = load_article(path)
        name = str(path.relative_to(corpus))
        yield name, article.without_original()
        if article.original is not None:
            yield f"{name} (with original)", article.document()
    if SEED.is_file():
        yield "seed", Document(SEED.read_text(encoding="utf-8"), path=str(SEED))


def generated_texts(count: int = GENERATED) -> list[str]:
    return recombined(ROOT / "corpus", count, GENERATED_SEED)


def fingerprint() -> str:
    """Everything but the engine that decides the findings: rules, lexicons, detectors."""
    digest_ = hashlib.sha256()
    sources = [
        *sorted((ROOT / "rules").rglob("*")),
        *sorted((ROOT / "mtcheck" / "detectors").glob("*.py")),
        *sorted((ROOT / "mtcheck" / "bilingual").glob("*.py")),
        *sorted((ROOT / "corpus").rglob("*")),
    ]
    for source in sources:
        if source.is_file():
            digest_.update(str(source.relative_to(ROOT)).encode())
            digest_.update(hashlib.sha256(source.read_bytes()).digest())
    return digest_.hexdigest()


def recorded(name: str, findings: list[Finding]) -> list[Any] | str:
    """In full for our own corpus; a digest for the seed, a real article whose words stay
    out of the repository."""
    return digest(findings) if name == "seed" else [canonical(f) for f in findings]


def write() -> None:
    """Written by the reference path (every rule over the whole text), so that a change
    of rules can be recorded without trusting the one-pass engine it is to test."""
    ruleset = default_ruleset()
    named = {
        name: recorded(name, check(doc, ruleset, reference=True)) for name, doc in named_documents()
    }
    generated = [
        digest(check(Document(text), ruleset, reference=True)) for text in generated_texts()
    ]
    data = {"fingerprint": fingerprint(), "documents": named, "generated": generated}
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["write"]:
        sys.exit("usage: python -m tests.findings_golden write")
    write()
