"""The library entry points: check and fix text or files."""

from __future__ import annotations

from pathlib import Path

from mtcheck.document import Document, load
from mtcheck.engine import RuleSet, check, default_ruleset
from mtcheck.fixer import FixResult, fix_until_stable
from mtcheck.model import Applicability, Finding


def check_text(text: str, ruleset: RuleSet | None = None, path: str = "<string>") -> list[Finding]:
    """Findings for a string of article text."""
    return check(Document(text, path=path), ruleset or default_ruleset())


def check_document(document: Document, ruleset: RuleSet | None = None) -> list[Finding]:
    return check(document, ruleset or default_ruleset())


def check_file(path: str | Path, ruleset: RuleSet | None = None) -> list[Finding]:
    """Findings for one file; raises InputError when it cannot be read."""
    return check(load(Path(path)), ruleset or default_ruleset())


def fix_document(
    document: Document,
    ruleset: RuleSet | None = None,
    level: Applicability = Applicability.SAFE,
) -> FixResult:
    rules = ruleset or default_ruleset()
    return fix_until_stable(
        document.text, lambda text: check(document.with_text(text), rules), level
    )


def fix_text(
    text: str,
    ruleset: RuleSet | None = None,
    unsafe: bool = False,
) -> str:
    """The text with every safe fix applied (and unsafe ones when asked)."""
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return fix_document(Document(text), ruleset, level).text
