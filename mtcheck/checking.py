"""One file or text checked into a FileResult: the step every run repeats.

Whatever goes wrong with one input (it cannot be read, its markup cannot be
parsed, a rule runs out of its regex budget) becomes that input's error, and
the run goes on with the next.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.document import Document, ReadOptions, read
from mtcheck.engine import RuleSet, check, check_with_suppressions, default_ruleset
from mtcheck.errors import InputError, MtcheckError
from mtcheck.fixer import FixResult, fix_until_stable, fixable
from mtcheck.model import Applicability, Finding
from mtcheck.results import FileResult
from mtcheck.safe_regex import BudgetExceeded

if TYPE_CHECKING:
    from mtcheck.cache import ResultCache
    from mtcheck.sources import Originals


def check_document(
    document: Document,
    ruleset: RuleSet,
    cache: ResultCache | None = None,
    *,
    count_fixes: bool = False,
) -> FileResult:
    """The findings and unused suppressions of a document read already; with
    ``count_fixes``, also how many findings ``fix`` would fix (see ``FileResult.fixes``)."""
    path = document.path
    key = cache.key(document) if cache is not None else ""
    if cache is not None and (hit := cache.get(key)) is not None:
        result = FileResult(path, document, hit[0], unused_suppressions=hit[1])
    else:
        try:
            findings, unused = check_with_suppressions(document, ruleset)
        except BudgetExceeded as exceeded:
            return FileResult(path, error=InputError(path, exceeded.naming(ruleset)))
        except InputError as error:  # the markup cannot be read as a whole
            return FileResult(path, error=InputError(path, error.message, error.line))
        if cache is not None:
            cache.store(key, (tuple(findings), tuple(unused)))
        result = FileResult(path, document, tuple(findings), unused_suppressions=tuple(unused))
    return with_fix_count(result, ruleset) if count_fixes else result


def with_fix_count(result: FileResult, ruleset: RuleSet) -> FileResult:
    """The result with the number of findings ``mtcheck fix`` would fix: the safe fixes
    of this check and those the fixed text shows in later rounds."""
    document = result.document
    if document is None or not any(fixable(f, Applicability.SAFE) for f in result.findings):
        return replace(result, fixes=0) if document is not None else result
    try:
        fixed = fix_document(document, ruleset, Applicability.SAFE)
    except MtcheckError:  # fix reports it; the check has its findings
        return result
    return replace(result, fixes=len(fixed.applied))


def fix_document(
    document: Document,
    ruleset: RuleSet | None = None,
    level: Applicability = Applicability.SAFE,
) -> FixResult:
    """Apply the fixes of ``level`` (and safer) until the text is stable.

    In Markdown and HTML a fix that would break the markup is left out
    (``formats.guard``).
    """
    from mtcheck.formats.guard import keep_markup

    rules = ruleset or default_ruleset()

    def findings(text: str) -> list[Finding]:
        return keep_markup(text, check(document.with_text(text), rules), document.syntax)

    return fix_until_stable(document.text, findings, level)


def read_article(path: str, options: ReadOptions, originals: Originals | None) -> Document:
    """One file with its original attached, if it has one; InputError names a bad one."""
    document = read(Path(path), options)
    return originals.attach(document, options) if originals is not None else document


def check_path(
    path: str,
    ruleset: RuleSet,
    options: ReadOptions,
    cache: ResultCache | None = None,
    originals: Originals | None = None,
    *,
    count_fixes: bool = False,
) -> FileResult:
    """Read and check one file (with its original, if any), through the cache when there is one."""
    try:
        document = read_article(path, options, originals)
    except InputError as error:
        return FileResult(path, error=error)
    return check_document(document, ruleset, cache, count_fixes=count_fixes)


def cached_result(
    path: str, options: ReadOptions, cache: ResultCache, originals: Originals | None
) -> FileResult | None:
    """The cached result of one file, or None (also when it cannot be read: the
    check that follows reports that)."""
    try:
        document = read_article(path, options, originals)
    except InputError:
        return None
    hit = cache.get(cache.key(document))
    if hit is None:
        return None
    return FileResult(path, document, hit[0], unused_suppressions=hit[1])
