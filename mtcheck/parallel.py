"""Checking many files on several cores, with the same output as one core.

Workers receive paths, not texts, so each file is read once; each worker
builds the rule set once (the initializer). Results come back in the order of
the paths given, so reports are identical to a serial run, and only a few
chunks are in flight at a time: memory stays flat however many files there are.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtcheck.checking import cached_result, check_path, with_fix_count
from mtcheck.document import ReadOptions
from mtcheck.engine import RuleSet
from mtcheck.results import FileResult
from mtcheck.sources import Originals

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from mtcheck.cache import ResultCache

# Below this many files a pool costs more to start than it saves.
MIN_FILES_FOR_POOL = 64
_CHUNK = 16
# Chunks handed out per worker ahead of the one being reported: enough to keep
# every core busy, few enough that results do not pile up.
_AHEAD = 3


@dataclass(frozen=True)
class Job:
    """What every file of a run is checked with, sent to each worker once."""

    ruleset: RuleSet
    options: ReadOptions
    originals: Originals | None = None
    count_fixes: bool = False

    def check(self, path: str, cache: ResultCache | None = None) -> FileResult:
        return check_path(
            path, self.ruleset, self.options, cache, self.originals, count_fixes=self.count_fixes
        )


_worker_job: Job | None = None


def _init_worker(job: Job) -> None:
    global _worker_job
    _worker_job = job


def _check_in_worker(paths: list[str]) -> list[FileResult]:
    assert _worker_job is not None
    return [_worker_job.check(path) for path in paths]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def useful_jobs(asked: int, files: int) -> int:
    """No more workers than cores, nor than chunks of files to hand out."""
    return max(1, min(asked, default_jobs(), -(-files // _CHUNK)))


@dataclass
class _Chunk:
    """A run of paths: the cache's hits (by position) and a worker's task for the rest."""

    paths: list[str]
    hits: dict[int, FileResult]
    misses: Future[list[FileResult]] | None


def check_paths(
    paths: Sequence[str],
    ruleset: RuleSet,
    *,
    jobs: int,
    options: ReadOptions,
    cache: ResultCache | None = None,
    originals: Originals | None = None,
    count_fixes: bool = False,
) -> Iterator[FileResult]:
    """Results for each path, in order; on a pool when there are enough files.

    Cached results are looked up here; workers read and check the files that
    missed, and their results are kept in this process's cache, which the
    caller saves.
    """
    job = Job(ruleset, options, originals, count_fixes)
    jobs = useful_jobs(jobs, len(paths))
    if jobs <= 1 or len(paths) < MIN_FILES_FOR_POOL:
        for path in paths:
            yield job.check(path, cache)
        return
    from concurrent.futures import ProcessPoolExecutor  # with its sockets and threads: lazily

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(job,)) as pool:
        pending: deque[_Chunk] = deque()
        for start in range(0, len(paths), _CHUNK):
            chunk = list(paths[start : start + _CHUNK])
            pending.append(_hand_out(pool, chunk, job, cache))
            if len(pending) >= jobs * _AHEAD:
                yield from _collect(pending.popleft(), cache)
        while pending:
            yield from _collect(pending.popleft(), cache)


def _hand_out(
    pool: ProcessPoolExecutor, paths: list[str], job: Job, cache: ResultCache | None
) -> _Chunk:
    hits: dict[int, FileResult] = {}
    if cache is not None:  # hits are served here: the workers need no copy of the cache
        for index, path in enumerate(paths):
            hit = cached_result(path, job.options, cache, job.originals)
            if hit is not None:
                hits[index] = with_fix_count(hit, job.ruleset) if job.count_fixes else hit
    todo = [path for index, path in enumerate(paths) if index not in hits]
    return _Chunk(paths, hits, pool.submit(_check_in_worker, todo) if todo else None)


def _collect(chunk: _Chunk, cache: ResultCache | None) -> Iterator[FileResult]:
    checked = iter(chunk.misses.result() if chunk.misses is not None else ())
    for index in range(len(chunk.paths)):
        if index in chunk.hits:
            yield chunk.hits[index]
            continue
        result = next(checked)
        if cache is not None and result.document is not None:
            entry = (result.findings, result.unused_suppressions)
            cache.store(cache.key(result.document), entry)
        yield result
