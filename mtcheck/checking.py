"""One file or text checked into a FileResult: the step every run repeats.

Whatever goes wrong with one input (it cannot be read, its markup cannot be
parsed, a rule runs out of its regex budget) becomes that input's error, and
the run goes on with the next.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.document import Document, ReadOptions, read
from mtcheck.engine import RuleSet, check_with_suppressions
from mtcheck.errors import InputError
from mtcheck.results import FileResult
from mtcheck.safe_regex import BudgetExceeded

if TYPE_CHECKING:
    from mtcheck.cache import ResultCache
    from mtcheck.sources import Originals


def check_document(
    document: Document, ruleset: RuleSet, cache: ResultCache | None = None
) -> FileResult:
    """The findings and unused suppressions of a document read already."""
    path = document.path
    key = cache.key(document) if cache is not None else ""
    if cache is not None and (hit := cache.get(key)) is not None:
        return FileResult(path, document, hit[0], unused_suppressions=hit[1])
    try:
        findings, unused = check_with_suppressions(document, ruleset)
    except BudgetExceeded as exceeded:
        return FileResult(path, error=InputError(path, exceeded.naming(ruleset)))
    except InputError as error:  # the markup cannot be read as a whole
        return FileResult(path, error=InputError(path, error.message, error.line))
    if cache is not None:
        cache.store(key, (tuple(findings), tuple(unused)))
    return FileResult(path, document, tuple(findings), unused_suppressions=tuple(unused))


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
) -> FileResult:
    """Read and check one file (with its original, if any), through the cache when there is one."""
    try:
        document = read_article(path, options, originals)
    except InputError as error:
        return FileResult(path, error=error)
    return check_document(document, ruleset, cache)


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
