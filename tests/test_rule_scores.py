"""Per-rule scores of `mtcheck eval`: where a rule's findings land and whether its
fixes write the post-edit."""

from __future__ import annotations

import json
from pathlib import Path

from mtcheck.api import check_text
from mtcheck.corpus import parse
from mtcheck.model import Applicability, Edit, Finding, Fix, Severity, Span
from mtcheck.rule_scores import RuleScore, fix_is_post_edit, score_rules

ARTICLE = (
    "The president, [[Vladimir Putinvisited -> Vladimir Putin visited | glued-words]] "
    "Minsk on [[monday -> Monday | casing]]. "
    "The minister spoke [[this Tuesday -> on Tuesday | grammar]] in Lima.\n\n"
    "The court met this Monday in Quito.\n"
    "[[Share this article: -> | boilerplate]]\n"
)


def _finding(start: int, end: int, replacement: str | None, raw: str) -> Finding:
    fix = (
        Fix(Applicability.SAFE, (Edit(Span(start, end), replacement),))
        if replacement is not None
        else None
    )
    return Finding(
        "MT999", "made-up", "calque", Severity.WARNING, "m", Span(start, end), raw[start:end], fix
    )


def test_a_fix_counts_only_when_it_writes_the_post_edit_of_its_artefact() -> None:
    article = parse("He spoke [[this Tuesday -> on Tuesday | calque]] in Lima.\n")
    span = article.artefacts[0]
    start = article.raw.index("this")
    # The same edit as the annotator's, and one that edits a narrower span to the same end.
    assert fix_is_post_edit(
        article.raw, _finding(start, start + 13, "on Tuesday", article.raw), span
    )
    assert fix_is_post_edit(article.raw, _finding(start, start + 4, "on", article.raw), span)
    # Another rewrite, or no fix at all, is not the post-edit.
    assert not fix_is_post_edit(article.raw, _finding(start, start + 4, "last", article.raw), span)
    assert not fix_is_post_edit(article.raw, _finding(start, start + 4, None, article.raw), span)


def test_scores_split_findings_by_where_they_land() -> None:
    article = parse(ARTICLE)
    scores: dict[str, RuleScore] = {}
    score_rules(article, check_text(article.raw), scores)
    by_id = {key.split()[0]: score for key, score in scores.items()}
    glued = by_id["MT801"]
    assert (glued.findings, glued.right, glued.fixes, glued.exact_fixes) == (1, 1, 1, 1)
    weekday = by_id["MT1101"]  # this Tuesday, this Monday
    # "this Tuesday" is annotated as grammar (another category), "this Monday" not at all.
    assert (weekday.right, weekday.other_category, weekday.outside) == (0, 1, 1)
    assert weekday.precision == 0.0
    clean = parse("The court met this Monday in Quito.\n")
    score_rules(clean, check_text(clean.raw), scores)
    assert weekday.clean == 1 and weekday.findings == 3


def test_eval_by_rule_table_and_json(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.ann").write_text(ARTICLE, encoding="utf-8")
    table = run("eval", str(tmp_path), "--by-rule")
    assert table.code == 0, table.err
    assert "By rule" in table.out and "MT801" in table.out
    assert "By rule" not in run("eval", str(tmp_path)).out
    report = json.loads(run("eval", str(tmp_path), "--format", "json").out)
    glued = next(r for r in report["rules"] if r["rule"].startswith("MT801"))
    assert glued["right"] == 1 and glued["exact_fixes"] == 1 and glued["clean"] == 0
