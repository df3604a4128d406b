"""The closed set of rule kinds that interpret rule files."""

from __future__ import annotations

from mtcheck.kinds.detector import DetectorRule
from mtcheck.kinds.line import LineRule
from mtcheck.kinds.pattern import PatternRule
from mtcheck.kinds.phrase import PhraseRule
from mtcheck.rule import Rule

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls for cls in (PhraseRule, PatternRule, LineRule, DetectorRule)
}

__all__ = ["KINDS", "DetectorRule", "LineRule", "PatternRule", "PhraseRule"]
