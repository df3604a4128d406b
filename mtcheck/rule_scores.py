"""Per-rule scores of an evaluation: where each rule's findings land, and whether its
fixes write what the post-editor wrote.

A category's precision hides which rule earns it; a rule author deciding whether a
rule may be promoted to a safe fix, or should be narrowed, needs the rule's own
figures: findings on an artefact of its category, on one of another category, on
no artefact at all (and on clean articles), and of its fixes, how many give the
post-edit exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mtcheck.corpus import Article, GoldSpan
from mtcheck.model import Applicability, Finding

_SPACES = re.compile(r"\s+")


@dataclass
class RuleScore:
    """One rule's findings over the corpus, by where they land and how they fix."""

    rule: str  # "MT123 name"
    category: str
    findings: int = 0
    right: int = 0  # on an artefact of the rule's category
    other_category: int = 0  # on an artefact of another category only
    outside: int = 0  # on no artefact, in an annotated article
    clean: int = 0  # in a clean article
    fixes: int = 0  # findings on an artefact of its category that carry a fix
    exact_fixes: int = 0  # ... whose fix writes the post-edit of that artefact
    safe_fixes: int = 0
    safe_exact: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.findings if self.findings else 1.0

    @property
    def fix_accuracy(self) -> float:
        """Of the fixes offered on the rule's artefacts, the share that are the post-edit."""
        return self.exact_fixes / self.fixes if self.fixes else 0.0


def _normalised(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def overlaps(finding: Finding, span: GoldSpan) -> bool:
    """Whether a finding touches a gold span: how the evaluation counts a finding right."""
    return finding.span.start < span.end and span.start < finding.span.end


def fix_is_post_edit(raw: str, finding: Finding, span: GoldSpan) -> bool:
    """Whether the finding's fix turns the text around ``span`` into its post-edit.

    Both are compared over the smallest window holding the fix and the artefact, with
    runs of white space folded (a line deletion takes its break; the post-edit's may
    not), so a fix that edits more or less than the annotator did does not count."""
    if finding.fix is None:
        return False
    fix_span = finding.fix.span
    start, end = min(fix_span.start, span.start), max(fix_span.end, span.end)
    fixed = raw[start:end]
    for edit in sorted(finding.fix.edits, key=lambda e: e.span.start, reverse=True):
        fixed = fixed[: edit.span.start - start] + edit.replacement + fixed[edit.span.end - start :]
    post_edit = raw[start : span.start] + span.right + raw[span.end : end]
    return _normalised(fixed) == _normalised(post_edit)


def score_rules(article: Article, findings: Sequence[Finding], into: dict[str, RuleScore]) -> None:
    """Add one article's findings to the per-rule scores in ``into``."""
    clean = not article.artefacts
    for finding in findings:
        key = f"{finding.rule_id} {finding.name}"
        score = into.setdefault(key, RuleScore(key, finding.category))
        score.findings += 1
        if clean:
            score.clean += 1
            continue
        same = [
            s for s in article.artefacts if s.category == finding.category and overlaps(finding, s)
        ]
        if not same:
            touched = any(overlaps(finding, s) for s in article.artefacts)
            score.other_category += touched
            score.outside += not touched
            continue
        score.right += 1
        if finding.fix is None:
            continue
        exact = any(fix_is_post_edit(article.raw, finding, s) for s in same)
        score.fixes += 1
        score.exact_fixes += exact
        if finding.fix.applicability is Applicability.SAFE:
            score.safe_fixes += 1
            score.safe_exact += exact
