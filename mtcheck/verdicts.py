"""What a run says about each file beyond its findings, for the reports to show with the
reason: the suppressions that hid nothing (with ``--report-unused-suppressions``) and a
quality score below ``--fail-under``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from mtcheck import quality
from mtcheck.results import FileResult, Shortfall


def judge(result: FileResult, *, fail_under: float | None, report_unused: bool) -> FileResult:
    """The result as the reports show it: its unused suppressions kept only when asked
    for, and marked with its shortfall when it scores below ``fail_under``."""
    unused = result.unused_suppressions if report_unused else ()
    if fail_under is None and unused == result.unused_suppressions and result.shortfall is None:
        return result  # nothing to change: a file served from the cache stays unread
    from mtcheck.warm import materialize

    result = materialize(result)
    score = quality.score(result) if fail_under is not None else None
    shortfall = None
    if fail_under is not None and score is not None and score < fail_under:
        shortfall = Shortfall(score, fail_under)
    return replace(result, unused_suppressions=unused, shortfall=shortfall)


def judge_all(
    results: Iterable[FileResult], *, fail_under: float | None, report_unused: bool
) -> list[FileResult]:
    return [judge(r, fail_under=fail_under, report_unused=report_unused) for r in results]


def notices(result: FileResult) -> list[str]:
    """The log's copy of a judged result's verdicts, one line each (for standard error)."""
    lines = [f"{result.path}:{s.line}: {s.unused_reason}" for s in result.unused_suppressions]
    if result.shortfall is not None:
        lines.append(f"{result.path}: {result.shortfall.reason}")
    return lines


def json_fields(result: FileResult) -> dict[str, Any]:
    """The fields a run adds beside the findings when it judges them: present only then,
    so reports of runs without those options are what they always were."""
    fields: dict[str, Any] = {}
    if result.unused_suppressions:
        fields["unused_suppressions"] = [
            {
                "line": s.line,
                "kind": s.kind,
                "codes": list(s.codes),
                "reason": s.unused_reason,
            }
            for s in result.unused_suppressions
        ]
    if result.shortfall is not None:
        fields["fail_under"] = {
            "threshold": result.shortfall.threshold,
            "score": result.shortfall.score,
            "reason": result.shortfall.reason,
        }
    return fields


def failing(results: Iterable[FileResult]) -> bool:
    """Whether a verdict fails the run: a suppression that hid nothing, or a shortfall."""
    return any(r.unused_suppressions or r.shortfall is not None for r in results)


UNUSED_SUPPRESSION = "mtcheck/unused-suppression"
FAIL_UNDER = "mtcheck/fail-under"
# For the reports that list rules (SARIF): the checks of the run itself, not of the text.
VERDICT_RULES = {
    UNUSED_SUPPRESSION: "An inline suppression comment that hides no finding any more.",
    FAIL_UNDER: "The file's quality score is below the --fail-under threshold.",
}


@dataclass(frozen=True)
class Verdict:
    """One verdict as a report line: the file, the line (None: the whole file), the reason."""

    rule: str
    path: str
    line: int | None
    level: str  # "warning" or "error", as GitHub and SARIF name them
    reason: str


def verdicts(results: Iterable[FileResult]) -> list[Verdict]:
    """Every verdict of the judged results, in file order."""
    found = []
    for result in results:
        for s in result.unused_suppressions:
            found.append(
                Verdict(UNUSED_SUPPRESSION, result.path, s.line, "warning", s.unused_reason)
            )
        if result.shortfall is not None:
            found.append(Verdict(FAIL_UNDER, result.path, None, "error", result.shortfall.reason))
    return found
