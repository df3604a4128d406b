"""Checking one partition of articles, and what it produced as rows: no Dask here.

A worker runs these on each partition (a list of many articles). An article is a path
to read on the worker, or a ``(path, text)`` pair whose text is a string or the raw
bytes. The rule set, config and read options travel together as one ``Shipment``,
sent to each worker once; every article of every partition is checked with it.

Each article goes through the run session's own steps (``mtcheck.checking``): a path
through ``check_path``, the one function ``parallel.check_paths`` runs for each file,
and a given text, once it is a document, through ``check_document``, which
``check_paths`` and ``mtcheck.check_texts`` end in. So a finding on Dask is the
finding the command line gives, from the same code.

An article that fails (undecodable bytes, a markup that cannot be read, a pattern over
its time budget, or a fault of mtcheck itself) becomes a result with its error, so one
bad file never fails a partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtcheck.checking import check_document, check_path
from mtcheck.document import Document, ReadOptions, decode
from mtcheck.engine import RuleSet
from mtcheck.errors import InputError
from mtcheck.records import file_entry as report_entry
from mtcheck.records import finding_to_dict
from mtcheck.results import FileResult
from mtcheck.sources import Originals
from mtcheck.verdicts import judge

# An article as a partition holds it: a path read on the worker, or a path with its text.
Article = str | tuple[str, str | bytes]

# The fields of a finding row, in order: the path, the JSON report's finding fields
# (docs/json-report.md), and the error of an article that could not be checked.
FINDING_FIELDS = (
    "rule",
    "name",
    "category",
    "severity",
    "message",
    "start",
    "end",
    "line",
    "column",
    "matched",
    "fix",
    "suggestions",
)
ROW_FIELDS = ("path", *FINDING_FIELDS, "error")


@dataclass(frozen=True)
class Shipment:
    """Everything a worker needs to check articles as the command line would."""

    ruleset: RuleSet
    options: ReadOptions = field(default_factory=ReadOptions)
    originals: Originals | None = None
    count_fixes: bool = False  # as the session's: for the human report's fix count

    def __reduce__(self) -> tuple[Any, ...]:
        # The rule set's automaton is a compiled extension object: each worker builds
        # its own on first use (milliseconds) from the rules, which do travel.
        fresh = RuleSet(self.ruleset.rules, self.ruleset.config)
        return (_arrived, (fresh, self.options, self.originals, self.count_fixes))


# How many shipments this process has unpacked: the tests read it on each worker to
# see that the rules arrive once per worker, not once per task.
arrivals = 0


def _arrived(
    ruleset: RuleSet, options: ReadOptions, originals: Originals | None, count_fixes: bool
) -> Shipment:
    global arrivals
    arrivals += 1
    return Shipment(ruleset, options, originals, count_fixes)


def check_partition(articles: Iterable[Article], shipment: Shipment) -> list[FileResult]:
    """The result of each article, in order. The one place a worker checks text."""
    return [_check_one(article, shipment) for article in articles]


def _check_one(article: Article, shipment: Shipment) -> FileResult:
    path = article if isinstance(article, str) else article[0]
    try:
        if isinstance(article, str):
            return check_path(
                article,
                shipment.ruleset,
                shipment.options,
                None,
                shipment.originals,
                count_fixes=shipment.count_fixes,
            )
        return _check_given(path, article[1], shipment)
    except Exception as fault:  # a fault of mtcheck on one article must not stop the archive
        message = f"mtcheck failed on this article ({type(fault).__name__}: {fault})"
        return FileResult(str(path), error=InputError(str(path), message))


def _check_given(path: str, text: str | bytes, shipment: Shipment) -> FileResult:
    """An article whose text came with it (a bag or a Parquet column), not from a file."""
    try:
        document = _given_document(path, text, shipment)
    except InputError as error:
        return FileResult(path, error=error)
    return check_document(document, shipment.ruleset, count_fixes=shipment.count_fixes)


def _given_document(path: str, text: str | bytes, shipment: Shipment) -> Document:
    """The text as the document a file of that name would read as (decoded as files
    are, an empty one refused as an empty file is), with its original attached."""
    from mtcheck.formats import syntax_for

    options = shipment.options
    syntax = options.syntax or syntax_for(path)
    if isinstance(text, bytes):
        document = decode(text, path, options.encoding, syntax)
    elif isinstance(text, str):
        document = Document(text, path=path, syntax=syntax)
    else:
        raise InputError(path, f"the text is a {type(text).__name__}, not a string or bytes")
    if not document.text.strip():
        raise InputError(path, "empty text; nothing to check")
    if shipment.originals is not None:
        document = shipment.originals.attach(document, options)
    return document


def file_entry(result: FileResult) -> dict[str, Any]:
    """The article as an entry of the JSON report's ``files`` (docs/json-report.md), as
    a plain ``mtcheck check --format json`` writes it (no verdict options)."""
    return report_entry(judge(result, fail_under=None, report_unused=False))


def finding_rows(result: FileResult) -> list[dict[str, Any]]:
    """One row per finding (the JSON-lines record), or one error row for a failed article."""
    if result.error is not None:
        return [{**dict.fromkeys(ROW_FIELDS), "path": result.path, "error": result.error.message}]
    return [
        {"path": result.path, **finding_to_dict(finding, result), "error": None}
        for finding in result.findings
    ]


@dataclass
class Tally:
    """What a partition held: small enough to gather from every task of an archive."""

    files: int = 0
    failed: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)

    def count(self, results: Sequence[FileResult]) -> Tally:
        for result in results:
            self.files += 1
            self.failed += result.error is not None
            self.findings += len(result.findings)
            for finding in result.findings:
                label = finding.severity.label
                self.by_severity[label] = self.by_severity.get(label, 0) + 1
        return self

    def add(self, other: Tally) -> Tally:
        self.files += other.files
        self.failed += other.failed
        self.findings += other.findings
        for label, count in other.by_severity.items():
            self.by_severity[label] = self.by_severity.get(label, 0) + count
        return self
