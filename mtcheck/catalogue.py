"""``mtcheck rules``: the catalogue, or one rule explained (like ``ruff rule``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mtcheck.codes import suggest_code
from mtcheck.errors import UsageError
from mtcheck.evidence import Record, records_for
from mtcheck.model import CATEGORIES
from mtcheck.rule import Rule, RuleInfo

if TYPE_CHECKING:
    from rich.console import Console

    from mtcheck.engine import RuleSet


def entries(rule: Rule) -> int:
    """How many pairs a rule holds: a map of translated names counts each name."""
    return len(getattr(rule, "phrases", ())) or len(getattr(rule, "by_text", {})) or 1


def choose(ruleset: RuleSet, categories: Sequence[str], codes: Sequence[str]) -> list[Rule]:
    """The rules to show, sorted by id; unknown categories and codes are usage errors."""
    for category in categories:
        if category not in CATEGORIES:
            raise UsageError(f"unknown category {category!r}")
    chosen = [r for r in ruleset if not categories or r.info.category in categories]
    if codes:
        wanted = []
        for code in codes:
            matches = [r for r in chosen if code in (r.info.id, r.info.name)]
            if not matches:
                known = [name for r in chosen for name in (r.info.id, r.info.name)]
                suggestion = suggest_code(code, known)
                hint = f"did you mean {suggestion!r}?" if suggestion else "see `mtcheck rules`"
                raise UsageError(f"no rule {code!r}; {hint}")
            wanted += matches
        chosen = wanted
    return sorted(chosen, key=lambda r: r.info.id)


def _evidence_row(info: RuleInfo, records: list[Record]) -> dict[str, Any] | None:
    if info.evidence is None and not records:
        return None
    pages = info.evidence.pages if info.evidence else max(r.pages for r in records)
    urls = list(info.evidence.urls) if info.evidence else []
    for record in records:
        urls += [u for u in record.urls if u not in urls]
    return {
        "pages": pages,
        "urls": urls[:5],
        "note": info.evidence.note if info.evidence else "",
        "artefacts": [
            {
                "artefact": r.artefact,
                "correct": r.correct,
                "spanish": r.spanish,
                "pages": r.pages,
                "urls": list(r.urls),
            }
            for r in records
        ],
    }


def as_json(rules: Sequence[Rule]) -> str:
    rows = []
    for rule in rules:
        info = rule.info
        rows.append(
            {
                "id": info.id,
                "name": info.name,
                "category": info.category,
                "kind": info.kind,
                "severity": info.severity.label,
                "fix": info.fix.label if info.fix else None,
                "description": info.description,
                "examples": len(info.examples),
                "counterexamples": len(info.counterexamples),
                "entries": entries(rule),
                "evidence": _evidence_row(info, records_for(info.id)),
                "source": info.source,
                # re2 (linear time) or budget (Python's re, time-limited): see safe_regex.
                "regex_engine": getattr(getattr(rule, "regex", None), "engine", None),
            }
        )
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def print_table(rules: Sequence[Rule], console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    if not console.is_terminal:
        console.width = 240  # a CI log or a pipe: no wrapping at 80 columns mid-word
    table = Table(title=f"{len(rules)} rules", title_justify="left", expand=False)
    for column in ("id", "name", "category", "severity", "fix", "seen", "description"):
        table.add_column(column, overflow="fold")
    for rule in rules:
        info = rule.info
        fix = info.fix.label if info.fix else ("detector" if info.kind == "detector" else "—")
        evidence = _evidence_row(info, records_for(info.id))
        seen = f"{evidence['pages']} pages" if evidence else "—"
        table.add_row(
            info.id,
            info.name,
            info.category,
            info.severity.label,
            fix,
            seen,
            Text(info.description),
        )
    console.print(table)


def explain(rule: Rule, console: Console) -> None:
    """One rule in full: what it finds, how safe its fix is, its examples and its evidence."""
    from rich.text import Text

    info = rule.info
    fix = (
        info.fix.label
        if info.fix
        else ("decided per finding" if info.kind == "detector" else "none")
    )
    lines = [
        Text(f"{info.id} {info.name}", style="bold"),
        Text(f"category: {info.category}   severity: {info.severity.label}   fix: {fix}"),
        Text(f"kind: {info.kind}   entries: {entries(rule)}   defined in: {info.source}"),
        Text(""),
        Text(info.description),
    ]
    if info.examples:
        lines += [Text(""), Text("Flags:", style="bold")]
        for example in info.examples:
            shown = f"  {example.text}"
            if example.fixed is not None:
                shown += f"\n    → {example.fixed}"
            lines.append(Text(shown))
    if info.counterexamples:
        lines += [Text(""), Text("Leaves alone:", style="bold")]
        lines += [Text(f"  {example.text}") for example in info.counterexamples]
    evidence = _evidence_row(info, records_for(info.id))
    lines += [Text(""), Text("Evidence:", style="bold")]
    if evidence is None:
        lines.append(Text("  none recorded"))
    else:
        lines.append(Text(f"  seen on {evidence['pages']} real pages"))
        if evidence["note"]:
            lines.append(Text(f"  {evidence['note']}"))
        for artefact in evidence["artefacts"][:20]:
            spanish = f" (Spanish: {artefact['spanish']})" if artefact["spanish"] else ""
            correct = artefact["correct"] or "(remove)"
            lines.append(
                Text(f"  {artefact['artefact']} → {correct}{spanish}: {artefact['pages']} pages")
            )
        lines += [Text(f"  {url}") for url in evidence["urls"]]
    for line in lines:
        console.print(line, soft_wrap=True)
