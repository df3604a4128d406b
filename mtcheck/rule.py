"""What every rule has in common, whichever kind interprets it."""

from __future__ import annotations

import abc
import re
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


@dataclass(frozen=True)
class Register:
    """The words that tell an article's register (television, football…).

    A rule with a register runs only on articles that use at least ``minimum``
    of its words: ``driver`` is a host in a story about a TV show, and a
    driver everywhere else.
    """

    words: frozenset[str]
    minimum: int

    @classmethod
    def parse(cls, value: Any) -> Register | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) - {"words", "min"}:
            raise ValueError("register must be a table with 'words' (a list) and 'min'")
        words, minimum = value.get("words"), value.get("min", 2)
        if not (
            isinstance(words, list)
            and words
            and all(isinstance(w, str) and w and not any(c.isspace() for c in w) for w in words)
        ):
            raise ValueError("register 'words' must be a non-empty list of single words")
        if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 1:
            raise ValueError("register 'min' must be a whole number of at least 1")
        return cls(frozenset(w.lower() for w in words), minimum)

    def holds(self, analysis: Analysis) -> bool:
        present = analysis.spellings
        return sum(1 for word in self.words if word in present) >= self.minimum


# A message template names fields as {matched}; {{ and }} are literal braces.
_TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\{(\w*)\}|[{}]")
MESSAGE_FIELDS = frozenset({"matched", "replacement", "spanish"})  # spanish: phrase maps


def template_problem(template: str, fields: frozenset[str] = MESSAGE_FIELDS) -> str | None:
    """Why a message template is malformed (an unbalanced brace, an unknown field), or None."""
    for token in _TEMPLATE_TOKEN.finditer(template):
        text = token.group()
        if text in ("{{", "}}"):
            continue
        if text in ("{", "}") or token.group(1) == "":
            return f"unbalanced {text[0]!r} at character {token.start() + 1} (write {{{{ or }}}})"
        if token.group(1) not in fields:
            known = ", ".join(f"{{{f}}}" for f in sorted(fields))
            return f"unknown field {text} (known: {known})"
    return None


def fill(template: str, fields: dict[str, str]) -> str:
    """The template with its known fields substituted; nothing else is interpreted.

    Unlike ``str.format`` no attribute, index or format spec is ever evaluated,
    and the substituted text is never read as a template again.
    """

    def substitute(token: re.Match[str]) -> str:
        text = token.group()
        if text in ("{{", "}}"):
            return text[0]
        name = token.group(1)
        return fields.get(name, text)

    return _TEMPLATE_TOKEN.sub(substitute, template)


class Rule(abc.ABC):
    """A rule of one kind; subclasses interpret their own keys of the rule table."""

    kind: ClassVar[str]
    #: Whether the rule compares the article with its Spanish original (and needs one).
    compares_original: bool = False
    #: Keys of the rule table this kind reads, beyond the common ones.
    keys: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, info: RuleInfo) -> None:
        self.info = info

    def validate(self) -> None:
        """Checks that need the rule's regex compiled (ValueError, re.error): run when
        its file is parsed, not when the rule cache brings back a file that passed."""
        return None

    def anchors(self) -> frozenset[str] | None:
        """Case-folded strings one of which every match holds or looks at (see
        ``mtcheck.automaton``); None: the rule runs on every document. Derived once."""
        if "_anchors" not in self.__dict__:
            self.__dict__["_anchors"] = self.derive_anchors()
        anchors: frozenset[str] | None = self.__dict__["_anchors"]
        return anchors

    def derive_anchors(self) -> frozenset[str] | None:
        return None

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
        if message:
            text = message  # a detector's message is final text, often quoting the article
        else:
            fields = {"matched": matched.strip(), **message_fields}
            if replacements:
                fields.setdefault("replacement", quotable(replacements[0]))
            text = fill(self.info.message, fields)
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


def quotable(replacement: str) -> str:
    """A replacement as a message quotes it: without the spaces around it that the edit
    needs (“attended”, not “attended ”), "(remove)" for nothing; a replacement that is
    only a space stays one."""
    if not replacement:
        return "(remove)"
    return replacement.strip() or replacement


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
