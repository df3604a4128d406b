"""``kind = "phrase"``: fixed phrases and their replacements."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from mtcheck.model import Finding
from mtcheck.rule import Rule, RuleInfo, match_case

if TYPE_CHECKING:
    from mtcheck.analysis import Analysis
    from mtcheck.document import Document


def phrase_regex(phrases: Sequence[str], case_sensitive: bool) -> re.Pattern[str]:
    """One alternation of the phrases, whole words only, any run of spaces between words."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        parts.append(r"[ \t]*\n?[ \t]*".join(words) if len(words) > 1 else words[0])
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(parts) + r")(?![\w’'-])", flags)


class PhraseRule(Rule):
    """Flags any of ``match``; ``replace`` lists the fix and further suggestions."""

    kind: ClassVar[str] = "phrase"
    keys: ClassVar[frozenset[str]] = frozenset({"match", "replace", "case_sensitive"})

    def __init__(self, info: RuleInfo, table: dict[str, Any]) -> None:
        super().__init__(info)
        self.phrases: tuple[str, ...] = tuple(table["match"])
        self.replacements: tuple[str, ...] = tuple(table.get("replace", ()))
        self.case_sensitive: bool = table.get("case_sensitive", False)
        self.regex = phrase_regex(self.phrases, self.case_sensitive)

    def find(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        for match in self.regex.finditer(document.text):
            if document.is_protected(match.start(), match.end()):
                continue
            replacements = [
                r if self.case_sensitive else match_case(r, match.group())
                for r in self.replacements
            ]
            yield self.finding(match.start(), match.end(), document, replacements)
