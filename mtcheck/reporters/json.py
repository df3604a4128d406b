"""The JSON report: the contract of DESIGN.md §4, documented in docs/json-report.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mtcheck import quality
from mtcheck.model import Finding
from mtcheck.reporters.base import Reporter
from mtcheck.results import FileResult
from mtcheck.verdicts import json_fields
from mtcheck.version import __version__


def finding_to_dict(finding: Finding, result: FileResult) -> dict[str, Any]:
    line, column = result.position(finding.span.start)
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.label,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "replacement": e.replacement}
                for e in finding.fix.edits
            ],
        }
    return {
        "rule": finding.rule_id,
        "name": finding.name,
        "category": finding.category,
        "severity": finding.severity.label,
        "message": finding.message,
        "start": finding.span.start,
        "end": finding.span.end,
        "line": line,
        "column": column,
        "matched": finding.matched,
        "fix": fix,
        "suggestions": list(finding.suggestions),
    }


def report_dict(results: Sequence[FileResult]) -> dict[str, Any]:
    files = []
    for result in results:
        entry: dict[str, Any] = {"path": result.path}
        if result.document is not None:
            original = result.document.original
            entry["source"] = original.path if original is not None else None
            entry["words"] = quality.words(result)
            entry["score"] = quality.score(result)
        if result.error is not None:
            entry["error"] = result.error.message
            entry["findings"] = []
        else:
            entry["findings"] = [finding_to_dict(f, result) for f in result.findings]
        entry.update(json_fields(result))
        files.append(entry)
    return {"version": __version__, "files": files}


class JsonReporter(Reporter):
    def report(self, results: Sequence[FileResult]) -> None:
        self.write(json.dumps(report_dict(results), ensure_ascii=False, indent=2) + "\n")
