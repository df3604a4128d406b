"""A team's policy applied to findings: severities, fix safety, per-file ignores, house style."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from mtcheck.config import Config, HouseStyle
from mtcheck.document import Document
from mtcheck.model import Applicability, Edit, Finding, Fix, Span

_US_DATE = re.compile(r"^(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2})$")
_DEFAULT_LABEL = "SEE ALSO:"


@cache
def _spec(glob: str):  # type: ignore[no-untyped-def]
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines([glob])


def _ignored_here(config: Config, path: str) -> tuple[str, ...]:
    if not config.per_file_ignores or path.startswith("<"):
        return ()
    try:
        relative = Path(path).resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    codes: list[str] = []
    for glob, glob_codes in config.per_file_ignores:
        if _spec(glob).match_file(relative):
            codes.extend(glob_codes)
    return tuple(codes)


def apply(findings: list[Finding], document: Document, config: Config) -> list[Finding]:
    if config == Config():
        return findings
    ignored = _ignored_here(config, document.path)
    result = []
    for finding in findings:
        if ignored and finding.matches(ignored):
            continue
        result.append(_adjust(finding, document, config))
    return result


def _adjust(finding: Finding, document: Document, config: Config) -> Finding:
    for code, level in config.severity:
        if finding.matches((code,)):
            finding = replace(finding, severity=level)
    fix = finding.fix
    if fix is not None:
        applicability = fix.applicability
        if applicability == Applicability.UNSAFE and finding.matches(config.extend_safe_fixes):
            fix = Fix(Applicability.SAFE, fix.edits)
        elif applicability == Applicability.SAFE and finding.matches(config.extend_unsafe_fixes):
            fix = Fix(Applicability.UNSAFE, fix.edits)
        finding = replace(finding, fix=fix)
    return finding


def house_style(findings: list[Finding], document: Document, config: Config) -> list[Finding]:
    """The team's preferred label and date style, applied to prose-level findings
    (before Markdown and HTML offsets are mapped, so the edits are still whole)."""
    if config.house == HouseStyle():
        return findings
    styled = []
    for finding in findings:
        if finding.category == "crossref-label":
            if finding.matched.strip() == config.house.crossref_label.strip():
                continue  # the house label itself, which the label rules see as a label
            finding = _house_label(finding, document, config)
        if finding.rule_id == "MT505" and config.house.date_style == "uk":
            finding = _uk_date(finding)
        styled.append(finding)
    return styled


def _house_label(finding: Finding, document: Document, config: Config) -> Finding:
    house = config.house
    if finding.fix is None:
        return finding
    if house.remove_related_links:
        from mtcheck.document import removal_span

        line, _ = document.position(finding.span.start)
        start, end = removal_span(document, line)
        fix = Fix(finding.fix.applicability, (Edit(Span(start, end), ""),))
        message = _relabelled(finding.message, "remove the line (remove-related-links)")
        return replace(finding, fix=fix, suggestions=("",), message=message)
    if house.crossref_label == _DEFAULT_LABEL or not any(
        _DEFAULT_LABEL in e.replacement for e in finding.fix.edits
    ):
        return finding
    edits = tuple(
        Edit(e.span, e.replacement.replace(_DEFAULT_LABEL, house.crossref_label))
        for e in finding.fix.edits
    )
    suggestions = tuple(
        s.replace(_DEFAULT_LABEL, house.crossref_label) for s in finding.suggestions
    )
    message = _relabelled(finding.message, f"write “{house.crossref_label}”")
    return replace(
        finding,
        fix=Fix(finding.fix.applicability, edits),
        suggestions=suggestions,
        message=message,
    )


def _relabelled(message: str, advice: str) -> str:
    """The message with the house style's advice where the rule advised the default label."""
    default = f"write “{_DEFAULT_LABEL}”"
    if default in message:
        return message.replace(default, advice)
    return f"{message}; {advice}"


def _uk_date(finding: Finding) -> Finding:
    def swap(text: str) -> str:
        match = _US_DATE.match(text)
        return f"{match.group('day')} {match.group('month')}" if match else text

    fix = finding.fix
    if fix is not None:
        fix = Fix(fix.applicability, tuple(Edit(e.span, swap(e.replacement)) for e in fix.edits))
    return replace(finding, fix=fix, suggestions=tuple(swap(s) for s in finding.suggestions))
