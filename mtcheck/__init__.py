"""mtcheck: find and fix the artefacts of Spanish-to-English machine-translated news."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from mtcheck.version import __version__

if TYPE_CHECKING:
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

# Where each public name lives. They are imported on first use (PEP 562): the command
# line imports mtcheck.cli through this package, and a check of one article in a
# pre-commit hook should not pay for the fixer and the library entry points.
_PUBLIC = {
    "check_document": "mtcheck.api",
    "check_file": "mtcheck.api",
    "check_paths": "mtcheck.api",
    "check_text": "mtcheck.api",
    "check_texts": "mtcheck.api",
    "fix_document": "mtcheck.api",
    "fix_text": "mtcheck.api",
    "Document": "mtcheck.document",
    "RuleSet": "mtcheck.engine",
    "build_ruleset": "mtcheck.engine",
    "default_ruleset": "mtcheck.engine",
    "load_ruleset": "mtcheck.engine",
    "InputError": "mtcheck.errors",
    "MtcheckError": "mtcheck.errors",
    "RuleError": "mtcheck.errors",
    "FixResult": "mtcheck.fixer",
    "CATEGORIES": "mtcheck.model",
    "Applicability": "mtcheck.model",
    "Edit": "mtcheck.model",
    "Finding": "mtcheck.model",
    "Fix": "mtcheck.model",
    "Severity": "mtcheck.model",
    "Span": "mtcheck.model",
    "FileResult": "mtcheck.results",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])


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
