"""One run over many articles: the pipeline under check, fix, review and the library.

A session collects the files (folders walked, excludes applied), reads each
with its Spanish original, and checks it through the result cache and the
process pool. Results stream: each is handed on as soon as it is ready and
nothing keeps it, so memory stays flat however many files a run holds. The
baseline filter (see ``baseline.BaselineFilter``) streams the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol, TextIO

from mtcheck.cache import CACHE_DIR, ResultCache
from mtcheck.checking import check_document, read_article
from mtcheck.config import Config
from mtcheck.document import Document, ReadOptions, decode
from mtcheck.engine import RuleSet
from mtcheck.errors import InputError
from mtcheck.files import STDIN, collect, tree_roots
from mtcheck.formats import syntax_for
from mtcheck.options import InputOptions
from mtcheck.parallel import check_paths, default_jobs
from mtcheck.results import FileResult
from mtcheck.sources import Originals
from mtcheck.warm import CachedResult, Fragment

STDIN_NAME = "<stdin>"


def cache_folder(config: Config) -> Path:
    """Beside the config file, as ruff keeps .ruff_cache; else in the current folder."""
    return config.root / CACHE_DIR


def originals_for(inputs: InputOptions, config: Config) -> Originals:
    """Where the Spanish originals are, from the options and the config."""
    folder = inputs.source_dir or config.source_dir
    if folder is not None and not folder.is_dir():
        raise InputError(str(folder), "source folder (--source-dir) does not exist")
    return Originals(
        explicit=inputs.source,
        folder=folder,
        pattern=config.source_pattern,
        beside=not inputs.no_source,
    )


def read_options(inputs: InputOptions, config: Config) -> ReadOptions:
    """How to read: the forced encoding and syntax, the checked tree and the size limit.

    The tree is the project (the config's folder, else the current one), the
    folders given and the folders of the files given, and the originals' folder:
    symlinks are followed only into it.
    """
    trusted: list[str | Path] = [config.root, *inputs.paths]
    if inputs.source is not None:
        trusted.append(inputs.source)
    folder = inputs.source_dir or config.source_dir
    if folder is not None:
        trusted.append(folder)
    limit = config.max_file_size
    if inputs.max_file_size is not None:
        limit = inputs.max_file_size or None
    return ReadOptions(inputs.encoding, inputs.syntax, tree_roots(trusted), limit)


def read_stdin(stdin: TextIO | BinaryIO, options: ReadOptions) -> Document:
    """Standard input as a document (plain text unless --syntax says otherwise)."""
    limit = options.max_bytes
    size = limit + 1 if limit else -1
    raw = _read_bytes(stdin, size)
    if limit and len(raw) > limit:
        raise InputError(STDIN_NAME, f"input is over the {limit:,}-byte limit (--max-file-size)")
    if not raw.strip():
        raise InputError(STDIN_NAME, "empty input; nothing to check")
    return decode(raw, STDIN_NAME, options.encoding, options.syntax or "txt")


def _read_bytes(stream: TextIO | BinaryIO, size: int) -> bytes:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return bytes(buffer.read(size))
    data = stream.read(size)
    return data.encode() if isinstance(data, str) else bytes(data)


class ResultSource(Protocol):
    """Checks the files of a session, in order (``parallel.check_paths``, the default:
    a process pool on this machine; ``mtcheck.scale`` checks them on Dask)."""

    def __call__(
        self,
        paths: Sequence[str],
        ruleset: RuleSet,
        *,
        jobs: int,
        options: ReadOptions,
        cache: ResultCache | None,
        originals: Originals | None,
        count_fixes: bool,
    ) -> Iterable[FileResult]: ...


@dataclass
class Session:
    """The articles of one run, read and checked one at a time.

    ``notices`` collects what the run has to say besides its results (a cache
    that could not be used, articles without an original); read it once the
    results have been consumed. ``source`` checks the files (default: on this
    machine); whatever checks them, each result is handed on the same way.
    """

    ruleset: RuleSet
    inputs: InputOptions
    stdin: TextIO | BinaryIO | None = None
    notices: list[str] = field(default_factory=list)
    source: ResultSource = check_paths

    def __post_init__(self) -> None:
        config = self.ruleset.config
        self.originals = originals_for(self.inputs, config)
        self.options = read_options(self.inputs, config)

    def collect(self) -> tuple[list[str], list[InputError]]:
        """The files to read, in order, and the paths given that name nothing."""
        config = self.ruleset.config
        excludes = [*config.exclude, *config.extend_exclude, *self.inputs.exclude]
        return collect(
            self.inputs.paths,
            excludes,
            self.originals.is_original,
            force_exclude=self.inputs.force_exclude,
            root=config.root,
        )

    def documents(self) -> Iterator[Document | InputError]:
        """Each file read with its original, or the error that stopped it (fix, review)."""
        paths, missing = self.collect()
        yield from missing
        for path in paths:
            try:
                yield self._read(path)
            except InputError as error:
                yield error

    def _read(self, path: str) -> Document:
        if path != STDIN:
            return read_article(path, self.options, self.originals)
        if self.stdin is None:
            raise InputError(STDIN_NAME, "no standard input to read")
        return self.originals.attach(read_stdin(self.stdin, self.options), self.options)

    def check(
        self,
        *,
        jobs: int = 0,
        cache: bool = False,
        count_fixes: bool = False,
        fragments: Mapping[str, Callable[[FileResult], Fragment]] | None = None,
    ) -> Iterator[FileResult]:
        """The result of each file, in order: missing paths first, then standard input,
        then the files (on ``jobs`` processes; 0: the config's, else every core).
        ``count_fixes`` counts what ``fix`` would fix in each (``FileResult.fixes``).
        ``fragments`` (format name -> renderer) are the report parts the cache keeps
        for each file: an unchanged file is then served from it unread (mtcheck.warm)."""
        paths, missing = self.collect()
        for error in missing:
            yield FileResult(error.path, error=error)
        if STDIN in paths:
            try:
                yield check_document(self._read(STDIN), self.ruleset, count_fixes=count_fixes)
            except InputError as error:
                yield FileResult(STDIN_NAME, error=error)
        files = [p for p in paths if p != STDIN]
        cache_ = self._open_cache(fragments) if cache else None
        workers = jobs or self.ruleset.config.jobs or default_jobs()
        results = self.source(
            files,
            self.ruleset,
            jobs=workers,
            options=self.options,
            cache=cache_,
            originals=self.originals,
            count_fixes=count_fixes,
        )
        try:
            yield from self._counting_originals(results)
        finally:
            if cache_ is not None:
                cache_.save()
                self.notices.extend(dict.fromkeys(cache_.notices))

    def _open_cache(
        self, fragments: Mapping[str, Callable[[FileResult], Fragment]] | None
    ) -> ResultCache:
        cache = ResultCache.open(cache_folder(self.ruleset.config), self.ruleset)
        cache.fragments.update(fragments or {})
        return cache

    def _counting_originals(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """With --source-dir, say afterwards how many articles had no original there."""
        read = alone = 0
        for result in results:
            if isinstance(result, CachedResult):  # kept only for a file without an original
                read += 1
                alone += 1
            elif result.document is not None:
                read += 1
                alone += result.document.original is None
            yield result
        folder = self.originals.folder
        if folder is not None and alone:
            self.notices.append(
                f"{alone} of {read} articles have no original in {folder}; checked without one"
            )


def check_texts(
    items: Iterable[tuple[str, str] | tuple[str, str, str | None]],
    ruleset: RuleSet,
    *,
    syntax: str | None = None,
) -> Iterator[FileResult]:
    """Check (path, text) or (path, text, original) items, streaming one result each.

    The syntax comes from each path's extension unless ``syntax`` is given; the
    findings are those ``check_paths`` gives for the same files.
    """
    for item in items:
        path, text = item[0], item[1]
        original = item[2] if len(item) > 2 else None
        kind = syntax or syntax_for(path)
        source = None
        if original is not None:
            source = Document(original, path=f"{path} (original)", syntax=kind)
        document = Document(text, path=path, syntax=kind, original=source)
        yield check_document(document, ruleset)
