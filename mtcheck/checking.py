"""One file or text checked into a FileResult: the step every run repeats.

Whatever goes wrong with one input (it cannot be read, its markup cannot be
parsed, a rule runs out of its regex budget) becomes that input's error, and
the run goes on with the next.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck import warm
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
    options: ReadOptions | None = None,
) -> FileResult:
    """The findings and unused suppressions of a document read already; with
    ``count_fixes``, also how many findings ``fix`` would fix (see ``FileResult.fixes``).
    With a cache and the ``options`` it was read with, the file is remembered for the
    next run (see mtcheck.warm)."""
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
    if count_fixes:
        result = with_fix_count(result, ruleset)
    if cache is not None and options is not None:
        warm.remember(result, cache, options, key)  # with its fix count: the report's
    return result


def with_fix_count(result: FileResult, ruleset: RuleSet) -> FileResult:
    """The result with the number of findings ``mtcheck fix`` would fix: the safe fixes
    of this check and those the fixed text shows in later rounds. A file served from
    the warm index keeps its report's count and stays unread."""
    if isinstance(result, warm.CachedResult):
        return result
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
    rules = ruleset or default_ruleset()
    if document.syntax == "txt":  # no markup to keep: the guard (and html.parser) stays unloaded

        def findings(text: str) -> list[Finding]:
            return check(document.with_text(text), rules)

    else:
        from mtcheck.formats.guard import keep_markup

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
    """Read and check one file (with its original, if any), through the cache when there
    is one: a file unchanged since the last run is neither read nor hashed (mtcheck.warm)."""
    if cache is not None:

        def load() -> FileResult:
            return _read_and_check(path, ruleset, options, cache, originals, count_fixes)

        kept = warm.unchanged(path, cache, options, originals, load)
        if kept is not None:
            return kept  # type: ignore[return-value]  # a FileResult read on demand
    return _read_and_check(path, ruleset, options, cache, originals, count_fixes)


def _read_and_check(
    path: str,
    ruleset: RuleSet,
    options: ReadOptions,
    cache: ResultCache | None,
    originals: Originals | None,
    count_fixes: bool,
) -> FileResult:
    try:
        document = read_article(path, options, originals)
    except InputError as error:
        return FileResult(path, error=error)
    return check_document(document, ruleset, cache, count_fixes=count_fixes, options=options)


def cached_result(
    path: str,
    options: ReadOptions,
    cache: ResultCache,
    originals: Originals | None,
    counting: RuleSet | None = None,
) -> FileResult | None:
    """The cached result of one file, or None (also when it cannot be read: the
    check that follows reports that). An unchanged file is served from the warm
    index; read on demand, it is what the cache holds for its text now. With
    ``counting``, the fixes ``fix`` would make with that rule set are counted."""

    def load() -> FileResult:
        changed = InputError(path, "changed while it was checked; check it again")
        found = _read_cached(path, options, cache, originals, counting)
        return found or FileResult(path, error=changed)

    kept = warm.unchanged(path, cache, options, originals, load)
    if kept is not None:
        return kept  # type: ignore[return-value]  # a FileResult read on demand
    return _read_cached(path, options, cache, originals, counting)


def _read_cached(
    path: str,
    options: ReadOptions,
    cache: ResultCache,
    originals: Originals | None,
    counting: RuleSet | None,
) -> FileResult | None:
    try:
        document = read_article(path, options, originals)
    except InputError:
        return None
    key = cache.key(document)
    hit = cache.get(key)
    if hit is None:
        return None
    result = FileResult(path, document, hit[0], unused_suppressions=hit[1])
    if counting is not None:
        result = with_fix_count(result, counting)
    warm.remember(result, cache, options, key)  # with its fix count: the report's
    return result
