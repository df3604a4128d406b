"""Re-checking an archive whose files have not changed: the cost of looking at the tree.

The result cache remembers, for each file checked without an original, what the file
was (device, inode, size, times) and its part of the report in the formats asked for
(``fragment``: text and counts). When a file is still what it was, ``unchanged`` gives
a ``CachedResult``: the reporter writes the kept fragment, and the file is read, and
its findings decoded, only if something else asks for them (a baseline, statistics,
a format without fragments) — then exactly as a checked file would be.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mtcheck.cache import ResultCache
    from mtcheck.document import Document, ReadOptions
    from mtcheck.model import Finding, Severity
    from mtcheck.results import FileResult
    from mtcheck.sources import Originals
    from mtcheck.suppressions import Suppression

Fragment = tuple[str, int, int]


def _fragment(value: Any) -> Fragment | None:
    if (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value[1:])
    ):
        return value[0], value[1], value[2]
    return None


class CachedResult:
    """A FileResult for a file unchanged since it was checked, read only on demand."""

    error = None
    shortfall = None

    def __init__(
        self,
        path: str,
        fragments: dict[str, Fragment],
        findings: int,
        unused: int,
        worst: int,
        load: Callable[[], FileResult],
    ) -> None:
        self.path = path
        self.fragments = fragments
        self._counts = findings, unused
        self.worst = worst
        self._load = load

    @cached_property
    def _full(self) -> FileResult:
        return self._load()

    @property
    def document(self) -> Document | None:
        return self._full.document

    @property
    def findings(self) -> tuple[Finding, ...]:
        return () if self._counts[0] == 0 else self._full.findings

    @property
    def unused_suppressions(self) -> tuple[Suppression, ...]:
        return () if self._counts[1] == 0 else self._full.unused_suppressions

    def position(self, offset: int) -> tuple[int, int]:
        return self._full.position(offset)

    def materialized(self) -> FileResult:
        """The file read and its findings decoded: the FileResult it stands for."""
        return self._full


def unchanged(
    path: str,
    cache: ResultCache,
    options: ReadOptions,
    originals: Originals | None,
    load: Callable[[], FileResult],
) -> CachedResult | None:
    """The cached result of a file that has not changed and has no original, or None."""
    if not cache.fragments:
        return None
    kept = cache.unchanged(path, options)
    if kept is None:
        return None
    fragments = {}
    for name in cache.fragments:
        fragment = _fragment(kept[8].get(name))
        if fragment is None:
            return None  # this format was never kept for it: checked (from the cache)
        fragments[name] = fragment
    if originals is not None and originals.locate(path) is not None:
        return None  # an original appeared beside it
    return CachedResult(path, fragments, kept[6], kept[7], kept[9], load)


def remember(result: FileResult, cache: ResultCache, options: ReadOptions, key: str) -> None:
    """Keep what the file is and its report fragments, for the next run."""
    document = result.document
    if document is None or document.original is not None or document.stamp is None:
        return
    entry = (result.findings, result.unused_suppressions)
    record = cache.remember_file(result.path, options, document.stamp, key, entry)
    if record is None:
        return
    for name, render in cache.fragments.items():
        fragment = render(result)
        result.fragments[name] = fragment
        cache.remember_fragment(record, name, fragment)


def fails(result: FileResult | CachedResult, level: Severity) -> bool:
    """Whether a file has a finding at least this severe (a cached file: without reading it)."""
    if isinstance(result, CachedResult):
        return result.worst >= level
    return any(finding.severity >= level for finding in result.findings)


def materialize(result: FileResult | CachedResult) -> FileResult:
    """A FileResult proper (a cached one read), for code that makes others from it."""
    return result.materialized() if isinstance(result, CachedResult) else result
