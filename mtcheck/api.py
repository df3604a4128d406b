"""The library entry points: check and fix text or files, with the Spanish original if any."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from mtcheck import session
from mtcheck.baseline import Baseline, BaselineFilter
from mtcheck.checking import fix_document
from mtcheck.document import Document, load
from mtcheck.engine import RuleSet, check, default_ruleset
from mtcheck.fixer import FixResult
from mtcheck.model import Applicability, Finding
from mtcheck.options import InputOptions
from mtcheck.results import FileResult

TextItem = tuple[str, str] | tuple[str, str, str | None]


def _with_original(text: str, path: str, original: str | None) -> Document:
    source = Document(original, path=f"{path} (original)") if original is not None else None
    return Document(text, path=path, original=source)


def check_paths(
    paths: Sequence[str | Path],
    ruleset: RuleSet | None = None,
    *,
    jobs: int = 1,
    cache: bool = False,
    exclude: Sequence[str] = (),
    force_exclude: bool = False,
    source_dir: str | Path | None = None,
    baseline: str | Path | None = None,
    encoding: str | None = None,
    syntax: str | None = None,
) -> Iterator[FileResult]:
    """Check files and folders as ``mtcheck check`` does, one FileResult at a time.

    Folders are walked (``.gitignore`` and ``exclude`` honoured), each article is
    read with its Spanish original (beside it, or in ``source_dir``), checked on
    ``jobs`` processes (0: every core) and, with ``cache``, through the result
    cache beside the config. With ``baseline`` (a file ``--write-baseline`` wrote)
    its findings are left out. Results stream in the order of the paths, and a
    file that cannot be read is a result with its ``error`` set.
    """
    inputs = InputOptions(
        tuple(str(p) for p in paths),
        encoding=encoding,
        syntax=syntax,
        exclude=tuple(exclude),
        force_exclude=force_exclude,
        source_dir=Path(source_dir) if source_dir is not None else None,
    )
    run = session.Session(ruleset or default_ruleset(), inputs)
    results = run.check(jobs=jobs, cache=cache)
    if baseline is None:
        return results
    sieve = BaselineFilter(Baseline.load(Path(baseline)))
    return (sieve.apply(result) for result in results)


def check_texts(
    items: Iterable[TextItem],
    ruleset: RuleSet | None = None,
    *,
    syntax: str | None = None,
) -> Iterator[FileResult]:
    """Check many texts in memory: ``(path, text)`` or ``(path, text, original)`` items.

    One FileResult each, as the items come (an iterator of items is consumed
    lazily, so a worker can stream a partition through it). The syntax comes
    from each path's extension unless ``syntax`` is given; the findings are those
    ``mtcheck check`` reports for the same files.
    """
    return session.check_texts(items, ruleset or default_ruleset(), syntax=syntax)


def check_text(
    text: str,
    ruleset: RuleSet | None = None,
    path: str = "<string>",
    original: str | None = None,
    syntax: str = "txt",
) -> list[Finding]:
    """Findings for a string of article text; ``original`` is its Spanish original.

    ``syntax`` (txt, md or html) says how to find the prose in it.
    """
    document = _with_original(text, path, original)
    if syntax != "txt":
        document = replace(document, syntax=syntax)
    return check(document, ruleset or default_ruleset())


def check_document(document: Document, ruleset: RuleSet | None = None) -> list[Finding]:
    return check(document, ruleset or default_ruleset())


def check_file(
    path: str | Path, ruleset: RuleSet | None = None, original: str | Path | None = None
) -> list[Finding]:
    """Findings for one file (compared with ``original``, a file, when given);
    raises InputError when either cannot be read."""
    document = load(Path(path))
    if original is not None:
        document = replace(document, original=load(Path(original)))
    return check(document, ruleset or default_ruleset())


def fix_text(
    text: str,
    ruleset: RuleSet | None = None,
    unsafe: bool = False,
    original: str | None = None,
) -> str:
    """The text with every safe fix applied (and unsafe ones when asked)."""
    level = Applicability.UNSAFE if unsafe else Applicability.SAFE
    return fix_document(_with_original(text, "<string>", original), ruleset, level).text


__all__ = [
    "FixResult",
    "check_document",
    "check_file",
    "check_paths",
    "check_text",
    "check_texts",
    "fix_document",
    "fix_text",
]
