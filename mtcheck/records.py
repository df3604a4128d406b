"""The records of the JSON report (DESIGN.md §4, docs/json-report.md): one finding, one
file. The JSON and CI reports write them; the HTML report builds on the same fields.
"""

from __future__ import annotations

from typing import Any

from mtcheck import quality
from mtcheck.model import Finding
from mtcheck.results import FileResult
from mtcheck.verdicts import json_fields


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


def file_entry(result: FileResult) -> dict[str, Any]:
    """One file of the report: its path, original, words, score and findings (or error)."""
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
    entry.update(json_fields(result))  # the run's verdicts, when it judged them
    return entry
