"""mtcheck: find and fix the artefacts of Spanish-to-English machine-translated news."""

from __future__ import annotations

from mtcheck.api import (
    check_document,
    check_file,
    check_paths,
    check_text,
    check_texts,
    fix_document,
    fix_text,
)
from mtcheck.document import Document
from mtcheck.engine import RuleSet, build_ruleset, default_ruleset, load_ruleset
from mtcheck.errors import InputError, MtcheckError, RuleError
from mtcheck.fixer import FixResult
from mtcheck.model import CATEGORIES, Applicability, Edit, Finding, Fix, Severity, Span
from mtcheck.results import FileResult
from mtcheck.version import __version__

__all__ = [
    "CATEGORIES",
    "Applicability",
    "Document",
    "Edit",
    "FileResult",
    "Finding",
    "Fix",
    "FixResult",
    "InputError",
    "MtcheckError",
    "RuleError",
    "RuleSet",
    "Severity",
    "Span",
    "__version__",
    "build_ruleset",
    "check_document",
    "check_file",
    "check_paths",
    "check_text",
    "check_texts",
    "default_ruleset",
    "fix_document",
    "fix_text",
    "load_ruleset",
]
