"""Every rule carries examples; this runs them all (one test per rule)."""

from __future__ import annotations

import re

import pytest

from mtcheck.document import Document
from mtcheck.engine import RuleSet, check, default_ruleset
from mtcheck.fixer import fix_until_stable
from mtcheck.model import Applicability
from mtcheck.rule import Example

RULES = list(default_ruleset())


def _ids(rule) -> str:  # type: ignore[no-untyped-def]
    return f"{rule.info.id}-{rule.info.name}"


def _only(rule) -> RuleSet:  # type: ignore[no-untyped-def]
    return RuleSet((rule,))


def _document(example: Example, text: str | None = None) -> Document:
    """The example's text, with its Spanish original when it has one."""
    original = Document(example.source) if example.source is not None else None
    return Document(example.text if text is None else text, original=original)


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_rule_has_examples_and_counterexamples(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.info.examples, f"{rule.info.source}: {rule.info.id} has no examples"
    assert rule.info.counterexamples, f"{rule.info.source}: {rule.info.id} has no counterexamples"


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_rule_flags_its_examples(rule) -> None:  # type: ignore[no-untyped-def]
    for example in rule.info.examples:
        findings = check(_document(example), _only(rule))
        assert findings, f"{rule.info.id} does not flag its example {example.text!r}"
        assert all(f.category == rule.info.category for f in findings)
        unfilled = [f.message for f in findings if re.search(r"\{\w+\}", f.message)]
        assert not unfilled, f"{rule.info.id} leaves a placeholder in its message: {unfilled}"


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_rule_fixes_its_examples(rule) -> None:  # type: ignore[no-untyped-def]
    ruleset = _only(rule)
    for example in rule.info.examples:
        result = fix_until_stable(
            example.text,
            lambda t, e=example: check(_document(e, t), ruleset),
            Applicability.UNSAFE,
        )
        expected = example.fixed if example.fixed is not None else example.text
        assert result.text == expected, f"{rule.info.id} fixes {example.text!r} wrongly"


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_rule_leaves_counterexamples_alone(rule) -> None:  # type: ignore[no-untyped-def]
    for example in rule.info.counterexamples:
        findings = check(_document(example), _only(rule))
        assert not findings, f"{rule.info.id} flags its counterexample {example.text!r}: {findings}"


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_fixed_examples_are_not_flagged_again_by_any_rule(rule) -> None:  # type: ignore[no-untyped-def]
    """No rule's fix is flagged again by the same rule or another one, where it edited."""
    everything = default_ruleset()
    for example in rule.info.examples:
        if example.fixed is None or example.fixed == example.text:
            continue
        start, end = _changed_region(example.text, example.fixed)
        again = [
            f
            for f in check(_document(example, example.fixed), everything)
            if f.span.start < max(end, start + 1) and start < f.span.end
        ]
        assert not again, f"{rule.info.id}: fixed text {example.fixed!r} flagged again: {again}"


def _changed_region(old: str, new: str) -> tuple[int, int]:
    """Where ``new`` differs from ``old``: (start, end) offsets into ``new``."""
    shortest = min(len(old), len(new))
    prefix = 0
    while prefix < shortest and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(new) - suffix
