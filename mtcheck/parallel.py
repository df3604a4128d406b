"""Checking many files on several cores, with the same output as one core.

Workers receive paths, not texts, so each file is read once; each worker
builds the rule set once (the initializer) and results come back in the order
of the paths given, so reports are identical to a serial run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from mtcheck import warm
from mtcheck.cache import ResultCache
from mtcheck.document import ReadOptions, read
from mtcheck.engine import RuleSet, check_with_suppressions
from mtcheck.errors import InputError
from mtcheck.results import FileResult
from mtcheck.safe_regex import BudgetExceeded
from mtcheck.sources import Originals

# Below this many files a pool costs more to start than it saves.
MIN_FILES_FOR_POOL = 64
_CHUNK = 16

_worker_ruleset: RuleSet | None = None
_worker_options = ReadOptions()
_worker_cache: ResultCache | None = None
_worker_originals: Originals | None = None


def check_path(
    path: str,
    ruleset: RuleSet,
    options: ReadOptions,
    cache: ResultCache | None = None,
    originals: Originals | None = None,
) -> FileResult:
    """Read and check one file (with its original, if any), through the cache when there is one."""
    if cache is not None:

        def load() -> FileResult:
            return _checked(path, ruleset, options, cache, originals)

        kept = warm.unchanged(path, cache, options, originals, load)
        if kept is not None:
            return kept  # type: ignore[return-value]  # a FileResult read on demand
    return _checked(path, ruleset, options, cache, originals)


def _checked(
    path: str,
    ruleset: RuleSet,
    options: ReadOptions,
    cache: ResultCache | None,
    originals: Originals | None,
) -> FileResult:
    try:
        document = read(Path(path), options)
        if originals is not None:
            document = originals.attach(document, options)
    except InputError as error:
        return FileResult(path, error=error)
    key = cache.key(document) if cache is not None else ""
    if cache is not None and (hit := cache.get(key)) is not None:
        result = FileResult(path, document, hit[0], unused_suppressions=hit[1])
        warm.remember(result, cache, options, key)
        return result
    try:
        findings, unused = check_with_suppressions(document, ruleset)
    except BudgetExceeded as exceeded:
        return FileResult(path, error=InputError(path, exceeded.naming(ruleset)))
    except InputError as error:  # the markup cannot be read as a whole
        return FileResult(path, error=InputError(path, error.message, error.line))
    result = FileResult(path, document, tuple(findings), unused_suppressions=tuple(unused))
    if cache is not None:
        cache.store(key, (result.findings, result.unused_suppressions))
        warm.remember(result, cache, options, key)
    return result


def _init_worker(
    ruleset: RuleSet, options: ReadOptions, cache: ResultCache | None, originals: Originals | None
) -> None:
    global _worker_ruleset, _worker_options, _worker_cache, _worker_originals
    _worker_ruleset, _worker_options, _worker_cache = ruleset, options, cache
    _worker_originals = originals


def _check_in_worker(path: str) -> FileResult:
    assert _worker_ruleset is not None
    return check_path(path, _worker_ruleset, _worker_options, _worker_cache, _worker_originals)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def useful_jobs(asked: int, files: int) -> int:
    """No more workers than cores, nor than chunks of files to hand out."""
    return max(1, min(asked, default_jobs(), -(-files // _CHUNK)))


def check_paths(
    paths: Sequence[str],
    ruleset: RuleSet,
    *,
    jobs: int,
    options: ReadOptions,
    cache: ResultCache | None = None,
    originals: Originals | None = None,
) -> Iterator[FileResult]:
    """Results for each path, in order; on a pool when there are enough files.

    Cached results are looked up here; each worker reads and checks the files
    that missed, and their results are kept in this process's cache, which the
    caller saves.
    """
    jobs = useful_jobs(jobs, len(paths))
    if jobs <= 1 or len(paths) < MIN_FILES_FOR_POOL:
        for path in paths:
            yield check_path(path, ruleset, options, cache, originals)
        return
    from concurrent.futures import ProcessPoolExecutor  # with its sockets and threads: lazily

    # Hits are served here, so the workers need no copy of the cache, only the misses.
    known: dict[int, FileResult] = {}
    if cache is not None:
        for index, path in enumerate(paths):
            hit = _cached(path, options, cache, originals)
            if hit is not None:
                known[index] = hit
    todo = [path for index, path in enumerate(paths) if index not in known]
    with ProcessPoolExecutor(
        max_workers=jobs,
        initializer=_init_worker,
        initargs=(ruleset, options, None, originals),
    ) as pool:
        checked = pool.map(_check_in_worker, todo, chunksize=_CHUNK)
        for index in range(len(paths)):
            if index in known:
                yield known[index]
                continue
            result = next(checked)
            if cache is not None and result.document is not None:
                entry = (result.findings, result.unused_suppressions)
                key = cache.key(result.document)
                cache.store(key, entry)
                warm.remember(result, cache, options, key)
            yield result


def _cached(
    path: str, options: ReadOptions, cache: ResultCache, originals: Originals | None
) -> FileResult | None:
    """The cached result of one file, or None (also when it cannot be read: a worker
    reports that)."""

    def load() -> FileResult:
        changed = InputError(path, "changed while it was checked; check it again")
        return _read_cached(path, options, cache, originals) or FileResult(path, error=changed)

    kept = warm.unchanged(path, cache, options, originals, load)
    if kept is not None:
        return kept  # type: ignore[return-value]
    return _read_cached(path, options, cache, originals)


def _read_cached(
    path: str, options: ReadOptions, cache: ResultCache, originals: Originals | None
) -> FileResult | None:
    try:
        document = read(Path(path), options)
        if originals is not None:
            document = originals.attach(document, options)
    except InputError:
        return None
    key = cache.key(document)
    hit = cache.get(key)
    if hit is None:
        return None
    result = FileResult(path, document, hit[0], unused_suppressions=hit[1])
    warm.remember(result, cache, options, key)
    return result
