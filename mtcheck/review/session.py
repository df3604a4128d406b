"""What both reviewers share around the engine: which findings are asked, and
what a rejection leaves in the baseline."""

from __future__ import annotations

from collections.abc import Callable

from mtcheck.baseline import Key as BaselineKey
from mtcheck.baseline import finding_key
from mtcheck.document import Document
from mtcheck.engine import RuleSet, check
from mtcheck.model import Finding, Severity
from mtcheck.review.decisions import Checker, Key

Skip = Callable[[str, Finding], bool]


def checker(
    document: Document,
    ruleset: RuleSet,
    min_severity: Severity = Severity.INFO,
    skip: Skip | None = None,
) -> Checker:
    """Check a text of this document: the findings at least this severe, minus skipped ones."""

    def findings(text: str) -> list[Finding]:
        found = check(document.with_text(text), ruleset)
        return [f for f in found if f.severity >= min_severity and not (skip and skip(text, f))]

    return findings


def baseline_keys(
    document: Document, ruleset: RuleSet, text: str, rejected: list[Key]
) -> list[BaselineKey]:
    """Baseline keys of the findings the editor rejected, in the text as saved."""
    findings = check(document.with_text(text), ruleset)
    by_span = {(f.rule_id, f.span.start, f.span.end): f for f in findings}
    return [finding_key(document.path, text, by_span[key]) for key in rejected if key in by_span]
