"""Rendering an Evaluation: rich tables for people, a dict for machines."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mtcheck.evaluate import OVERALL, Bilingual, Evaluation, Tally
from mtcheck.model import CATEGORIES


def _pct(value: float) -> str:
    return f"{value:.3f}"


def _tally_table(
    table: Table, tallies: dict[str, Tally], categories: list[str], exact: bool
) -> Table:
    """Rows of gold, flagged, P, R and F0.5 (and exact-span P and R) per category."""
    columns = ["category", "gold", "flagged", "P", "R", "F0.5"]
    columns += ["exact P", "exact R"] if exact else []
    for column in columns:
        table.add_column(column, justify="left" if column == "category" else "right")
    for category in categories:
        tally = tallies[category]
        cells = [category, str(tally.gold), str(tally.flagged)]
        cells += [_pct(tally.precision), _pct(tally.recall), _pct(tally.f05)]
        cells += [_pct(tally.exact_precision), _pct(tally.exact_recall)] if exact else []
        table.add_row(*cells, style="bold" if category == OVERALL else None)
    return table


def _detection_table(evaluation: Evaluation) -> Table:
    table = Table(title="Detection (overlap with a gold span of the same category)")
    rows = [
        c for c in CATEGORIES if evaluation.detection[c].gold or evaluation.detection[c].flagged
    ]
    return _tally_table(table, evaluation.detection, [*rows, OVERALL], exact=True)


def _bilingual_table(bilingual: Bilingual) -> Table:
    table = Table(
        title=(
            f"Checks against the Spanish original ({bilingual.articles} "
            f"article{'s' if bilingual.articles != 1 else ''} with one; "
            "gold: artefacts the original settles)"
        ),
        caption=(
            "all rules on these articles: "
            f"P {_pct(bilingual.without_original.precision)} "
            f"R {_pct(bilingual.without_original.recall)} without the original, "
            f"P {_pct(bilingual.with_original.precision)} "
            f"R {_pct(bilingual.with_original.recall)} with it; "
            f"on the post-edits with their originals ({bilingual.reference_words} words): "
            f"{bilingual.reference_rate:.2f} findings per 1,000 words; "
            f"of {bilingual.monolingual} findings of the other rules, {bilingual.confirmed} "
            f"confirmed by the original, {bilingual.made_safe} made safe"
        ),
    )
    rows = [c for c in (*CATEGORIES, OVERALL) if c in bilingual.detection]
    return _tally_table(table, bilingual.detection, rows, exact=False)


def _clean_table(evaluation: Evaluation) -> Table:
    table = Table(
        title="False alarms on clean articles",
        min_width=64,
        caption=(
            f"{evaluation.clean_articles} articles, {evaluation.clean_words} words: "
            f"{evaluation.clean_rate:.2f} findings per 1,000 words"
        ),
    )
    table.add_column("rule")
    table.add_column("findings", justify="right")
    for rule, count in evaluation.clean_findings.most_common():
        table.add_row(rule, str(count))
    if not evaluation.clean_findings:
        table.add_row("(none)", "0")
    return table


def _fix_table(evaluation: Evaluation) -> Table:
    table = Table(title="Fix quality against the human post-edit (sacrebleu; TER case-sensitive)")
    for column in ("text", "BLEU ↑", "chrF ↑", "TER ↓", "lines won", "tied", "lost"):
        table.add_column(column, justify="left" if column == "text" else "right")
    raw = evaluation.metrics["raw"]
    table.add_row("raw MT", f"{raw.bleu:.2f}", f"{raw.chrf:.2f}", f"{raw.ter:.2f}", "", "", "")
    for level in ("safe", "unsafe"):
        m = evaluation.metrics[level]
        o = evaluation.outcomes[level]
        table.add_row(
            f"fixed ({level})",
            f"{m.bleu:.2f} ({m.bleu - raw.bleu:+.2f})",
            f"{m.chrf:.2f} ({m.chrf - raw.chrf:+.2f})",
            f"{m.ter:.2f} ({m.ter - raw.ter:+.2f})",
            str(o["win"]),
            str(o["tie"]),
            str(o["loss"]),
        )
    return table


def _rules_table(evaluation: Evaluation) -> Table:
    table = Table(
        title="By rule (where findings land; fixes that write the post-edit exactly)",
        caption=(
            "right: on an artefact of the rule's category; other: on one of another category; "
            "outside: on no artefact; clean: in clean articles; exact: fixes on the rule's "
            "artefacts that give the post-edit, of all offered (and of the safe ones)"
        ),
    )
    for column in ("rule", "category", "findings", "right", "other", "outside", "clean", "P"):
        table.add_column(column, justify="left" if column in ("rule", "category") else "right")
    table.add_column("exact fixes", justify="right")
    table.add_column("exact safe", justify="right")
    scores = sorted(evaluation.rules.values(), key=lambda s: (-s.findings, s.rule))
    for score in scores:
        table.add_row(
            score.rule,
            score.category,
            str(score.findings),
            str(score.right),
            str(score.other_category),
            str(score.outside),
            str(score.clean),
            _pct(score.precision) if score.findings > score.clean else "",
            f"{score.exact_fixes}/{score.fixes}",
            f"{score.safe_exact}/{score.safe_fixes}",
        )
    if not scores:
        table.add_row("(no findings)", "", "0", "", "", "", "", "", "", "")
    return table


def _print_worse(console: Console, evaluation: Evaluation, verbose: bool) -> None:
    """Where each line a fix made worse is; its text only when asked for, so that a
    held-out set can be measured by its tables and its text stay unread."""
    for level, segments in evaluation.worse.items():
        for segment in segments:
            where = Text(f"worse ({level}) {segment.path}:{segment.line}", style="red")
            if verbose:
                where += Text(": ") + Text(
                    f"{segment.raw!r} → {segment.fixed[level]!r} (ref {segment.reference!r})"
                )
            console.print(where)


def render_evaluation(
    console: Console, evaluation: Evaluation, verbose: bool = False, by_rule: bool = False
) -> None:
    console.print(
        Text(
            f"{evaluation.articles} machine-translated and {evaluation.clean_articles} clean "
            f"articles in {evaluation.seconds:.1f} s",
            style="bold",
        )
    )
    console.print(_detection_table(evaluation))
    if evaluation.articles:
        console.print(
            f"False alarms on annotated articles: {evaluation.outside_annotations} on no "
            f"annotated span ({evaluation.outside_rate:.2f} per 1,000 words), "
            f"{evaluation.other_category} on an annotated span of another category"
        )
    if evaluation.bilingual is not None:
        console.print(_bilingual_table(evaluation.bilingual))
    console.print(_clean_table(evaluation))
    if by_rule:
        console.print(_rules_table(evaluation))
    if evaluation.articles:
        console.print(_fix_table(evaluation))
    else:  # scores of no text at all would read as a measured 0.00
        console.print(Text("Fix quality: no machine-translated articles to score", style="dim"))
    _print_worse(console, evaluation, verbose)
    if verbose:
        bilingual = evaluation.bilingual
        for label, missed, alarms in (
            ("", evaluation.missed, evaluation.false_alarms),
            (
                "(original) ",
                bilingual.missed if bilingual else [],
                bilingual.false_alarms if bilingual else [],
            ),
        ):
            for path, span in missed:
                console.print(
                    Text(f"missed {label}{path}: [{span.category}] {span.wrong!r}", style="yellow")
                )
            for path, finding in alarms:
                where = f"false alarm {label}{path}: {finding.rule_id} [{finding.category}]"
                console.print(Text(f"{where} {finding.matched!r}"))


def _tally_dict(tally: Tally) -> dict[str, Any]:
    return {
        "gold": tally.gold,
        "flagged": tally.flagged,
        "found": tally.found,
        "correct": tally.correct,
        "exact": tally.exact,
        "precision": tally.precision,
        "recall": tally.recall,
        "f0.5": tally.f05,
        "exact_precision": tally.exact_precision,
        "exact_recall": tally.exact_recall,
    }


def _bilingual_dict(bilingual: Bilingual | None) -> dict[str, Any] | None:
    if bilingual is None:
        return None
    return {
        "articles": bilingual.articles,
        "detection": {c: _tally_dict(t) for c, t in bilingual.detection.items()},
        "all_rules_without_original": _tally_dict(bilingual.without_original),
        "all_rules_with_original": _tally_dict(bilingual.with_original),
        "monolingual_findings": {
            "total": bilingual.monolingual,
            "confirmed": bilingual.confirmed,
            "made_safe": bilingual.made_safe,
        },
        "post_edits": {
            "words": bilingual.reference_words,
            "findings": sum(bilingual.reference_findings.values()),
            "per_1000_words": bilingual.reference_rate,
            "by_rule": dict(bilingual.reference_findings),
        },
    }


def evaluation_to_dict(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "articles": evaluation.articles,
        "clean_articles": evaluation.clean_articles,
        "seconds": evaluation.seconds,
        "detection": {
            c: _tally_dict(t)
            for c, t in evaluation.detection.items()
            if t.gold or t.flagged or c == OVERALL
        },
        "bilingual": _bilingual_dict(evaluation.bilingual),
        "false_alarms": {
            "words": evaluation.mt_words,
            "outside_annotations": evaluation.outside_annotations,
            "outside_per_1000_words": evaluation.outside_rate,
            "other_category": evaluation.other_category,
        },
        "clean": {
            "words": evaluation.clean_words,
            "findings": sum(evaluation.clean_findings.values()),
            "per_1000_words": evaluation.clean_rate,
            "by_rule": dict(evaluation.clean_findings),
        },
        "rules": [
            {
                "rule": score.rule,
                "category": score.category,
                "findings": score.findings,
                "right": score.right,
                "other_category": score.other_category,
                "outside": score.outside,
                "clean": score.clean,
                "fixes": score.fixes,
                "exact_fixes": score.exact_fixes,
                "safe_fixes": score.safe_fixes,
                "safe_exact_fixes": score.safe_exact,
            }
            for score in sorted(evaluation.rules.values(), key=lambda s: s.rule)
        ],
        "fixes": {
            level: {
                "bleu": m.bleu,
                "chrf": m.chrf,
                "ter": m.ter,
                **(
                    {
                        "lines": dict(evaluation.outcomes[level]),
                        "worse": [
                            {
                                "path": s.path,
                                "line": s.line,
                                "raw": s.raw,
                                "fixed": s.fixed[level],
                                "reference": s.reference,
                            }
                            for s in evaluation.worse[level]
                        ],
                    }
                    if level in evaluation.outcomes
                    else {}
                ),
            }
            for level, m in evaluation.metrics.items()
        },
    }
