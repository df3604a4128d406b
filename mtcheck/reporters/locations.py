"""Start and end of a finding in the terms report formats use."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mtcheck.model import Finding, Severity
from mtcheck.results import FileResult


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int


def positions(result: FileResult, start: int, end: int) -> tuple[int, int, int, int]:
    """1-based (line, column, end line, end column) of a range of a file."""
    line, column = result.position(start)
    end_line, end_column = result.position(end)
    return line, column, end_line, end_column


def locate(result: FileResult, finding: Finding) -> Location:
    where = positions(result, finding.span.start, finding.span.end)
    return Location(Path(result.path).as_posix(), *where)


# SARIF's conventional name for the root the relative URIs are resolved against (the
# folder mtcheck ran in); the consumer (GitHub: the checkout) supplies its value.
SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict[str, Any]:
    """A SARIF artifactLocation: a percent-encoded URI reference relative to SRCROOT, or
    a ``file://`` URI for an absolute path (a space, ``#`` or ``%`` in a name must not
    change what the URI points to)."""
    posix = Path(path)
    if posix.is_absolute():
        return {"uri": posix.as_uri()}
    relative = Path(os.path.normpath(path)).as_posix()
    return {"uri": quote(relative, safe="/"), "uriBaseId": SRCROOT}


def findings(results: Iterable[FileResult]) -> Iterator[tuple[FileResult, Finding]]:
    """Every (result, finding) pair of the files that could be read, in order."""
    for result in results:
        if result.document is not None:
            for finding in result.findings:
                yield result, finding


SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
