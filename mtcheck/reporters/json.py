"""The JSON report: the contract of DESIGN.md §4, documented in docs/json-report.md."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mtcheck.records import file_entry, finding_to_dict
from mtcheck.reporters.base import ReportContext, Reporter
from mtcheck.results import FileResult
from mtcheck.version import __version__

if TYPE_CHECKING:
    from rich.console import Console


def report_dict(results: Iterable[FileResult]) -> dict[str, Any]:
    return {"version": __version__, "files": [file_entry(r) for r in results]}


class JsonReporter(Reporter):
    """Written file by file as results come, byte for byte what ``json.dumps`` of the
    whole ``report_dict`` would give (indent 2), so memory stays flat on any run."""

    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        super().__init__(console, context)
        self.files = 0

    def start(self) -> None:
        self.write('{\n  "version": ' + json.dumps(__version__) + ',\n  "files": [')

    def add(self, result: FileResult) -> None:
        text = json.dumps(file_entry(result), ensure_ascii=False, indent=2)
        separator = ",\n" if self.files else "\n"
        self.write(separator + "\n".join("    " + line for line in text.split("\n")))
        self.files += 1

    def finish(self) -> None:
        self.write("\n  ]\n}\n" if self.files else "]\n}\n")


__all__ = ["JsonReporter", "file_entry", "finding_to_dict", "report_dict"]
