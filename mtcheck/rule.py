"""What every rule has in common, whichever kind interprets it."""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from mtcheck.model import Applicability, Edit, Finding, Fix, Severity, Span

if TYPE_CHECKING:
    from mtcheck.analysis import Analysis
    from mtcheck.document import Document


@dataclass(frozen=True)
class Example:
    """Text the rule must flag and, when it offers a fix, the text after fixing.

    ``source`` is the Spanish original the text translates, for the rules that
    compare the two.
    """

    text: str
    fixed: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Evidence:
    """What the field study saw: on how many real pages, and where (a few URLs).

    Per-artefact records behind a rule live in ``rules/evidence/*.tsv``.
    """

    pages: int
    urls: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class RuleInfo:
    """The metadata of one rule, as written in its rule file."""

    id: str
    name: str
    category: str
    kind: str
    severity: Severity
    message: str
    description: str
    fix: Applicability | None
    path: str
    line: int | None
    examples: tuple[Example, ...]
    counterexamples: tuple[Example, ...]
    evidence: Evidence | None = None

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


class _KeepUnknown(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Rule(abc.ABC):
    """A rule of one kind; subclasses interpret their own keys of the rule table."""

    kind: ClassVar[str]
    #: Whether the rule compares the article with its Spanish original (and needs one).
    compares_original: bool = False
    #: Keys of the rule table this kind reads, beyond the common ones.
    keys: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, info: RuleInfo) -> None:
        self.info = info

    @abc.abstractmethod
    def find(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        """Yield the findings of this rule in a document."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.info.id} {self.info.name}>"

    def finding(
        self,
        start: int,
        end: int,
        document: Document,
        replacements: Sequence[str] = (),
        *,
        edit_span: tuple[int, int] | None = None,
        applicability: Applicability | None = None,
        message: str | None = None,
        severity: Severity | None = None,
        **message_fields: str,
    ) -> Finding:
        """Build a finding; the first replacement becomes the fix, all become suggestions.

        ``edit_span`` lets the fix touch a wider range than the flagged text (a
        whole line with its break, say) while the finding still points at the text.
        """
        matched = document.text[start:end]
        fix = None
        level = applicability if applicability is not None else self.info.fix
        if replacements and level is not None:
            lo, hi = edit_span if edit_span is not None else (start, end)
            fix = Fix(level, (Edit(Span(lo, hi), replacements[0]),))
        fields = _KeepUnknown(matched=matched.strip(), **message_fields)
        if replacements:
            fields.setdefault("replacement", replacements[0] or "(remove)")
        text = (message or self.info.message).format_map(fields)
        return Finding(
            rule_id=self.info.id,
            name=self.info.name,
            category=self.info.category,
            severity=severity if severity is not None else self.info.severity,
            message=text,
            span=Span(start, end),
            matched=matched,
            fix=fix,
            suggestions=tuple(r for r in replacements),
        )


def match_case(replacement: str, matched: str) -> str:
    """Carry the capitalisation of the matched text over to its replacement."""
    if not replacement or not matched:
        return replacement
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if matched[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
