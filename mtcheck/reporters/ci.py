"""Formats for CI systems: GitHub annotations, SARIF, JUnit, reviewdog, GitLab, JSON lines."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.baseline import finding_key
from mtcheck.model import Finding, Severity
from mtcheck.printable import plural, printable, xml_safe
from mtcheck.records import finding_to_dict
from mtcheck.reporters.base import CollectingReporter, ReportContext, Reporter
from mtcheck.reporters.locations import (
    SARIF_LEVEL,
    SRCROOT,
    artifact_location,
    findings,
    locate,
    positions,
)
from mtcheck.results import FileResult
from mtcheck.rule import RuleInfo
from mtcheck.verdicts import UNUSED_SUPPRESSION, VERDICT_RULES, Verdict, verdicts
from mtcheck.version import __version__

if TYPE_CHECKING:
    from rich.console import Console

HOMEPAGE = "https://pypi.org/project/mtcheck/"


class JsonLinesReporter(Reporter):
    """One JSON object per finding, with its path: easy to stream and grep."""

    def add(self, result: FileResult) -> None:
        for _, finding in findings([result]):
            record = {"path": result.path, **finding_to_dict(finding, result)}
            self.write(json.dumps(record, ensure_ascii=False) + "\n")


def _escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)  # the runner's log is a terminal too


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: each finding becomes an annotation on the diff."""

    def add(self, result: FileResult) -> None:
        for _, finding in findings([result]):
            where = locate(result, finding)
            title = f"{finding.rule_id} {finding.name} ({finding.category})"
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", where.path),
                    ("line", where.line),
                    ("col", where.column),
                    ("endLine", where.end_line),
                    ("endColumn", where.end_column),
                    ("title", title),
                )
            )
            message = finding.message
            if finding.suggestions and finding.suggestions[0]:
                message += f" → {finding.suggestions[0]}"
            level = _GITHUB_LEVEL[finding.severity]
            self.write(f"::{level} {properties}::{_escape_data(message)}\n")
        for verdict in verdicts([result]):
            self.write(self._annotation(verdict))

    @staticmethod
    def _annotation(verdict: Verdict) -> str:
        """An unused suppression on its line; a score below --fail-under on the file."""
        fields: list[tuple[str, object]] = [("file", Path(verdict.path).as_posix())]
        if verdict.line is not None:
            fields.append(("line", verdict.line))
        fields.append(("title", verdict.rule))
        properties = ",".join(f"{k}={_escape_property(str(v))}" for k, v in fields)
        return f"::{verdict.level} {properties}::{_escape_data(verdict.reason)}\n"


def _region(result: FileResult, start: int, end: int) -> dict[str, int]:
    line, column, end_line, end_column = positions(result, start, end)
    return {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": start,
        "charLength": end - start,
    }


class SarifReporter(CollectingReporter):
    """SARIF 2.1.0, as GitHub code scanning accepts it: rules, results, locations, fixes."""

    def render(self, results: Sequence[FileResult]) -> None:
        catalogue = self.context.catalogue
        judged = verdicts(results)
        used = sorted({f.rule_id for _, f in findings(results)})
        used += sorted({v.rule for v in judged})
        index = {rule_id: i for i, rule_id in enumerate(used)}
        rules = [self._rule(rule_id, catalogue) for rule_id in used]
        sarif_results = [self._result(r, f, index[f.rule_id]) for r, f in findings(results)]
        sarif_results += [self._verdict(v, index[v.rule]) for v in judged]
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "mtcheck",
                            "version": __version__,
                            "informationUri": HOMEPAGE,
                            "rules": rules,
                        }
                    },
                    "originalUriBaseIds": {
                        SRCROOT: {"description": {"text": "the folder mtcheck was run in"}}
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": sarif_results,
                }
            ],
        }
        self.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")

    @staticmethod
    def _rule(rule_id: str, catalogue: Mapping[str, RuleInfo]) -> dict[str, Any]:
        if rule_id in VERDICT_RULES:
            text = VERDICT_RULES[rule_id]
            return {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": text},
                "fullDescription": {"text": text},
                "defaultConfiguration": {
                    "level": "warning" if rule_id == UNUSED_SUPPRESSION else "error"
                },
            }
        info = catalogue.get(rule_id)
        if info is None:  # only when a caller gives no context
            return {"id": rule_id}
        return {
            "id": info.id,
            "name": info.name,
            "shortDescription": {"text": info.description},
            "fullDescription": {"text": info.description},
            "help": {"text": f"{info.description} Category: {info.category}."},
            "defaultConfiguration": {"level": SARIF_LEVEL[info.severity]},
            "properties": {"tags": [info.category]},
        }

    @staticmethod
    def _verdict(verdict: Verdict, rule_index: int) -> dict[str, Any]:
        region = {"startLine": verdict.line or 1}  # a score is the whole file's: its start
        return {
            "ruleId": verdict.rule,
            "ruleIndex": rule_index,
            "level": verdict.level,
            "message": {"text": verdict.reason},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": artifact_location(verdict.path),
                        "region": region,
                    }
                }
            ],
        }

    @staticmethod
    def _result(result: FileResult, finding: Finding, rule_index: int) -> dict[str, Any]:
        path = artifact_location(result.path)
        entry: dict[str, Any] = {
            "ruleId": finding.rule_id,
            "ruleIndex": rule_index,
            "level": SARIF_LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": path,
                        "region": {
                            **_region(result, finding.span.start, finding.span.end),
                            "snippet": {"text": finding.matched},
                        },
                    }
                }
            ],
        }
        if finding.fix is not None:
            entry["fixes"] = [
                {
                    "description": {"text": f"{finding.fix.applicability.label} fix"},
                    "artifactChanges": [
                        {
                            "artifactLocation": path,
                            "replacements": [
                                {
                                    "deletedRegion": _region(
                                        result, edit.span.start, edit.span.end
                                    ),
                                    "insertedContent": {"text": edit.replacement},
                                }
                                for edit in finding.fix.edits
                            ],
                        }
                    ],
                }
            ]
        return entry


class JunitReporter(Reporter):
    """JUnit XML: a test case per file, failing with its findings (built file by file)."""

    def __init__(self, console: Console, context: ReportContext | None = None) -> None:
        super().__init__(console, context)
        self.cases: list[ElementTree.Element] = []

    def add(self, result: FileResult) -> None:
        case = ElementTree.Element("testcase", name=result.path, classname="mtcheck")
        if result.error is not None:
            failure = ElementTree.SubElement(case, "failure", message=result.error.message)
            failure.text = str(result.error)
        elif result.findings:
            lines = []
            for finding in result.findings:
                where = locate(result, finding)
                lines.append(
                    f"{where.path}:{where.line}:{where.column}: {finding.rule_id} "
                    f"[{finding.category}] {finding.message}"
                )
            count = len(result.findings)
            failure = ElementTree.SubElement(case, "failure", message=plural(count, "finding"))
            failure.text = "\n".join(lines)
        self.cases.append(case)

    def finish(self) -> None:
        suites = ElementTree.Element("testsuites")
        failures = sum(1 for case in self.cases if case.find("failure") is not None)
        suite = ElementTree.SubElement(
            suites,
            "testsuite",
            name="mtcheck",
            tests=str(len(self.cases)),
            failures=str(failures),
            errors="0",
        )
        suite.extend(self.cases)
        for element in suites.iter():
            element.attrib = {k: xml_safe(v) for k, v in element.attrib.items()}
            if element.text:
                element.text = xml_safe(element.text)
        ElementTree.indent(suites)
        self.write(ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")


_RDJSON_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


class RdjsonReporter(CollectingReporter):
    """reviewdog's Diagnostic Format, with suggestions reviewdog can apply."""

    def render(self, results: Sequence[FileResult]) -> None:
        diagnostics = []
        for result, finding in findings(results):
            where = locate(result, finding)
            diagnostic: dict[str, Any] = {
                "message": finding.message,
                "location": {
                    "path": where.path,
                    "range": _rd_range(result, finding.span.start, finding.span.end),
                },
                "severity": _RDJSON_SEVERITY[finding.severity],
                "code": {"value": finding.rule_id},
            }
            if finding.fix is not None:
                diagnostic["suggestions"] = [
                    {
                        "range": _rd_range(result, edit.span.start, edit.span.end),
                        "text": edit.replacement,
                    }
                    for edit in finding.fix.edits
                ]
            diagnostics.append(diagnostic)
        report = {"source": {"name": "mtcheck", "url": HOMEPAGE}, "diagnostics": diagnostics}
        self.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _rd_range(result: FileResult, start: int, end: int) -> dict[str, Any]:
    line, column, end_line, end_column = positions(result, start, end)
    return {
        "start": {"line": line, "column": column},
        "end": {"line": end_line, "column": end_column},
    }


_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabReporter(CollectingReporter):
    """GitLab Code Quality: a JSON list of issues with stable fingerprints."""

    def render(self, results: Sequence[FileResult]) -> None:
        issues = []
        for result, finding in findings(results):
            where = locate(result, finding)
            assert result.document is not None
            # The baseline's key: stable when the article is edited elsewhere.
            seed = "\0".join(finding_key(result.path, result.document.text, finding))
            issues.append(
                {
                    "description": f"{finding.rule_id}: {finding.message}",
                    "check_name": finding.rule_id,
                    "fingerprint": hashlib.md5(seed.encode("utf-8")).hexdigest(),
                    "severity": _GITLAB_SEVERITY[finding.severity],
                    "categories": ["Style"],
                    "location": {"path": where.path, "lines": {"begin": where.line}},
                }
            )
        self.write(json.dumps(issues, ensure_ascii=False, indent=2) + "\n")
