"""Checking many files on several cores, with the same output as one core.

Workers receive paths, not texts, so each file is read once; each worker
builds the rule set once (the initializer) and results come back in the order
of the paths given, so reports are identical to a serial run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mtcheck.cache import ResultCache
from mtcheck.document import ReadOptions, read
from mtcheck.engine import RuleSet, check_with_suppressions
from mtcheck.errors import InputError
from mtcheck.results import FileResult

# Below this many files a pool costs more to start than it saves.
MIN_FILES_FOR_POOL = 64
_CHUNK = 16

_worker_ruleset: RuleSet | None = None
_worker_options = ReadOptions()


def check_path(path: str, ruleset: RuleSet, options: ReadOptions) -> FileResult:
    try:
        document = read(Path(path), options)
    except InputError as error:
        return FileResult(path, error=error)
    findings, unused = check_with_suppressions(document, ruleset)
    return FileResult(path, document, tuple(findings), unused_suppressions=tuple(unused))


def _init_worker(ruleset: RuleSet, options: ReadOptions) -> None:
    global _worker_ruleset, _worker_options
    _worker_ruleset = ruleset
    _worker_options = options


def _check_in_worker(path: str) -> FileResult:
    assert _worker_ruleset is not None
    return check_path(path, _worker_ruleset, _worker_options)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_paths(
    paths: Sequence[str],
    ruleset: RuleSet,
    *,
    jobs: int,
    options: ReadOptions,
    cache: ResultCache | None = None,
) -> list[FileResult]:
    """Results for each path, in order: from the cache, else on a pool when there are many."""
    results: list[FileResult | None] = [None] * len(paths)
    missing: list[int] = []
    keys: dict[int, str] = {}
    for index, path in enumerate(paths):
        if cache is None:
            missing.append(index)
            continue
        try:
            document = read(Path(path), options)
        except InputError as error:
            results[index] = FileResult(path, error=error)
            continue
        keys[index] = cache.key(document)
        hit = cache.get(keys[index])
        if hit is None:
            missing.append(index)
        else:
            results[index] = FileResult(path, document, hit[0], unused_suppressions=hit[1])
    todo = [paths[i] for i in missing]
    for index, result in zip(missing, _check_all(todo, ruleset, jobs, options), strict=True):
        results[index] = result
        if cache is not None and result.document is not None and index in keys:
            cache.put(keys[index], (result.findings, result.unused_suppressions))
    return [r for r in results if r is not None]


def _check_all(
    paths: Sequence[str], ruleset: RuleSet, jobs: int, options: ReadOptions
) -> Iterator[FileResult]:
    if jobs <= 1 or len(paths) < MIN_FILES_FOR_POOL:
        for path in paths:
            yield check_path(path, ruleset, options)
        return
    with ProcessPoolExecutor(
        max_workers=jobs,
        initializer=_init_worker,
        initargs=(ruleset, options),
    ) as pool:
        yield from pool.map(_check_in_worker, paths, chunksize=_CHUNK)
