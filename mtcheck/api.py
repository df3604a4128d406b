"""The library entry points: check and fix text or files, with the Spanish original if any."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mtcheck.document import Document, load
from mtcheck.engine import RuleSet, check, default_ruleset
from mtcheck.fixer import FixResult, fix_until_stable
from mtcheck.model import Applicability, Finding


def _with_original(text: str, path: str, original: str | None) -> Document:
    source = Document(original, path=f"{path} (original)") if original is not None else None
    return Document(text, path=path, original=source)


def check_text(
    text: str,
    ruleset: RuleSet | None = None,
    path: str = "<string>",
    original: str | None = None,
) -> list[Finding]:
    """Findings for a string of article text; ``original`` is its Spanish original."""
    return check(_with_original(text, path, original), ruleset or default_ruleset())


def check_document(document: Document, ruleset: RuleSet | None = None) -> list[Finding]:
    return check(document, ruleset or default_ruleset())


def check_file(
    path: str | Path, ruleset: RuleSet | None = None, original: str | Path | None = None
) -> list[Finding]:
    """Findings for one file (compared with ``original``, a file, when given);
    raises InputError when either cannot be read."""
    document = load(Path(path))
    if original is not None:
        document = replace(document, original=load(Path(original)))
    return check(document, ruleset or default_ruleset())


def fix_document(
    document: Document,
    ruleset: RuleSet | None = None,
    level: Applicability = Applicability.SAFE,
) -> FixResult:
    from mtcheck.formats.guard import keep_markup

    rules = ruleset or default_ruleset()

    def findings(text: str) -> list[Finding]:
        return keep_markup(text, check(document.with_text(text), rules), document.syntax)

    return fix_until_stable(document.text, findings, level)


def fix_text(
    text: str,
    ruleset: RuleSet | None = None,
    unsafe: bool = False,
    original: str | None = None,
) -> str:
    """The text with every safe fix applied (and unsafe ones when asked)."""
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return fix_document(_with_original(text, "<string>", original), ruleset, level).text
