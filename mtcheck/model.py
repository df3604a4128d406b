"""Immutable value types shared by every layer: spans, edits, fixes and findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

CATEGORIES: tuple[str, ...] = (
    "glued-words",
    "casing",
    "crossref-label",
    "boilerplate",
    "calque",
    "false-friend",
    "translated-name",
    "untranslated",
    "number-format",
    "punctuation",
    "grammar",
    "consistency",
    "encoding",
    "omission",
    "addition",
)


class Severity(enum.IntEnum):
    """How much a finding matters; higher is worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {choices})") from None


class Applicability(enum.IntEnum):
    """How safe a fix is to apply without a person looking; higher is safer (as in ruff)."""

    DISPLAY_ONLY = 1
    UNSAFE = 2
    SAFE = 3

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, value: str) -> Applicability:
        try:
            return cls[value.upper().replace("-", "_")]
        except KeyError:
            choices = ", ".join(a.label for a in cls)
            raise ValueError(
                f"unknown fix applicability {value!r} (expected one of: {choices})"
            ) from None


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range of code-point offsets into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        """True when two edits at these spans cannot both be applied."""
        if self.start < other.end and other.start < self.end:
            return True
        # Two insertions at one point would be applied in an arbitrary order.
        return self.start == self.end == other.start == other.end


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the text in ``span`` with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    """One or more edits applied together, with how safe they are."""

    applicability: Applicability
    edits: tuple[Edit, ...]

    @property
    def span(self) -> Span:
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


@dataclass(frozen=True)
class Finding:
    """One artefact found in a document."""

    rule_id: str
    name: str
    category: str
    severity: Severity
    message: str
    span: Span
    matched: str
    fix: Fix | None = None
    suggestions: tuple[str, ...] = field(default=())

    def matches(self, codes: tuple[str, ...] | list[str]) -> bool:
        """Codes are rule id prefixes, rule names or categories, as for --select."""
        return any(
            self.rule_id.startswith(code) or code in (self.name, self.category) for code in codes
        )

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.rule_id)


@dataclass(frozen=True)
class Hit:
    """What a detector found: a span, its replacements, how sure it is, and why.

    ``edit_start``/``edit_end`` narrow or widen what the fix replaces when it
    differs from the flagged text.
    """

    start: int
    end: int
    replacements: tuple[str, ...]
    applicability: Applicability | None
    message: str
    edit_start: int | None = None
    edit_end: int | None = None
    severity: Severity | None = None  # None: the rule's own
