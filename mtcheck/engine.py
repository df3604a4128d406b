"""Run rules over a document: check(document, ruleset) -> findings."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path

from mtcheck import policy, safe_regex, suppressions
from mtcheck.analysis import Analysis
from mtcheck.automaton import RuleIndex
from mtcheck.codes import known_codes
from mtcheck.config import Config, check_codes
from mtcheck.document import Document
from mtcheck.loader import load_rules
from mtcheck.model import Edit, Finding
from mtcheck.resources import rules_dir
from mtcheck.rule import Rule
from mtcheck.suppressions import Suppression


@dataclass(frozen=True)
class RuleSet:
    """An ordered, immutable selection of rules, with the policy that shapes their findings."""

    rules: tuple[Rule, ...]
    config: Config = field(default_factory=Config)

    def __len__(self) -> int:
        return len(self.rules)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.rules)

    def by_id(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.info.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
        """Keep rules chosen by id prefix, name or category; the most specific choice wins.

        As in flake8's decision engine, the longest matching id prefix decides
        between ``select`` and ``ignore``; a category or rule name counts as an
        exact (longest) match.
        """
        if not select and not ignore:
            return self

        def strength(rule: Rule, choices: Sequence[str]) -> int:
            best = -1
            for choice in choices:
                if choice in (rule.info.category, rule.info.name) or choice == "ALL":
                    best = max(best, 100 if choice != "ALL" else 0)
                elif rule.info.id.startswith(choice):
                    best = max(best, len(choice))
            return best

        kept = []
        for rule in self.rules:
            chosen = strength(rule, select) if select else 0
            dropped = strength(rule, ignore)
            if chosen >= 0 and chosen >= dropped:
                kept.append(rule)
        return RuleSet(tuple(kept), self.config)

    def with_config(self, config: Config) -> RuleSet:
        return RuleSet(self.rules, config)

    @cached_property
    def index(self) -> RuleIndex:
        """The anchors of every rule in one automaton, built on first use."""
        return RuleIndex(self.rules)


def _prepared(rules: list[Rule]) -> RuleSet:
    """The rules with what they derive from their regexes read from (or written to) the
    compiled cache in the user cache folder."""
    from mtcheck.compiled import prepare
    from mtcheck.lexicon import cache_dir

    prepare(rules, cache_dir())
    return RuleSet(tuple(rules))


@cache
def default_ruleset() -> RuleSet:
    """The rule packs that ship with mtcheck."""
    return _prepared(load_rules([rules_dir()]))


def load_ruleset(extra_folders: Sequence[Path] = ()) -> RuleSet:
    if not extra_folders:
        return default_ruleset()
    return _prepared(load_rules([rules_dir(), *extra_folders]))


def build_ruleset(
    config: Config,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extra: Sequence[Path] = (),
    *,
    loaded: RuleSet | None = None,
) -> RuleSet:
    """The effective rule set: bundled and extra rules, selection, and the config's policy.

    ``--select`` replaces the config's ``select``; ``--ignore`` adds to its ``ignore``.
    ``loaded`` is the bundled and extra rules when the caller has loaded them already.
    """
    rules = loaded if loaded is not None else load_ruleset([*config.extra_rules, *extra])
    check_codes(config, known_codes(rules))
    chosen = [*(select or config.select)]
    if chosen:  # with no selection every rule is in already; extend-select adds to a selection
        chosen += config.extend_select
    return rules.select(chosen, [*config.ignore, *ignore]).with_config(config)


def check(document: Document, ruleset: RuleSet, *, reference: bool = False) -> list[Finding]:
    """All findings of a ruleset in a document, in text order, without repeats.

    For Markdown and HTML the rules read the prose; findings and fixes are
    mapped back to exact source offsets (see ``mtcheck.formats``). ``reference``
    runs every rule over the whole text instead of near its anchors: the same
    findings, slower; the tests compare the two.
    """
    return check_with_suppressions(document, ruleset, reference=reference)[0]


def check_with_suppressions(
    document: Document, ruleset: RuleSet, *, reference: bool = False
) -> tuple[list[Finding], list[Suppression]]:
    """Findings after inline suppressions, and the suppressions that hid nothing."""
    with safe_regex.watching():  # one budget timer for the document's hundreds of regex calls
        return _checked_with_suppressions(document, ruleset, reference)


def _checked_with_suppressions(
    document: Document, ruleset: RuleSet, reference: bool
) -> tuple[list[Finding], list[Suppression]]:
    if document.syntax == "txt":
        findings = _check_prose(document, ruleset, reference)
    else:
        from mtcheck.formats import extract
        from mtcheck.formats.mapping import to_source

        prose_map = extract(document.text, document.syntax)
        prose = Document(prose_map.prose, path=document.path, original=document.original)
        found = _check_prose(prose, ruleset, reference)
        mapped = (to_source(f, prose_map, document.text) for f in found)
        findings = sorted((f for f in mapped if f is not None), key=lambda f: f.sort_key)
    findings = policy.apply(findings, document, ruleset.config)
    return suppressions.apply(findings, suppressions.parse(document))


def _check_prose(document: Document, ruleset: RuleSet, reference: bool) -> list[Finding]:
    aligner = None
    if document.original is not None:  # the comparison code loads only for an original
        from mtcheck.bilingual.align import align_document

        aligner = align_document
    analysis = Analysis(document, None if reference else ruleset.index, aligner)
    findings: dict[tuple[str, int, int], Finding] = {}
    compared: set[str] = set()  # ids of the rules that compare with the original
    rules = ruleset.rules
    for position in analysis.rules_to_run(len(rules)):
        rule = rules[position]
        if rule.compares_original:
            if document.original is None:
                continue
            compared.add(rule.info.id)
        for finding in rule.find(document, analysis):
            findings.setdefault((finding.rule_id, finding.span.start, finding.span.end), finding)
    found = list(findings.values())
    if analysis.alignment is not None:
        from mtcheck.bilingual.confirm import merge

        found = merge(
            document.text,
            [f for f in found if f.rule_id not in compared],
            [f for f in found if f.rule_id in compared],
            analysis.alignment,
        )
    found = _one_finding_a_change(found)
    styled = policy.house_style(_without_findings_in_spanish(found), document, ruleset.config)
    return sorted(_without_deleted_lines(document.text, styled), key=lambda f: f.sort_key)


def _safety(finding: Finding) -> int:
    return int(finding.fix.applicability) if finding.fix is not None else 0


def _one_finding_a_change(findings: list[Finding]) -> list[Finding]:
    """Two rules of one category on exactly the same words (a capital pronoun after a
    name, dropped by one rule and lower-cased by another) report one artefact: the rule
    with the safest fix reports it (the first in catalogue order among equals), with the
    others' fixes among its suggestions."""
    groups: dict[tuple[int, int, str], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.span.start, finding.span.end, finding.category), []).append(
            finding
        )
    kept = []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        first = max(group, key=_safety)  # max keeps the earliest of the safest
        merged: list[str] = list(first.suggestions) or [e.replacement for e in _edits(first)]
        for other in group:
            if other is not first:
                merged += [e.replacement for e in _edits(other)] + list(other.suggestions)
        kept.append(replace(first, suggestions=tuple(dict.fromkeys(merged))))
    return kept


def _edits(finding: Finding) -> list[Edit]:
    return list(finding.fix.edits[:1]) if finding.fix is not None else []


# A finding of this category without a fix, this long, is a sentence left in Spanish.
_SPANISH_SENTENCE = 20


def _without_findings_in_spanish(findings: list[Finding]) -> list[Finding]:
    """Drop findings inside a sentence left in Spanish: it needs translating as a whole,
    and "millones" in it is no number-format slip. Site chrome is kept: a Spanish
    comment-form line is deleted, not translated."""
    sentences = [
        f.span
        for f in findings
        if f.category == "untranslated"
        and f.fix is None
        and f.span.end - f.span.start >= _SPANISH_SENTENCE
    ]
    if not sentences:
        return findings
    return [
        f
        for f in findings
        if f.category in ("untranslated", "boilerplate")
        or not any(s.start <= f.span.start and f.span.end <= s.end for s in sentences)
    ]


def _without_deleted_lines(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings inside lines that another finding's fix deletes (scraped chrome).

    A glued word in ``Globalhappenings sport.png`` is moot once the line goes.
    """
    kept = list(findings)
    deleted = [
        (edit.span, finding)
        for finding in kept
        if finding.fix is not None
        for edit in finding.fix.edits
        if edit.replacement == "" and "\n" in text[edit.span.start : edit.span.end]
    ]
    if not deleted:
        return kept
    owners = {id(owner) for _, owner in deleted}
    deleted.sort(key=lambda pair: pair[0].start)
    starts = [span.start for span, _ in deleted]
    furthest = list(itertools.accumulate((span.end for span, _ in deleted), max))
    # A finding lies in a deleted range when some range starting at or before it
    # reaches past its end: one binary search each, for archives of any size.
    result = []
    for finding in kept:
        index = bisect.bisect_right(starts, finding.span.start) - 1
        inside = index >= 0 and furthest[index] >= finding.span.end
        if id(finding) in owners or not inside:
            result.append(finding)
    return result
